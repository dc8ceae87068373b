import LossCore

/// What a claim needs to be checked: the metric and its direction, the two losses (labels), the
/// conditions on swept fields, the statement, and how repetitions were sampled. It is all a claim
/// takes from an experiment (``init(_:sampling:)`` reads an ``Expectation``), so any source of
/// typed claims can feed ``ClaimVerdict``.
public struct Claim: Sendable, Hashable {
    public var statement: String
    /// The metric's id (a `summary.csv` / `trials.csv` column).
    public var metric: String
    public var higherIsBetter: Bool
    /// The label of the loss claimed to be better.
    public var better: String
    /// The label of the loss it is compared with.
    public var than: String
    /// Swept field path to the value text it must take; a `loss.*` condition applies to the side
    /// whose loss has that parameter.
    public var conditions: [String: String]
    public var sampling: RepetitionSampling

    public init(statement: String, metric: String, higherIsBetter: Bool, better: String, than: String,
                conditions: [String: String] = [:], sampling: RepetitionSampling = .independent) {
        self.statement = statement
        self.metric = metric
        self.higherIsBetter = higherIsBetter
        self.better = better
        self.than = than
        self.conditions = conditions
        self.sampling = sampling
    }

    /// The claim an experiment file states.
    public init(_ expectation: Expectation, sampling: RepetitionSampling = .independent) {
        self.init(statement: expectation.statement, metric: expectation.metric.rawValue,
                  higherIsBetter: expectation.metric.higherIsBetter, better: expectation.better, than: expectation.than,
                  conditions: expectation.conditions.mapValues(\.text), sampling: sampling)
    }

    /// `path=value` pairs sorted by path and joined by `;` (the `conditions` column).
    public var conditionsText: String {
        conditions.keys.sorted().map { "\($0)=\(conditions[$0]!)" }.joined(separator: ";")
    }
}

/// How the repetitions of a study were drawn, which decides the claim's test.
public enum RepetitionSampling: Sendable, Hashable {
    /// Every repetition draws its own data (LossLab's seeded generators): repetitions are
    /// independent, and the paired t-test applies.
    case independent
    /// Every repetition is a random train/test split of one fixed data set, training on
    /// `trainFraction` and testing on `testFraction` of it: splits overlap, so the corrected
    /// resampled t-test (``CorrectedResampledTTest``) applies.
    case resampledSplits(trainFraction: Double, testFraction: Double)
}
