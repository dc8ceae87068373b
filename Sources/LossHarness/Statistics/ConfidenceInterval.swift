/// A two-sided confidence interval [lower, upper].
public struct ConfidenceInterval: Sendable, Hashable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// The Student t interval for a mean: `mean ± t(1 - (1 - level) / 2, ν) · standardError`, the
    /// interval of `scipy.stats.ttest_1samp(...).confidence_interval(level)` with
    /// ν = `degreesOfFreedom` (n - 1 for a sample of n).
    public init(mean: Double, standardError: Double, degreesOfFreedom: Double, level: Double = 0.95) {
        precondition(level > 0 && level < 1, "a confidence level lies strictly between 0 and 1")
        let critical = StudentT(degreesOfFreedom: degreesOfFreedom)
            .quantile(probability: 1 - (1 - level) / 2)
        self.init(lower: mean - critical * standardError, upper: mean + critical * standardError)
    }

    /// upper - lower.
    public var width: Double { upper - lower }

    /// Whether `value` lies in the closed interval.
    public func contains(_ value: Double) -> Bool {
        lower <= value && value <= upper
    }
}
