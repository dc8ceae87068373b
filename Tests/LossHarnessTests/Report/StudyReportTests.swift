import Testing
@testable import LossHarness
import LossLabTestSupport

@Suite struct StudyReportTests {
    func study(_ name: String, title: String, claims: [ClaimRecord]?, kind: String = "train") throws -> StudyReport.Study {
        let body = kind == "curves"
            ? "kind: \"curves\", loss: [\"mse\"], plots: [{name: \"v\", type: \"curves\"}]"
            : "dataset: { generator: \"gaussian\", noise: [0.1, 1] }, loss: [\"mse\", \"mae\"], metrics: [\"mae\"], plots: [{name: \"fig\", type: \"lines\", x: \"dataset.noise\", y: \"mae\", caption: \"A | caption\"}]"
        let experiment = try LossHarnessTests.experiment("""
        { name: \(quoteJSON(name)), title: \(quoteJSON(title)), claim: "One sentence.", description: "Some *markdown*.", \(body) }
        """, file: "experiments/\(name).json5")
        let figures = try FigureSpec.parseAll(experiment)
        var images: [String: String] = [:]
        for figure in figures { images[figure.name] = "../plots/\(name)/\(figure.name).png" }
        return StudyReport.Study(experiment: experiment, figures: figures, images: images, claims: claims, resultsDirectory: "results/\(name)")
    }

    static let maeWins = ClaimRecord(statement: "mae | beats mse\nat 20%", metric: "mae", better: "mae", than: "mse", pairs: 10,
                                     difference: -0.5, relativeDifference: -0.25, pValue: 0.001, verdict: "supported")
    static let huberLoses = ClaimRecord(statement: "huber beats mae", metric: "mae", better: "huber", than: "mae", pairs: 10,
                                        difference: 0.2, relativeDifference: 0.1, pValue: 0.01, verdict: "contradicted")
    static let tie = ClaimRecord(statement: "mse beats huber", metric: "mae", better: "mse", than: "huber", pairs: 3,
                                 difference: nil, relativeDifference: nil, pValue: nil, verdict: "inconclusive")

    @Test func sectionHasClaimFiguresTableAndVerdict() throws {
        let markdown = StudyReport(studies: [try study("outliers", title: "Outliers", claims: [Self.maeWins, Self.huberLoses, Self.tie])]).markdown
        #expect(markdown.hasPrefix("# LossLab report\n"))
        #expect(markdown.contains("## Outliers\n\nExperiment `outliers` (`experiments/outliers.json5`).\n\n**Claim:** One sentence.\n\nSome *markdown*.\n"))
        #expect(markdown.contains("![Outliers: fig](../plots/outliers/fig.png)\n\n*Figure `fig`*: A | caption\n"))
        #expect(markdown.contains("| Statement | Verdict | Difference | Relative difference | p-value | Pairs |\n| --- | --- | ---: | ---: | ---: | ---: |\n"))
        // The pipe of the statement is escaped and its newline is a space, so the row stays one row.
        #expect(markdown.contains("| mae \\| beats mse at 20% | supported | -0.5 | -25.0% | 0.001 | 10 |\n"))
        #expect(markdown.contains("| mse beats huber | inconclusive | n/a | n/a | n/a | 3 |\n"))
        #expect(markdown.contains("**Verdict:** 1 of 3 claims supported, 1 contradicted, 1 inconclusive.\n"))
    }

    @Test func rankingCountsWinsAndLossesAcrossStudies() throws {
        let markdown = StudyReport(studies: [
            try study("a", title: "A", claims: [Self.maeWins, Self.tie]),
            try study("b", title: "B", claims: [Self.huberLoses]),
            try study("c", title: "Curves", claims: [], kind: "curves"),
        ]).markdown
        let ranking = try #require(markdown.range(of: "## Ranking across studies")).upperBound
        let tail = String(markdown[ranking...])
        #expect(tail.contains("""
        | Loss | Wins | Losses | Inconclusive |
        | --- | ---: | ---: | ---: |
        | mae | 2 | 0 | 0 |
        | huber | 0 | 1 | 1 |
        | mse | 0 | 1 | 1 |
        """))
        #expect(tail.contains("### mae\n\n- **Wins** (2):\n  - A (`a`): mae | beats mse at 20% — supported, difference -0.5 (-25.0%), p = 0.001, 10 pairs\n"
                              + "  - B (`b`): huber beats mae — contradicted, difference 0.2 (+10.0%), p = 0.01, 10 pairs\n- **Losses** (0): none\n"))
        // A curves study shows its figures and no claims table.
        let curves = try #require(markdown.range(of: "## Curves")).lowerBound
        let section = String(markdown[curves..<ranking])
        #expect(section.contains("![Curves: v](../plots/c/v.png)"))
        #expect(!section.contains("| Statement |") && !section.contains("**Verdict:**"))
    }

    @Test func aStudyWithoutResultsSaysHowToGetThem() throws {
        let markdown = StudyReport(studies: [try study("a", title: "A", claims: nil)]).markdown
        #expect(markdown.contains("*No results yet: run `losslab run experiments/a.json5`.*"))
        #expect(markdown.contains("No claims have been checked yet."))
    }

    @Test func claimsAreReadBackFromCSV() {
        let table = CSVTable(text: """
        statement,metric,better,than,conditions,pairs,mean_better,mean_than,difference,relative_difference,p_value,test,verdict
        "a, b",mae,mae,mse,dataset.noise=1,4,1,2,-1,-0.5,0.01,paired t-test,supported
        c,mae,mse,mae,,0,,,,,,paired t-test,inconclusive

        """)
        let records = ClaimRecord.records(table)
        #expect(records == [
            ClaimRecord(statement: "a, b", metric: "mae", better: "mae", than: "mse", conditions: "dataset.noise=1", pairs: 4,
                        meanBetter: 1, meanThan: 2, difference: -1, relativeDifference: -0.5, pValue: 0.01, verdict: "supported"),
            ClaimRecord(statement: "c", metric: "mae", better: "mse", than: "mae", pairs: 0, difference: nil, relativeDifference: nil,
                        pValue: nil, verdict: "inconclusive"),
        ])
        #expect(records[0].winner == "mae" && records[0].loser == "mse")
        #expect(records[1].winner == nil)
    }
}

@Suite struct MarkdownTextTests {
    @Test func cellsCannotBreakTheTable() {
        #expect(MarkdownText.cell("a|b\nc\\|d <b>") == "a\\|b c\\\\\\|d &lt;b&gt;")
    }

    @Test func linkTextAndDestinationsAreEscaped() {
        #expect(MarkdownText.linkText("a [b] \\") == "a \\[b\\] \\\\")
        #expect(MarkdownText.destination("../my plots/a (1).png") == "../my%20plots/a%20%281%29.png")
    }
}

@Suite struct RelativePathTests {
    @Test func betweenTheDefaultRoots() {
        #expect(RelativePath.from(directory: "results", to: "plots/e/f.png", workingDirectory: "/repo") == "../plots/e/f.png")
    }

    @Test func withOtherRootsAndDotSegments() {
        #expect(RelativePath.from(directory: "/tmp/out", to: "/tmp/out/figs/./e/../e/f.png", workingDirectory: "/repo") == "figs/e/f.png")
        #expect(RelativePath.from(directory: "a/b/c", to: "a/x.png", workingDirectory: "/w") == "../../x.png")
        #expect(RelativePath.from(directory: "/", to: "/x", workingDirectory: "/w") == "x")
        #expect(RelativePath.absolute("../x//y/.", workingDirectory: "/w/v") == "/w/x/y")
    }
}
