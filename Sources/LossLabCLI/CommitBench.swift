import Foundation
import LossHarness

/// Runs the `losslab bench` of another commit's binary, in that commit's source tree (so that W5
/// runs that commit's `experiments/w5-sweep.json5`), and reads its rows.
///
/// Old binaries are asked what they can do through their own `bench --help`: one that documents
/// `--format` prints its CSV on standard output; one that only has `--record` records into a
/// temporary results root, read back; one without a `bench` command is reported as
/// ``BenchRunStatus/noBench``. Only the workloads and options its help names are passed.
struct CommitBench {
    var binary: String
    var worktree: String

    /// Rows in ``BenchRecord/columns`` order, or a status and reason when nothing was measured.
    enum Outcome {
        case measured(rows: [[String]], workloads: [String])
        case notMeasured(BenchRunStatus, reason: String)
    }

    /// The workload names (`W3_mlp`) this binary's `bench --help` mentions, `nil` without a bench.
    func workloads() throws -> (names: [String], help: String)? {
        let help = try Subprocess.run(binary, ["bench", "--help"], in: worktree)
        guard help.status == 0, help.output.contains("losslab bench") else { return nil }
        return (BenchWorkload.allCases.map(\.name).filter { help.output.contains($0) }, help.output)
    }

    func run(workloads wanted: [BenchWorkload], repetitions: Int, threads: [Int], commit: String) throws -> Outcome {
        guard let (known, help) = try workloads() else {
            return .notMeasured(.noBench, reason: "its losslab has no bench command")
        }
        let asked = wanted.map(\.name).filter(known.contains)
        guard !asked.isEmpty else {
            return .notMeasured(.noBench, reason: "its bench has none of " + wanted.map(\.name).joined(separator: ", "))
        }
        var arguments = ["bench"]
        if asked.count < known.count && help.contains("--workload") { arguments += ["--workload", asked.joined(separator: ",")] }
        if help.contains("--repeat") { arguments += ["--repeat", String(repetitions)] }
        if asked.contains(BenchWorkload.sweep.name) && help.contains("--threads") {
            arguments += ["--threads", threads.map(String.init).joined(separator: ",")]
        }
        let text: String
        let outcome: Subprocess.Outcome
        if help.contains("--format") {
            outcome = try Subprocess.run(binary, arguments + ["--format", "csv"], in: worktree)
            text = outcome.output
        } else if help.contains("--record") {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("losslab-old-bench-\(getpid())").path
            defer { try? FileManager.default.removeItem(atPath: root) }
            outcome = try Subprocess.run(binary, arguments + ["--record", "--results", root], in: worktree)
            text = (try? String(contentsOfFile: root + "/bench/history.csv", encoding: .utf8)) ?? ""
        } else {
            return .notMeasured(.noBench, reason: "its bench has neither --format csv nor --record")
        }
        guard outcome.status == 0 else {
            let last = outcome.errorOutput.split(separator: "\n").suffix(2).joined(separator: " ")
            return .notMeasured(.runFailed, reason: "losslab bench exited \(outcome.status): \(last)")
        }
        let table = CSVTable(text: text)
        guard table.column("workload") != nil, table.column("seconds") != nil else {
            return .notMeasured(.runFailed, reason: "its bench output has no workload and seconds columns")
        }
        let rows = table.rows.filter { $0 != [""] }.map { row in
            BenchRecord.columns.map { column -> String in
                let value = table.value(row, column) ?? ""
                return column == "commit" && value.isEmpty ? commit : value
            }
        }
        return .measured(rows: rows, workloads: asked)
    }
}
