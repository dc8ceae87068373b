import Foundation
import LossHarness
import Testing
@testable import LossLabCLI
import LossLabTestSupport

@Suite struct PlotCommandTests {
    @Test func helpIsPrintedWordForWord() {
        let result = runLossLab(["plot", "--help"])
        #expect(result.code == .success)
        #expect(result.out == PlotCommand.help + "\n")
        #expect(PlotCommand.help.hasPrefix("Usage: losslab plot [FILE...] [--results DIR] [--plots DIR] [--set PATH=VALUE]... [--quiet]\n"))
        for part in ["Options:", "Exit codes: 0 every figure written", "Examples:\n  losslab plot\n", "gnuplot plots/<name>/<figure>.gp"] {
            #expect(PlotCommand.help.contains(part))
        }
    }

    @Test func missingResultsExitWith66AndSayWhatToRun() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(tinyExperiment(), to: "tiny.json5")
        let result = runLossLab(["plot", folder.file("tiny.json5"), "--results", folder.file("results"), "--plots", folder.file("plots")])
        #expect(result.code == .noInput)
        #expect(result.error == "error: no results to plot for tiny: \(folder.file("results/tiny")) does not exist. "
                + "Run `losslab run \(folder.file("tiny.json5")) --results \(folder.file("results"))` first.\n")
        #expect(folder.files() == ["tiny.json5"])
    }

    @Test func aBadFigureFailsValidationBeforeAnythingRuns() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(tinyExperiment(plots: "[{name: \"l\", type: \"lines\", x: \"dataset.noise\", y: \"maee\"}]"), to: "tiny.json5")
        let validate = runLossLab(["validate", folder.file("tiny.json5")])
        #expect(validate.code == .dataError)
        #expect(validate.error.contains("tiny.json5: plots[0].y = \"maee\": expected a metric column of the results: mae. Did you mean \"mae\"?"))
        let run = runLossLab(["run", folder.file("tiny.json5"), "--results", folder.file("results"), "--plots", folder.file("plots")])
        #expect(run.code == .dataError)
        #expect(folder.files() == ["tiny.json5"])
    }

    /// Synthetic results of `tiny` for figures that read summary.csv.
    func writeSummary(_ folder: TemporaryFolder, experiment: String) throws {
        try folder.write("""
        loss,series,dataset.noise,metric,trials,n,diverged,mean,sd,ci95_low,ci95_high
        mse,mse,0.1,mae,2,2,0,1,0.1,0.5,1.5
        mae,mae,0.1,mae,2,2,0,0.8,0.1,0.3,1.3

        """, to: "results/\(experiment)/summary.csv")
    }

    @Test func missingGnuplotIsSaidOnceAndScriptsAreStillWritten() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let recording = RecordingConsole()
        let notices = PlotNotices()
        for name in ["one", "two"] {
            try folder.write(tinyExperiment(name: name), to: "\(name).json5")
            try writeSummary(folder, experiment: name)
            let (experiment, grid) = try ExperimentFiles.load(folder.file("\(name).json5"), overrides: [], seeds: nil, maximumTrials: 1000, arguments: Arguments([], command: "plot"))
            let summary = try PlotCommand.plot(experiment: experiment, grid: grid, resultsRoot: folder.file("results"), plotsRoot: folder.file("plots"),
                                               console: recording.console, quiet: true, note: nil, renderer: NoRenderer(), notices: notices)
            #expect(summary.figures == 1 && summary.rendered == 0 && summary.failures == 0)
        }
        #expect(recording.error == "gnuplot not found: install it with \"apt-get install gnuplot-nox\" (or \"make deps\"), then run \"losslab plot\"\n")
        #expect(folder.contents("plots/one/l.gp") != nil && folder.contents("plots/two/l.gp") != nil)
        #expect(folder.contents("results/two/figures/l.dat") != nil)
    }

    @Test func aGnuplotErrorNamesTheScriptAndShowsItsOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(tinyExperiment(), to: "tiny.json5")
        try writeSummary(folder, experiment: "tiny")
        let (experiment, grid) = try ExperimentFiles.load(folder.file("tiny.json5"), overrides: [], seeds: nil, maximumTrials: 1000, arguments: Arguments([], command: "plot"))
        let recording = RecordingConsole()
        let summary = try PlotCommand.plot(experiment: experiment, grid: grid, resultsRoot: folder.file("results"), plotsRoot: folder.file("plots"),
                                           console: recording.console, quiet: true, note: nil,
                                           renderer: FailingRenderer(), notices: PlotNotices())
        #expect(summary.failures == 1)
        #expect(recording.error == "error: gnuplot failed on \(folder.file("plots/tiny/l.gp")) (exit status 1):\n  line 7: undefined variable\n  more\n")
    }

    @Test func theGeneratedScriptsSayHowTheyWereMade() {
        #expect(PlotCommand.plotCommand(file: "experiments/a.json5", resultsRoot: "results", plotsRoot: "plots") == "losslab plot experiments/a.json5")
        #expect(PlotCommand.plotCommand(file: "a.json5", resultsRoot: "/r", plotsRoot: "/p") == "losslab plot a.json5 --results /r --plots /p")
    }
}

struct FailingRenderer: FigureRenderer {
    func render(scriptPath: String) -> FigureRenderResult {
        .failed(status: 1, errorOutput: "line 7: undefined variable\nmore\n")
    }
}
