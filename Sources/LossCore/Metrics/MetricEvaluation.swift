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
    var evaluation = MetricEvaluation(inputs)
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
/// is `coefficient_error`, which reads only the fitted coefficients.
///
/// Predictions for regression and count metrics are output column 0; targets are column 0 of the
/// dataset's targets, class labels are those targets rounded to integers, multi-label targets are
/// all their columns.
public func evaluate(_ metrics: [Metric], _ inputs: MetricInputs) -> [Double?] {
    var evaluation = MetricEvaluation(inputs)
    return metrics.map { evaluation.value(of: $0) }
}

/// The views of one set of inputs that several metrics share, each derived on first use.
private struct MetricEvaluation {
    let inputs: MetricInputs
    let outputsAreFinite: Bool
    private var cachedPredictions: [Float]?
    private var cachedTargets: [Float]?
    private var cachedProbabilities: Matrix?
    private var cachedPredictedLabels: [Int]?
    private var cachedTrueLabels: [Int]?

    init(_ inputs: MetricInputs) {
        self.inputs = inputs
        outputsAreFinite = inputs.outputs.isFinite
    }

    mutating func value(of metric: Metric) -> Double? {
        guard metric.applies(to: inputs.dataset.task), inputs.dataset.count > 0 else { return nil }
        if metric == .coefficientError { return coefficientErrorValue() }
        guard let value = outputValue(of: metric) else { return nil }
        return outputsAreFinite ? value : .nan
    }

    private func coefficientErrorValue() -> Double? {
        guard let fitted = inputs.fittedCoefficients, let truth = inputs.dataset.truth.coefficients,
              fitted.count == truth.count else { return nil }
        return coefficientError(fitted: fitted, truth: truth)
    }

    /// The metric computed from the outputs, before non-finite outputs are turned into NaN.
    private mutating func outputValue(of metric: Metric) -> Double? {
        switch metric {
        case .meanSquaredError:
            return meanSquaredError(predicted: predictions(), expected: targets())
        case .rootMeanSquaredError:
            return rootMeanSquaredError(predicted: predictions(), expected: targets())
        case .meanAbsoluteError:
            return meanAbsoluteError(predicted: predictions(), expected: targets())
        case .medianAbsoluteError:
            return medianAbsoluteError(predicted: predictions(), expected: targets())
        case .meanSquaredLogarithmicError:
            return meanSquaredLogarithmicError(predicted: predictions(), expected: targets())
        case .coefficientOfDetermination:
            return coefficientOfDetermination(predicted: predictions(), expected: targets())
        case .poissonDeviance:
            return meanPoissonDeviance(predicted: predictions(), expected: targets())
        case .medianRelativeError:
            return medianRelativeError(predicted: predictions(), expected: targets())
        case .truthRootMeanSquaredError:
            guard let truth = conditionalMean() else { return nil }
            return rootMeanSquaredError(predicted: predictions(), expected: truth)
        case .rateError:
            guard let truth = conditionalMean() else { return nil }
            return meanRelativeError(predicted: predictions(), expected: truth)
        case .coefficientError:
            return coefficientErrorValue()
        case .accuracy:
            return accuracy(predictedLabels: predictedLabels(), trueLabels: trueLabels())
        case .balancedAccuracy:
            return balancedAccuracy(predictedLabels: predictedLabels(), trueLabels: trueLabels(), classes: classCount())
        case .macroF1:
            return macroF1(predictedLabels: predictedLabels(), trueLabels: trueLabels(), classes: classCount())
        case .minorityRecall:
            return minorityRecall(predictedLabels: predictedLabels(), trueLabels: trueLabels(), classes: classCount())
        case .logLoss:
            return logLoss(probabilities: probabilities(), trueLabels: trueLabels())
        case .brierScore:
            return brierScore(probabilities: probabilities(), trueLabels: trueLabels())
        case .expectedCalibrationError:
            return expectedCalibrationError(probabilities: probabilities(), trueLabels: trueLabels())
        case .areaUnderROCCurve:
            let probabilities = probabilities()
            let scores = (0..<probabilities.rows).map { probabilities[$0, 1] }
            return areaUnderROCCurve(scores: scores, trueLabels: trueLabels())
        case .hammingLoss:
            return hammingLoss(predicted: predictedLabelSets(probabilities: probabilities()), expected: inputs.dataset.targets)
        case .subsetAccuracy:
            return subsetAccuracy(predicted: predictedLabelSets(probabilities: probabilities()), expected: inputs.dataset.targets)
        case .microF1:
            return microF1(predicted: predictedLabelSets(probabilities: probabilities()), expected: inputs.dataset.targets)
        }
    }

    private mutating func predictions() -> [Float] {
        if let cachedPredictions { return cachedPredictions }
        let outputs = inputs.outputs
        let column = (0..<outputs.rows).map { outputs[$0, 0] }
        cachedPredictions = column
        return column
    }

    private mutating func targets() -> [Float] {
        if let cachedTargets { return cachedTargets }
        let targets = inputs.dataset.targets
        let column = (0..<targets.rows).map { targets[$0, 0] }
        cachedTargets = column
        return column
    }

    private func conditionalMean() -> [Float]? {
        guard let mean = inputs.dataset.truth.conditionalMean, mean.count == inputs.dataset.count else { return nil }
        return mean
    }

    private func classCount() -> Int {
        if case .classification(let classes) = inputs.dataset.task { return classes }
        preconditionFailure("class count of a \(inputs.dataset.task.name) task")
    }

    private mutating func probabilities() -> Matrix {
        if let cachedProbabilities { return cachedProbabilities }
        let probabilities = classProbabilities(outputs: inputs.outputs, activation: inputs.outputActivation,
                                               task: inputs.dataset.task, linearOutputs: inputs.linearOutputs)
        cachedProbabilities = probabilities
        return probabilities
    }

    private mutating func predictedLabels() -> [Int] {
        if let cachedPredictedLabels { return cachedPredictedLabels }
        let labels = LossCore.predictedLabels(probabilities: probabilities())
        cachedPredictedLabels = labels
        return labels
    }

    private mutating func trueLabels() -> [Int] {
        if let cachedTrueLabels { return cachedTrueLabels }
        let targets = inputs.dataset.targets
        let labels = (0..<targets.rows).map { Int(targets[$0, 0].rounded()) }
        cachedTrueLabels = labels
        return labels
    }
}
