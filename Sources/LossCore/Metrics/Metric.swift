/// Every metric LossLab reports, by the short id used in experiment files and CSV headers (the raw
/// value), with what `losslab list` prints about it and the tasks it applies to.
///
/// Values are computed by `evaluate(_:_:)` in `Double` from the `Float`
/// outputs; the formulas, conventions and references are on the functions it calls:
///
/// | id | function |
/// | --- | --- |
/// | mse, rmse, mae, median_absolute_error, msle | ``meanSquaredError(predicted:expected:)`` and its neighbours |
/// | r2 | ``coefficientOfDetermination(predicted:expected:)`` |
/// | poisson_deviance | ``meanPoissonDeviance(predicted:expected:)`` |
/// | median_relative_error, rate_error | ``medianRelativeError(predicted:expected:)``, ``meanRelativeError(predicted:expected:)`` |
/// | coefficient_error | ``coefficientError(fitted:truth:)`` |
/// | truth_rmse | ``rootMeanSquaredError(predicted:expected:)`` against the noiseless truth |
/// | accuracy, balanced_accuracy, macro_f1, minority_recall | ``accuracy(predictedLabels:trueLabels:)`` and its neighbours |
/// | log_loss, brier | ``logLoss(probabilities:trueLabels:)``, ``brierScore(probabilities:trueLabels:)`` |
/// | ece | ``expectedCalibrationError(probabilities:trueLabels:bins:)`` with 15 bins |
/// | roc_auc | ``areaUnderROCCurve(scores:trueLabels:)`` |
/// | hamming_loss, subset_accuracy, micro_f1 | ``hammingLoss(predicted:expected:)`` and its neighbours |
///
/// Which tasks: the regression metrics apply to `.regression` and `.counts`; the classification
/// metrics to `.classification`, `roc_auc` only to two classes; the multi-label metrics to
/// `.multilabel`. `log_loss`, `brier` and `ece` do not apply to multi-label tasks: their per-label
/// analogues (mean binary cross-entropy over labels, per-label Brier, calibration over all cells)
/// are different quantities, and sharing a CSV column would invite comparing them with the
/// multi-class numbers.
public enum Metric: String, Sendable, CaseIterable, Codable {
    // Regression and counts.
    case meanSquaredError = "mse"
    case rootMeanSquaredError = "rmse"
    case meanAbsoluteError = "mae"
    case medianAbsoluteError = "median_absolute_error"
    case meanSquaredLogarithmicError = "msle"
    case coefficientOfDetermination = "r2"
    case poissonDeviance = "poisson_deviance"
    case medianRelativeError = "median_relative_error"
    case coefficientError = "coefficient_error"
    case truthRootMeanSquaredError = "truth_rmse"
    case rateError = "rate_error"
    // Classification.
    case accuracy
    case balancedAccuracy = "balanced_accuracy"
    case macroF1 = "macro_f1"
    case minorityRecall = "minority_recall"
    case logLoss = "log_loss"
    case brierScore = "brier"
    case expectedCalibrationError = "ece"
    case areaUnderROCCurve = "roc_auc"
    // Multi-label.
    case hammingLoss = "hamming_loss"
    case subsetAccuracy = "subset_accuracy"
    case microF1 = "micro_f1"

    /// One line for `losslab list`.
    public var summary: String {
        switch self {
        case .meanSquaredError: "mean (p - y)^2"
        case .rootMeanSquaredError: "sqrt(mean (p - y)^2), in the target's unit"
        case .meanAbsoluteError: "mean |p - y|"
        case .medianAbsoluteError: "median |p - y|; ignores a minority of wild errors"
        case .meanSquaredLogarithmicError: "mean (log1p(max(p,0)) - log1p(max(y,0)))^2"
        case .coefficientOfDetermination: "R^2 = 1 - SS_res / SS_tot; 1 is perfect, 0 predicts the mean"
        case .poissonDeviance: "mean 2 (y log(y/mu) - (y - mu)), mu = max(p, 1e-8); 0 is perfect"
        case .medianRelativeError: "median |p - y| / |y| over y != 0"
        case .coefficientError: "||w_fitted - w_true||_2, intercept excluded; needs a linear truth"
        case .truthRootMeanSquaredError: "RMSE against the noiseless truth E[y|x], not the noisy targets"
        case .rateError: "mean |p - mu| / mu against the true Poisson rate mu"
        case .accuracy: "fraction of samples whose argmax is the true class"
        case .balancedAccuracy: "mean per-class recall over the classes present"
        case .macroF1: "unweighted mean F1 over classes present or predicted"
        case .minorityRecall: "recall of the least frequent true class"
        case .logLoss: "mean -log p(true class), p clipped to [1e-7, 1 - 1e-7]"
        case .brierScore: "mean squared error of the probabilities; binary (p1 - y)^2"
        case .expectedCalibrationError: "expected calibration error, 15 equal-width confidence bins"
        case .areaUnderROCCurve: "P(positive scores above negative), ties 1/2; binary only"
        case .hammingLoss: "fraction of label cells predicted wrongly (threshold 0.5)"
        case .subsetAccuracy: "fraction of samples with every label right (threshold 0.5)"
        case .microF1: "F1 over all label cells pooled (threshold 0.5)"
        }
    }

    /// Whether a larger value is a better model (accuracy, R^2...) rather than a smaller one
    /// (errors, losses, deviance).
    public var higherIsBetter: Bool {
        switch self {
        case .coefficientOfDetermination, .accuracy, .balancedAccuracy, .macroF1, .minorityRecall,
             .areaUnderROCCurve, .subsetAccuracy, .microF1:
            true
        case .meanSquaredError, .rootMeanSquaredError, .meanAbsoluteError, .medianAbsoluteError,
             .meanSquaredLogarithmicError, .poissonDeviance, .medianRelativeError, .coefficientError,
             .truthRootMeanSquaredError, .rateError, .logLoss, .brierScore, .expectedCalibrationError,
             .hammingLoss:
            false
        }
    }

    /// Whether the metric means something for `task`; see the type's documentation for the rules.
    /// A metric that applies may still have no value for a given evaluation (no ground truth, one
    /// class only...).
    public func applies(to task: Task) -> Bool {
        switch self {
        case .meanSquaredError, .rootMeanSquaredError, .meanAbsoluteError, .medianAbsoluteError,
             .meanSquaredLogarithmicError, .coefficientOfDetermination, .poissonDeviance,
             .medianRelativeError, .coefficientError, .truthRootMeanSquaredError, .rateError:
            return task == .regression || task == .counts
        case .accuracy, .balancedAccuracy, .macroF1, .minorityRecall, .logLoss, .brierScore,
             .expectedCalibrationError:
            return task.isClassification
        case .areaUnderROCCurve:
            return task == .classification(classes: 2)
        case .hammingLoss, .subsetAccuracy, .microF1:
            if case .multilabel = task { return true }
            return false
        }
    }
}
