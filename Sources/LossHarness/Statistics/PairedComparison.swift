/// A paired comparison of two methods run on the same seeds: the differences
/// dᵢ = candidateᵢ - baselineᵢ, their paired t-test and their Wilcoxon signed-rank test, both
/// two-sided. A negative `meanDifference` means the candidate scored lower (a lower loss).
///
/// Pairs in which either value, or the difference, is not finite (a diverged run) are dropped and
/// counted in `nonFiniteCount`; everything else describes the `count` remaining pairs.
///
/// - `standardDeviation` s = √(Σ (dᵢ - d̄)² / (n - 1)).
/// - `tStatistic` t = d̄ / (s / √n) and `pValue` = 2 P(T(n - 1) > |t|): `scipy.stats.ttest_rel(
///   candidate, baseline)`. When s = 0 the statistic is undefined; here t = 0 and p = 1 if d̄ = 0
///   (SciPy: NaN), and t = ±∞ and p = 0 if d̄ ≠ 0 (as SciPy).
/// - `confidenceInterval95` = d̄ ± t(0.975, n - 1) s / √n, SciPy's `confidence_interval()`.
/// - `wilcoxon`: see `WilcoxonSignedRankTest` for exactly how its p-value is computed.
///
/// Reference: Student, "The probable error of a mean", Biometrika 6 (1908).
public struct PairedComparison: Sendable, Hashable {
    /// Pairs compared.
    public let count: Int
    /// Pairs dropped because a value or their difference is not finite.
    public let nonFiniteCount: Int
    /// d̄, the mean of candidate - baseline.
    public let meanDifference: Double
    public let standardDeviation: Double
    public let confidenceInterval95: ConfidenceInterval
    public let tStatistic: Double
    /// The two-sided p-value of the paired t-test.
    public let pValue: Double
    public let wilcoxon: WilcoxonSignedRankTest

    /// The two-sided p-value of the Wilcoxon signed-rank test.
    public var wilcoxonPValue: Double { wilcoxon.pValue }

    /// Compares `candidate` with `baseline` seed by seed (the arrays are paired by index and must
    /// have the same length); nil when fewer than 2 finite pairs remain.
    public init?(baseline: [Double], candidate: [Double]) {
        precondition(baseline.count == candidate.count, "paired samples need the same length")
        let differences = zip(baseline, candidate)
            .filter { $0.isFinite && $1.isFinite }
            .map { $1 - $0 }
        self.init(differences: differences, dropped: baseline.count - differences.count)
    }

    /// Tests the differences dᵢ themselves (one per independent unit, such as a repetition's mean
    /// difference over several settings); non-finite ones are dropped and counted. `nil` when fewer
    /// than 2 finite differences remain.
    public init?(differences: [Double]) {
        self.init(differences: differences, dropped: 0)
    }

    private init?(differences given: [Double], dropped: Int) {
        let differences = given.filter(\.isFinite)
        guard differences.count >= 2 else { return nil }
        count = differences.count
        nonFiniteCount = given.count - count + dropped

        let summary = SampleSummary(differences)
        meanDifference = summary.mean
        standardDeviation = summary.standardDeviation
        confidenceInterval95 = ConfidenceInterval(
            mean: summary.mean, standardError: summary.standardError,
            degreesOfFreedom: Double(count - 1))

        if standardDeviation == 0 {
            tStatistic = meanDifference == 0 ? 0 : (meanDifference > 0 ? .infinity : -.infinity)
            pValue = meanDifference == 0 ? 1 : 0
        } else {
            tStatistic = meanDifference / summary.standardError
            let distribution = StudentT(degreesOfFreedom: Double(count - 1))
            pValue = min(1, 2 * distribution.survivalProbability(at: abs(tStatistic)))
        }
        wilcoxon = WilcoxonSignedRankTest(differences: differences)
    }
}
