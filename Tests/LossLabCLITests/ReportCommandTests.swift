import Foundation
import LossHarness
import Testing
@testable import LossLabCLI
import LossLabTestSupport

@Suite struct ReportCommandTests {
    @Test func helpIsPrintedWordForWord() {
        let result = runLossLab(["report", "--help"])
        #expect(result.code == .success)
        #expect(result.out == ReportCommand.help + "\n")
        #expect(ReportCommand.help.hasPrefix("Usage: losslab report [FILE...] [--results DIR] [--plots DIR] [--output PATH] [--correction holm|bh]\n"))
        #expect(LossLab.help.contains("  report "))
    }

    static let claims = ClaimVerdict.csvHeader.joined(separator: ",") + "\n" + """
        1,"mae | beats mse",mae,lower,mae,mse,,2,4,2,1,2,-1,-0.5,paired t-test on per-repetition mean differences,"2 settings pooled",difference,-1,-1.5,-0.5,-3,-4.2,1,,,0.004,1,0.004,0.004,holm,,3,supported,supported

        """

    /// Two studies, named so that file-name order differs from argument order; results written by hand.
    func writeStudies(_ folder: TemporaryFolder) throws {
        try folder.write(tinyExperiment(name: "zeta"), to: "exp/b.json5")
        try folder.write("""
        { name: "alpha", title: "Curves | first", kind: "curves", claim: "Shapes.", loss: ["mse", "mae"],
          plots: [{name: "v", type: "curves", caption: "Loss values"}] }
        """, to: "exp/a.json5")
        try folder.write(Self.claims, to: "out/zeta/claims.csv")
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
        #expect(result.error.hasSuffix("wrote \(folder.file("docs/REPORT.md")): 2 experiments, 1 claim (1 supported after Holm over 1 tests, 1 before), 0 rankings\n"))
        let report = try #require(folder.contents("docs/REPORT.md"))
        let alpha = try #require(report.range(of: "## Curves | first")).lowerBound
        let zeta = try #require(report.range(of: "## Tiny study")).lowerBound
        #expect(alpha < zeta)
        #expect(report.contains("**Claim:** Shapes."))
        #expect(report.contains("![Curves | first: v](../figs/alpha/v.png)\n\n*Figure `v`*: Loss values"))
        #expect(report.contains("**Claim:** MAE does no worse than MSE here."))
        #expect(report.contains("![Tiny study: l](../figs/zeta/l.png)"))
        #expect(report.contains("| 1 | mae \\| beats mse | supported | -1 (-50.0%) | -1 [-1.5, -0.5] | paired t-test on per-repetition mean differences (2) | 0.004 | 0.004 | 0.004 |  |"))
        #expect(report.contains("- #1: 2 settings pooled."))
        #expect(report.contains("**Verdict:** 1 of 1 claim supported after Holm over the report (1 supported before correction)."))
        #expect(report.contains("No ranking yet"))
        #expect(folder.contents("out/claims.csv")?.hasPrefix(ReportFamily.csvHeader.joined(separator: ",") + "\nzeta,1,mae | beats mse,") == true)
        #expect(folder.files().filter { $0.hasPrefix("docs/") } == ["docs/REPORT.md"])
    }

    /// A damaged claims.csv is an error with its file, line and column, and exit 65; no report is
    /// written: a cut last line, an unknown verdict, a quote left open.
    @Test func aDamagedClaimsFileIsADataError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try writeStudies(folder)
        let header = ClaimVerdict.csvHeader.joined(separator: ",")
        let row = Self.claims.split(separator: "\n")[1]
        let verdictColumn = row.count - "supported".count + 1
        let cases: [(String, String)] = [
            (header + "\n" + row.dropLast(40), "claims.csv:2:"),
            (header + "\n" + row.dropLast("supported".count) + "abc\n",
             "claims.csv:2:\(verdictColumn): verdict = abc: expected one of supported, contradicted, inconclusive"),
            (header + "\n" + row + "\n2,\"open,mae\n", "claims.csv:3:3: expected a closing quote for the field opened here (the file ends inside it)"),
        ]
        for (text, message) in cases {
            try folder.write(text, to: "out/zeta/claims.csv")
            let result = runLossLab(["report", folder.file("exp/b.json5"), "--results", folder.file("out"), "--plots", folder.file("figs"),
                                     "--output", folder.file("docs/REPORT.md")])
            #expect(result.code == .dataError, "\(result.error)")
            #expect(result.error.contains(folder.file("out/zeta/") + message), "\(result.error)")
            #expect(folder.contents("docs/REPORT.md") == nil)
        }
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
