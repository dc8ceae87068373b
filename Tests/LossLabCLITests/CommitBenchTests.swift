import Foundation
import Testing
@testable import LossHarness
@testable import LossLabCLI
import LossLabTestSupport

/// How another commit's `losslab bench` is driven, with shell scripts standing in for old binaries
/// (no build): the options come from their `bench --help`.
@Suite struct CommitBenchTests {
    /// A fake `losslab` at `folder/fake`: `bench --help` prints `help`; `bench ...` appends its
    /// arguments to `folder/arguments.txt` and runs `body`.
    func fake(_ folder: TemporaryFolder, help: String, body: String) throws -> String {
        let script = """
        #!/bin/sh
        if [ "$1" != bench ]; then exit 64; fi
        if [ "$2" = --help ]; then printf '%s\\n' '\(help)'; exit 0; fi
        echo "$@" >> '\(folder.file("arguments.txt"))'
        \(body)
        """
        try folder.write(script, to: "fake")
        chmod(folder.file("fake"), 0o755)
        return folder.file("fake")
    }

    static let header = "date,commit,build,workload,threads,repetition,seconds,samples_per_second,gflops,metric,metric_value"

    @Test func aBenchWithOnlyRecordIsReadBackFromItsHistory() throws {
        let folder = try TemporaryFolder()
        // An old bench: W1 and W4 only, --record and --results but no --format.
        let binary = try fake(folder, help: "Usage: losslab bench [--workload W1,...] [--repeat N] [--record] [--results DIR] W1_logistic W4_poisson",
                              body: """
                              while [ $# -gt 0 ]; do if [ "$1" = --results ]; then dir="$2"; fi; shift; done
                              mkdir -p "$dir/bench"
                              printf '%s\\n' '\(Self.header)' 'd,,b,W1_logistic,1,1,0.5,1,,accuracy,0.7' > "$dir/bench/history.csv"
                              """)
        let bench = CommitBench(binary: binary, worktree: folder.path)
        let outcome = try bench.run(workloads: [.logistic, .mlp, .poisson], repetitions: 3, threads: [1, 2], commit: "abc")
        guard case .measured(let rows, let workloads) = outcome else { Issue.record("\(outcome)"); return }
        #expect(workloads == ["W1_logistic", "W4_poisson"])
        // The empty commit is filled in with the commit being measured.
        #expect(rows == [["d", "abc", "b", "W1_logistic", "1", "1", "0.5", "1", "", "accuracy", "0.7"]])
        let arguments = try String(contentsOfFile: folder.file("arguments.txt"), encoding: .utf8)
        // Both known workloads were asked for: no --workload (it is all of them); no --threads (no W5).
        #expect(arguments.hasPrefix("bench --repeat 3 --record --results "), "\(arguments)")
    }

    @Test func aBenchWithFormatPrintsItsCSVAndGetsOnlyWhatItKnows() throws {
        let folder = try TemporaryFolder()
        let binary = try fake(folder, help: "Usage: losslab bench [--workload W1,...] [--repeat N] [--threads N,...] [--format table|csv] W1_logistic W2_softmax W5_sweep",
                              body: "printf '%s\\n' '\(Self.header)' 'd,abc,b,W5_sweep,2,1,0.3,1,,mean_acc_cls,0.78'")
        let outcome = try CommitBench(binary: binary, worktree: folder.path)
            .run(workloads: [.sweep], repetitions: 2, threads: [2], commit: "abc")
        guard case .measured(let rows, _) = outcome else { Issue.record("\(outcome)"); return }
        #expect(rows.count == 1 && rows[0][3] == "W5_sweep" && rows[0][4] == "2")
        let arguments = try String(contentsOfFile: folder.file("arguments.txt"), encoding: .utf8)
        #expect(arguments == "bench --workload W5_sweep --repeat 2 --threads 2 --format csv\n")
    }

    @Test func noBenchAndAFailingBenchAreStatuses() throws {
        let folder = try TemporaryFolder()
        try folder.write("#!/bin/sh\necho 'error: unknown command bench' >&2\nexit 64\n", to: "old")
        chmod(folder.file("old"), 0o755)
        let none = try CommitBench(binary: folder.file("old"), worktree: folder.path).run(workloads: [.logistic], repetitions: 1, threads: [1], commit: "x")
        guard case .notMeasured(.noBench, _) = none else { Issue.record("\(none)"); return }
        let failing = try fake(folder, help: "Usage: losslab bench [--format table|csv] W1_logistic",
                               body: "echo 'bench: W1_logistic did not complete: diverged' >&2; exit 1")
        let failed = try CommitBench(binary: failing, worktree: folder.path).run(workloads: [.logistic], repetitions: 1, threads: [1], commit: "x")
        guard case .notMeasured(.runFailed, let reason) = failed else { Issue.record("\(failed)"); return }
        #expect(reason == "losslab bench exited 1: bench: W1_logistic did not complete: diverged")
        let other = try CommitBench(binary: failing, worktree: folder.path).run(workloads: [.mlp], repetitions: 1, threads: [1], commit: "x")
        guard case .notMeasured(.noBench, let why) = other else { Issue.record("\(other)"); return }
        #expect(why == "its bench has none of W3_mlp")
    }
}
