import Foundation
import LossHarness

/// Renders a figure script written outside an experiment's `plots` list (the history figures, the
/// scaling figure, the critical-difference diagrams) and reports it as `losslab plot` reports its
/// figures: gnuplot's errors indented under the script's path, its warnings, and the hint that
/// gnuplot is missing once per process.
enum FigureRendering {
    /// Renders `script` and prints what became of it; `label` starts the success line ("history:
    /// figure in plots/bench/throughput.png and .svg"), printed only when `announce` is set. `rerun`
    /// is the command that renders the figure again once gnuplot is installed. Returns false when
    /// gnuplot ran and failed.
    static func render(_ script: String, label: String, announce: Bool, rerun: String, console: Console,
                       renderer: any FigureRenderer = GnuplotRenderer(), notices: PlotNotices = .process) -> Bool {
        switch renderer.render(scriptPath: script) {
        case .rendered(let warnings):
            reportWarnings(warnings, of: script, console: console)
            if announce { console.printError("\(label): figure in \(script.dropLast(3)).png and .svg") }
            return true
        case .failed(let status, let output):
            reportFailure(status: status, output: output, of: script, console: console)
            return false
        case .unavailable:
            if announce { console.printError("\(label): wrote \(script), but no image") }
            if notices.firstMissingGnuplot() {
                console.printError("gnuplot not found: install it with \"apt-get install gnuplot-nox\" (or \"make deps\"), then run \"\(rerun)\"")
            }
            return true
        }
    }

    /// What gnuplot printed while rendering `script` successfully, indented under its path.
    static func reportWarnings(_ warnings: String, of script: String, console: Console) {
        let text = warnings.trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty { console.printError("\(script): gnuplot warnings:\n\(PlotCommand.indent(text))") }
    }

    /// gnuplot's failure on `script`: its exit status and what it printed, indented.
    static func reportFailure(status: Int32, output: String, of script: String, console: Console) {
        console.printError("error: gnuplot failed on \(script) (exit status \(status)):\n"
                           + PlotCommand.indent(output.trimmingCharacters(in: .whitespacesAndNewlines)))
    }
}
