import LossCore

/// The `training` section: the optimizer and the schedule. The optimizer's defaults are Keras's,
/// taken from ``Optimizer/Defaults``.
public struct TrainingConfiguration: ConfigurationSection, Hashable {
    public static let sectionName = "training"

    public var optimizer = Optimizer.Kind.adam
    /// `nil`: Keras's default for the optimizer (``Optimizer/defaultLearningRate(_:)``).
    public var learningRate: Double?
    public var batchSize = 32
    public var epochs = 20
    public var momentum = Optimizer.Defaults.momentum
    public var nesterov = Optimizer.Defaults.nesterov
    public var beta1 = Optimizer.Defaults.beta1
    public var beta2 = Optimizer.Defaults.beta2
    public var rho = Optimizer.Defaults.rho
    public var epsilon = Optimizer.Defaults.epsilon
    public var weightDecay = Optimizer.Defaults.weightDecay
    public var earlyStoppingPatience: Int?
    public var classWeights: [Double]?
    /// Seconds per trial, checked after each epoch.
    public var timeLimit: Double?

    public init() {}

    /// For messages about class weights that do not fit the data.
    static let classWeightsPath = sectionName + ".class_weights"

    /// The optimizer these settings describe.
    public var builtOptimizer: Optimizer {
        Optimizer(kind: optimizer, learningRate: learningRate.map(Float.init), momentum: Float(momentum), nesterov: nesterov,
                  beta1: Float(beta1), beta2: Float(beta2), rho: Float(rho), epsilon: Float(epsilon), weightDecay: Float(weightDecay))
    }

    /// The learning rate as trial ids write it when the file leaves it out: the optimizer's
    /// default `Float`, by its shortest text, so that `0.001` written in a file gives the same id.
    var effectiveLearningRate: Double {
        learningRate ?? Double(Optimizer.defaultLearningRate(optimizer).description) ?? 0
    }

    public static let fields: [ConfigurationField<TrainingConfiguration>] = [
        .choice("optimizer", \.optimizer, "sgd, adam or rmsprop"),
        ConfigurationField("learning_rate", accepts: .number(1e-12...1e6, integer: false),
                           absentMeaning: "Keras's: 0.01 for sgd, 0.001 otherwise", "step size",
                           convert: { value in
                               guard case .number(let x) = value else { return nil }
                               return { $0.learningRate = x }
                           },
                           render: { .number($0.effectiveLearningRate) }),
        .integer("batch_size", \.batchSize, 1...10_000_000, "mini-batch size (the last partial batch is kept)"),
        .integer("epochs", \.epochs, 0...100_000, "passes over the training set"),
        .number("momentum", \.momentum, 0...0.999_999, "sgd and rmsprop momentum"),
        .flag("nesterov", \.nesterov, "Nesterov momentum (sgd)"),
        .number("beta1", \.beta1, 0...0.999_999, "Adam's first-moment decay"),
        .number("beta2", \.beta2, 0...0.999_999_999, "Adam's second-moment decay"),
        .number("rho", \.rho, 0...0.999_999, "RMSprop's decay"),
        .number("epsilon", \.epsilon, 1e-30...1, "Adam and RMSprop's epsilon (Keras's default 1e-7)"),
        .number("weight_decay", \.weightDecay, 0...1e6, "L2 penalty coefficient on weights"),
        .optionalInteger("early_stopping_patience", \.earlyStoppingPatience, 1...100_000, absent: "off",
                         "stop after this many epochs without test-loss improvement"),
        .optionalNumberList("class_weights", \.classWeights, 0...1e12, absent: "none",
                            "one weight per class, multiplying each sample's loss"),
        .optionalNumber("time_limit", \.timeLimit, 0.001...1e9, absent: "none",
                        "seconds per trial, checked after each epoch; a trial past it is recorded as timeout"),
    ]
}
