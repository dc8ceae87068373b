import Foundation
import Testing
@testable import LossLabCLI
import LossLabTestSupport

@Suite struct ReportCommandTests {
    @Test func helpIsPrintedWordForWord() {
        let result = runLossLab(["report", "--help"])
        #expect(result.code == .success)
        #expect(result.out == ReportCommand.help + "\n")
        #expect(ReportCommand.help.hasPrefix("Usage: losslab report [FILE...] [--results DIR] [--plots DIR] [--output PATH]\n"))
        #expect(LossLab.help.contains("  report "))
    }

    /// Two studies, named so that file-name order differs from argument order; results written by hand.
    func writeStudies(_ folder: TemporaryFolder) throws {
        try folder.write(tinyExperiment(name: "zeta"), to: "exp/b.json5")
        try folder.write("""
        { name: "alpha", title: "Curves | first", kind: "curves", claim: "Shapes.", loss: ["mse", "mae"],
          plots: [{name: "v", type: "curves", caption: "Loss values"}] }
        """, to: "exp/a.json5")
        try folder.write("""
        statement,metric,better,than,conditions,pairs,mean_better,mean_than,difference,relative_difference,p_value,test,verdict
        "mae | beats mse",mae,mae,mse,,4,1,2,-1,-0.5,0.004,paired t-test,supported

        """, to: "out/zeta/claims.csv")
        try folder.write("loss,series,x,target,value,gradient,gradient_logit\n", to: "out/alpha/curves.csv")
        try folder.write("png", to: "figs/alpha/v.png")
    }

    @Test func reportOfASyntheticResultsFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try writeStudies(folder)
        let result = runLossLab(["report", folder.file("exp/b.json5"), folder.file("exp/a.json5"), "--results", folder.file("out"),
                                 "--plots", folder.file("figs"), "--output", folder.file("docs/REPORT.md")])
        #expect(result.code == .success, "\(result.error)")
        #expect(result.error.contains("zeta: \(folder.file("figs/zeta/l.png")) does not exist yet (run `losslab plot \(folder.file("exp/b.json5"))`)"))
        #expect(result.error.hasSuffix("wrote \(folder.file("docs/REPORT.md")): 2 experiments, 1 claim\n"))
        let report = try #require(folder.contents("docs/REPORT.md"))
        let alpha = try #require(report.range(of: "## Curves | first")).lowerBound
        let zeta = try #require(report.range(of: "## Tiny study")).lowerBound
        #expect(alpha < zeta)
        #expect(report.contains("**Claim:** Shapes."))
        #expect(report.contains("![Curves | first: v](../figs/alpha/v.png)\n\n*Figure `v`*: Loss values"))
        #expect(report.contains("**Claim:** MAE does no worse than MSE here."))
        #expect(report.contains("![Tiny study: l](../figs/zeta/l.png)"))
        #expect(report.contains("| mae \\| beats mse | supported | -1 | -50.0% | 0.004 | 4 |"))
        #expect(report.contains("**Verdict:** 1 of 1 claim supported."))
        #expect(report.contains("| mae | 1 | 0 | 0 |\n| mse | 0 | 1 | 0 |"))
        #expect(folder.files().filter { $0.hasPrefix("docs/") } == ["docs/REPORT.md"])
    }

    @Test func defaultOutputIsInTheResultsRoot() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try writeStudies(folder)
        let result = runLossLab(["report", folder.file("exp/a.json5"), "--results", folder.file("out"), "--plots", folder.file("figs")])
        #expect(result.code == .success)
        #expect(folder.contents("out/REPORT.md")?.contains("![Curves | first: v](../figs/alpha/v.png)") == true)
    }

    @Test func noResultsAtAllExitWith66() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(tinyExperiment(), to: "tiny.json5")
        let result = runLossLab(["report", folder.file("tiny.json5"), "--results", folder.file("none")])
        #expect(result.code == .noInput)
        #expect(result.error.hasSuffix("error: no results to report in \(folder.file("none")): run `losslab run` first\n"))
        #expect(folder.files() == ["tiny.json5"])
    }
}
