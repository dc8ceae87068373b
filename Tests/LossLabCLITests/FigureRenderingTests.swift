import LossHarness
import Testing
@testable import LossLabCLI

/// The figures outside an experiment's plots list (history, scaling, critical differences) are
/// reported as `losslab plot` reports its own.
@Suite struct FigureRenderingTests {
    struct WarningRenderer: FigureRenderer {
        func render(scriptPath: String) -> FigureRenderResult { .rendered(warnings: "warning: empty x range\n") }
    }

    @Test func aGnuplotErrorNamesTheScriptAndFails() {
        let recording = RecordingConsole()
        let rendered = FigureRendering.render("plots/bench/scaling.gp", label: "bench", announce: true, rerun: "gnuplot plots/bench/scaling.gp",
                                              console: recording.console, renderer: FailingRenderer(), notices: PlotNotices())
        #expect(!rendered)
        #expect(recording.error == "error: gnuplot failed on plots/bench/scaling.gp (exit status 1):\n  line 7: undefined variable\n  more\n")
    }

    @Test func missingGnuplotIsSaidOnceAndIsNotAFailure() {
        let recording = RecordingConsole()
        let notices = PlotNotices()
        for script in ["plots/bench/throughput.gp", "plots/quality-history.gp"] {
            #expect(FigureRendering.render(script, label: "history", announce: true, rerun: "losslab history",
                                           console: recording.console, renderer: NoRenderer(), notices: notices))
        }
        #expect(recording.error == """
            history: wrote plots/bench/throughput.gp, but no image
            gnuplot not found: install it with "apt-get install gnuplot-nox" (or "make deps"), then run "losslab history"
            history: wrote plots/quality-history.gp, but no image

            """)
    }

    @Test func warningsAreShownAndTheImagesNamedWhenAnnounced() {
        let recording = RecordingConsole()
        #expect(FigureRendering.render("plots/rankings/a.gp", label: "report", announce: false, rerun: "losslab report",
                                       console: recording.console, renderer: WarningRenderer(), notices: PlotNotices()))
        #expect(recording.error == "plots/rankings/a.gp: gnuplot warnings:\n  warning: empty x range\n")
        let announced = RecordingConsole()
        #expect(FigureRendering.render("plots/bench/scaling.gp", label: "bench", announce: true, rerun: "gnuplot plots/bench/scaling.gp",
                                       console: announced.console, renderer: WarningRenderer(), notices: PlotNotices()))
        #expect(announced.error.hasSuffix("bench: figure in plots/bench/scaling.png and .svg\n"))
    }
}
