import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

@Suite struct BenchHistoryTests {
    static let header = "date,commit,build,workload,threads,repetition,seconds,samples_per_second,gflops,metric,metric_value\n"

    @Test func runsAreTheLastRecordingOfEachCommitWithStatusRows() {
        let text = Self.header + """
        2026-12-01T10:00:00Z,aaa,b1,W1_logistic,1,1,0.5,1,,accuracy,0.7
        2026-12-01T10:00:00Z,aaa,b1,W5_sweep,2,1,0.3,1,,accuracy,0.7
        2026-12-01T10:00:00Z,bbb,,-,,,,,,build-failed,swift build -c release exited 1: error: x
        2026-12-02T10:00:00Z,aaa,b2,W1_logistic,1,1,0.25,1,,accuracy,0.7
        2026-12-02T10:00:00Z,aaa,b2,W1_logistic,1,2,0.2,1,,accuracy,0.7

        """
        let history = BenchHistory(csv: CSVTable(text: text))
        #expect(history.runs.map(\.commit) == ["aaa", "bbb"])
        #expect(history.runs[0] == BenchHistory.Run(commit: "aaa", date: "2026-12-02T10:00:00Z", build: "b2", status: .measured,
                                                    seconds: ["W1_logistic": [0.25, 0.2]]))
        #expect(history.runs[1].status == .buildFailed)
        #expect(history.runs[1].reason == "swift build -c release exited 1: error: x")
        #expect(history.recordedCommits == ["aaa", "bbb"])
    }

    @Test func aStatusRowReadsBackAndHasNoSeconds() {
        let row = BenchHistory.statusRow(date: "d", commit: "ccc", build: "", status: .noBench, reason: "no bench,\nat all")
        #expect(row == "d,ccc,,-,,,,,,no-bench,\"no bench, at all\"\n")
        let history = BenchHistory(csv: CSVTable(text: Self.header + row))
        #expect(history.runs == [BenchHistory.Run(commit: "ccc", date: "d", build: "", status: .noBench, reason: "no bench, at all")])
    }

    @Test func seriesNamesKeepThreadCountsApart() {
        #expect(BenchHistory.seriesName(workload: "W3_mlp", threads: "1") == "W3_mlp")
        #expect(BenchHistory.seriesName(workload: "W5_sweep", threads: "2") == "W5_sweep@2")
    }
}
