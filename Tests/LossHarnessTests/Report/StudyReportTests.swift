import Testing
@testable import LossHarness
import LossLabTestSupport

@Suite struct StudyReportTests {
    func study(_ name: String, title: String, claims: [ClaimRecord]?, kind: String = "train", summary: String? = nil) throws -> StudyReport.Study {
        let body = kind == "curves"
            ? "kind: \"curves\", loss: [\"mse\"], plots: [{name: \"v\", type: \"curves\"}]"
            : "dataset: { generator: \"gaussian\", noise: [0.1, 1] }, loss: [\"mse\", \"mae\"], metrics: [\"mae\"], plots: [{name: \"fig\", type: \"lines\", x: \"dataset.noise\", y: \"mae\", caption: \"A | caption\"}]"
        let experiment = try LossHarnessTests.experiment("""
        { name: \(quoteJSON(name)), title: \(quoteJSON(title)), claim: "One sentence.", description: "Some *markdown*.", \(body) }
        """, file: "experiments/\(name).json5")
        let figures = try FigureSpec.parseAll(experiment)
        var images: [String: String] = [:]
        for figure in figures { images[figure.name] = "../plots/\(name)/\(figure.name).png" }
        return StudyReport.Study(experiment: experiment, figures: figures, images: images, claims: claims,
                                 summary: try summary.map { try StrictCSVTable(text: $0, file: "\(name)/summary.csv") },
                                 resultsDirectory: "results/\(name)")
    }

    static func record(_ statement: String, better: String, than: String, effect: Double?, p: Double?, verdict: ClaimVerdict.Verdict,
                       duplicateOf: Int? = nil) -> ClaimRecord {
        var record = ClaimRecord(statement: statement, metric: "mae", better: better, than: than, pairs: 10, difference: effect,
                                 pValue: p, verdict: verdict)
        record.relativeDifference = effect.map { $0 / 2 }
        record.effectLow = effect.map { $0 - 0.1 }
        record.effectHigh = effect.map { $0 + 0.1 }
        record.effectSize = effect.map { $0 * 4 }
        record.duplicateOf = duplicateOf
        return record
    }

    static let maeWins = record("mae | beats mse\nat 20%", better: "mae", than: "mse", effect: -0.5, p: 0.001, verdict: .supported)
    static let huberLoses = record("huber beats mae", better: "huber", than: "mae", effect: 0.2, p: 0.03, verdict: .contradicted)
    static let tie = record("mse beats huber", better: "mse", than: "huber", effect: nil, p: nil, verdict: .inconclusive)
    static let close = record("mae beats huber", better: "mae", than: "huber", effect: -0.1, p: 0.04, verdict: .supported)

    /// Holm over the report's three p-values (0.001, 0.03, 0.04): 0.003, 0.06, 0.06. The first
    /// claim stays supported; the other two fall to inconclusive, and say what they were before.
    @Test func verdictsUseTheReportFamily() throws {
        let report = StudyReport(studies: [try study("outliers", title: "Outliers", claims: [Self.maeWins, Self.huberLoses, Self.tie]),
                                           try study("b", title: "B", claims: [Self.close])])
        #expect(report.family.familySize == 3)
        #expect(report.family.entries.map(\.verdict) == [.supported, .inconclusive, .inconclusive, .inconclusive])
        #expect(report.family.entries.map(\.uncorrectedVerdict) == [.supported, .contradicted, .inconclusive, .supported])
        #expect(report.family.entries.compactMap(\.holm).map { ($0 * 1e9).rounded() / 1e9 } == [0.003, 0.06, 0.06])
        let markdown = report.markdown
        #expect(markdown.hasPrefix("# LossLab report\n"))
        #expect(markdown.contains("## Outliers\n\nExperiment `outliers` (`experiments/outliers.json5`).\n\n**Claim:** One sentence.\n\nSome *markdown*.\n"))
        #expect(markdown.contains("![Outliers: fig](../plots/outliers/fig.png)\n\n*Figure `fig`*: A | caption\n"))
        #expect(markdown.contains("| # | Statement | Verdict | Difference (relative) | Effect per unit [95% CI] | Test (units) | p | Holm p, study | Holm p, report | Seeds for 80% power |"))
        // The pipe of the statement is escaped and its newline is a space, so the row stays one row.
        #expect(markdown.contains("| 1 | mae \\| beats mse at 20% | supported | -0.5 (-25.0%) | -0.5 [-0.6, -0.4] | paired t-test (10) | 0.001 | n/a | 0.003 |  |\n"))
        #expect(markdown.contains("| 2 | huber beats mae | inconclusive (contradicted before correction) | 0.2 (+10.0%) |"))
        #expect(markdown.contains("**Verdict:** 1 of 3 claims supported, 2 inconclusive after Holm over the report (1 supported before correction).\n"))
        #expect(markdown.contains("**Verdicts:** 4 claims in 2 studies (3 distinct tests; 0 duplicates counted once): 1 supported, 0 contradicted, 3 inconclusive after Holm over the report (before correction: 2 supported, 1 contradicted, 1 inconclusive)."))
        #expect(!markdown.contains("Wins"))
        // Seeds for 80% power at 0.05 / 3 for the inconclusive claim with d = 0.8.
        let seeds = try #require(TTestPower(alpha: 0.05 / 3).sampleSize(effect: 0.8))
        #expect(markdown.contains("| 0.03 | n/a | 0.06 | \(seeds) |"))
    }

    /// A duplicate takes its original's adjusted p-value, does not count in m, and says so.
    @Test func duplicatesCountOnce() throws {
        let copy = Self.record("same again", better: "mae", than: "mse", effect: -0.5, p: 0.001, verdict: .supported, duplicateOf: 0)
        let report = StudyReport(studies: [try study("a", title: "A", claims: [Self.maeWins, Self.huberLoses, copy])])
        #expect(report.family.familySize == 2)
        #expect(report.family.entries[2].holm == report.family.entries[0].holm)
        #expect(report.markdown.contains("| 3 | same again | supported; same trials as #1, counted once |"))
        let csv = CSVTable(text: report.family.csv)
        #expect(csv.header == ReportFamily.csvHeader)
        #expect(csv.rows.map { csv.value($0, "report_family_size")! } == ["2", "2", "2"])
        #expect(csv.rows.map { csv.value($0, "duplicate_of")! } == ["", "", "1"])
    }

    /// Benjamini-Hochberg on (0.001, 0.03, 0.04): 0.003, 0.04, 0.04: every claim keeps its verdict.
    @Test func benjaminiHochbergIsAnOption() throws {
        let report = StudyReport(studies: [try study("a", title: "A", claims: [Self.maeWins, Self.huberLoses, Self.close])],
                                 correction: .benjaminiHochberg)
        #expect(report.family.entries.map(\.verdict) == [.supported, .contradicted, .supported])
        #expect(report.markdown.contains("| BH p, study | BH p, report |"))
    }

    /// Rankings replace the vote count: three settings, mse worst everywhere, mae and huber
    /// alternating; `twin` equals mae everywhere and is ranked with it.
    @Test func rankingsWithACriticalDifferenceDiagram() throws {
        let summary = """
        loss,series,dataset.noise,metric,trials,n,mean
        mse,mse,0.1,coefficient_error,2,2,3
        mae,mae,0.1,coefficient_error,2,2,1
        huber,huber,0.1,coefficient_error,2,2,2
        twin,twin,0.1,coefficient_error,2,2,1
        mse,mse,1,coefficient_error,2,2,30
        mae,mae,1,coefficient_error,2,2,20
        huber,huber,1,coefficient_error,2,2,10
        twin,twin,1,coefficient_error,2,2,20
        mse,mse,2,coefficient_error,2,1,0.1
        mae,mae,2,coefficient_error,2,2,0.2
        huber,huber,2,coefficient_error,2,2,0.3
        twin,twin,2,coefficient_error,2,2,0.2

        """
        let studies = [try study("a", title: "A", claims: [Self.maeWins], summary: summary)]
        let rankings = try StudyReport.rankings(of: studies)
        let ranking = try #require(rankings.first)
        #expect(rankings.count == 1 && ranking.id == "regression-error-a")
        #expect(ranking.losses == ["mse", "mae = twin", "huber"])
        // mse's last setting lost a seed: it ranks last there though its mean is the lowest.
        #expect(ranking.friedman.ranks == [[3, 1, 2], [3, 2, 1], [3, 1, 2]])
        #expect(ranking.friedman.meanRanks == [3, 4.0 / 3, 5.0 / 3])
        #expect(ranking.bayesian.isEmpty)
        let report = StudyReport(studies: studies, rankings: rankings, rankingImages: [ranking.id: "../plots/rankings/\(ranking.id).png"])
        let markdown = report.markdown
        #expect(markdown.contains("## Rankings across settings and studies"))
        #expect(markdown.contains("![Critical-difference diagram: regression-error-a](../plots/rankings/regression-error-a.png)"))
        #expect(markdown.contains("| mae = twin | 1.33 |\n| huber | 1.67 |\n| mse | 3.00 |"))
        #expect(markdown.contains("settings of one generator are not independent data sets"))
        #expect(!markdown.contains("| Loss | Wins |"))
        let values = CSVTable(text: LossRanking.valuesCSV(rankings))
        #expect(values.rows.count == 9 && values.rows.first.map { values.value($0, "setting") } == "dataset.noise=0.1")
        let tests = CSVTable(text: LossRanking.rankingsCSV(rankings))
        #expect(tests.rows.first.flatMap { tests.value($0, "chi_squared") }.flatMap(Double.init) == ranking.friedman.chiSquared)
        #expect(CSVTable(text: LossRanking.pairsCSV(rankings)).rows.count == 3)
    }

    @Test func aStudyWithoutResultsSaysHowToGetThem() throws {
        let markdown = StudyReport(studies: [try study("a", title: "A", claims: nil)]).markdown
        #expect(markdown.contains("*No results yet: run `losslab run experiments/a.json5`.*"))
        #expect(markdown.contains("No ranking yet"))
    }

    @Test func aCurvesStudyShowsItsFiguresOnly() throws {
        let markdown = StudyReport(studies: [try study("c", title: "Curves", claims: [], kind: "curves")]).markdown
        let curves = try #require(markdown.range(of: "## Curves")).lowerBound
        let section = String(markdown[curves...])
        #expect(section.contains("![Curves: v](../plots/c/v.png)"))
        #expect(!section.contains("| Statement |") && !section.contains("**Verdict:**"))
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
