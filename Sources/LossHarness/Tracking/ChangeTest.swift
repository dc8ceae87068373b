/// The test that decides whether a change between two samples is significant, and what it found.
///
/// Which test (``evaluate(measure:baseline:current:repetitionSeconds:)``):
///
/// 1. **non-finite count**: the two sides have a different number of non-finite values (a trial
///    that diverged, failed or timed out). More on the current side is a regression, fewer an
///    improvement, whatever the means say; the count is taken as significant.
/// 2. **paired t**: a quality metric with at least 2 repetitions on the same seed on both sides
///    (same `repetition` and `seed`): the two-sided paired t-test of ``PairedComparison``
///    (`scipy.stats.ttest_rel`); its Wilcoxon signed-rank p is reported beside it. Identical
///    per-seed values give p = 1; differences that are all equal and nonzero (deterministic runs,
///    sd 0) give p = 0.
/// 3. **Mann-Whitney U**: timings and throughputs, and quality metrics whose seeds do not pair,
///    with at least 2 finite values on each side: the two-sided ``MannWhitneyTest``
///    (`scipy.stats.mannwhitneyu`). Timings are not paired: a repetition's time does not depend on
///    its seed. With 2 values a side its smallest p is 1/3, so 2 repetitions can never show a
///    significant timing change at alpha = 0.05.
/// 4. **Mann-Whitney U on seconds**: a bench summary (`median_seconds`, `samples_per_second`...)
///    with a single value a side, in a group whose per-repetition `seconds` can be tested: the
///    test of those repetitions, the evidence the summary comes from.
/// 5. **none**: fewer values than any test needs (a single seed). A change beyond tolerance is
///    then taken as significant (``Significance/assumed``).
/// Cohen's d = (mean₂ - mean₁) / s_pooled, s_pooled² = ((n₁ - 1)s₁² + (n₂ - 1)s₂²) / (n₁ + n₂ - 2).
func cohensD(_ first: SampleSummary, _ second: SampleSummary) -> Double? {
    let n1 = Double(first.count), n2 = Double(second.count)
    guard n1 >= 2, n2 >= 2 else { return nil }
    let pooled = (((n1 - 1) * first.standardDeviation * first.standardDeviation
                   + (n2 - 1) * second.standardDeviation * second.standardDeviation) / (n1 + n2 - 2)).squareRoot()
    let difference = second.mean - first.mean
    return pooled > 0 ? difference / pooled : (difference == 0 ? 0 : .infinity)
}

public enum ChangeTest: String, Sendable, Hashable, CaseIterable {
    case nonFiniteCount = "non-finite count"
    case pairedT = "paired t"
    case mannWhitney = "Mann-Whitney U"
    case mannWhitneyOfSeconds = "Mann-Whitney U (seconds)"
    case none = "none (1 value)"
}

/// Whether a change is significant.
public enum Significance: String, Sendable, Hashable {
    /// p < alpha.
    case yes
    /// p >= alpha.
    case no
    /// No test was possible (a single seed) or the non-finite count changed: taken as significant.
    case assumed
    /// Nothing to test (the group is on one side only, or neither side has a finite value).
    case notApplicable = ""

    /// Whether it counts as significant.
    public var counts: Bool { self == .yes || self == .assumed }
}

/// The outcome of the test of one change.
public struct ChangeEvidence: Sendable, Hashable {
    public var test: ChangeTest
    /// The two-sided p-value, `nil` for ``ChangeTest/none`` and ``ChangeTest/nonFiniteCount``.
    public var pValue: Double?
    /// The Wilcoxon signed-rank p-value, beside a paired t-test.
    public var wilcoxonPValue: Double?
    /// Seeds paired (paired t only).
    public var pairs: Int
    /// The change in standard deviations: mean / sd of the paired differences (paired t), or
    /// Cohen's d with the pooled sd (Mann-Whitney); `nil` for the other tests.
    public var standardizedEffect: Double? = nil

    /// Chooses and runs the test; `repetitionSeconds` is the group's (baseline, current) `seconds`
    /// samples, when it has some.
    public static func evaluate(measure: Measure, baseline: MeasureSample, current: MeasureSample,
                                repetitionSeconds: (MeasureSample, MeasureSample)? = nil) -> ChangeEvidence {
        if baseline.nonFiniteCount != current.nonFiniteCount {
            return ChangeEvidence(test: .nonFiniteCount, pValue: nil, wilcoxonPValue: nil, pairs: 0)
        }
        if measure.kind == .quality {
            let (b, c) = baseline.pairedValues(with: current)
            if let paired = PairedComparison(baseline: b, candidate: c) {
                let effect = paired.standardDeviation > 0 ? paired.meanDifference / paired.standardDeviation
                    : (paired.meanDifference == 0 ? 0 : .infinity)
                return ChangeEvidence(test: .pairedT, pValue: paired.pValue, wilcoxonPValue: paired.wilcoxonPValue, pairs: paired.count,
                                      standardizedEffect: effect)
            }
        }
        if baseline.finiteValues.count >= 2, current.finiteValues.count >= 2,
           let test = MannWhitneyTest(first: baseline.finiteValues, second: current.finiteValues) {
            return ChangeEvidence(test: .mannWhitney, pValue: test.pValue, wilcoxonPValue: nil, pairs: 0,
                                  standardizedEffect: cohensD(baseline.summary, current.summary))
        }
        if measure.kind != .quality, measure.name != Measure.repetitionSeconds, let (b, c) = repetitionSeconds,
           b.finiteValues.count >= 2, c.finiteValues.count >= 2,
           let test = MannWhitneyTest(first: b.finiteValues, second: c.finiteValues) {
            return ChangeEvidence(test: .mannWhitneyOfSeconds, pValue: test.pValue, wilcoxonPValue: nil, pairs: 0)
        }
        return ChangeEvidence(test: .none, pValue: nil, wilcoxonPValue: nil, pairs: 0)
    }
}
