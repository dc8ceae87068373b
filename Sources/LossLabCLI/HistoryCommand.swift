import Foundation
import LossHarness

/// `losslab history`: the steps in the recorded bench history, largest first, and its figure.
enum HistoryCommand: Subcommand {
    static let name = "history"
    static let summary = "list the steps (lasting speed-ups and slow-downs) in the recorded bench history"
    static let help = """
    Usage: losslab history [--results DIR] [--plots DIR] [--penalty K] [--no-plots]

    Reads DIR/bench/history.csv (written by `losslab bench --record` and `losslab bench --commits
    A..B`), lays its commits out in git's order (`git log --topo-order --reverse HEAD`; recorded
    commits of other branches follow in the file's order) and, for every workload, finds the
    commits where its time moved to a new level and stayed there. It lists those steps, largest
    first, with the commit that starts the new level and its subject, then draws the history
    figure <plots>/bench/throughput.{gp,png,svg}. When DIR/quality-history.csv exists (`losslab run
    --quick --commits A..B`), it also draws <plots>/quality-history.{gp,png,svg}: each study's quick
    metrics along the same commits.

    Method: a piecewise-constant fit of log(minimum seconds of each commit) minimising the sum of
    absolute deviations from each segment's median plus a penalty K x sigma x ln(n) per step, with
    segments of at least 2 commits (so one noisy commit is never a step; a step at the newest
    commit shows once a second commit confirms it, `losslab bench --against` tests one commit).
    sigma is the robust noise of the series (1.4826 x the median absolute first difference / sqrt 2,
    at least 0.5%). See docs/bench.md, "Regression tracking across history".

    Options:
      --results DIR   results root holding bench/history.csv (default: results)
      --plots DIR     figures root (default: plots)
      --penalty K     the penalty factor K (default: \(StepDetection.defaultPenaltyFactor)); larger finds fewer steps
      --no-plots      list the steps only

    Exit codes: 0 done (steps or none), 1 gnuplot failed, 64 bad options, 66 no history file.

    Examples:
      losslab history
      losslab history --penalty 4 --no-plots
    """

    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode {
        let resultsRoot = try arguments.path("results", default: "results")
        let plotsRoot = try arguments.path("plots", default: "plots")
        let penalty = try arguments.number("penalty") ?? StepDetection.defaultPenaltyFactor
        let noPlots = arguments.flag("no-plots")
        try arguments.finish()
        guard penalty > 0 else { throw CommandError("history: --penalty \(penalty): expected a positive factor, e.g. 2") }
        let historyPath = resultsRoot + "/bench/history.csv"
        guard FileManager.default.fileExists(atPath: historyPath) else {
            throw CommandError("history: \(historyPath) does not exist (record one with losslab bench --record, "
                               + "or --commits A..B)", code: .noInput)
        }
        let (order, subjects) = GitLog.history(in: arguments.workingDirectory ?? FileManager.default.currentDirectoryPath)
        let history = try BenchHistory.load(historyPath)
        let analysis = BenchHistoryAnalysis(history: history, order: order, subjects: subjects, penaltyFactor: penalty)
        let unmeasured = analysis.commits.filter { $0.run.status != .measured }
        console.print("# \(historyPath): \(analysis.commits.count) commits, \(analysis.series.count) series"
                      + (unmeasured.isEmpty ? "" : ", \(unmeasured.count) not measured"))
        let steps = analysis.stepsBySize
        if steps.isEmpty {
            console.print("no step found")
        } else {
            let rows = steps.map { step -> [String] in
                let commit = analysis.commits[step.position]
                return [step.series, String(format: "%.3f", step.ratio), step.ratio > 1 ? "slower" : "faster",
                        String(format: "%.4f", step.before), String(format: "%.4f", step.after),
                        commit.short, String(commit.subject.prefix(70))]
            }
            console.print(TextTable.render(header: ["series", "ratio", "", "before s", "after s", "commit", "subject"], rows: rows))
        }
        for commit in unmeasured {
            console.print("\(commit.short) \(commit.run.status.rawValue): \(commit.run.reason.prefix(100))")
        }
        if !order.isEmpty && !analysis.outsideOrder.isEmpty {
            console.print("not in this branch's history (placed last): "
                          + analysis.outsideOrder.map { String($0.prefix(7)) }.joined(separator: " "))
        }
        guard !noPlots else { return .success }
        let scripts = [try BenchHistoryFigure(resultsRoot: resultsRoot, plotsRoot: plotsRoot, order: order, subjects: subjects).write(),
                       try QualityHistoryFigure(resultsRoot: resultsRoot, plotsRoot: plotsRoot, order: order).write()]
        var failed = false
        for script in scripts.compactMap({ $0 }) where !FigureRendering.render(script, label: "history", announce: true,
                                                                               rerun: "losslab history", console: console) {
            failed = true
        }
        return failed ? .failure : .success
    }
}
