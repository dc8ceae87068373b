import Foundation

/// `results/<experiment>/shards/<I>-of-<N>.json`: what a shard run left behind when it ended, for
/// `losslab merge` and for people reading the folder. Written when the run ends, complete or
/// interrupted (a run killed outright leaves none, or the previous one).
///
/// ```json
/// {"build": "0.1.0+…", "cached": 0, "command_line": ["losslab", "run", …], "count": 4, "finished": "2026-…",
///  "host": "node3", "missing": 0, "ran": 9, "shard": 1, "started": "2026-…", "status": "complete",
///  "statuses": {"completed": 8, "diverged": 1}, "trials": 9}
/// ```
public struct ShardRecord: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        /// Every trial of the shard is stored.
        case complete
        /// The run stopped (a signal, a time limit) with trials of the shard still missing.
        case interrupted
    }

    /// 0-based shard index and shard count.
    public var shard: Int
    public var count: Int
    public var status: Status
    /// Trials in the shard, trials this run trained, trials already stored when it started, and
    /// trials still missing when it ended.
    public var trials: Int
    public var ran: Int
    public var cached: Int
    public var missing: Int
    /// The shard's stored trials by status (`completed`, `diverged`, ...).
    public var statuses: [String: Int]
    public var commandLine: [String]
    public var host: String
    public var build: String
    public var started: String
    public var finished: String

    public init(shard: Int, count: Int, status: Status, trials: Int, ran: Int, cached: Int, missing: Int,
                statuses: [String: Int], commandLine: [String], host: String, build: String, started: String, finished: String) {
        self.shard = shard
        self.count = count
        self.status = status
        self.trials = trials
        self.ran = ran
        self.cached = cached
        self.missing = missing
        self.statuses = statuses
        self.commandLine = commandLine
        self.host = host
        self.build = build
        self.started = started
        self.finished = finished
    }

    public static let directoryName = "shards"

    public static func fileName(shard: Int, count: Int) -> String { "\(shard)-of-\(count).json" }

    /// The path of the record of shard `shard` of `count` in `store`.
    public static func path(_ store: ResultStore, shard: Int, count: Int) -> String {
        store.path(directoryName + "/" + fileName(shard: shard, count: count))
    }

    /// The record of a shard run that just ended, with the shard's stored trials counted by status.
    public static func make(runner: Runner, outcome: RunOutcome, provenance: Provenance, finished: Date) -> ShardRecord {
        precondition(runner.options.shard != nil, "only shard runs leave shard records")
        let shard = runner.options.shard!
        var statuses: [String: Int] = [:]
        for index in runner.trialIndices() {
            if let result = runner.store.load(runner.grid.trial(at: index).id) { statuses[result.status.rawValue, default: 0] += 1 }
        }
        let stored = statuses.values.reduce(0, +)
        return ShardRecord(shard: shard.index, count: shard.count, status: stored == outcome.total ? .complete : .interrupted,
                           trials: outcome.total, ran: outcome.ran, cached: outcome.cached, missing: outcome.total - stored,
                           statuses: statuses, commandLine: provenance.commandLine, host: provenance.host,
                           build: runner.options.build, started: provenance.date, finished: ISO8601DateFormatter().string(from: finished))
    }

    public func write(to store: ResultStore) throws {
        try AtomicFile.createDirectory(store.path(ShardRecord.directoryName))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        var data = try encoder.encode(self)
        data.append(0x0A)
        try AtomicFile.write(data, to: ShardRecord.path(store, shard: shard, count: count))
    }

    /// Every readable record in `store`, by shard count then shard (unreadable files are skipped).
    public static func all(in store: ResultStore) -> [ShardRecord] {
        let folder = store.path(directoryName)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .compactMap { name in FileManager.default.contents(atPath: folder + "/" + name).flatMap { try? decoder.decode(ShardRecord.self, from: $0) } }
            .sorted { ($0.count, $0.shard) < ($1.count, $1.shard) }
    }

    /// Removes the records of `store` (every one, or only shard `only`'s).
    public static func remove(in store: ResultStore, only: (index: Int, count: Int)? = nil) {
        let folder = store.path(directoryName)
        if let only {
            try? FileManager.default.removeItem(atPath: path(store, shard: only.index, count: only.count))
        } else {
            try? FileManager.default.removeItem(atPath: folder)
        }
    }
}
