import Foundation
import Testing
@testable import LossHarness
@testable import LossLabCLI
import LossLabTestSupport

/// `losslab bench`: options, errors and exit codes, and the CSV it prints. No timing is asserted.
struct BenchCommandTests {
    func run(_ arguments: [String]) -> (ExitCode, RecordingConsole) {
        let recording = RecordingConsole()
        return (LossLab.run(arguments, console: recording.console), recording)
    }

    @Test func helpListsTheWorkloadsOptionsAndExitCodes() {
        let (code, console) = run(["bench", "--help"])
        #expect(code == .success)
        for text in ["Usage: losslab bench", "W3_mlp", "--threads", "--record", "--format", "Exit codes:", "Examples:",
                     "applies to W5 only"] {
            #expect(console.out.contains(text), "help mentions \(text)")
        }
    }

    @Test(arguments: [["--workload", "W9"], ["--repeat", "0"], ["--threads", "0"], ["--threads", "1,x"], ["--format", "json"],
                      ["--bogus"], ["extra"]])
    func badOptionsAreUsageErrors(_ options: [String]) {
        let (code, console) = run(["bench"] + options)
        #expect(code == .usage)
        #expect(console.error.hasPrefix("error: bench:"))
    }

    @Test func aMissingSweepFileIsMissingInput() {
        let (code, console) = run(["bench", "--workload", "W5", "--experiment", "/nonexistent/w5.json5"])
        #expect(code == .noInput)
        #expect(console.error.contains("/nonexistent/w5.json5"))
    }

    /// One repetition of the smallest workload, as CSV, recorded into a temporary results root.
    @Test func csvHasTheContractColumnsAndRecordAppends() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("bench-test-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for _ in 0..<2 {
            let (code, console) = run(["bench", "--workload", "W4", "--repeat", "1", "--format", "csv", "--record", "--results", root])
            #expect(code == .success)
            let rows = CSV.parse(console.out)
            #expect(rows.first == BenchRecord.columns)
            #expect(rows.count == 2)
            #expect(rows.last?[3] == "W4_poisson" && rows.last?[4] == "1" && rows.last?[5] == "1")
            #expect(rows.last?[9] == "test_poisson_loss")
            #expect(console.error.contains("appended"))
        }
        let history = CSV.parse(try String(contentsOfFile: root + "/bench/history.csv", encoding: .utf8))
        #expect(history.count == 3, "one header, then one row per invocation")
        #expect(history[0] == BenchRecord.columns)
        #expect(history[1][10] == history[2][10], "the same work gives the same metric")
    }
}
