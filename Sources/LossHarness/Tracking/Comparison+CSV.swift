/// The tidy CSV form of a comparison: one row per group and measure, every row (unchanged ones
/// too), in listing order, with every number in full precision.
///
/// Columns: `experiment` (empty unless results roots were compared), the group columns of either
/// side (`loss`, `series`, swept paths; or `workload`, `threads`), `group` (the short label),
/// `metric`, `kind` (quality, timing, throughput), `better` (lower, higher), `verdict`,
/// `baseline_mean`, `baseline_sd`, `baseline_n`, `baseline_nonfinite`, `current_mean`,
/// `current_sd`, `current_n`, `current_nonfinite`, `change`, `relative_change`, `tolerance` (as
/// written: `1%`, `0.002`), `threshold` (the largest change within tolerance), `beyond_tolerance`,
/// `test`, `pairs`, `p_value`, `wilcoxon_p`, `significant` (yes, no, assumed, or empty),
/// `effect_size` (the change in standard deviations) and `seeds_needed` (likely changes only: the
/// seeds a significant test would need, see ``ComparisonRow/seedsNeeded``).
extension Comparison {
    public func csv() -> String {
        var text = CSV.row(["experiment"] + groupColumns + ["group", "metric", "kind", "better", "verdict",
                            "baseline_mean", "baseline_sd", "baseline_n", "baseline_nonfinite",
                            "current_mean", "current_sd", "current_n", "current_nonfinite",
                            "change", "relative_change", "tolerance", "threshold", "beyond_tolerance",
                            "test", "pairs", "p_value", "wilcoxon_p", "significant", "effect_size", "seeds_needed"])
        func side(_ side: ComparisonRow.Side?) -> [String] {
            guard let side else { return ["", "", "", ""] }
            return [CSV.number(side.count > 0 ? side.mean : nil), CSV.number(side.count > 0 ? side.standardDeviation : nil),
                    String(side.count), String(side.nonFiniteCount)]
        }
        for row in rows {
            var fields = [row.group.experiment ?? ""] + groupColumns.map { row.group.value($0) }
            fields += [row.group.label, row.measure.name, row.measure.kind.rawValue, row.measure.polarity.rawValue, row.verdict.rawValue]
            fields += side(row.baseline) + side(row.current)
            fields += [CSV.number(row.change), CSV.number(row.relativeChange), row.tolerance.description, CSV.number(row.threshold),
                       row.baseline != nil && row.current != nil ? String(row.isBeyondTolerance) : "",
                       row.evidence?.test.rawValue ?? "", row.evidence?.test == .pairedT ? String(row.evidence!.pairs) : "",
                       CSV.number(row.evidence?.pValue), CSV.number(row.evidence?.wilcoxonPValue), row.significance.rawValue,
                       CSV.number(row.evidence?.standardizedEffect), row.seedsNeeded.map(String.init) ?? ""]
            text += CSV.row(fields)
        }
        return text
    }
}
