import Foundation
import LossHarness
import Testing
@testable import LossLabCLI

/// With `--results` and `--plots` set, `run`, `plot` and `report` write nothing anywhere else: not
/// in the working directory, not beside the experiment file.
@Suite(.serialized) struct ConfinementTests {
    @Test func runPlotAndReportWriteOnlyUnderTheTwoRoots() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write(tinyExperiment(), to: "tiny.json5")
        try FileManager.default.createDirectory(atPath: folder.url("work"), withIntermediateDirectories: true)
        let previous = FileManager.default.currentDirectoryPath
        #expect(FileManager.default.changeCurrentDirectoryPath(folder.url("work")))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        let roots = ["--results", folder.url("R"), "--plots", folder.url("P")]
        let run = runLossLab(["run", folder.url("tiny.json5"), "--jobs", "1", "--quiet"] + roots)
        #expect(run.code == .success, "\(run.error)")
        let plot = runLossLab(["plot", folder.url("tiny.json5"), "--quiet"] + roots)
        #expect(plot.code == .success, "\(plot.error)")
        let report = runLossLab(["report", folder.url("tiny.json5")] + roots)
        #expect(report.code == .success, "\(report.error)")
        let files = folder.files()
        let outside = files.filter { !$0.hasPrefix("R/") && !$0.hasPrefix("P/") && $0 != "tiny.json5" }
        #expect(outside.isEmpty, "written outside the roots: \(outside)")
        let results = files.filter { $0.hasPrefix("R/") && !$0.hasPrefix("R/tiny/trials/") }
        // The run lock stays beside the results, as `run` leaves it.
        #expect(results == ["R/REPORT.md", "R/claims.csv", "R/ranking-pairs.csv", "R/ranking-values.csv", "R/rankings.csv",
                            "R/tiny/.lock", "R/tiny/claim-units.csv", "R/tiny/claims.csv", "R/tiny/experiment.json", "R/tiny/figures/l.dat", "R/tiny/history.csv", "R/tiny/spec.json",
                            "R/tiny/summary.csv", "R/tiny/trials.csv"])
        #expect(files.filter { $0.hasPrefix("R/tiny/trials/") }.count == 8)
        let images = GnuplotRenderer.locate() == nil ? [] : ["P/tiny/l.png", "P/tiny/l.svg"]
        #expect(files.filter { $0.hasPrefix("P/") } == (["P/tiny/l.gp"] + images).sorted())
        #expect(folder.read("R/REPORT.md")?.contains("![Tiny study: l](../P/tiny/l.png)") == true)
    }
}
