import LossCore

/// Why a trial of a sweep cannot run (recorded as `skipped` with this reason).
public struct TrialSkip: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}

/// A trial resolved into the objects that run it: the generator, network shape, loss, optimizer and
/// training options. Building a plan checks that the combination can run at all.
public struct TrialPlan: Sendable {
    public var generator: any DataGenerator
    public var trainSize: Int
    public var testSize: Int
    public var standardize: Bool
    public var lossKind: LossKind
    public var loss: any Loss
    public var outputActivation: Activation
    public var encoding: TargetEncoding
    /// Hidden layer sizes (empty for a linear model) and the output count; the input count comes
    /// from the data.
    public var hiddenSizes: [Int]
    public var outputCount: Int
    public var hiddenActivation: Activation
    public var initializer: Initializer
    public var optimizer: Optimizer
    public var options: TrainingOptions
    public var classWeights: [Float]?
    public var timeLimit: Double?
    public var metrics: [Metric]
    /// What identity outputs stand for when class metrics read them: logits for a loss taken
    /// `from_logits`, signed scores for -1/+1 targets, probabilities otherwise.
    public var linearOutputs: LinearOutputReading {
        if lossTakesLogits { return .logits }
        return encoding == .signed ? .signedScores : .probabilities
    }
    /// Whether the loss was configured `from_logits`.
    public var lossTakesLogits: Bool

    public init(trial: Trial, metrics requested: [Metric]?) throws {
        let values = trial.values
        func number(_ path: String) -> Double? {
            if case .number(let x)? = values[path] { return x }
            return nil
        }
        func word(_ path: String) -> String? {
            if case .string(let s)? = values[path] { return s }
            return nil
        }
        func flag(_ path: String) -> Bool {
            if case .bool(let b)? = values[path] { return b }
            return false
        }
        guard let generatorName = word("dataset.generator"), let generatorType = DataGenerators.named(generatorName) else {
            throw TrialSkip(reason: "no dataset generator")
        }
        var generatorParameters: [String: ParameterValue] = [:]
        for info in generatorType.parameters {
            if let value = values["dataset.\(info.name)"], let parameter = parameterValue(value) {
                generatorParameters[info.name] = parameter
            }
        }
        do {
            generator = try generatorType.init(parameters: Parameters(generatorParameters))
        } catch let error as ParameterError {
            throw TrialSkip(reason: "dataset.\(error.parameter) = \(error.value): expected \(error.expected)")
        }
        trainSize = Int(number("dataset.train_size") ?? 1000)
        testSize = Int(number("dataset.test_size") ?? 1000)
        standardize = flag("dataset.standardize")
        let task = generator.task

        guard let kind = word("loss.name").flatMap(LossKind.named) else { throw TrialSkip(reason: "no loss") }
        lossKind = kind
        var lossParameters: [String: ParameterValue] = [:]
        for info in kind.parameters {
            if let value = values["loss.\(info.name)"], let parameter = parameterValue(value) {
                lossParameters[info.name] = parameter
            }
        }
        do {
            loss = try kind.make(Parameters(lossParameters))
        } catch let error as ParameterError {
            throw TrialSkip(reason: "loss.\(error.parameter) = \(error.value): expected \(error.expected)")
        }
        lossTakesLogits = flag("loss.from_logits")
        let pairing = kind.naturalPairing
        outputActivation = word("loss.activation").flatMap(Activation.init(rawValue:))
            ?? word("model.output_activation").flatMap(Activation.init(rawValue:)) ?? pairing.activation
        encoding = word("loss.encoding").flatMap(TargetEncoding.init(rawValue:)) ?? pairing.encoding
        try Self.checkCompatibility(kind: kind, encoding: encoding, task: task)

        let hidden: [Int]
        if word("model.type") == "mlp", case .array(let sizes)? = values["model.hidden"] {
            hidden = sizes.compactMap { if case .number(let x) = $0 { return Int(x) } else { return nil } }
        } else {
            hidden = []
        }
        hiddenSizes = hidden
        outputCount = encoding.outputCount(for: task)
        hiddenActivation = word("model.hidden_activation").flatMap(Activation.init(rawValue:)) ?? .relu
        initializer = word("model.initializer").flatMap(Initializer.init(rawValue:)) ?? .auto

        let optimizerKind = word("training.optimizer").flatMap(Optimizer.Kind.init(rawValue:)) ?? .adam
        optimizer = Optimizer(kind: optimizerKind, learningRate: number("training.learning_rate").map(Float.init),
                              momentum: Float(number("training.momentum") ?? 0), nesterov: flag("training.nesterov"),
                              beta1: Float(number("training.beta1") ?? 0.9), beta2: Float(number("training.beta2") ?? 0.999),
                              rho: Float(number("training.rho") ?? 0.9), epsilon: Float(number("training.epsilon") ?? 1e-7),
                              weightDecay: Float(number("training.weight_decay") ?? 0))
        options = TrainingOptions(epochs: Int(number("training.epochs") ?? 20), batchSize: Int(number("training.batch_size") ?? 32),
                                  earlyStoppingPatience: number("training.early_stopping_patience").map { Int($0) })
        if case .array(let weights)? = values["training.class_weights"] {
            let parsed = weights.compactMap { if case .number(let x) = $0 { return Float(x) } else { return nil } }
            if case .classification(let classes) = task, parsed.count != classes {
                throw TrialSkip(reason: "training.class_weights has \(parsed.count) weights for \(classes) classes")
            }
            classWeights = parsed
        }
        timeLimit = number("training.time_limit")
        metrics = (requested ?? Metric.allCases).filter { $0.applies(to: task) }
        let features = number("dataset.features") ?? 1
        estimatedBytes = Self.estimatedBytes(samples: Double(trainSize + testSize), layerSizes: [features] + hidden.map(Double.init) + [Double(outputCount)])
        if estimatedBytes > Self.memoryLimit {
            let gib = { (bytes: Double) in String(format: "%.3g GiB", bytes / 1_073_741_824) }
            throw TrialSkip(reason: "the trial would need about \(gib(estimatedBytes)) of memory (train_size + test_size = \(trainSize + testSize), "
                            + "layer sizes \(([Int(features)] + hidden + [outputCount]).map(String.init).joined(separator: "-"))), "
                            + "more than the \(gib(Self.memoryLimit)) a trial may use")
        }
    }

    /// Above this estimate a trial is not run (it would exhaust the machine rather than fail).
    public static let memoryLimit: Double = 4 * 1_073_741_824

    /// What a trial allocates, in bytes, within a small factor: float32 features and targets (copied
    /// for the split, the standardisation and the training arrays), the weights with their
    /// gradients and optimizer state, and the activations of the whole test set at evaluation.
    public var estimatedBytes: Double

    static func estimatedBytes(samples: Double, layerSizes: [Double]) -> Double {
        let features = layerSizes.first ?? 1, outputs = layerSizes.last ?? 1
        let parameters = zip(layerSizes, layerSizes.dropFirst()).reduce(0.0) { $0 + $1.0 * $1.1 + $1.1 }
        let widest = layerSizes.max() ?? 1
        return 4 * (3 * samples * (features + 2 * outputs) + 5 * parameters + 2 * samples * widest)
    }

    /// Rejects combinations that cannot run: a regression loss on class labels, a classification
    /// loss on real values, an encoding that does not apply to the task.
    static func checkCompatibility(kind: LossKind, encoding: TargetEncoding, task: Task) throws {
        let classLike: Bool = switch task {
        case .classification, .multilabel: true
        case .regression, .counts: false
        }
        if kind.isClassification && !classLike {
            throw TrialSkip(reason: "\(kind.alias) is a classification loss and the dataset is a \(task.name) task")
        }
        if !kind.isClassification && classLike && encoding == .values, task.isClassification {
            throw TrialSkip(reason: "\(kind.alias) is a regression loss and the targets are class labels; set encoding: \"one_hot\" to regress on one-hot targets")
        }
        if encoding.encode(Matrix(rows: 0, columns: 1), task: task) == nil {
            throw TrialSkip(reason: "target encoding \(encoding.rawValue) does not apply to a \(task.name) task")
        }
    }
}
