import Foundation
import LossHarness

/// `losslab bench --commits A..B` and `losslab bench --against REV`: the same workloads, timed by
/// the release builds of other commits (``CommitBuilds``, ``CommitBench``).
extension BenchCommand {
    static func workingDirectory(_ arguments: Arguments) -> String {
        arguments.workingDirectory ?? FileManager.default.currentDirectoryPath
    }

    static func now() -> String {
        ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withInternetDateTime])
    }

    /// Measures every commit of the range that the history does not have yet (all with `--force`),
    /// appending its rows, or one status row, as soon as it is done.
    static func runCommits(_ options: Options, arguments: Arguments, console: Console) throws -> ExitCode {
        let builds = try CommitBuilds(inside: workingDirectory(arguments), log: console.printError)
        defer { builds.removeWorktrees() }
        let commits = try builds.commits(options.commits!)
        let historyPath = options.resultsRoot + "/bench/history.csv"
        let recorded = try BenchHistory.load(historyPath).recordedCommits
        var summary: [[String]] = []
        var skipped = 0
        for (index, commit) in commits.enumerated() {
            if recorded.contains(commit.hash) && !options.force {
                skipped += 1
                continue
            }
            console.printError("bench: commit \(index + 1) of \(commits.count): \(commit.short) \(commit.subject.prefix(70))")
            var text: String
            var status = BenchRunStatus.measured
            var detail = ""
            switch try builds.build(commit) {
            case .failed(let reason):
                status = .buildFailed
                detail = reason
                text = BenchHistory.statusRow(date: now(), commit: commit.hash, build: "", status: status, reason: reason)
            case .built(let binary, let worktree):
                let bench = CommitBench(binary: binary, worktree: worktree)
                switch try bench.run(workloads: options.workloads, repetitions: options.repetitions, threads: options.threads,
                                     commit: commit.hash) {
                case .measured(let rows, let workloads):
                    text = rows.map(CSV.row).joined()
                    detail = "\(rows.count) rows: " + workloads.joined(separator: ", ")
                case .notMeasured(let outcome, let reason):
                    status = outcome
                    detail = reason
                    text = BenchHistory.statusRow(date: now(), commit: commit.hash, build: "", status: outcome, reason: reason)
                }
            }
            builds.removeWorktrees()
            try appendHistory(text: text, resultsRoot: options.resultsRoot)
            summary.append([commit.short, status.rawValue, String(detail.prefix(90))])
        }
        if skipped > 0 {
            console.printError("bench: \(skipped) commit\(skipped == 1 ? "" : "s") of the range already in \(historyPath) "
                               + "(--force measures them again)")
        }
        if summary.isEmpty {
            console.print("bench: nothing to measure: every commit of \(options.commits!) is in \(historyPath)")
        } else {
            console.print(TextTable.render(header: ["commit", "status", "recorded"], rows: summary))
            console.printError("bench: \(summary.count) commit\(summary.count == 1 ? "" : "s") appended to \(historyPath)")
        }
        return .success
    }

    /// Builds REV, then runs this binary's and REV's benches in turn, `--rounds` times each, and
    /// decides with ``TimingComparison``.
    static func runAgainst(_ options: Options, arguments: Arguments, console: Console) throws -> ExitCode {
        let directory = workingDirectory(arguments)
        let builds = try CommitBuilds(inside: directory, log: console.printError)
        defer { builds.removeWorktrees() }
        let base = try builds.commit(options.against!)
        guard case .built(let baseBinary, let baseTree) = try builds.build(base) else {
            throw CommandError("bench: --against \(options.against!): \(base.short) does not build "
                               + "(log: \(builds.buildFolder(base))/build.log)", code: .failure)
        }
        if ProcessTimer.currentExecutable.contains("/debug/") {
            console.printError("bench: --against: this losslab is a debug build (\(ProcessTimer.currentExecutable)); REV's is a "
                               + "release build, so the ratios compare builds, not commits: run .build/release/losslab instead")
        }
        let sides = [("baseline", CommitBench(binary: baseBinary, worktree: baseTree)),
                     ("current", CommitBench(binary: ProcessTimer.currentExecutable, worktree: directory))]
        var seconds: [String: [String: [Double]]] = ["baseline": [:], "current": [:]]
        var series: [String] = []
        for round in 1...options.rounds {
            for (side, bench) in sides {
                console.printError("bench: round \(round) of \(options.rounds), \(side)")
                let outcome = try bench.run(workloads: options.workloads, repetitions: options.repetitions,
                                            threads: options.threads, commit: side == "baseline" ? base.hash : "")
                guard case .measured(let rows, _) = outcome else {
                    if case .notMeasured(let status, let reason) = outcome {
                        throw CommandError("bench: --against: the \(side) bench gave \(status.rawValue): \(reason)", code: .failure)
                    }
                    return .failure
                }
                let table = CSVTable(header: BenchRecord.columns, rows: rows)
                for row in rows {
                    guard let value = table.value(row, "seconds").flatMap(Double.init) else { continue }
                    let name = BenchHistory.seriesName(workload: table.value(row, "workload") ?? "",
                                                       threads: table.value(row, "threads") ?? "")
                    if !series.contains(name) { series.append(name) }
                    seconds[side]![name, default: []].append(value)
                }
            }
        }
        let comparison = TimingComparison(series: series, baseline: seconds["baseline"]!, current: seconds["current"]!,
                                          alpha: options.alpha, threshold: options.threshold)
        console.print("# losslab bench --against \(base.short) (\(base.subject.prefix(60))): \(options.rounds) interleaved "
                      + "rounds of \(options.repetitions) repetitions; ratio = median current / median baseline; "
                      + "Mann-Whitney U, alpha \(options.alpha), threshold \(String(format: "%g", options.threshold * 100))%")
        console.print(TextTable.render(header: TimingComparison.tableHeader, rows: comparison.tableRows))
        let onlyOneSide = Set(seconds["baseline"]!.keys).symmetricDifference(seconds["current"]!.keys).sorted()
        if !onlyOneSide.isEmpty {
            console.print("not compared (timed by one binary only): " + onlyOneSide.joined(separator: ", "))
        }
        switch comparison.verdict {
        case .regression:
            console.print("verdict: regression against \(base.short)")
            return .regression
        case .improvement:
            console.print("verdict: improvement against \(base.short), no regression")
            return .improvementsOnly
        case .unchanged:
            console.print("verdict: no significant change against \(base.short)")
            return .success
        }
    }
}
