import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

@Suite struct BenchHistoryFigureTests {
    /// Three commits: W1 timed by all (medians 0.1, 0.2, 0.2), W5 on 2 threads only by the first,
    /// and a commit in between that did not build. The file lists them out of git's order.
    static let history = """
    date,commit,build,workload,threads,repetition,seconds,samples_per_second,gflops,metric,metric_value
    2026-11-25T00:00:00Z,ccc,b,W1_logistic,1,1,0.2,5,,accuracy,0.78
    2026-11-25T00:00:00Z,ccc,b,W1_logistic,1,2,0.3,4,,accuracy,0.78
    2026-11-25T00:00:00Z,ccc,b,W1_logistic,1,3,0.2,6,,accuracy,0.78
    2026-11-24T00:00:00Z,aaa,b,W1_logistic,1,1,0.1,9,,accuracy,0.78
    2026-11-24T00:00:00Z,aaa,b,W1_logistic,1,2,0.05,10,,accuracy,0.78
    2026-11-24T00:00:00Z,aaa,b,W1_logistic,1,3,0.1,12,,accuracy,0.78
    2026-11-24T00:00:00Z,aaa,b,W5_sweep,2,1,0.3,7,,accuracy,0.78
    2026-11-24T00:00:00Z,bbb,,-,,,,,,build-failed,error: x
    2026-11-26T00:00:00Z,ddd,b,W1_logistic,1,1,0.2,5,,accuracy,0.78

    """
    static let order = ["aaa", "bbb", "ccc", "ddd"]

    func analysis() -> BenchHistoryAnalysis {
        BenchHistoryAnalysis(history: BenchHistory(csv: CSVTable(text: Self.history)), order: Self.order,
                             subjects: ["ccc": "slow it down"])
    }

    @Test func commitsFollowGitsOrderAndSeriesNameTheirGaps() {
        let analysis = analysis()
        #expect(analysis.commits.map(\.run.commit) == ["aaa", "bbb", "ccc", "ddd"])
        #expect(analysis.commits[2].subject == "slow it down")
        #expect(analysis.series.map(\.name) == ["W1_logistic", "W5_sweep@2"])
        let w1 = analysis.series[0]
        #expect(w1.points.map(\.position) == [0, 2, 3])
        #expect(w1.points.map(\.minimum) == [0.05, 0.2, 0.2])
        #expect(w1.points.map(\.median) == [0.1, 0.2, 0.2])
        #expect(w1.missing == [1])
        #expect(analysis.series[1].missing == [1, 2, 3])
    }

    @Test func theDataIsEachSeriesRelativeToItsFirstMedian() {
        let data = BenchHistoryFigure.data(analysis())
        #expect(data.contains("# W1_logistic\n0 0.5 1.0 0.05 0.1\n2 2.0 2.0 0.2 0.2\n3 2.0 2.0 0.2 0.2\n"))
        #expect(data.contains("# W5_sweep@2\n0 1.0 1.0 0.3 0.3\n"))
    }

    @Test func theScriptLabelsCommitsFailuresAndMissingSeries() {
        let script = BenchHistoryFigure.script(analysis(), dataPath: "d.dat", historyPath: "h.csv", scriptPath: "s.gp",
                                               png: "f.png", svg: "f.svg")
        #expect(script.contains("set xtics ('aaa' 0, 'bbb' 1, 'ccc' 2, 'ddd' 3)"))
        #expect(script.contains("'build-failed' at 1, graph 0.02"))
        #expect(script.contains("2 not timed at 2 commits (ccc ddd)"))
        #expect(script.contains("data index 1 using 1:2:3 with filledcurves"))
    }

    @Test func labelsThinOutOnLongHistories() {
        #expect(BenchHistoryFigure.labelStride(12) == 1)
        #expect(BenchHistoryFigure.labelStride(13) == 2)
        #expect(BenchHistoryFigure.labelStride(40) == 4)
    }

    @Test func writesDataAndScriptUnderTheTwoRoots() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-figure-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/R/bench", withIntermediateDirectories: true)
        try Self.history.write(toFile: root + "/R/bench/history.csv", atomically: true, encoding: .utf8)
        let figure = BenchHistoryFigure(resultsRoot: root + "/R", plotsRoot: root + "/P", order: Self.order)
        let script = try #require(try figure.write())
        #expect(script == root + "/P/bench/throughput.gp")
        #expect(FileManager.default.fileExists(atPath: root + "/R/bench/figures/throughput.dat"))
        #expect(try BenchHistoryFigure(resultsRoot: root + "/none", plotsRoot: root + "/P").write() == nil)
    }
}
