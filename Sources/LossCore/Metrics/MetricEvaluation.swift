/// What a metric is computed from: a trained model's outputs on a set of samples and what is known
/// about those samples.
public struct MetricInputs: Sendable {
    /// Model outputs after the output activation, one row per sample of `dataset`.
    public var outputs: Matrix
    /// The evaluated samples: raw targets, task and ground truth.
    public var dataset: Dataset
    /// The output activation, which decides how outputs become class probabilities
    /// (``classProbabilities(outputs:activation:task:)``).
    public var outputActivation: Activation
    /// The fitted linear coefficients in the original feature scale, intercept excluded, for
    /// `coefficient_error`; `nil` for a model that has none.
    public var fittedCoefficients: [Double]?
    /// What identity outputs stand for (``LinearOutputReading``); other activations ignore it.
    public var linearOutputs: LinearOutputReading

    public init(outputs: Matrix, dataset: Dataset, outputActivation: Activation, fittedCoefficients: [Double]? = nil,
                linearOutputs: LinearOutputReading = .logits) {
        precondition(outputs.rows == dataset.count, "\(outputs.rows) output rows for \(dataset.count) samples")
        self.outputs = outputs
        self.dataset = dataset
        self.outputActivation = outputActivation
        self.fittedCoefficients = fittedCoefficients
        self.linearOutputs = linearOutputs
    }
}

/// The value of `metric` on `inputs`; see the batch form `evaluate(_:_:)` taking a list of metrics.
public func evaluate(_ metric: Metric, _ inputs: MetricInputs) -> Double? {
    let evaluation = MetricEvaluation(inputs)
    return evaluation.value(of: metric)
}

/// The values of `metrics` on `inputs`, in the same order, computed in one pass that derives the
/// predictions, class probabilities and labels once.
///
/// A value is `nil` when the metric does not apply to the task (``Metric/applies(to:)``), when
/// there are no samples, or when it cannot be computed: no ground truth or fitted coefficients
/// (or vectors of different lengths) for the truth metrics, constant targets for `r2`, no non-zero
/// target for `median_relative_error` or rate for `rate_error`, a single class for `roc_auc`.
///
/// Otherwise, when any output is NaN or infinite (a diverged model), the value is NaN, never a
/// number computed from garbage (an argmax of NaNs is class 0) and never a crash. The exception
/// is a metric that does not read the outputs: `coefficient_error` reads only the fitted
/// coefficients.
///
/// Predictions for regression and count metrics are output column 0; targets are column 0 of the
/// dataset's targets, class labels are those targets rounded to integers, multi-label targets are
/// all their columns.
public func evaluate(_ metrics: [Metric], _ inputs: MetricInputs) -> [Double?] {
    let evaluation = MetricEvaluation(inputs)
    return metrics.map { evaluation.value(of: $0) }
}

/// The views of one set of inputs that several metrics share, each derived on first use, and the
/// one place that decides when a metric has a value (``evaluate(_:_:)``).
///
/// A class, so that the definitions in the registry read views as properties (`$0.predictions`)
/// and a view derived for one metric is reused by the next; it lives for one call of `evaluate`
/// on one thread.
final class MetricEvaluation {
    let inputs: MetricInputs
    private let outputsAreFinite: Bool

    init(_ inputs: MetricInputs) {
        self.inputs = inputs
        outputsAreFinite = inputs.outputs.isFinite
    }

    /// `nil` when the metric does not apply or there are no samples; NaN when the metric reads
    /// the outputs and one is not finite (and it has a value at all).
    func value(of metric: Metric) -> Double? {
        guard metric.applies(to: inputs.dataset.task), inputs.dataset.count > 0 else { return nil }
        guard let value = metric.value(self) else { return nil }
        return outputsAreFinite || !metric.readsOutputs ? value : .nan
    }

    /// Whether outputs and targets are several columns alike (a table with several regression
    /// targets, the pixels of an image): the regression metrics then pool every output.
    private var multipleOutputs: Bool {
        inputs.outputs.columns > 1 && inputs.outputs.columns == inputs.dataset.targets.columns
    }

    /// The prediction of the regression and count metrics: output column 0, or every output row
    /// by row when there are as many target columns (the mean over outputs and samples).
    lazy var predictions: [Float] = {
        let outputs = inputs.outputs
        return multipleOutputs ? outputs.storage : (0..<outputs.rows).map { outputs[$0, 0] }
    }()

    /// Target column 0, or every target column as ``predictions`` takes them.
    lazy var targets: [Float] = {
        let targets = inputs.dataset.targets
        return multipleOutputs ? targets.storage : (0..<targets.rows).map { targets[$0, 0] }
    }()

    /// The noiseless truth `E[y | x]` per sample, when the dataset has one for every sample.
    var conditionalMean: [Float]? {
        guard let mean = inputs.dataset.truth.conditionalMean, mean.count == inputs.dataset.count else { return nil }
        return mean
    }

    /// The fitted and the true coefficients, when both are known and have the same length.
    var coefficients: (fitted: [Double], truth: [Double])? {
        guard let fitted = inputs.fittedCoefficients, let truth = inputs.dataset.truth.coefficients,
              fitted.count == truth.count else { return nil }
        return (fitted, truth)
    }

    /// The number of classes of a classification task.
    var classCount: Int {
        if case .classification(let classes) = inputs.dataset.task { return classes }
        preconditionFailure("class count of a \(inputs.dataset.task.name) task")
    }

    /// ``classProbabilities(outputs:activation:task:linearOutputs:)`` of the outputs.
    lazy var probabilities: Matrix = classProbabilities(
        outputs: inputs.outputs, activation: inputs.outputActivation, task: inputs.dataset.task,
        linearOutputs: inputs.linearOutputs)

    /// The argmax of each row of ``probabilities``.
    lazy var predictedLabels: [Int] = LossCore.predictedLabels(probabilities: probabilities)

    /// Target column 0 rounded to integers: the class labels.
    lazy var trueLabels: [Int] = {
        let targets = inputs.dataset.targets
        return (0..<targets.rows).map { Int(targets[$0, 0].rounded()) }
    }()

    /// The multi-label decisions, ``probabilities`` thresholded at 0.5.
    lazy var predictedLabelSets: Matrix = LossCore.predictedLabelSets(probabilities: probabilities)

    /// Every target column: the multi-label truth.
    var labelSets: Matrix { inputs.dataset.targets }
}
