import Foundation
import Testing
@testable import LossHarness
@testable import LossLabCLI
import LossLabTestSupport

/// `losslab history`, `bench --commits` / `--against` and `run --commits`: options, errors, and the
/// paths that need no release build (a range already recorded, a commit that cannot build).
@Suite struct HistoryCommandTests {
    static let header = "date,commit,build,workload,threads,repetition,seconds,samples_per_second,gflops,metric,metric_value\n"

    /// 12 commits c00..c11; W1 takes 0.10 s up to c05 and 0.15 s from c06 on (c09 is one noisy
    /// 0.30 s), W4 stays at 0.02 s; c03 did not build.
    static func history() -> String {
        var text = header
        for index in 0..<12 {
            let commit = String(format: "c%02d", index)
            if index == 3 {
                text += "2026-12-01T00:00:00Z,\(commit),,-,,,,,,build-failed,error: no such module\n"
                continue
            }
            let w1 = index == 9 ? 0.30 : (index < 6 ? 0.10 : 0.15)
            for repetition in 1...3 {
                text += "2026-12-01T00:00:00Z,\(commit),b,W1_logistic,1,\(repetition),\(w1 + 0.001 * Double(repetition)),1,,accuracy,0.78\n"
                text += "2026-12-01T00:00:00Z,\(commit),b,W4_poisson,1,\(repetition),\(0.02 + 0.0001 * Double(repetition)),1,,test_poisson_loss,-0.5\n"
            }
        }
        return text
    }

    @Test func helpTextsNameTheHistoryOptions() throws {
        let folder = try TemporaryFolder()
        let bench = losslab(["bench", "--help"], in: folder).out
        for text in ["--commits A..B", "--force", "--against REV", "--rounds N", "--threshold T", ".build/history/<commit>",
                     "build-failed", "no-bench", "2 --against: a regression"] {
            #expect(bench.contains(text), "bench --help names \(text)")
        }
        let history = losslab(["history", "--help"], in: folder).out
        for text in ["Usage: losslab history", "--penalty K", "segments of at least 2", "quality-history"] {
            #expect(history.contains(text), "history --help names \(text)")
        }
        #expect(losslab(["run", "--help"], in: folder).out.contains("--commits A..B"))
    }

    @Test func listsTheStepWithItsCommitAndNotTheOutlier() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.history(), to: "results/bench/history.csv")
        let outcome = losslab(["history", "--no-plots"], in: folder)
        #expect(outcome.code == .success, "\(outcome.error)")
        #expect(outcome.out.contains("results/bench/history.csv: 12 commits, 2 series, 1 not measured"), "\(outcome.out)")
        let stepLines = outcome.out.split(separator: "\n").filter { $0.hasPrefix("W") }
        // Minimums 0.101 before and 0.151 after: ratio 0.151 / 0.101 = 1.495.
        #expect(stepLines.count == 1, "\(outcome.out)")
        #expect(stepLines.first?.contains("W1_logistic") == true)
        #expect(stepLines.first?.contains("1.495") == true)
        #expect(stepLines.first?.contains("c06") == true)
        #expect(outcome.out.contains("c03 build-failed: error: no such module"))
    }

    @Test func aHigherPenaltyFindsNoStep() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.history(), to: "results/bench/history.csv")
        let outcome = losslab(["history", "--no-plots", "--penalty", "1000"], in: folder)
        #expect(outcome.code == .success)
        #expect(outcome.out.contains("no step found"))
    }

    @Test func writesTheFigureScript() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.history(), to: "results/bench/history.csv")
        let outcome = losslab(["history"], in: folder)
        #expect(outcome.code == .success, "\(outcome.error)")
        let script = try String(contentsOfFile: folder.file("plots/bench/throughput.gp"), encoding: .utf8)
        #expect(script.contains("'build-failed' at 3, graph 0.02"))
        #expect(script.contains("W1_logistic x1.50"))
    }

    @Test(arguments: [(["history", "--penalty", "0"], ExitCode.usage), (["history"], ExitCode.noInput),
                      (["history", "--frob"], ExitCode.usage)])
    func historyErrors(_ arguments: [String], _ code: ExitCode) throws {
        let folder = try TemporaryFolder()
        let outcome = losslab(arguments, in: folder)
        #expect(outcome.code == code)
        #expect(outcome.error.hasPrefix("error: history:") || outcome.error.hasPrefix("error: "), "\(outcome.error)")
    }

    @Test(arguments: [["--force"], ["--commits", "HEAD~1..HEAD", "--against", "HEAD"], ["--rounds", "3"],
                      ["--threshold", "5%"], ["--commits", "HEAD", "--format", "csv"], ["--against", "HEAD", "--record"],
                      ["--against", "HEAD", "--threshold", "-2%"], ["--against", "HEAD", "--alpha", "2"]])
    func benchHistoryOptionErrorsAreUsage(_ options: [String]) throws {
        let folder = try TemporaryFolder()
        let outcome = losslab(["bench"] + options, in: folder)
        #expect(outcome.code == .usage, "\(options): \(outcome.error)")
        #expect(outcome.error.hasPrefix("error: bench:"), "\(outcome.error)")
    }

    @Test func commitsOutsideAGitRepositoryIsAUsageError() throws {
        let folder = try TemporaryFolder()
        let outcome = losslab(["bench", "--commits", "HEAD~2..HEAD"], in: folder)
        #expect(outcome.code == .usage)
        #expect(outcome.error.contains("is not inside a git repository"), "\(outcome.error)")
    }

    @Test func runCommitsNeedsQuick() throws {
        let folder = try TemporaryFolder()
        let outcome = losslab(["run", "--commits", "HEAD"], in: folder)
        #expect(outcome.code == .usage)
        #expect(outcome.error.contains("add --quick"), "\(outcome.error)")
    }

    /// A throwaway repository of one commit; returns its hash.
    func repository(_ folder: TemporaryFolder, packageText: String) throws -> String {
        try folder.write(packageText, to: "Package.swift")
        for command in [["init", "-q"], ["add", "Package.swift"],
                        ["-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "first"]] {
            let outcome = try Subprocess.run("git", command, in: folder.path)
            try #require(outcome.status == 0, "git \(command): \(outcome.errorOutput)")
        }
        return try Subprocess.run("git", ["rev-parse", "HEAD"], in: folder.path).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aRecordedCommitIsSkippedWithoutBuilding() throws {
        let folder = try TemporaryFolder()
        let hash = try repository(folder, packageText: "not a manifest\n")
        try folder.write(Self.header + "2026-12-01T00:00:00Z,\(hash),b,W1_logistic,1,1,0.1,1,,accuracy,0.78\n",
                         to: "results/bench/history.csv")
        let outcome = losslab(["bench", "--commits", "HEAD"], in: folder)
        #expect(outcome.code == .success, "\(outcome.error)")
        #expect(outcome.out.contains("nothing to measure"), "\(outcome.out)")
        #expect(!FileManager.default.fileExists(atPath: folder.file(".build/history/\(hash)")))
    }

    /// A worktree left by an interrupted run (its process is gone) is removed by the next run.
    @Test func anAbandonedWorktreeIsRemoved() throws {
        let folder = try TemporaryFolder()
        let hash = try repository(folder, packageText: "not a manifest\n")
        try folder.write(Self.header + "2026-12-01T00:00:00Z,\(hash),b,W1_logistic,1,1,0.1,1,,accuracy,0.78\n",
                         to: "results/bench/history.csv")
        // No process has the largest pid Linux can give (pid_max is at most 2^22).
        let abandoned = folder.file("tmp/losslab-history-4194304/abc")
        let added = try Subprocess.run("git", ["worktree", "add", "--detach", abandoned, "HEAD"], in: folder.path)
        try #require(added.status == 0, "\(added.errorOutput)")
        let outcome = losslab(["bench", "--commits", "HEAD"], in: folder)
        #expect(outcome.code == .success, "\(outcome.error)")
        #expect(!FileManager.default.fileExists(atPath: abandoned))
        let worktrees = try Subprocess.run("git", ["worktree", "list"], in: folder.path).output
        #expect(worktrees.split(separator: "\n").count == 1, "\(worktrees)")
    }

    /// A commit whose manifest does not compile: recorded as build-failed, worktree removed.
    @Test func aCommitThatDoesNotBuildIsRecordedAsSuch() throws {
        let folder = try TemporaryFolder()
        let hash = try repository(folder, packageText: "// swift-tools-version:6.0\nthis is not Swift\n")
        let outcome = losslab(["bench", "--commits", "HEAD"], in: folder)
        #expect(outcome.code == .success, "\(outcome.error)")
        let history = try BenchHistory.load(folder.file("results/bench/history.csv"))
        #expect(history.runs.map(\.commit) == [hash])
        #expect(history.runs.first?.status == .buildFailed)
        #expect(history.runs.first?.reason.hasPrefix("swift build -c release exited") == true)
        let worktrees = try Subprocess.run("git", ["worktree", "list"], in: folder.path).output
        #expect(worktrees.split(separator: "\n").count == 1, "\(worktrees)")
        // A second run skips it: it is recorded.
        let again = losslab(["bench", "--commits", "HEAD"], in: folder)
        #expect(again.out.contains("nothing to measure"))
    }
}
