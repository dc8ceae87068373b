#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Proper scoring rules for class probabilities: scores of the whole predicted distribution, not
// only of its argmax, minimised in expectation by the true conditional probabilities.
//
// `probabilities` has one row per sample and one column per class (from
// ``classProbabilities(outputs:activation:task:)``); `trueLabels[i]` lies in
// `0..<probabilities.columns`. No samples gives NaN, a NaN probability gives NaN.

/// The clip applied to the probability of the true class before its logarithm is taken: it keeps
/// a confident mistake (probability exactly 0) finite, at `-log(1e-7) = 16.12`.
public let logLossProbabilityFloor = 1e-7

/// Mean negative log-likelihood, `(1/n) sum_i -log(clip(p_{i, y_i}, 1e-7, 1 - 1e-7))` (sklearn
/// `log_loss`, Keras's `epsilon` clip). Only the true class's probability is clipped; rows are not
/// renormalised after the clip.
public func logLoss(probabilities: Matrix, trueLabels: [Int]) -> Double {
    precondition(probabilities.rows == trueLabels.count, "\(probabilities.rows) rows for \(trueLabels.count) labels")
    return SummaryStatistics.mean(trueLabels.indices.map { i in
        let probability = SummaryStatistics.clamp(Double(probabilities[i, trueLabels[i]]),
                                                  lower: logLossProbabilityFloor,
                                                  upper: 1 - logLossProbabilityFloor)
        return -log(probability)
    })
}

/// The Brier score: the mean squared distance between the predicted distribution and the one-hot
/// true label.
///
/// - `K > 2` classes: `(1/n) sum_i sum_k (p_ik - [y_i = k])^2` (Brier, "Verification of forecasts expressed in
///   terms of probability", Monthly Weather Review 1950), in [0, 2].
/// - `K = 2`: `(1/n) sum_i (p_i1 - y_i)^2`, the binary form of sklearn `brier_score_loss`, in [0, 1].
///   The multi-class sum would be exactly twice this, since `p_i0 - [y_i = 0] = -(p_i1 - y_i)`
///   when the row sums to 1; the binary form is kept so that binary numbers match the usual tables.
public func brierScore(probabilities: Matrix, trueLabels: [Int]) -> Double {
    precondition(probabilities.rows == trueLabels.count, "\(probabilities.rows) rows for \(trueLabels.count) labels")
    let classes = probabilities.columns
    return SummaryStatistics.mean(trueLabels.indices.map { i in
        if classes == 2 {
            let difference = Double(probabilities[i, 1]) - Double(trueLabels[i])
            return difference * difference
        }
        var sum = 0.0
        for k in 0..<classes {
            let difference = Double(probabilities[i, k]) - (k == trueLabels[i] ? 1 : 0)
            sum += difference * difference
        }
        return sum
    })
}
