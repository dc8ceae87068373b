import Foundation
import LossCore

/// Why a trial of a sweep cannot run (recorded as `skipped` with this reason).
public struct TrialSkip: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}

/// A trial resolved into the objects that run it: the generator, network shape, loss, optimizer and
/// training options, all read from its typed configuration. Building a plan checks that the
/// combination can run at all (a sweep can make some impossible: those are `skipped`).
public struct TrialPlan: Sendable {
    public var source: any DataSource
    public var trainSize: Int
    public var testSize: Int
    public var standardize: Bool
    public var lossDefinition: LossDefinition
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
        let configuration = trial.configuration
        let (dataset, model, training, lossConfiguration) = (configuration.dataset, configuration.model, configuration.training, trial.loss)
        source = try dataset.makeSource()
        trainSize = source.counts.train
        testSize = source.counts.test + source.counts.validation
        standardize = dataset.standardize
        let task = source.task
        lossDefinition = lossConfiguration.definition
        loss = lossConfiguration.loss
        lossTakesLogits = lossConfiguration.takesLogits
        outputActivation = lossConfiguration.outputActivation(model: model.outputActivation)
        encoding = lossConfiguration.targetEncoding
        try Self.checkCompatibility(lossDefinition, encoding: encoding, task: task)
        try Self.checkFormulaDomain(loss, activation: outputActivation, encoding: encoding, definition: lossDefinition)
        hiddenSizes = model.hiddenSizes
        switch (task, encoding) {
        case (.regression, .values), (.counts, .values): outputCount = source.targetColumns
        default: outputCount = encoding.outputCount(for: task)
        }
        hiddenActivation = model.hiddenActivation
        initializer = model.initializer
        optimizer = training.builtOptimizer
        options = TrainingOptions(epochs: training.epochs, batchSize: training.batchSize,
                                  earlyStoppingPatience: training.earlyStoppingPatience)
        if let weights = training.classWeights {
            if case .classification(let classes) = task, weights.count != classes {
                throw TrialSkip(reason: "\(TrainingConfiguration.classWeightsPath) has \(weights.count) weights for \(classes) classes")
            }
            classWeights = weights.map(Float.init)
        }
        timeLimit = training.timeLimit
        metrics = (requested ?? Metric.allCases).filter { $0.applies(to: task) }
        let features = Double(source.featureCount)
        estimatedBytes = Self.estimatedBytes(samples: Double(trainSize + testSize),
                                             layerSizes: [features] + hiddenSizes.map(Double.init) + [Double(outputCount)])
        if estimatedBytes > Self.memoryLimit {
            let gib = { (bytes: Double) in String(format: "%.3g GiB", bytes / 1_073_741_824) }
            throw TrialSkip(reason: "the trial would need about \(gib(estimatedBytes)) of memory (train_size + test_size = \(trainSize + testSize), "
                            + "layer sizes \(([Int(features)] + hiddenSizes + [outputCount]).map(String.init).joined(separator: "-"))), "
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
    /// A formula loss was checked on its own pairing's domain when the file was validated; under
    /// another output activation (`model.output_activation`) it is checked again, and a trial where
    /// it is not finite is skipped with the point that shows it.
    static func checkFormulaDomain(_ loss: any Loss, activation: Activation, encoding: TargetEncoding,
                                   definition: LossDefinition) throws {
        guard let formula = loss as? FormulaLoss,
              activation != definition.naturalActivation || encoding != definition.naturalEncoding else { return }
        do {
            try formula.check(on: FormulaDomain(activation: activation, encoding: encoding))
        } catch {
            throw TrialSkip(reason: "the formula of \(formula.name) under a \(activation.rawValue) output: \(error.problem)")
        }
    }

    static func checkCompatibility(_ kind: LossDefinition, encoding: TargetEncoding, task: Task) throws {
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
