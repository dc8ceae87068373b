import Foundation
import LossHarness
import Testing
@testable import LossLabCLI
import LossLabTestSupport

/// With `--results` and `--plots` set, `run`, `plot` and `report` write nothing anywhere else: not
/// in the working directory, not beside the experiment file. The executable runs as a child
/// process in a working directory of its own (changing this process's would race other suites).
@Suite struct ConfinementTests {
    @Test func runPlotAndReportWriteOnlyUnderTheTwoRoots() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(tinyExperiment(), to: "tiny.json5")
        try FileManager.default.createDirectory(atPath: folder.file("work"), withIntermediateDirectories: true)
        let executable = try losslabExecutable()
        let roots = ["--results", folder.file("R"), "--plots", folder.file("P")]
        let run = runExecutable(executable, ["run", folder.file("tiny.json5"), "--jobs", "1", "--quiet"] + roots, in: folder.file("work"))
        #expect(run.status == 0, "\(run.error)")
        let plot = runExecutable(executable, ["plot", folder.file("tiny.json5"), "--quiet"] + roots, in: folder.file("work"))
        #expect(plot.status == 0, "\(plot.error)")
        let report = runExecutable(executable, ["report", folder.file("tiny.json5")] + roots, in: folder.file("work"))
        #expect(report.status == 0, "\(report.error)")
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
        #expect(folder.contents("R/REPORT.md")?.contains("![Tiny study: l](../P/tiny/l.png)") == true)
    }
}
