import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

@Suite struct CriticalDifferenceFigureTests {
    /// The outliers means of the reference tables: mean ranks huber 2.0, mae 2.2, log_cosh 2.4,
    /// mse 3.4, one clique of all four (CD 2.10), the CD bar from 1 to 3.10.
    @Test func writesTheDataAndAStandaloneScript() throws {
        let reference = MultipleComparisonsReference.friedman[0]
        let settings = (0..<5).map { "dataset.outlier_fraction=\($0)" }
        let study = RankingStudy(name: "outliers", metric: "coefficient_error", settings: settings,
                                 losses: ["huber", "log_cosh", "mae", "mse"], values: reference.values,
                                 seeds: reference.values.map { $0.map { _ in 10 } })
        let ranking = try #require(LossRanking(id: "regression-error-outliers", family: RankingFamily.all[0], scope: "outliers",
                                               losses: study.losses, studies: [study]))
        #expect(ranking.friedman.meanRanks == [2.0, 2.4, 2.2, 3.4])
        #expect(ranking.bayesian.count == 6)
        let folder = try TemporaryFolder()
        let figure = CriticalDifferenceFigure(ranking: ranking, resultsRoot: folder.file("results"), plotsRoot: folder.file("plots"))
        let script = try figure.write()
        let data = CSVTable(text: try String(contentsOfFile: figure.dataPath, encoding: .utf8))
        #expect(data.header == ["kind", "x", "y", "x2", "y2", "text"])
        let labels = data.rows.filter { $0[0].hasPrefix("label") }.map { $0[0] + " " + $0[5] }
        #expect(labels == ["label_left huber (2.00)", "label_left mae (2.20)", "label_right log_cosh (2.40)", "label_right mse (3.40)"])
        let cliques = data.rows.filter { $0[0] == "clique" }
        #expect(cliques.count == 1 && Double(cliques[0][1]) == 1.96 && Double(cliques[0][3]) == 3.44)
        let cd = try #require(data.rows.first { $0[0] == "cd" })
        #expect(isClose(Double(cd[3])! - 1, ranking.posthoc.criticalDifference, relative: 1e-12))
        let text = try String(contentsOfFile: script, encoding: .utf8)
        #expect(text.contains("data = " + GnuplotText.quotedPath(figure.dataPath)))
        #expect(text.contains("set output " + GnuplotText.quotedPath(figure.pngPath)))
        if GnuplotRenderer.locate() != nil {
            #expect(GnuplotRenderer().render(scriptPath: script) == .rendered(warnings: ""))
            #expect(FileManager.default.fileExists(atPath: figure.pngPath))
        }
    }
}
