/// The comparison of one group and one measure: both sides' values, the change, its test and the
/// verdict. Values are means over the finite values of the repetitions (seeds).
public struct ComparisonRow: Sendable {
    /// One side's sample, summarised.
    public struct Side: Sendable, Hashable {
        /// Mean of the finite values (NaN when there is none).
        public var mean: Double
        /// Their standard deviation (n - 1; 0 for one value, NaN for none).
        public var standardDeviation: Double
        /// Finite values.
        public var count: Int
        /// Non-finite values (diverged, failed or timed-out repetitions).
        public var nonFiniteCount: Int

        public init(_ sample: MeasureSample) {
            mean = sample.summary.mean
            standardDeviation = sample.summary.standardDeviation
            count = sample.summary.count
            nonFiniteCount = sample.nonFiniteCount
        }
    }

    public var group: GroupIdentity
    public var measure: Measure
    /// `nil` when the group or measure is not in the baseline (verdict ``Verdict/new``).
    public var baseline: Side?
    /// `nil` when the group or measure is not in the current results (``Verdict/missing``).
    public var current: Side?
    public var tolerance: Tolerance
    public var evidence: ChangeEvidence?
    public var significance: Significance
    public var verdict: Verdict
    /// For a likely regression or improvement: the seeds (repetitions per side) at which the test
    /// used would detect a change of the observed standardized size with 80% power at alpha
    /// (``TTestPower``: one sample for the paired t-test, two samples for the Mann-Whitney U test,
    /// whose efficiency against the t-test is 0.955 for normal data).
    public var seedsNeeded: Int?

    /// current - baseline, when both sides have a finite mean.
    public var change: Double? {
        guard let baseline, let current, baseline.mean.isFinite, current.mean.isFinite else { return nil }
        return current.mean - baseline.mean
    }

    /// change / |baseline|, when the baseline is nonzero.
    public var relativeChange: Double? {
        guard let change, let baseline, baseline.mean != 0 else { return nil }
        return change / abs(baseline.mean)
    }

    /// The largest change within tolerance, for this baseline.
    public var threshold: Double? {
        guard let baseline, baseline.mean.isFinite else { return nil }
        return tolerance.threshold(baseline: baseline.mean)
    }

    /// Whether |change| exceeds the threshold.
    public var isBeyondTolerance: Bool {
        guard let change, let baseline else { return false }
        return tolerance.isExceeded(by: change, baseline: baseline.mean)
    }

    /// Judges one group and measure present on both sides.
    init(group: GroupIdentity, measure: Measure, baseline: MeasureSample, current: MeasureSample,
         tolerance: Tolerance, alpha: Double, repetitionSeconds: (MeasureSample, MeasureSample)?) {
        self.group = group
        self.measure = measure
        self.baseline = Side(baseline)
        self.current = Side(current)
        self.tolerance = tolerance
        let evidence = ChangeEvidence.evaluate(measure: measure, baseline: baseline, current: current,
                                               repetitionSeconds: repetitionSeconds)
        self.evidence = evidence
        verdict = .unchanged
        significance = .notApplicable
        switch evidence.test {
        case .nonFiniteCount:
            significance = .assumed
            // More repetitions without a finite value is worse whatever the polarity.
            verdict = current.nonFiniteCount > baseline.nonFiniteCount ? .regressed : .improved
            return
        case .none:
            significance = change == nil ? .notApplicable : (isBeyondTolerance ? .assumed : .no)
        case .pairedT, .mannWhitney, .mannWhitneyOfSeconds:
            significance = (evidence.pValue ?? 1) < alpha ? .yes : .no
        }
        if let change, isBeyondTolerance {
            let better = measure.isImprovement(change: change)
            if significance.counts {
                verdict = better ? .improved : .regressed
            } else {
                verdict = better ? .likelyImproved : .likelyRegressed
                seedsNeeded = evidence.standardizedEffect.flatMap { effect in
                    TTestPower(design: evidence.test == .pairedT ? .oneSample : .twoSample, alpha: min(alpha, 0.5))
                        .sampleSize(effect: abs(effect))
                }
            }
        }
    }

    /// A group and measure on one side only.
    init(group: GroupIdentity, measure: Measure, onlyBaseline baseline: MeasureSample?, onlyCurrent current: MeasureSample?,
         tolerance: Tolerance) {
        self.group = group
        self.measure = measure
        self.baseline = baseline.map(Side.init)
        self.current = current.map(Side.init)
        self.tolerance = tolerance
        evidence = nil
        significance = .notApplicable
        verdict = baseline == nil ? .new : .missing
    }
}
