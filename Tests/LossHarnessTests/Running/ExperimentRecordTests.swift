import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

@Suite struct ExperimentRecordTests {
    static let origin = ExperimentOrigin(file: "experiments/shards.json5", overrides: ["training.batch_size=8"], seeds: 2,
                                         directory: "/home/me/losslab")

    @Test func aRecordReadsBackAsWritten() throws {
        let scratch = try TemporaryFolder("losslab-shards")
        let experiment = try ShardingFixtures.experiment(overrides: ["training.batch_size=8"], seeds: 2)
        let record = ExperimentRecord(experiment, origin: Self.origin)
        try AtomicFile.write(record.text, to: scratch.file("experiment.json"))
        let read = try #require(try ExperimentRecord.read(scratch.file("experiment.json")))
        #expect(read == record)
        #expect(read.name == "shards")
        let rebuilt = try read.resolve(file: scratch.file("experiment.json"))
        #expect(rebuilt.seeds == 2)
        #expect(Grid(rebuilt).trials.map(\.id) == Grid(experiment).trials.map(\.id))
    }

    @Test func noRecordIsNil() throws {
        let scratch = try TemporaryFolder("losslab-shards")
        #expect(try ExperimentRecord.read(scratch.file("experiment.json")) == nil)
    }

    @Test func anUnreadableRecordNamesTheFile() throws {
        let scratch = try TemporaryFolder("losslab-shards")
        try AtomicFile.write("{ format: 1, ", to: scratch.file("experiment.json"))
        #expect(throws: SpecErrors.self) { try ExperimentRecord.read(scratch.file("experiment.json")) }
    }

    @Test func everyRunRecordsTheResolvedExperimentBeforeItsTrials() throws {
        let scratch = try TemporaryFolder("losslab-shards")
        let experiment = try ShardingFixtures.experiment(overrides: ["training.batch_size=8"], seeds: 1)
        try ShardingFixtures.run(experiment, root: scratch.path, shard: (1, 3), origin: Self.origin)
        let record = try #require(try ExperimentRecord.read(scratch.file("shards/experiment.json")))
        #expect(record.experiment == experiment.source)
        #expect(record.provenance == Self.origin)
        guard case .object(let members) = record.experiment, case .object(let training)? = members["training"] else {
            Issue.record("the record holds no training section")
            return
        }
        #expect(training["batch_size"] == .number(8))
        #expect(members["seeds"] == .number(1))
    }

    @Test func theSameExperimentIsAcceptedAndItsRecordKept() throws {
        let scratch = try TemporaryFolder("losslab-shards")
        let experiment = try ShardingFixtures.experiment(seeds: 1)
        try ShardingFixtures.run(experiment, root: scratch.path, shard: (0, 2), origin: Self.origin)
        let other = ExperimentOrigin(file: "/elsewhere/shards.json5", directory: "/elsewhere")
        try ShardingFixtures.run(experiment, root: scratch.path, shard: (1, 2), origin: other)
        #expect(try ExperimentRecord.read(scratch.file("shards/experiment.json"))?.provenance == Self.origin)
    }

    @Test func aDifferentExperimentIsRefusedWithTheFieldsThatDiffer() throws {
        let scratch = try TemporaryFolder("losslab-shards")
        try ShardingFixtures.run(try ShardingFixtures.experiment(seeds: 1), root: scratch.path, shard: (0, 2), origin: Self.origin)
        let changed = try ShardingFixtures.experiment(overrides: ["training.learning_rate=0.1"], seeds: 1)
        let stored = ResultStore(resultsRoot: scratch.path, experiment: "shards").storedIDs()
        do {
            try ShardingFixtures.run(changed, root: scratch.path, shard: (1, 2))
            Issue.record("a different experiment was accepted")
        } catch let conflict as ResultsConflict {
            #expect(conflict.fields == ["training"])
            #expect(conflict.description.contains("holds the results of another definition of this experiment (fields that differ: training)"))
            #expect(conflict.description.contains("made by `losslab run experiments/shards.json5 --set training.batch_size=8 --seeds 2`"))
            #expect(conflict.description.contains("--results DIR"))
            #expect(conflict.description.contains("--fresh"))
        }
        #expect(ResultStore(resultsRoot: scratch.path, experiment: "shards").storedIDs() == stored)
    }

    @Test func freshReplacesADifferentExperiment() throws {
        let scratch = try TemporaryFolder("losslab-shards")
        try ShardingFixtures.run(try ShardingFixtures.experiment(seeds: 1), root: scratch.path)
        let changed = try ShardingFixtures.experiment(overrides: ["training.learning_rate=0.1"], seeds: 1)
        let outcome = try ShardingFixtures.run(changed, root: scratch.path, fresh: true)
        #expect(outcome.run.ran == Grid(changed).count)
        #expect(try ExperimentRecord.read(scratch.file("shards/experiment.json"))?.experiment == changed.source)
    }

    @Test func differingFieldsAreTopLevelKeys() {
        let a: JSONValue = .object(["name": .string("x"), "seeds": .number(2), "title": .string("a")])
        let b: JSONValue = .object(["name": .string("x"), "seeds": .number(3), "plots": .array([])])
        #expect(ExperimentRecord.differingFields(a, b) == ["plots", "seeds", "title"])
        #expect(ExperimentRecord.differingFields(a, a) == [])
        #expect(ExperimentRecord.differingFields(a, .array([])) == [""])
    }

    @Test func theFileIsFoundFromAnotherFolder() {
        let origin = ExperimentOrigin(file: "experiments/a.json5", directory: "/home/me/losslab")
        #expect(origin.filePath(from: "/home/me/losslab") == "experiments/a.json5")
        #expect(origin.filePath(from: "/scratch") == "/home/me/losslab/experiments/a.json5")
        #expect(ExperimentOrigin(file: "/abs/a.json5", directory: "/x").filePath(from: "/y") == "/abs/a.json5")
        #expect(ExperimentOrigin(file: "a.json5").filePath(from: "/y") == "a.json5")
    }
}
