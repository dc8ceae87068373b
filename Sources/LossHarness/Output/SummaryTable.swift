import LossCore

/// `summary.csv`: one row per group (every parameter but the seed) and metric, with the spread
/// across seeds and the paired difference against the reference loss.
///
/// Columns: the group (`loss`, `series`, swept paths), `metric`, `trials`, `n` (finite values),
/// `diverged`, `mean`, `sd`, `ci95_low`, `ci95_high` (Student t), `median`, `q1`, `q3`, `min`,
/// `max`; then against the reference loss in the same context (same swept values of the non-loss
/// fields, paired by repetition): `reference`, `pairs`, `diff_mean` (this minus the reference),
/// `diff_ci95_low`, `diff_ci95_high`, `p_value` (two-sided paired t-test) and `wilcoxon_p`
/// (two-sided Wilcoxon signed-rank).
struct SummaryTable {
    let experiment: Experiment
    let sweptPaths: [String]
    let metrics: [String]
    let groups: [GroupKey: GroupValues]
    let order: [GroupKey]

    /// The reference group for a context: the reference loss's first series there.
    func referenceGroup(context: [String]) -> GroupKey? {
        order.first { $0.label == experiment.reference && $0.context(sweptPaths: sweptPaths) == context }
    }

    func csv() -> String {
        var text = CSV.row(["loss", "series"] + sweptPaths + ["metric", "trials", "n", "diverged", "mean", "sd",
                           "ci95_low", "ci95_high", "median", "q1", "q3", "min", "max", "reference", "pairs",
                           "diff_mean", "diff_ci95_low", "diff_ci95_high", "p_value", "wilcoxon_p"])
        for key in order {
            let group = groups[key]!
            let reference = referenceGroup(context: key.context(sweptPaths: sweptPaths))
            for metric in metrics {
                let values = (group.values[metric] ?? []).map(\.value)
                let summary = SampleSummary(values)
                var fields = [key.label, key.series] + key.values + [metric, String(group.trials), String(summary.count),
                              String(group.statusCounts[.diverged] ?? 0)]
                fields += [summary.mean, summary.standardDeviation, summary.confidenceInterval95?.lower,
                           summary.confidenceInterval95?.upper, summary.median, summary.lowerQuartile,
                           summary.upperQuartile, summary.minimum, summary.maximum].map { CSV.number(summary.count > 0 ? $0 : nil) }
                if let reference, reference != key, let comparison = pairedComparison(key, reference, metric) {
                    fields += [reference.series, String(comparison.count), CSV.number(comparison.meanDifference),
                               CSV.number(comparison.confidenceInterval95.lower), CSV.number(comparison.confidenceInterval95.upper),
                               CSV.number(comparison.pValue), CSV.number(comparison.wilcoxonPValue)]
                } else {
                    fields += [reference?.series ?? "", "", "", "", "", "", ""]
                }
                text += CSV.row(fields)
            }
        }
        return text
    }

    /// The paired comparison of `candidate` against `baseline` on `metric`, by repetition.
    func pairedComparison(_ candidate: GroupKey, _ baseline: GroupKey, _ metric: String) -> PairedComparison? {
        let a = groups[candidate]!.byRepetition(metric)
        let b = groups[baseline]!.byRepetition(metric)
        let repetitions = a.keys.filter { b[$0] != nil }.sorted()
        return PairedComparison(baseline: repetitions.map { b[$0]! }, candidate: repetitions.map { a[$0]! })
    }
}
