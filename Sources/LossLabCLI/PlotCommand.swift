import Foundation
import LossHarness
import Synchronization

/// `losslab plot`: regenerates the data, gnuplot scripts and images of experiments' figures from
/// existing results, training nothing.
enum PlotCommand: Subcommand {
    static let name = "plot"
    static let summary = "write gnuplot scripts and figures from existing results, training nothing"
    static let help = """
    Usage: losslab plot [FILE...] [--results DIR] [--plots DIR] [--set PATH=VALUE]... [--quiet]

    Draws every figure declared in the `plots` list of each experiment file (default: every
    experiments/*.json5) from the results a previous `losslab run` left in the results folder.
    Nothing is trained. For each figure it writes:
      <results>/<name>/figures/<figure>.dat   the numbers drawn, one block per series
      <plots>/<name>/<figure>.gp              a standalone, commented gnuplot script
      <plots>/<name>/<figure>.png and .svg    the images, rendered by running gnuplot
    Scripts refer to files by the paths given here, so they re-render from this directory:
      gnuplot plots/<name>/<figure>.gp
    When <results>/bench/history.csv exists (losslab bench --record), it also draws each bench
    workload's time along the commit history: <plots>/bench/throughput.{gp,png,svg}; when
    <results>/quality-history.csv exists (losslab run --quick --commits), the quick metrics along
    it: <plots>/quality-history.{gp,png,svg}.
    Files of figures no longer declared are removed. Without gnuplot, the data and scripts are
    still written and a message says how to install it.

    Options:
      --results DIR      results root to read (default: results)
      --plots DIR        figures root to write (default: plots)
      --set PATH=VALUE   override a field, as given to `losslab run` (figures may depend on it)
      --quiet            print only problems

    Exit codes: 0 every figure written and rendered (or gnuplot missing), 1 gnuplot failed on a
    script, 65 invalid file, 66 unreadable file or missing results (run `losslab run` first),
    73 cannot write a figure, 64 bad options.

    Examples:
      losslab plot
      losslab plot experiments/outliers.json5
      losslab plot --results /tmp/results --plots /tmp/plots experiments/outliers.json5
    """

    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode {
        let resultsRoot = try arguments.path("results", default: "results")
        let plotsRoot = try arguments.path("plots", default: "plots")
        let overrides = try arguments.values("set")
        let quiet = arguments.flag("quiet")
        let files = try ExperimentFiles.expand(try arguments.positionals(), arguments: arguments)
        let loaded = try files.map { try ExperimentFiles.loadForResults($0, overrides: overrides, resultsRoot: resultsRoot, arguments: arguments) }
        let notices = PlotNotices()
        var failed = false
        for (experiment, grid, note) in loaded {
            let summary = try plot(experiment: experiment, grid: grid, resultsRoot: resultsRoot, plotsRoot: plotsRoot,
                                   console: console, quiet: quiet, note: note, renderer: GnuplotRenderer(), notices: notices)
            failed = failed || summary.failures > 0
        }
        // The bench history, when `losslab bench --record` has written one.
        let (order, subjects) = GitLog.history(in: arguments.workingDirectory ?? FileManager.default.currentDirectoryPath)
        let bench = BenchHistoryFigure(resultsRoot: arguments.resolve(resultsRoot), plotsRoot: arguments.resolve(plotsRoot),
                                       order: order, subjects: subjects)
        let quality = QualityHistoryFigure(resultsRoot: arguments.resolve(resultsRoot), plotsRoot: arguments.resolve(plotsRoot),
                                           order: order)
        for script in [try bench.write(), try quality.write()].compactMap({ $0 })
        where !FigureRendering.render(script, label: "history", announce: !quiet, rerun: "losslab plot", console: console) {
            failed = true
        }
        return failed ? .failure : .success
    }

    /// What `plot` did for one experiment.
    struct Summary {
        var figures = 0
        var rendered = 0
        var failures = 0
    }

    /// Writes the figures of one experiment whose results are in `resultsRoot` (called by `run`
    /// after each experiment). Rendering failures are printed, not thrown, so that a run goes on.
    /// `note` says how the results were made when not from the file as written ("made with
    /// --seeds 3"): it is added to every figure's caption, so a figure never passes for the file's.
    @discardableResult
    static func plot(experiment: Experiment, grid: Grid, resultsRoot: String, plotsRoot: String, console: Console, quiet: Bool,
                     note: String?) throws -> Summary {
        try plot(experiment: experiment, grid: grid, resultsRoot: resultsRoot, plotsRoot: plotsRoot, console: console, quiet: quiet,
                 note: note, renderer: GnuplotRenderer(), notices: .process)
    }

    static func plot(experiment: Experiment, grid: Grid, resultsRoot: String, plotsRoot: String, console: Console, quiet: Bool,
                     note: String?, renderer: any FigureRenderer, notices: PlotNotices) throws -> Summary {
        var specs = try FigureSpec.parseAll(experiment)
        if let note {
            for index in specs.indices { specs[index].caption = specs[index].caption.map { $0 + " (" + note + ")" } ?? note }
        }
        var summary = Summary()
        guard !specs.isEmpty else {
            if !quiet { console.printError("\(experiment.name): no figures declared (add a plots list to \(experiment.file))") }
            return summary
        }
        let writer = FigureWriter(experiment: experiment, resultsRoot: resultsRoot, plotsRoot: plotsRoot,
                                  command: plotCommand(file: experiment.file, resultsRoot: resultsRoot, plotsRoot: plotsRoot))
        let outcomes: [FigureWriter.Outcome]
        do {
            outcomes = try writer.write(specs, renderer: renderer)
        } catch let error as MissingResultsError {
            throw CommandError(missingResultsMessage(error, experiment: experiment, resultsRoot: resultsRoot), code: .noInput)
        }
        summary.figures = outcomes.count
        for outcome in outcomes {
            for note in outcome.data.notes where !quiet { console.printError("\(experiment.name)/\(outcome.spec.name): note: \(note)") }
            switch outcome.result {
            case .rendered(let warnings)?:
                summary.rendered += 1
                if !quiet { FigureRendering.reportWarnings(warnings, of: outcome.scriptPath, console: console) }
            case .failed(let status, let output)?:
                summary.failures += 1
                FigureRendering.reportFailure(status: status, output: output, of: outcome.scriptPath, console: console)
            case .unavailable?, nil:
                break
            }
        }
        if outcomes.contains(where: { $0.result == .unavailable }), notices.firstMissingGnuplot() {
            console.printError("gnuplot not found: install it with \"apt-get install gnuplot-nox\" (or \"make deps\"), then run \"losslab plot\"")
        }
        if !quiet {
            let images = summary.rendered == outcomes.count ? "" : " (\(summary.rendered) rendered)"
            console.printError("\(experiment.name): \(outcomes.count) figure\(outcomes.count == 1 ? "" : "s")\(images) in \(writer.paths.plotsDirectory): "
                               + outcomes.map(\.spec.name).joined(separator: ", "))
        }
        return summary
    }

    static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }

    /// The `losslab plot` command that rewrites these figures, for the scripts' header.
    static func plotCommand(file: String, resultsRoot: String, plotsRoot: String) -> String {
        var words = ["losslab", "plot", file]
        if resultsRoot != "results" { words += ["--results", resultsRoot] }
        if plotsRoot != "plots" { words += ["--plots", plotsRoot] }
        return words.joined(separator: " ")
    }

    static func missingResultsMessage(_ error: MissingResultsError, experiment: Experiment, resultsRoot: String) -> String {
        let names = error.files.map { Paths.lastComponent(of: $0) }.joined(separator: ", ")
        var run = "losslab run \(experiment.file)"
        if resultsRoot != "results" { run += " --results \(resultsRoot)" }
        let folder = FileManager.default.fileExists(atPath: error.directory) ? "\(error.directory) has no \(names)" : "\(error.directory) does not exist"
        return "no results to plot for \(experiment.name): \(folder). Run `\(run)` first."
    }
}

/// Messages printed once per command however many experiments are plotted (the missing-gnuplot
/// hint).
final class PlotNotices: Sendable {
    private let missingGnuplotReported = Mutex(false)

    /// The notices of this process (`run` plots after each experiment).
    static let process = PlotNotices()

    /// True the first time it is called.
    func firstMissingGnuplot() -> Bool {
        missingGnuplotReported.withLock { reported in
            defer { reported = true }
            return !reported
        }
    }
}
