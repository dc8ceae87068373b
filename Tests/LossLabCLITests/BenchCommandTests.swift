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

    @Test(arguments: [["--widths", "0"], ["--widths", "16,x"], ["--widths", ""], ["--widths", "8192"], ["--batches", "0"],
                      ["--batches", "64", "--samples", "32"], ["--peak", "-1"], ["--peak", "fast"], ["--samples", "0"],
                      ["--format", "json"], ["--repeat", "0"], ["--bogus"]])
    func badScalingOptionsAreUsageErrors(_ options: [String]) {
        let (code, console) = run(["bench", "--scaling"] + options)
        #expect(code == .usage)
        #expect(console.error.hasPrefix("error: bench:"), "\(options): \(console.error)")
    }

    /// Two tiny points as CSV: the file's rows on standard output, the CSV and the script written.
    @Test func scalingWritesTheTableAndTheFigure() throws {
        let folder = try TemporaryFolder()
        let (code, console) = run(["bench", "--scaling", "--widths", "8", "--batches", "16", "--samples", "100", "--repeat", "1",
                                   "--peak", "100", "--format", "csv", "--results", folder.file("results"),
                                   "--plots", folder.file("plots")])
        #expect(code == .success, "\(console.error)")
        let rows = CSV.parse(console.out)
        #expect(rows.first == ScalingTable.columns)
        #expect(rows.dropFirst().map { Array($0.prefix(3)) } == [["width", "8", "128"], ["batch", "64", "16"]])
        #expect(rows.dropFirst().allSatisfy { $0[11] == "100.0" })
        let written = try String(contentsOfFile: folder.file("results") + "/bench/scaling.csv", encoding: .utf8)
        #expect(CSV.parse(written) == rows)
        #expect(FileManager.default.fileExists(atPath: folder.file("plots") + "/bench/scaling.gp"))
    }
}
