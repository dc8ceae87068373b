import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

@Suite struct BenchHistoryFigureTests {
    /// Two recorded runs of W1 (medians 10 and 5: a slow-down) and one of W5 on 2 threads.
    static let history = """
    date,commit,build,workload,threads,repetition,seconds,samples_per_second,gflops,metric,metric_value
    2026-11-24T00:00:00Z,aaaaaaa111,b,W1_logistic,1,1,0.1,9,,accuracy,0.78
    2026-11-24T00:00:00Z,aaaaaaa111,b,W1_logistic,1,2,0.1,10,,accuracy,0.78
    2026-11-24T00:00:00Z,aaaaaaa111,b,W1_logistic,1,3,0.1,12,,accuracy,0.78
    2026-11-24T00:00:00Z,aaaaaaa111,b,W5_sweep,2,1,0.3,7,,accuracy,0.78
    2026-11-25T00:00:00Z,bbbbbbb222,b,W1_logistic,1,1,0.2,5,,accuracy,0.78
    2026-11-25T00:00:00Z,bbbbbbb222,b,W1_logistic,1,2,0.2,4,,accuracy,0.78
    2026-11-25T00:00:00Z,bbbbbbb222,b,W1_logistic,1,3,0.2,6,,accuracy,0.78

    """

    @Test func oneSeriesPerWorkloadAndThreadsOnePointPerRun() {
        let series = BenchHistoryFigure.points(CSVTable(text: Self.history))
        #expect(series.map(\.workload) == ["W1_logistic", "W5_sweep (2 threads)"])
        let w1 = series[0].points
        // Run 0: samples/s 9, 10, 12 -> median 10, range 9..12; run 1: 5, 4, 6 -> median 5, range 4..6.
        #expect(w1.map(\.run) == [0, 1])
        #expect(w1.map(\.median) == [10, 5])
        #expect(w1.map(\.minimum) == [9, 4] && w1.map(\.maximum) == [12, 6])
        #expect(w1.map(\.label) == ["aaaaaaa 2026-11-24", "bbbbbbb 2026-11-25"])
        #expect(series[1].points.map(\.run) == [0])
    }

    @Test func writesDataAndScriptUnderTheTwoRoots() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-figure-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/R/bench", withIntermediateDirectories: true)
        try Self.history.write(toFile: root + "/R/bench/history.csv", atomically: true, encoding: .utf8)
        let figure = BenchHistoryFigure(resultsRoot: root + "/R", plotsRoot: root + "/P")
        let script = try #require(try figure.write())
        #expect(script == root + "/P/bench/throughput.gp")
        let data = try String(contentsOfFile: root + "/R/bench/figures/throughput.dat", encoding: .utf8)
        #expect(data.contains("0 10.0 9.0 12.0 \"aaaaaaa 2026-11-24\""))
        #expect(data.contains("1 5.0 4.0 6.0 \"bbbbbbb 2026-11-25\""))
        #expect(try String(contentsOfFile: script, encoding: .utf8).contains("index 1 using 1:2:3:4:xtic(5)"))
        #expect(try BenchHistoryFigure(resultsRoot: root + "/none", plotsRoot: root + "/P").write() == nil)
    }
}
