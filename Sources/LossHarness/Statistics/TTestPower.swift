/// The power of two-sided t-tests at level α, and the sample size that reaches a given power:
/// `statsmodels.stats.power.TTestPower` (one sample, or paired differences) and `TTestIndPower`
/// (two independent samples of equal size).
///
/// For a standardized effect d (the true mean difference over the standard deviation of one
/// observation), the statistic follows a ``NoncentralT`` with ν degrees of freedom and
/// noncentrality δ, and the two-sided power is
///
///     power = P(T > t(1 - α/2, ν)) + P(T < -t(1 - α/2, ν)),
///
/// with, for n observations (per sample):
///
/// | design | ν | δ |
/// | --- | --- | --- |
/// | ``Design/oneSample`` (paired t) | n - 1 | d √n |
/// | ``Design/twoSample`` | 2n - 2 | d √(n/2) |
/// | ``Design/correctedResampled(testToTrainRatio:)`` (Nadeau-Bengio) | n - 1 | d / √(1/n + n₂/n₁) |
///
/// The last is the power of ``CorrectedResampledTTest`` over n random splits, on the same
/// heuristic that the test rests on; it stays below the power of a test with δ = d √(n₁/n₂) however
/// many splits are drawn, so a target power may be out of reach (``sampleSize`` is then `nil`).
/// Reference: J. Cohen, *Statistical Power Analysis for the Behavioral Sciences*, 2nd ed. (1988).
public struct TTestPower: Sendable, Hashable {
    public enum Design: Sendable, Hashable {
        case oneSample
        case twoSample
        /// Resampled train/test splits with n₂/n₁ = `testToTrainRatio`.
        case correctedResampled(testToTrainRatio: Double)
    }

    public var design: Design
    /// The two-sided significance level.
    public var alpha: Double

    public init(design: Design = .oneSample, alpha: Double = 0.05) {
        precondition(alpha > 0 && alpha < 1, "alpha lies strictly between 0 and 1")
        self.design = design
        self.alpha = alpha
    }

    /// Degrees of freedom and noncentrality for n observations (n > 1; fractional n as statsmodels
    /// allows).
    func parameters(effect: Double, count n: Double) -> (nu: Double, delta: Double) {
        switch design {
        case .oneSample: (n - 1, effect * n.squareRoot())
        case .twoSample: (2 * n - 2, effect * (n / 2).squareRoot())
        case .correctedResampled(let ratio): (n - 1, effect / (1 / n + ratio).squareRoot())
        }
    }

    /// The power for a standardized effect `effect` with n observations (per sample), n > 1.
    public func power(effect: Double, count n: Double) -> Double {
        precondition(n > 1, "a t-test needs more than one observation")
        let (nu, delta) = parameters(effect: effect, count: n)
        let critical = StudentT(degreesOfFreedom: nu).quantile(probability: 1 - alpha / 2)
        let distribution = NoncentralT(degreesOfFreedom: nu, noncentrality: delta)
        return distribution.survivalProbability(at: critical) + distribution.cumulativeProbability(at: -critical)
    }

    /// The real n >= 2 at which the power equals `power` (statsmodels' `solve_power(nobs=None)`),
    /// by bisection on the increasing power curve: 2 when 2 observations already reach it; `nil`
    /// for a zero or non-finite effect, or when no n below 10⁷ reaches it.
    public func solveCount(effect: Double, power target: Double = 0.8) -> Double? {
        precondition(target > 0 && target < 1, "the target power lies strictly between 0 and 1")
        guard effect.isFinite, effect != 0 else { return nil }
        var low = 2.0, high = 4.0
        if power(effect: effect, count: low) >= target { return low }
        while power(effect: effect, count: high) < target {
            low = high
            high *= 2
            if high > 1e7 { return nil }
        }
        for _ in 0..<200 {
            let middle = 0.5 * (low + high)
            if power(effect: effect, count: middle) < target { low = middle } else { high = middle }
            if high - low <= 1e-10 * high { break }
        }
        return 0.5 * (low + high)
    }

    /// The smallest whole number of observations (at least 2) with power >= `power`: the seeds or
    /// splits to ask for. An infinite effect (no spread at all) needs 2; `nil` as for
    /// ``solveCount(effect:power:)``.
    public func sampleSize(effect: Double, power target: Double = 0.8) -> Int? {
        if effect.isInfinite { return 2 }
        guard let real = solveCount(effect: effect, power: target) else { return nil }
        var n = max(2, Int(real.rounded(.up)))
        // The bisection's last digits could land a hair above a whole number.
        if n > 2 && power(effect: effect, count: Double(n - 1)) >= target { n -= 1 }
        return n
    }
}
