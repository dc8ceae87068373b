import Foundation

/// A results folder as `losslab merge` sees it: the experiment rebuilt from its `experiment.json`,
/// which trials of the grid are stored, and, for the trials that are not, which shard of each shard
/// count seen in the folder owns them and the command that runs that shard again.
public struct ShardedResults: Sendable {
    public let record: ExperimentRecord
    public let experiment: Experiment
    public let grid: Grid
    public let store: ResultStore
    /// Grid indices with no readable stored trial, ascending.
    public let missing: [Int]
    /// The builds of losslab that made the stored trials, with their counts.
    public let builds: [String: Int]
    /// The shard records in the folder.
    public let shardRecords: [ShardRecord]
    /// Every shard count seen: in shard records and in the lock files shard runs leave behind (a
    /// shard killed before it could write its record still left its lock file), ascending.
    public let shardCounts: [Int]

    /// Reads the folder `directory` (`results/<experiment>`). Throws ``FileError`` when it has no
    /// `experiment.json`, ``SpecErrors`` when the record is unreadable or no longer valid.
    public init(directory: String) throws {
        store = ResultStore(directory: directory)
        let path = store.path(ExperimentRecord.fileName)
        guard let record = try ExperimentRecord.read(path) else {
            throw FileError(input: path, reason: "does not exist: this folder was not made by `losslab run` (or by a version older than merge)")
        }
        self.record = record
        experiment = try record.resolve(file: path)
        grid = Grid(experiment)
        var missing: [Int] = []
        var builds: [String: Int] = [:]
        let stored = store.storedIDs()
        for index in 0..<grid.count {
            let id = grid.trial(at: index).id
            if stored.contains(id), let result = store.load(id) {
                builds[result.build, default: 0] += 1
            } else {
                missing.append(index)
            }
        }
        self.missing = missing
        self.builds = builds
        shardRecords = ShardRecord.all(in: store)
        var counts = Set(shardRecords.map(\.count))
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasPrefix(".lock-shard-") {
            if let count = name.split(separator: "-").last.flatMap({ Int($0) }), count >= 1 { counts.insert(count) }
        }
        shardCounts = counts.sorted()
    }

    public var isComplete: Bool { missing.isEmpty }

    /// A shard that owns missing trials.
    public struct MissingShard: Sendable, Equatable {
        public var shard: Int
        public var count: Int
        /// Missing trials of the shard, and all its trials.
        public var missing: Int
        public var trials: Int
        /// Its record, if it left one.
        public var record: ShardRecord?
    }

    /// For `count` shards: the shards that own missing trials, ascending.
    public func missingShards(count: Int) -> [MissingShard] {
        let assignment = ShardAssignment(grid: grid, count: count)
        var missingPerShard = [Int](repeating: 0, count: count)
        for index in missing { missingPerShard[Int(assignment.shardOfTrial[index])] += 1 }
        var trialsPerShard = [Int](repeating: 0, count: count)
        for shard in assignment.shardOfTrial { trialsPerShard[Int(shard)] += 1 }
        return (0..<count).filter { missingPerShard[$0] > 0 }.map { shard in
            MissingShard(shard: shard, count: count, missing: missingPerShard[shard], trials: trialsPerShard[shard],
                         record: shardRecords.first { $0.shard == shard && $0.count == count })
        }
    }

    /// The command that runs shard `shard` of `count` again (every trial, when `shard` is `nil`),
    /// from `currentDirectory`, writing into `resultsRoot`: the experiment file as recorded, the
    /// same `--set` and `--seeds`, and `--results` unless it is the default.
    public func rerunCommand(shard: (index: Int, count: Int)?, resultsRoot: String, currentDirectory: String?,
                             executable: String = "losslab") -> String {
        var words = [executable, "run", record.provenance.filePath(from: currentDirectory)]
        if let shard { words += ["--shard", "\(shard.index)/\(shard.count)"] }
        words += record.provenance.options
        if resultsRoot != "results" { words += ["--results", resultsRoot] }
        return ShellWords.join(words)
    }
}
