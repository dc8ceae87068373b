import Foundation

/// `results/bench/history.csv` read as runs, one per recorded commit: what `losslab bench
/// --commits`, `--against`, `losslab history` and the history figure work from.
///
/// The file has ``BenchRecord/columns``. A normal run is one row per repetition of each workload.
/// A commit that could not be measured has one row whose `workload` is `-`, whose `metric` is its
/// ``BenchRunStatus`` (`build-failed`, `run-failed`, `no-bench`) and whose `metric_value` holds the
/// reason in a few words; its `seconds` is empty, so `losslab compare` never counts it.
///
/// A commit recorded more than once (`--force`, or `make bench` at the same commit) is represented
/// by its last run: the rows whose `date` equals that of its last row.
public struct BenchHistory: Sendable {
    /// One recorded run of one commit.
    public struct Run: Sendable, Equatable {
        public var commit: String
        public var date: String
        public var build: String
        public var status: BenchRunStatus
        /// For a failed run: why, as recorded.
        public var reason: String
        /// Seconds of each repetition per series (``seriesName(workload:threads:)``), in file order.
        public var seconds: [String: [Double]]

        public init(commit: String, date: String, build: String, status: BenchRunStatus, reason: String = "",
                    seconds: [String: [Double]] = [:]) {
            self.commit = commit
            self.date = date
            self.build = build
            self.status = status
            self.reason = reason
            self.seconds = seconds
        }
    }

    /// The last run of each commit, in the order of their first appearance in the file.
    public var runs: [Run]

    public init(runs: [Run]) {
        self.runs = runs
    }

    /// Commits (full hashes, as recorded) that have a run of any status.
    public var recordedCommits: Set<String> { Set(runs.map(\.commit)) }

    /// Every series, in order of first appearance.
    public var seriesNames: [String] {
        var names: [String] = []
        for run in runs { for name in run.seconds.keys.sorted() where !names.contains(name) { names.append(name) } }
        return names.sorted()
    }

    /// `W3_mlp`, or `W5_sweep@2` for a workload timed at more than one thread.
    public static func seriesName(workload: String, threads: String) -> String {
        threads.isEmpty || threads == "1" ? workload : "\(workload)@\(threads)"
    }

    /// Reads a history file's text; rows without a commit are kept under the commit `""`.
    public init(csv table: CSVTable) {
        var order: [String] = []
        var rowsByCommit: [String: [[String]]] = [:]
        for row in table.rows where row != [""] {
            let commit = table.value(row, "commit") ?? ""
            if rowsByCommit[commit] == nil { order.append(commit) }
            rowsByCommit[commit, default: []].append(row)
        }
        runs = order.map { commit in
            let all = rowsByCommit[commit]!
            let lastDate = table.value(all.last!, "date") ?? ""
            let rows = all.filter { (table.value($0, "date") ?? "") == lastDate }
            var run = Run(commit: commit, date: lastDate, build: table.value(rows.last!, "build") ?? "", status: .measured)
            for row in rows {
                let workload = table.value(row, "workload") ?? ""
                if workload == BenchRunStatus.noWorkload {
                    run.status = BenchRunStatus(rawValue: table.value(row, "metric") ?? "") ?? .runFailed
                    run.reason = table.value(row, "metric_value") ?? ""
                    continue
                }
                guard let seconds = table.value(row, "seconds").flatMap(Double.init), seconds.isFinite, seconds > 0 else { continue }
                let name = Self.seriesName(workload: workload, threads: table.value(row, "threads") ?? "")
                run.seconds[name, default: []].append(seconds)
            }
            return run
        }
    }

    /// Reads `path`; an absent file is an empty history.
    public static func load(_ path: String) throws -> BenchHistory {
        guard FileManager.default.fileExists(atPath: path) else { return BenchHistory(runs: []) }
        do {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return BenchHistory(csv: CSVTable(text: text))
        } catch {
            throw FileError(path: path, reason: "cannot read the bench history: \(error.localizedDescription)", isInput: true)
        }
    }

    /// The row that records a commit which could not be measured.
    public static func statusRow(date: String, commit: String, build: String, status: BenchRunStatus, reason: String) -> String {
        precondition(status != .measured)
        let oneLine = reason.split(whereSeparator: \.isNewline).map(String.init).joined(separator: " ")
        return CSV.row([date, commit, build, BenchRunStatus.noWorkload, "", "", "", "", "", status.rawValue,
                        String(oneLine.prefix(200))])
    }
}

/// How a commit's bench run went.
public enum BenchRunStatus: String, Sendable, Hashable {
    /// Its workloads were timed.
    case measured
    /// `swift build -c release` failed at that commit.
    case buildFailed = "build-failed"
    /// The build succeeded but its `losslab bench` failed (a workload diverged, a crash).
    case runFailed = "run-failed"
    /// That commit's `losslab` has no `bench` command, or none whose output can be read.
    case noBench = "no-bench"
    /// That commit's `losslab run` has no `--quick` (the quality history, ``QualityHistory``).
    case noQuick = "no-quick"

    /// The `workload` of a status row.
    public static let noWorkload = "-"
}
