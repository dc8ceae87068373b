import LossHarness

/// `losslab compare`: compares two result sets and says what regressed, with significance.
enum CompareCommand: Subcommand {
    static let name = "compare"
    static let summary = "compare two result sets: regressions and improvements, with significance"
    static let help = """
    Usage: losslab compare BASELINE CURRENT [options]

    Compares CURRENT against BASELINE group by group (every parameter but the seed: loss, series,
    swept values, and the experiment when comparing results roots) and metric by metric, on the
    mean over seeds. Each side is a results root (every <experiment>/trials.csv below it, matched
    by folder name; baselines/ and bench/ are skipped), one experiment's results folder, a
    trials.csv file, or a bench CSV (a workload column; see `losslab bench`).

    A change beyond tolerance is a regression or an improvement when it is also significant
    (p < alpha), and a likely regression or likely improvement when it is not (too few seeds to
    confirm it: the note under the table names the seeds a significant test would need). A change
    within tolerance is unchanged. Tests: quality metrics on the same seeds, the paired t-test across seeds (Wilcoxon
    signed-rank p reported beside it); timings (train_seconds, bench seconds) and throughputs, the
    Mann-Whitney U test of the repetitions; with a single seed no test is possible and a change
    beyond tolerance counts as significant (test "none (1 value)"). More diverged, failed or
    timed-out repetitions is a regression whatever the means say (test "non-finite count").
    Identical runs give "unchanged"; all per-seed differences equal and nonzero give p = 0.

    Default tolerances: quality metrics 1% of the baseline (at least 1e-9); timings and throughputs
    10%. Lower is better for losses, errors and timings; higher for accuracy-like metrics
    (`losslab list metrics`) and throughputs.

    Verdicts: regressed, likely regressed, improved, likely improved, missing (baseline only), new
    (current only), unchanged. The table lists them in that order; unchanged rows are counted
    (--all lists them). Likely changes decide the exit code like definite ones unless --likely
    ignore. Notes on columns not compared go to standard error.

    Options:
    \(CompareOptions.help)

    Exit codes: 0 no regression and no improvement, 2 at least one regression (or likely
    regression), 4 improvements (or likely ones) and no regression, 5 BASELINE does not exist, 64 bad options or tolerances, 65 a results file is
    malformed, 66 CURRENT or a thresholds file does not exist.

    Examples:
      losslab compare results/baselines/main results
      losslab compare old/outliers/trials.csv results/outliers/trials.csv --all
      losslab compare results/baselines/main results --format markdown --tolerance mse=0.5%
      losslab compare bench-before.csv bench-after.csv --thresholds thresholds.json5
    """

    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode {
        let options = try CompareOptions.parse(&arguments, command: name)
        let written = try arguments.positionals()
        if written.contains("") { throw CommandError("compare: an empty path: name a results folder or CSV file") }
        let paths = written.map(arguments.resolve)
        guard paths.count == 2 else {
            throw CommandError("compare: expected BASELINE and CURRENT, got \(paths.count) path\(paths.count == 1 ? "" : "s") (see `losslab compare --help`)")
        }
        return try compare(baseline: paths[0], current: paths[1], options: options, console: console, command: name,
                           missingBaseline: "\(paths[0]) does not exist")
    }

    /// Loads both sides, compares them, prints the result in the chosen format and returns the
    /// exit code; `missingBaseline` is the message when the baseline does not exist (exit 5), and
    /// `command` starts every error message.
    static func compare(baseline: String, current: String, options: CompareOptions, console: Console, command: String,
                        missingBaseline: String) throws -> ExitCode {
        let baselineSet: ResultSet, currentSet: ResultSet, comparison: Comparison
        do {
            baselineSet = try ResultSet.load(path: baseline)
        } catch {
            if case .notFound = error { throw CommandError("\(command): baseline \(missingBaseline)", code: .baselineMissing) }
            throw CommandError("\(command): " + error.description, code: TrackingExitCodes.code(for: error, baselineSide: true))
        }
        do {
            currentSet = try ResultSet.load(path: current)
            comparison = try Comparison(baseline: baselineSet, current: currentSet, options: options.comparison)
        } catch {
            throw CommandError("\(command): " + error.description, code: TrackingExitCodes.code(for: error, baselineSide: false))
        }
        for note in comparison.notes { console.printError("note: " + note) }
        let text: String
        switch options.format {
        case .table: text = comparison.textTable(includeUnchanged: options.includeUnchanged)
        case .markdown: text = comparison.markdown(includeUnchanged: options.includeUnchanged)
        case .csv: text = comparison.csv()
        }
        console.print(String(text.dropLast()))
        switch comparison.outcome {
        case .unchanged: return .success
        case .regression: return .regression
        case .improvementsOnly: return .improvementsOnly
        }
    }
}
