/// The claims files of a study.
///
/// `claims.csv`, one row per claim in file order:
///
/// | column | content |
/// | --- | --- |
/// | `claim` | the claim's number in the file, from 1 |
/// | `statement`, `metric`, `better`, `than`, `conditions` | the claim (`conditions`: `path=value` joined by `;`) |
/// | `direction` | `lower` or `higher`: which values of the metric are better |
/// | `settings`, `pairs`, `units` | settings pooled, pairs with both values finite, independent units (repetitions) |
/// | `mean_better`, `mean_than`, `difference`, `relative_difference` | over the pairs; difference = better - than, relative = difference / \|mean_than\| |
/// | `test`, `test_reason` | the test (``ClaimTest``) and why it fits (``ClaimEvidence``) |
/// | `scale` | `difference` or `log_ratio`: what a unit value is |
/// | `effect`, `effect_ci95_low`, `effect_ci95_high` | the mean unit value and its 95% interval |
/// | `effect_size` | mean / sd of the units (the standardized effect d) |
/// | `t_statistic`, `df` | of the test |
/// | `train_fraction`, `test_fraction` | for resampled splits (corrected test), else empty |
/// | `p_value` | raw, two-sided |
/// | `family_size` | m, the claims adjusted together (the study's, duplicates once) |
/// | `p_holm`, `p_bh` | adjusted over the family |
/// | `correction` | `holm` or `bh`: which one the verdict uses |
/// | `duplicate_of` | the number of the earlier claim with identical trials, else empty |
/// | `seeds_for_80_power` | units for 80% power at 0.05 / m against the observed effect |
/// | `verdict_uncorrected` | the verdict at raw p < 0.05 |
/// | `verdict` | the verdict at adjusted p < 0.05 |
///
/// `claim-units.csv`: the test's input, one row per claim and unit: `claim`, `repetition`,
/// `settings` (averaged into the unit), `scale`, `value`.
extension ClaimVerdict {
    public static let csvHeader = ["claim", "statement", "metric", "direction", "better", "than", "conditions", "settings", "pairs", "units",
                                   "mean_better", "mean_than", "difference", "relative_difference", "test", "test_reason", "scale",
                                   "effect", "effect_ci95_low", "effect_ci95_high", "effect_size", "t_statistic", "df",
                                   "train_fraction", "test_fraction", "p_value", "family_size", "p_holm", "p_bh", "correction",
                                   "duplicate_of", "seeds_for_80_power", "verdict_uncorrected", "verdict"]

    static func csv(_ claims: [ClaimVerdict]) -> String {
        var text = CSV.row(csvHeader)
        for (index, claim) in claims.enumerated() {
            text += CSV.row(claim.csvFields(number: index + 1))
        }
        return text
    }

    func csvFields(number: Int) -> [String] {
        var fractions = ["", ""]
        if case .resampledSplits(let train, let test) = claim.sampling { fractions = [CSV.number(train), CSV.number(test)] }
        let integer = { (value: Int?) in value.map(String.init) ?? "" }
        return [String(number), claim.statement, claim.metric, claim.higherIsBetter ? "higher" : "lower", claim.better, claim.than, claim.conditionsText, String(settings),
                String(pairs), String(evidence.units.count), CSV.number(meanBetter), CSV.number(meanThan),
                CSV.number(meanDifference), CSV.number(relativeDifference), evidence.test.description, evidence.reason,
                evidence.scale.rawValue, CSV.number(evidence.effect), CSV.number(evidence.interval?.lower),
                CSV.number(evidence.interval?.upper), CSV.number(evidence.standardizedEffect), CSV.number(evidence.tStatistic),
                integer(evidence.degreesOfFreedom)] + fractions
            + [CSV.number(pValue), String(familySize), CSV.number(holmPValue), CSV.number(benjaminiHochbergPValue),
               correction.rawValue, integer(duplicateOf.map { $0 + 1 }), integer(seedsFor80Power), uncorrectedVerdict.rawValue,
               verdict.rawValue]
    }

    static func unitsCSV(_ claims: [ClaimVerdict]) -> String {
        var text = CSV.row(["claim", "repetition", "settings", "scale", "value"])
        for (index, claim) in claims.enumerated() {
            for unit in claim.evidence.units {
                text += CSV.row([String(index + 1), String(unit.repetition), String(unit.settings), claim.evidence.scale.rawValue,
                                 CSV.number(unit.value)])
            }
        }
        return text
    }

    /// One line for the console: verdict, statement, effect with its interval, raw and adjusted p,
    /// test and units, and the seeds for 80% power when inconclusive.
    public var summaryLine: String {
        let number = { (x: Double?) in x.map { String(format: "%.3g", $0) } ?? "n/a" }
        var text = "\(verdict.rawValue.uppercased()): \(claim.statement) (difference \(meanDifference.map { String(format: "%+.4g", $0) } ?? "n/a")"
        if let interval = evidence.interval {
            let scale = evidence.scale == .logRatio ? "log-ratio" : "per unit"
            text += ", \(scale) \(number(evidence.effect)) [\(number(interval.lower)), \(number(interval.upper))]"
        }
        text += "; \(evidence.test), \(evidence.units.count) units; p = \(number(pValue))"
        if familySize > 1 { text += ", \(correction.title) p = \(number(adjustedPValue)) over \(familySize) claims" }
        text += ")"
        if let duplicateOf { text += "; same trials as claim \(duplicateOf + 1), counted once" }
        if verdict == .inconclusive, let seeds = seedsFor80Power { text += "; about \(seeds) seeds for 80% power" }
        return text
    }
}
