#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The smallest predicted rate used by ``meanPoissonDeviance(predicted:expected:)``: predictions
/// below it (0, or negative from an unconstrained output) are raised to it.
public let poissonDevianceRateFloor = 1e-8

/// Mean Poisson deviance, `(1/n) sum_i 2 (y_i log(y_i / mu_i) - (y_i - mu_i))` with
/// `mu_i = max(p_i, 1e-8)` (sklearn `mean_poisson_deviance`).
///
/// Conventions:
/// - `y log y := 0` at `y = 0` (its limit), so a zero count contributes `2 mu_i`.
/// - The rate is clamped at ``poissonDevianceRateFloor`` where sklearn raises on a prediction that
///   is not strictly positive: a non-positive prediction still gets a large but finite term,
///   `2 (y log(y / 1e-8) - y + 1e-8)`, about `2 y (log y + 17.42)` for a count `y > 0`.
/// - Counts are non-negative; a negative target gives NaN.
///
/// The deviance is twice the log-likelihood ratio of the fitted model to the saturated one
/// (McCullagh and Nelder, *Generalized Linear Models*, 2nd ed., section 2.3), 0 when `p = y`.
public func meanPoissonDeviance(predicted: [Float], expected: [Float]) -> Double {
    precondition(predicted.count == expected.count, "\(predicted.count) predictions for \(expected.count) targets")
    return SummaryStatistics.mean(zip(predicted, expected).map { p, y in
        let rate = SummaryStatistics.clamp(Double(p), lower: poissonDevianceRateFloor, upper: .infinity)
        let count = Double(y)
        if count < 0 { return .nan }
        let logRatioTerm = count == 0 ? 0 : count * log(count / rate)
        return 2 * (logRatioTerm - (count - rate))
    })
}
