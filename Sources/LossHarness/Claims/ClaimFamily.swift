/// A family of claims adjusted together for multiplicity: the claims of one study when
/// `losslab run` writes its `claims.csv` (the **study family**), and every claim of the report when
/// `losslab report` writes `results/claims.csv` (the **report family**).
///
/// Within a family, a claim whose metric is the same as an earlier claim's and whose trials are
/// bit-identical (every metric of every paired trial, possibly with the two losses swapped, which
/// is the same two-sided test) is a **duplicate**: it takes the earlier claim's adjusted p-values
/// and does not count in m. The m remaining claims with a p-value are adjusted by Holm and by
/// Benjamini-Hochberg (``MultiplicityCorrection``); `correction` decides which one the verdicts use.
public enum ClaimFamily {
    /// Adjusts `claims` (one study's, in file order) in place: duplicates, adjusted p-values,
    /// power and verdicts.
    public static func adjust(_ claims: inout [ClaimVerdict], correction: MultiplicityCorrection = .holm) {
        for index in claims.indices {
            claims[index].duplicateOf = claims[..<index].indices.first { isDuplicate(claims[index], of: claims[$0]) }
                .map { claims[$0].duplicateOf ?? $0 }
        }
        let members = claims.indices.filter { claims[$0].pValue != nil && claims[$0].duplicateOf == nil }
        let raw = members.map { claims[$0].pValue! }
        let holm = MultiplicityCorrection.holm.adjusted(raw), bh = MultiplicityCorrection.benjaminiHochberg.adjusted(raw)
        var adjusted: [Int: (Double, Double)] = [:]
        for (position, index) in members.enumerated() { adjusted[index] = (holm[position], bh[position]) }
        for index in claims.indices {
            claims[index].correction = correction
            let source = claims[index].duplicateOf ?? index
            judge(&claims[index], holm: adjusted[source]?.0, benjaminiHochberg: adjusted[source]?.1, familySize: members.count)
        }
    }

    /// Sets one claim's adjusted p-values, power and verdicts.
    static func judge(_ claim: inout ClaimVerdict, holm: Double?, benjaminiHochberg: Double?, familySize: Int) {
        claim.holmPValue = holm
        claim.benjaminiHochbergPValue = benjaminiHochberg
        claim.familySize = familySize
        claim.uncorrectedVerdict = claim.decide(claim.pValue)
        claim.verdict = claim.decide(claim.adjustedPValue)
        claim.seedsFor80Power = seeds(effect: claim.evidence.standardizedEffect, design: claim.evidence.powerDesign,
                                      familySize: familySize)
    }

    /// The units for 80% power at 0.05 / m.
    public static func seeds(effect: Double?, design: TTestPower.Design, familySize: Int) -> Int? {
        guard let effect else { return nil }
        let alpha = ClaimVerdict.significanceLevel / Double(max(1, familySize))
        return TTestPower(design: design, alpha: alpha).sampleSize(effect: abs(effect))
    }

    /// Same metric and the same trials in every pair, in the same or the swapped roles.
    static func isDuplicate(_ claim: ClaimVerdict, of earlier: ClaimVerdict) -> Bool {
        guard claim.claim.metric == earlier.claim.metric, !claim.observations.pairs.isEmpty,
              claim.pairs == earlier.pairs else { return false }
        let mine = claim.observations.trialKey, theirs = earlier.observations.trialKey
        return mine == theirs || mine == theirs.mapValues { [$0[1], $0[0]] }
    }
}
