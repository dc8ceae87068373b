import LossCore

/// The `model` section: a linear model (one dense layer, a GLM) or an MLP.
public struct ModelConfiguration: ConfigurationSection, Hashable {
    public enum ModelType: String, Sendable, CaseIterable {
        case linear, mlp
    }

    public static let sectionName = "model"

    public var type = ModelType.linear
    /// Hidden layer sizes of an MLP (ignored by a linear model).
    public var hidden = [32]
    public var hiddenActivation = Activation.relu
    public var initializer = Initializer.auto
    /// The output activation of every loss (`nil`: each loss's natural pairing).
    public var outputActivation: Activation?

    public init() {}

    /// The hidden sizes the network has: none for a linear model.
    public var hiddenSizes: [Int] { type == .mlp ? hidden : [] }

    public static let fields: [ConfigurationField<ModelConfiguration>] = [
        .choice("type", \.type, "linear (a GLM: one dense layer) or mlp"),
        .integerList("hidden", \.hidden, 1...100_000, "hidden layer sizes of an mlp; a sweep is a list of lists, e.g. [[16], [64, 64]]"),
        .choice("hidden_activation", \.hiddenActivation, among: [.relu, .tanh, .sigmoid, .softplus, .identity], "activation of hidden layers"),
        .choice("initializer", \.initializer, "weight initialiser (auto: He uniform before ReLU, Glorot uniform otherwise)"),
        .optionalChoice("output_activation", \.outputActivation, absent: "each loss's natural pairing",
                        "output activation for every loss"),
    ]
}
