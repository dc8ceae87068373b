import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

@Suite struct ShardedResultsTests {
    static let origin = ExperimentOrigin(file: "experiments/shards.json5", overrides: ["training.batch_size=8"], seeds: 2,
                                         directory: "/home/me/losslab")

    static func experiment() throws -> Experiment {
        try ShardingFixtures.experiment(overrides: ["training.batch_size=8"], seeds: 2)
    }

    static func merge(_ directory: String) throws -> (ShardedResults, ResultsAssembler.Report) {
        let results = try ShardedResults(directory: directory)
        let report = try ResultsAssembler(experiment: results.experiment, grid: results.grid, store: results.store)
            .assemble(provenance: ShardingFixtures.provenance)
        return (results, report)
    }

    @Test(arguments: [1, 3, 4])
    func mergedShardsEqualASingleRunByteForByte(count: Int) throws {
        let single = try TemporaryFolder("losslab-shards"), sharded = try TemporaryFolder("losslab-shards")
        let experiment = try Self.experiment()
        try ShardingFixtures.run(experiment, root: single.path, origin: Self.origin)
        for shard in (0..<count).reversed() {
            let outcome = try ShardingFixtures.run(experiment, root: sharded.path, shard: (shard, count), origin: Self.origin)
            #expect(outcome.report == nil)
        }
        #expect(!FileManager.default.fileExists(atPath: sharded.file("shards/trials.csv")))
        let (results, report) = try Self.merge(sharded.file("shards"))
        #expect(results.isComplete && report.missing.isEmpty)
        #expect(results.shardCounts == [count])
        #expect(results.builds == ["test-build": Grid(experiment).count])
        let merged = try ShardingFixtures.csvFiles(sharded.file("shards"))
        let reference = try ShardingFixtures.csvFiles(single.file("shards"))
        for name in reference.keys.sorted() { #expect(merged[name] == reference[name], "\(name) differs") }
        #expect(merged["trials.csv"]!.split(separator: "\n").count == Grid(experiment).count + 1)
    }

    @Test func aShardRunAgainTrainsOnlyItsMissingTrials() throws {
        let scratch = try TemporaryFolder("losslab-shards")
        let experiment = try Self.experiment()
        try ShardingFixtures.run(experiment, root: scratch.path, shard: (2, 4))
        let store = ResultStore(resultsRoot: scratch.path, experiment: "shards")
        let ids = ShardAssignment(grid: Grid(experiment), count: 4).trials(inShard: 2).map { Grid(experiment).trial(at: $0).id }
        store.removeTrials(ids: Array(ids.prefix(3)))
        let again = try ShardingFixtures.run(experiment, root: scratch.path, shard: (2, 4))
        #expect(again.run.ran == 3 && again.run.cached == ids.count - 3)
        let record = try #require(ShardRecord.all(in: store).first)
        #expect(record.ran == 3 && record.cached == ids.count - 3 && record.status == .complete)
    }

    @Test func missingTrialsAreTracedToTheirShardsWithTheCommandThatRerunsThem() throws {
        let scratch = try TemporaryFolder("losslab-shards")
        let experiment = try Self.experiment()
        try ShardingFixtures.run(experiment, root: scratch.path, shard: (0, 4), origin: Self.origin)
        try ShardingFixtures.run(experiment, root: scratch.path, shard: (2, 4), origin: Self.origin)
        let results = try ShardedResults(directory: scratch.file("shards"))
        let assignment = ShardAssignment(grid: Grid(experiment), count: 4)
        let expected = (assignment.trials(inShard: 1) + assignment.trials(inShard: 3)).sorted()
        #expect(results.missing == expected)
        let missing = results.missingShards(count: 4)
        #expect(missing.map(\.shard) == [1, 3])
        #expect(missing.map(\.missing) == [assignment.trials(inShard: 1).count, assignment.trials(inShard: 3).count])
        #expect(missing.allSatisfy { $0.record == nil && $0.missing == $0.trials })
        #expect(results.rerunCommand(shard: (1, 4), resultsRoot: "results", currentDirectory: "/home/me/losslab")
                == "losslab run experiments/shards.json5 --shard 1/4 --set training.batch_size=8 --seeds 2")
        #expect(results.rerunCommand(shard: (3, 4), resultsRoot: "/scratch/my results", currentDirectory: "/tmp")
                == "losslab run /home/me/losslab/experiments/shards.json5 --shard 3/4 --set training.batch_size=8 --seeds 2 --results '/scratch/my results'")
        #expect(results.rerunCommand(shard: nil, resultsRoot: "results", currentDirectory: "/home/me/losslab")
                == "losslab run experiments/shards.json5 --set training.batch_size=8 --seeds 2")
    }

    /// A shard killed before writing its record still left its lock file: its count is seen.
    @Test func everyShardCountSeenIsReported() throws {
        let scratch = try TemporaryFolder("losslab-shards")
        let experiment = try Self.experiment()
        try ShardingFixtures.run(experiment, root: scratch.path, shard: (0, 2))
        try AtomicFile.write("pid 1\n", to: scratch.file("shards/.lock-shard-4-of-5"))
        let results = try ShardedResults(directory: scratch.file("shards"))
        #expect(results.shardCounts == [2, 5])
        #expect(results.missingShards(count: 2).map(\.shard) == [1])
        #expect(results.missingShards(count: 5).map(\.missing).reduce(0, +) == results.missing.count)
    }

    @Test func aPartialMergeSaysHowManyTrialsAreMissing() throws {
        let scratch = try TemporaryFolder("losslab-shards")
        try ShardingFixtures.run(try Self.experiment(), root: scratch.path, shard: (1, 3))
        let (results, report) = try Self.merge(scratch.file("shards"))
        #expect(!results.isComplete && report.missing == results.missing)
        let spec = try String(contentsOfFile: scratch.file("shards/spec.json"), encoding: .utf8)
        #expect(spec.contains("\"missing_trials\": \(results.missing.count),"))
        let rows = try String(contentsOfFile: scratch.file("shards/trials.csv"), encoding: .utf8).split(separator: "\n").count
        #expect(rows == 1 + results.grid.count - results.missing.count)
    }

    @Test func aFolderWithoutARecordIsNamed() throws {
        let scratch = try TemporaryFolder("losslab-shards")
        #expect {
            _ = try ShardedResults(directory: scratch.path)
        } throws: { error in
            (error as? FileError)?.description.contains("experiment.json: does not exist") == true
        }
    }

    @Test func freshInAShardRunDiscardsOnlyThatShardsTrials() throws {
        let scratch = try TemporaryFolder("losslab-shards")
        let experiment = try Self.experiment()
        try ShardingFixtures.run(experiment, root: scratch.path, shard: (0, 2))
        try ShardingFixtures.run(experiment, root: scratch.path, shard: (1, 2))
        let again = try ShardingFixtures.run(experiment, root: scratch.path, shard: (1, 2), fresh: true)
        let assignment = ShardAssignment(grid: Grid(experiment), count: 2)
        #expect(again.run.ran == assignment.trials(inShard: 1).count && again.run.cached == 0)
        #expect(try ShardedResults(directory: scratch.file("shards")).isComplete)
        #expect(ShardRecord.all(in: ResultStore(resultsRoot: scratch.path, experiment: "shards")).count == 2)
    }

    /// Other shards may be writing into the folder at the same moment: a shard run leaves their
    /// fresh temporary files alone (a run on the whole grid holds the folder and removes them).
    @Test func aShardRunLeavesOtherShardsTemporaryFilesAlone() throws {
        let scratch = try TemporaryFolder("losslab-shards")
        let experiment = try Self.experiment()
        let store = ResultStore(resultsRoot: scratch.path, experiment: "shards")
        try store.prepare()
        let temporary = store.trialsDirectory + "/.0123456789abcdef.json.tmp-1-2"
        try AtomicFile.write("partial", to: temporary)
        try ShardingFixtures.run(experiment, root: scratch.path, shard: (0, 2))
        #expect(FileManager.default.fileExists(atPath: temporary))
        try ShardingFixtures.run(experiment, root: scratch.path)
        #expect(!FileManager.default.fileExists(atPath: temporary))
    }
}
