import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

@Suite struct ShardRecordTests {
    static func experiment() throws -> Experiment {
        try ShardingFixtures.experiment(overrides: ["training.batch_size=8"], seeds: 2)
    }

    @Test func everyShardLeavesARecord() throws {
        let scratch = try TemporaryFolder("losslab-shards")
        let experiment = try Self.experiment()
        for shard in 0..<3 { try ShardingFixtures.run(experiment, root: scratch.path, shard: (shard, 3)) }
        let records = ShardRecord.all(in: ResultStore(resultsRoot: scratch.path, experiment: "shards"))
        #expect(records.map(\.shard) == [0, 1, 2])
        let assignment = ShardAssignment(grid: Grid(experiment), count: 3)
        for record in records {
            #expect(record.count == 3 && record.status == .complete && record.missing == 0 && record.cached == 0)
            #expect(record.trials == assignment.trials(inShard: record.shard).count && record.ran == record.trials)
            #expect(record.statuses.values.reduce(0, +) == record.trials)
            #expect(record.host == "node7" && record.commandLine == ShardingFixtures.provenance.commandLine)
            #expect(record.build == "test-build" && record.started == "2026-01-01T00:00:00Z")
        }
        let text = try String(contentsOfFile: scratch.file("shards/shards/1-of-3.json"), encoding: .utf8)
        #expect(text.contains("\"command_line\""))
    }

    @Test func anInterruptedShardSaysSo() throws {
        let scratch = try TemporaryFolder("losslab-shards")
        let cancellation = Cancellation()
        cancellation.cancel()
        let outcome = try ShardingFixtures.run(try Self.experiment(), root: scratch.path, shard: (1, 2), cancellation: cancellation)
        #expect(outcome.run.interrupted)
        let record = try #require(ShardRecord.all(in: ResultStore(resultsRoot: scratch.path, experiment: "shards")).first)
        #expect(record.status == .interrupted && record.ran == 0 && record.missing == record.trials)
    }

    @Test func aRunOnTheWholeGridLeavesNoShardRecord() throws {
        let scratch = try TemporaryFolder("losslab-shards")
        try ShardingFixtures.run(try Self.experiment(), root: scratch.path)
        #expect(ShardRecord.all(in: ResultStore(resultsRoot: scratch.path, experiment: "shards")).isEmpty)
    }
}
