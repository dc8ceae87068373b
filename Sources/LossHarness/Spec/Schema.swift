import LossCore

/// The fields of an experiment file (version 1), section by section, with their defaults.
/// This table is the single source of the defaults the README documents.
public enum Schema {
    public static let version = 1
    /// Names of experiments become folder names: lower-case letters, digits, `-` and `_`.
    public static let namePattern = "lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters"
    /// Above this many trials a file is rejected (raise it with `--max-trials`).
    public static let defaultMaximumTrials = 200_000

    public static let topLevel: [Field] = [
        Field("version", .number(1...1, integer: true), default: .number(1), sweepable: false, "file format version; 1"),
        Field("name", .text(maxLength: 64), default: nil, sweepable: false,
              "experiment name, also the folder under results/ and plots/ (\(namePattern))"),
        Field("title", .text(maxLength: 200), default: nil, sweepable: false, "title of figures and of the report section (default: the name)"),
        Field("description", .text(maxLength: 5000), default: .string(""), sweepable: false, "what the study shows, for the report"),
        Field("claim", .text(maxLength: 1000), default: .string(""), sweepable: false, "the document's claim in one sentence, for the report"),
        Field("kind", .choice(["train", "curves"]), default: .string("train"), sweepable: false,
              "\"train\": train models; \"curves\": evaluate losses on a grid of predictions, no training"),
        Field("dataset", .structured, default: nil, sweepable: false, "the data generator and its parameters (kind train)"),
        Field("model", .structured, default: .object([:]), sweepable: false, "the model"),
        Field("loss", .structured, default: nil, sweepable: false, "list of losses: names or objects with parameters"),
        Field("training", .structured, default: .object([:]), sweepable: false, "optimizer, learning rate, batch size, epochs..."),
        Field("curves", .structured, default: .object([:]), sweepable: false, "the prediction grid (kind curves)"),
        Field("seeds", .number(1...10_000, integer: true), default: .number(10), sweepable: false,
              "number of repetitions; repetition r uses seeds derived from (seed, r)"),
        Field("seed", .number(0...9_007_199_254_740_991, integer: true), default: .number(0), sweepable: false,
              "the experiment's base seed"),
        Field("metrics", .structured, default: nil, sweepable: false,
              "metrics computed on the test set (default: every metric that applies to the task)"),
        Field("reference", .text(maxLength: 200), default: nil, sweepable: false,
              "the loss label that paired differences in summary.csv are taken against (default: the first loss)"),
        Field("zip", .structured, default: .array([]), sweepable: false,
              "groups of swept field paths varied jointly instead of crossed, e.g. [[\"dataset.noise\", \"training.epochs\"]]"),
        Field("expect", .structured, default: .array([]), sweepable: false, "claims checked after the run"),
        Field("plots", .structured, default: .array([]), sweepable: false, "figures to draw"),
    ]

    public static let dataset: [Field] = [
        Field("generator", .structured, default: nil, "data generator: " + generatorNames.joined(separator: ", ")),
        Field("train_size", .number(2...10_000_000, integer: true), default: .number(1000), "training samples"),
        Field("test_size", .number(1...10_000_000, integer: true), default: .number(1000), "test samples"),
        Field("standardize", .bool, default: .bool(false), "standardise features with the training set's mean and deviation"),
    ]

    public static let model: [Field] = [
        Field("type", .choice(["linear", "mlp"]), default: .string("linear"), "linear (a GLM: one dense layer) or mlp"),
        Field("hidden", .numberList(1...100_000, integer: true), default: .array([.number(32)]),
              "hidden layer sizes of an mlp; a sweep is a list of lists, e.g. [[16], [64, 64]]"),
        Field("hidden_activation", .choice(["relu", "tanh", "sigmoid", "softplus", "identity"]), default: .string("relu"),
              "activation of hidden layers"),
        Field("initializer", .choice(Initializer.allCases.map(\.rawValue)), default: .string("auto"),
              "weight initialiser (auto: He uniform before ReLU, Glorot uniform otherwise)"),
        Field("output_activation", .choice(Activation.allCases.map(\.rawValue)), default: nil,
              "output activation for every loss (default: each loss's natural pairing)"),
    ]

    public static let training: [Field] = [
        Field("optimizer", .choice(Optimizer.Kind.allCases.map(\.rawValue)), default: .string("adam"), "sgd, adam or rmsprop"),
        Field("learning_rate", .number(1e-12...1e6, integer: false), default: nil,
              "step size (default: Keras's, 0.01 for sgd and 0.001 otherwise)"),
        Field("batch_size", .number(1...10_000_000, integer: true), default: .number(32), "mini-batch size (the last partial batch is kept)"),
        Field("epochs", .number(0...100_000, integer: true), default: .number(20), "passes over the training set"),
        Field("momentum", .number(0...0.999_999, integer: false), default: .number(0), "sgd and rmsprop momentum"),
        Field("nesterov", .bool, default: .bool(false), "Nesterov momentum (sgd)"),
        Field("beta1", .number(0...0.999_999, integer: false), default: .number(0.9), "Adam's first-moment decay"),
        Field("beta2", .number(0...0.999_999_999, integer: false), default: .number(0.999), "Adam's second-moment decay"),
        Field("rho", .number(0...0.999_999, integer: false), default: .number(0.9), "RMSprop's decay"),
        Field("epsilon", .number(1e-30...1, integer: false), default: .number(1e-7), "Adam and RMSprop's epsilon (Keras's default 1e-7)"),
        Field("weight_decay", .number(0...1e6, integer: false), default: .number(0), "L2 penalty coefficient on weights"),
        Field("early_stopping_patience", .number(1...100_000, integer: true), default: nil,
              "stop after this many epochs without test-loss improvement (default: off)"),
        Field("class_weights", .numberList(0...1e12, integer: false), default: nil,
              "one weight per class, multiplying each sample's loss (default: none)"),
        Field("time_limit", .number(0.001...1e9, integer: false), default: nil,
              "seconds per trial, checked after each epoch; a trial past it is recorded as timeout (default: none)"),
    ]

    public static let curves: [Field] = [
        Field("x", .choice(["auto", "error", "prediction", "probability", "margin"]), default: .string("auto"),
              "what varies along the x axis: auto picks error for regression losses, probability of the true class for crossentropies and margin y*f for hinge losses"),
        Field("from", .number(-1e9...1e9, integer: false), default: nil, "start of the grid (default depends on x)"),
        Field("to", .number(-1e9...1e9, integer: false), default: nil, "end of the grid (default depends on x)"),
        Field("points", .number(2...100_000, integer: true), default: .number(201), "grid points"),
        Field("target", .number(-1e9...1e9, integer: false), default: .number(1), "the fixed target of regression losses"),
    ]

    /// Fields a loss entry may carry besides the loss's own parameters.
    public static let lossEntry: [Field] = [
        Field("name", .text(maxLength: 64), default: nil, sweepable: false, "the loss (Keras name or alias)"),
        Field("label", .text(maxLength: 64), default: nil, sweepable: false, "name in results and legends (default: the alias, plus +activation when overridden)"),
        Field("activation", .choice(Activation.allCases.map(\.rawValue)), default: nil, "output activation override"),
        Field("encoding", .choice(TargetEncoding.allCases.map(\.rawValue)), default: nil, "target encoding override"),
        Field("dataset", .structured, default: nil, sweepable: false,
              "dataset fields for this loss only, e.g. {generator: \"classes\", classes: 4}; they replace the top-level ones"),
    ]

    static var generatorNames: [String] { DataGenerators.all.map { $0.name } }

    /// The fields of a sweepable section, by section name.
    public static func fields(ofSection section: String) -> [Field] {
        switch section {
        case "dataset": dataset
        case "model": model
        case "training": training
        case "curves": curves
        default: []
        }
    }
}
