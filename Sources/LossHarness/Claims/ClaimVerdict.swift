/// The verdict on one claim of an experiment file.
///
/// The pairs (``ClaimObservations``) are judged on their independent units by the test that
/// ``ClaimEvidence`` chooses; `d < 0` favours `better` for a lower-is-better metric, `d > 0` for a
/// higher-is-better one. The verdict uses the p-value **adjusted for multiplicity** over the claim's
/// family (``ClaimFamily``: every claim of the study, duplicates counted once), Holm's by default:
/// **supported** when the effect favours `better` with adjusted p < 0.05, **contradicted** when it
/// favours `than` with adjusted p < 0.05, **inconclusive** otherwise (including with fewer than two
/// units). `uncorrectedVerdict` is the same decision on the raw p-value.
public struct ClaimVerdict: Sendable {
    public enum Verdict: String, Sendable, CaseIterable {
        case supported
        case contradicted
        case inconclusive
    }

    public var claim: Claim
    public var observations: ClaimObservations
    public var evidence: ClaimEvidence
    /// Pairs (setting × repetition) with both values finite.
    public var pairs: Int { observations.pairs.count }
    public var settings: Int { observations.settings.count }
    public var meanBetter: Double?
    public var meanThan: Double?
    /// Mean of `better - than` over the pairs, in the metric's units.
    public var meanDifference: Double?
    /// `meanDifference / |meanThan|`.
    public var relativeDifference: Double?
    /// The raw two-sided p-value of the claim's test.
    public var pValue: Double? { evidence.pValue }
    /// Holm- and Benjamini-Hochberg-adjusted p-values over the family.
    public var holmPValue: Double?
    public var benjaminiHochbergPValue: Double?
    /// The hypotheses in the family (duplicates counted once).
    public var familySize = 0
    /// The 0-based index of an earlier claim of the study with the same metric and bit-identical
    /// trials (possibly with the two losses swapped): this claim is the same test and counts once.
    public var duplicateOf: Int?
    /// The seeds (units) a two-sided test at the Bonferroni level 0.05 / `familySize` would need
    /// for 80% power against the observed standardized effect: enough for the claim to be decided
    /// under Holm or Benjamini-Hochberg whatever the other claims; `nil` without an effect, or when
    /// no number of splits reaches it.
    public var seedsFor80Power: Int?
    public var correction = MultiplicityCorrection.holm
    public var verdict = Verdict.inconclusive
    public var uncorrectedVerdict = Verdict.inconclusive

    public static let significanceLevel = 0.05

    /// Judges `claim` on `observations` alone (a family of one); ``ClaimFamily`` adjusts a study's
    /// claims together.
    public init(claim: Claim, observations: ClaimObservations) {
        self.claim = claim
        self.observations = observations
        evidence = ClaimEvidence(claim: claim, observations: observations)
        let pairs = observations.pairs
        if !pairs.isEmpty {
            let better = pairs.reduce(0) { $0 + $1.better } / Double(pairs.count)
            let than = pairs.reduce(0) { $0 + $1.than } / Double(pairs.count)
            meanBetter = better
            meanThan = than
            meanDifference = better - than
            if than != 0 { relativeDifference = (better - than) / abs(than) }
        }
        ClaimFamily.judge(&self, holm: pValue, benjaminiHochberg: pValue, familySize: pValue == nil ? 0 : 1)
    }

    /// Whether the effect favours `better`; `nil` when there is none or it is 0.
    public var favoursBetter: Bool? {
        guard let effect = evidence.effect, effect != 0, !effect.isNaN else { return nil }
        return claim.higherIsBetter ? effect > 0 : effect < 0
    }

    /// The decision on one p-value at the significance level.
    func decide(_ p: Double?) -> Verdict {
        guard let p, p < Self.significanceLevel, let favours = favoursBetter else { return .inconclusive }
        return favours ? .supported : .contradicted
    }

    /// The p-value the verdict uses.
    public var adjustedPValue: Double? {
        correction == .holm ? holmPValue : benjaminiHochbergPValue
    }
}
