#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Errors of predicted values against expected values on the targets' own scale.
//
// Conventions shared by every regression metric: `predicted[i]` and `expected[i]` belong to
// sample `i` and the two arrays have the same length (a precondition); each `Float` is converted to
// `Double` before any arithmetic; no samples gives NaN and a NaN prediction gives NaN.

/// Mean squared error, `(1/n) sum_i (p_i - y_i)^2` (sklearn `mean_squared_error`).
public func meanSquaredError(predicted: [Float], expected: [Float]) -> Double {
    precondition(predicted.count == expected.count, "\(predicted.count) predictions for \(expected.count) targets")
    return SummaryStatistics.mean(zip(predicted, expected).map { p, y in
        let difference = Double(p) - Double(y)
        return difference * difference
    })
}

/// Root mean squared error, `sqrt((1/n) sum_i (p_i - y_i)^2)`, in the targets' unit.
public func rootMeanSquaredError(predicted: [Float], expected: [Float]) -> Double {
    meanSquaredError(predicted: predicted, expected: expected).squareRoot()
}

/// Mean absolute error, `(1/n) sum_i |p_i - y_i|`.
public func meanAbsoluteError(predicted: [Float], expected: [Float]) -> Double {
    precondition(predicted.count == expected.count, "\(predicted.count) predictions for \(expected.count) targets")
    return SummaryStatistics.mean(zip(predicted, expected).map { p, y in abs(Double(p) - Double(y)) })
}

/// Median absolute error, `median_i |p_i - y_i|` (for an even count, the mean of the two middle
/// values, as sklearn `median_absolute_error`). Insensitive to a minority of wild errors, which is
/// what separates robust losses from squared error on data with outliers.
public func medianAbsoluteError(predicted: [Float], expected: [Float]) -> Double {
    precondition(predicted.count == expected.count, "\(predicted.count) predictions for \(expected.count) targets")
    return SummaryStatistics.median(zip(predicted, expected).map { p, y in abs(Double(p) - Double(y)) })
}

/// Mean squared logarithmic error,
/// `(1/n) sum_i (log1p(max(p_i, 0)) - log1p(max(y_i, 0)))^2`.
///
/// Negative values are floored at 0 so that the logarithm is defined; sklearn raises on them
/// instead, and Keras's loss floors at `epsilon` rather than 0.
public func meanSquaredLogarithmicError(predicted: [Float], expected: [Float]) -> Double {
    precondition(predicted.count == expected.count, "\(predicted.count) predictions for \(expected.count) targets")
    return SummaryStatistics.mean(zip(predicted, expected).map { p, y in
        let difference = log1p(SummaryStatistics.clamp(Double(p), lower: 0, upper: .infinity))
            - log1p(SummaryStatistics.clamp(Double(y), lower: 0, upper: .infinity))
        return difference * difference
    })
}

/// Coverage, `(1/n) #{i : y_i <= p_i}`: the share of targets at or below their prediction, the
/// empirical quantile level of the predictions (Koenker 2005, *Quantile Regression*, ch. 1; the
/// "coverage" of a one-sided prediction bound).
public func coverage(predicted: [Float], expected: [Float]) -> Double {
    precondition(predicted.count == expected.count, "\(predicted.count) predictions for \(expected.count) targets")
    guard !predicted.isEmpty else { return .nan }
    return Double(zip(predicted, expected).count { p, y in y <= p }) / Double(predicted.count)
}

/// The share of predictions in `[0.25, 0.75]`, `(1/n) #{i : 0.25 <= p_i <= 0.75}`: for targets in
/// [0, 1] that are mostly near 0 or 1 (the pixels of a drawing), how much of a prediction is grey,
/// a measure of blur (compare it with the truth's own share).
public func midGreyShare(predicted: [Float]) -> Double {
    guard !predicted.isEmpty else { return .nan }
    return Double(predicted.count { $0 >= 0.25 && $0 <= 0.75 }) / Double(predicted.count)
}

/// Calibration in the large, `|mean_i p_i - mean_i y_i| / |mean_i y_i|`: the relative distance of the
/// mean prediction from the mean target (`nil` when the mean target is 0).
public func relativeMeanBias(predicted: [Float], expected: [Float]) -> Double? {
    precondition(predicted.count == expected.count, "\(predicted.count) predictions for \(expected.count) targets")
    let meanTarget = SummaryStatistics.mean(expected.map(Double.init))
    guard meanTarget != 0, meanTarget.isFinite else { return nil }
    return abs(SummaryStatistics.mean(predicted.map(Double.init)) - meanTarget) / abs(meanTarget)
}
