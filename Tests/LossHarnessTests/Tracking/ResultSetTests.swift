import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

/// Reading each side of a comparison: what a path holds, and precise errors for malformed files.
@Suite struct ResultSetTests {
    @Test func aPathIsAnExperimentARootOrAFile() throws {
        let folder = try TrackingFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var fixture = TrialsFixture()
        fixture.add(loss: "a", first: [1, 2])
        fixture.add(loss: "b", first: [1, 2])
        try fixture.write(experimentFolder: folder + "/results/one")
        try TrackingFixtures.write("loss,series,x,target,value\n", to: folder + "/results/shapes/curves.csv")
        let root = try ResultSet.load(path: folder + "/results")
        #expect(root.shape == .root)
        #expect(root.experiments == ["one"])
        #expect(root.groups.map(\.identity.experiment) == ["one", "one"])
        #expect(root.notes == ["\(folder)/results/shapes: a curves experiment (no trials.csv): not compared"])
        let experiment = try ResultSet.load(path: folder + "/results/one")
        #expect(experiment.shape == .experiment)
        #expect(experiment.groups.map(\.identity.label) == ["a, dataset.noise=0.1", "b, dataset.noise=0.1"])
        #expect(experiment.groups[0].identity.experiment == nil)
        #expect(experiment.groups[0].measureNames == ["train_seconds", "mse", "accuracy"])
        #expect(experiment.groups[0].samples["mse"]?.finiteValues == [1, 2])
        #expect(experiment.groups[0].samples["mse"]?.observations.map(\.pairingKey) == ["0/1000", "1/1001"])
        let file = try ResultSet.load(path: folder + "/results/one/trials.csv")
        #expect(file.shape == .experiment)
        #expect(file.groups.count == 2)
        #expect(throws: TrackingError.notFound(path: folder + "/nothing")) { try ResultSet.load(path: folder + "/nothing") }
    }

    @Test func anEmptyRootHasNoGroups() throws {
        let folder = try TrackingFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let root = try ResultSet.load(path: folder)
        #expect(root.shape == .root)
        #expect(root.groups.isEmpty)
    }

    @Test func unknownColumnsAreNotedAndMalformedRowsRejected() throws {
        let folder = try TrackingFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let header = "trial_id,loss,series,repetition,seed,status,message,epochs_run,train_seconds,mse,mystery\n"
        try TrackingFixtures.write(header + "1,mse,mse,0,7,completed,,3,1,0.5,9\n", to: folder + "/good.csv")
        let set = try ResultSet.load(path: folder + "/good.csv")
        #expect(set.notes == ["\(folder)/good.csv: column mystery is not compared (not a known metric, timing or throughput)"])
        #expect(set.groups[0].measureNames == ["train_seconds", "mse"])

        try TrackingFixtures.write(header + "1,mse,mse,0,7,completed,,3,1,0.5\n", to: folder + "/short.csv")
        #expect(throws: TrackingError.invalidResults(file: folder + "/short.csv", location: "line 2, column 33", value: "10 fields",
                                                     expected: "11 fields, one per header column (trial_id,loss,series,repetition,...)")) {
            try ResultSet.load(path: folder + "/short.csv")
        }
        try TrackingFixtures.write(header + "1,mse,mse,0,7,completed,,3,1,abc,9\n", to: folder + "/word.csv")
        #expect(throws: TrackingError.invalidResults(file: folder + "/word.csv", location: "line 2, column mse", value: "abc",
                                                     expected: "a number, nan, inf, -inf or an empty cell")) {
            try ResultSet.load(path: folder + "/word.csv")
        }
        try TrackingFixtures.write("a,b\n1,2\n", to: folder + "/other.csv")
        #expect(throws: TrackingError.self) { try ResultSet.load(path: folder + "/other.csv") }
    }

    @Test func nonFiniteValuesAreCountedApart() throws {
        let folder = try TrackingFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var fixture = TrialsFixture(metrics: ["mse"])
        fixture.add(loss: "a", perSeed: [[1], [.nan], [.infinity], [3]])
        try fixture.write(experimentFolder: folder)
        let sample = try #require(try ResultSet.load(path: folder).groups.first?.samples["mse"])
        #expect(sample.finiteValues == [1, 3])
        #expect(sample.nonFiniteCount == 2)
        #expect(sample.summary.mean == 2)
    }
}
