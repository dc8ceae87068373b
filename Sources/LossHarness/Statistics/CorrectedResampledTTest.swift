/// The corrected resampled t-test of Nadeau and Bengio for J differences measured on random
/// train/test splits of one data set (repeated hold-out), two-sided.
///
/// Splits of one data set overlap, so their differences dⱼ are positively correlated and the
/// ordinary paired t-test, whose variance estimate s²/J assumes independence, rejects far too
/// often. Nadeau and Bengio replace 1/J by 1/J + n₂/n₁ (n₁ training and n₂ test examples per
/// split; only their ratio matters):
///
///     t = d̄ / √((1/J + n₂/n₁) s²),   ν = J - 1,   p = 2 P(T(ν) > |t|),
///
/// with s² the sample variance (n - 1 denominator) of the dⱼ. When s = 0 the statistic is ±∞ and
/// p = 0 if d̄ ≠ 0, and t = 0, p = 1 if d̄ = 0 (as ``PairedComparison``). The 95% interval is
/// d̄ ± t(0.975, ν) √((1/J + n₂/n₁) s²).
///
/// Reference: C. Nadeau and Y. Bengio, "Inference for the generalization error", Machine Learning
/// 52 (2003), §4 (the "corrected resampled t-test"); recommended by R. R. Bouckaert and E. Frank,
/// "Evaluating the replicability of significance tests for comparing learning algorithms", PAKDD
/// (2004). Independent data (a new sample per seed, as LossLab's generators draw) needs no
/// correction: that is the paired t-test.
public struct CorrectedResampledTTest: Sendable, Hashable {
    /// J, the splits.
    public let count: Int
    /// n₂ / n₁.
    public let testToTrainRatio: Double
    public let meanDifference: Double
    public let standardDeviation: Double
    /// √((1/J + n₂/n₁) s²), the corrected standard error.
    public let standardError: Double
    public let tStatistic: Double
    public let pValue: Double
    public let confidenceInterval95: ConfidenceInterval

    /// Tests finite `differences` (at least 2) from splits that train on `trainFraction` and test on
    /// `testFraction` of the data (both in (0, 1], a precondition; they need not sum to 1).
    public init?(differences: [Double], trainFraction: Double, testFraction: Double) {
        precondition(trainFraction > 0 && trainFraction <= 1 && testFraction > 0 && testFraction <= 1,
                     "train and test fractions lie in (0, 1]")
        precondition(differences.allSatisfy(\.isFinite), "the corrected resampled t-test needs finite differences")
        guard differences.count >= 2 else { return nil }
        count = differences.count
        testToTrainRatio = testFraction / trainFraction
        let summary = SampleSummary(differences)
        meanDifference = summary.mean
        standardDeviation = summary.standardDeviation
        let variance = summary.standardDeviation * summary.standardDeviation
        standardError = ((1 / Double(count) + testToTrainRatio) * variance).squareRoot()
        let nu = Double(count - 1)
        if standardError == 0 {
            tStatistic = meanDifference == 0 ? 0 : (meanDifference > 0 ? .infinity : -.infinity)
            pValue = meanDifference == 0 ? 1 : 0
        } else {
            tStatistic = meanDifference / standardError
            pValue = min(1, 2 * StudentT(degreesOfFreedom: nu).survivalProbability(at: abs(tStatistic)))
        }
        confidenceInterval95 = ConfidenceInterval(mean: meanDifference, standardError: standardError, degreesOfFreedom: nu)
    }
}
