import Foundation

/// How a comparison's numbers are shown in the terminal table and the markdown table (the CSV
/// format writes them in full).
extension ComparisonRow {
    /// The display columns, in order; `experiment` only when results roots are compared.
    static func displayHeader(withExperiment: Bool) -> [String] {
        ["verdict"] + (withExperiment ? ["experiment"] : []) + ["group", "metric", "baseline", "current", "change", "relative",
                                                               "p", "wilcoxon p", "test"]
    }

    /// Which display columns hold numbers (right-aligned).
    static func numericDisplayColumns(withExperiment: Bool) -> Set<Int> {
        let offset = withExperiment ? 1 : 0
        return Set((3...8).map { $0 + offset })
    }

    func displayCells(withExperiment: Bool) -> [String] {
        var cells = [verdict.rawValue]
        if withExperiment { cells.append(group.experiment ?? "") }
        cells += [group.label, measure.name, Self.value(baseline), Self.value(current),
                  change.map { $0 == 0 ? "0" : String(format: "%+.4g", $0) } ?? "-",
                  relativeChange.map { $0 == 0 ? "0%" : String(format: "%+.2f%%", $0 * 100) } ?? "-",
                  Self.probability(evidence?.pValue), Self.probability(evidence?.wilcoxonPValue),
                  evidence?.test.rawValue ?? "-"]
        return cells
    }

    static func value(_ side: Side?) -> String {
        guard let side else { return "-" }
        var text = side.count == 0 ? "-" : String(format: "%.6g", side.mean)
        if side.nonFiniteCount > 0 { text += " (\(side.nonFiniteCount) non-finite)" }
        return text
    }

    static func probability(_ p: Double?) -> String {
        guard let p else { return "-" }
        return String(format: "%.3g", p)
    }
}

extension Comparison {
    /// The rows a table lists: all with `includeUnchanged`, otherwise all but the unchanged.
    func listedRows(includeUnchanged: Bool) -> [ComparisonRow] {
        includeUnchanged ? rows : rows.filter { $0.verdict != .unchanged }
    }

    /// One line per likely regression or improvement: the change, why it is not significant, and
    /// the seeds a significant test would need; then whether such rows decide the exit code.
    var likelyNotes: [String] {
        let likely = rows.filter { $0.verdict == .likelyRegressed || $0.verdict == .likelyImproved }
        guard !likely.isEmpty else { return [] }
        var notes = likely.map { row -> String in
            let group = (row.group.experiment.map { $0 + " " } ?? "") + row.group.label
            let relative = row.relativeChange.map { String(format: "%+.1f%%", $0 * 100) } ?? (row.change.map { String(format: "%+.4g", $0) } ?? "")
            let seeds = max(row.baseline?.count ?? 0, row.current?.count ?? 0)
            var text = "\(row.verdict.rawValue): \(group): \(row.measure.name) \(relative), beyond the \(row.tolerance) tolerance, but "
                + "p = \(ComparisonRow.probability(row.evidence?.pValue)) >= alpha on \(seeds) seed\(seeds == 1 ? "" : "s") (\(row.evidence?.test.rawValue ?? "no test"))"
            if let needed = row.seedsNeeded {
                text += String(format: "; about %d seeds would detect a change this size at alpha = %g with 80%% power", needed, options.alpha)
            }
            return text
        }
        notes.append(options.countsLikelyChanges
            ? "likely changes of quality metrics count as regressions and improvements for the exit code (--likely ignore lists them only); those of timings are listed only"
            : "likely changes are listed only (--likely ignore); they do not change the exit code")
        return notes
    }

    /// One line per test used among `rows`, saying what it is.
    func testNotes(_ rows: [ComparisonRow]) -> [String] {
        let used = Set(rows.compactMap { $0.evidence?.test })
        return ChangeTest.allCases.filter(used.contains).map { test in
            switch test {
            case .pairedT: "paired t: two-sided paired t-test over the seeds both sides share (Wilcoxon signed-rank p beside it)"
            case .mannWhitney: "Mann-Whitney U: two-sided rank test of the repetitions (timings, or seeds that do not pair)"
            case .mannWhitneyOfSeconds: "Mann-Whitney U (seconds): the test of the group's per-repetition seconds"
            case .nonFiniteCount: "non-finite count: the number of diverged, failed or timed-out repetitions changed"
            case .none: "none (1 value): no test is possible, so a change beyond tolerance counts as significant"
            }
        }
    }
}
