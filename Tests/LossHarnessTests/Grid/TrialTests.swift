import Testing
@testable import LossHarness
import LossLabTestSupport

struct TrialTests {
    static func ids(_ text: String) throws -> [String] {
        Grid(try loadExperiment(text)).trials.map(\.id)
    }

    @Test func idsIgnoreKeyOrderAndParameterOrder() throws {
        let a = try Self.ids("""
        {name: "a", seeds: 2, dataset: {generator: "outliers", outlier_fraction: [0, 0.2], train_size: 100},
         loss: ["mse", {name: "huber", delta: [1, 2], label: "h"}], training: {epochs: 3, learning_rate: 0.1}}
        """)
        let b = try Self.ids("""
        {training: {learning_rate: 0.1, epochs: 3}, loss: ["mse", {label: "h", delta: [1, 2], name: "huber"}],
         dataset: {train_size: 100, outlier_fraction: [0, 0.2], generator: "outliers"}, seeds: 2, name: "a"}
        """)
        #expect(a.count == 2 * 3 * 2)
        #expect(a == b)
    }

    /// Writing a default explicitly (a generator parameter, a loss parameter, the optimizer's
    /// learning rate, a schema field) does not change the ids.
    @Test func idsIgnoreExplicitDefaults() throws {
        let plain = try Self.ids("""
        {name: "a", dataset: {generator: "gaussian"}, loss: ["huber"], seeds: 2}
        """)
        let explicit = try Self.ids("""
        {name: "a", dataset: {generator: "gaussian", noise: 1, features: 5, train_size: 1000, standardize: false},
         loss: [{name: "huber", delta: 1}], training: {optimizer: "adam", learning_rate: 0.001, epochs: 20}, seeds: 2}
        """)
        #expect(plain == explicit)
    }

    @Test func idsDifferForDifferentValues() throws {
        let base = try Self.ids(#"{name: "a", dataset: {generator: "gaussian"}, loss: ["mse"], seeds: 3}"#)
        let noise = try Self.ids(#"{name: "a", dataset: {generator: "gaussian", noise: 2}, loss: ["mse"], seeds: 3}"#)
        let seed = try Self.ids(#"{name: "a", dataset: {generator: "gaussian"}, loss: ["mse"], seeds: 3, seed: 1}"#)
        let loss = try Self.ids(#"{name: "a", dataset: {generator: "gaussian"}, loss: ["mae"], seeds: 3}"#)
        let all = base + noise + seed + loss
        #expect(Set(all).count == all.count)
        #expect(base.allSatisfy { $0.count == 16 && $0.allSatisfy(\.isHexDigit) })
        // The name is not part of the id (it is the folder), and a sweep of one value is its value.
        #expect(try Self.ids(#"{name: "b", dataset: {generator: "gaussian", noise: [2]}, loss: ["mse"], seeds: 3}"#) == noise)
    }

    /// Seeds come from (seed, repetition) only: every loss and swept value of a repetition sees the
    /// same data, initial weights and batch order.
    @Test func seedsDependOnTheRepetitionOnly() throws {
        let grid = Grid(try loadExperiment("""
        {name: "s", dataset: {generator: "gaussian", noise: [0.5, 2]}, loss: ["mse", "mae", {name: "huber", delta: [1, 3]}],
         training: {epochs: [1, 2]}, seeds: 3, seed: 42}
        """))
        var byRepetition: [Int: Set<[UInt64]>] = [:]
        for trial in grid.trials {
            byRepetition[trial.repetition, default: []].insert([trial.dataSeed, trial.initializationSeed, trial.batchOrderSeed])
            #expect(trial.seed == trial.dataSeed)
        }
        #expect(byRepetition.count == 3)
        #expect(byRepetition.values.allSatisfy { $0.count == 1 })
        let seeds = byRepetition.keys.sorted().map { byRepetition[$0]!.first! }
        #expect(Set(seeds.map { $0[0] }).count == 3)
        #expect(seeds.allSatisfy { Set($0).count == 3 })
        let other = Grid(try loadExperiment(#"{name: "s", dataset: {generator: "gaussian"}, loss: ["mse"], seeds: 3, seed: 43}"#))
        #expect(other.trial(at: 0).dataSeed != grid.trial(at: 0).dataSeed)
    }

    @Test func canonicalTextListsEveryResolvedValue() throws {
        let trial = Grid(try loadExperiment(#"{name: "c", dataset: {generator: "gaussian"}, loss: ["mse"], seeds: 1, seed: 7}"#)).trial(at: 0)
        let lines = trial.canonicalText.split(separator: "\n").map(String.init)
        #expect(lines.prefix(2) == ["v2", "seed=7"])
        #expect(lines.last == "repetition=0")
        let fields = Array(lines.dropFirst(2).dropLast())
        #expect(fields == fields.sorted())
        #expect(fields.count == trial.values.count)
        #expect(fields.contains("dataset.noise=1"))
        #expect(fields.contains("loss.name=\"mean_squared_error\""))
        #expect(fields.contains("training.learning_rate=0.001"))
        #expect(trial.id == String(fnv1a64(trial.canonicalText), radix: 16).leftPadded(to: 16))
    }

    /// Listing many trials at once gives the same trials and ids as resolving them one by one.
    @Test func forEachTrialAgreesWithTrialAt() throws {
        let grid = Grid(try loadExperiment("""
        {name: "f", dataset: {generator: "gaussian", noise: [0.5, 2]}, loss: ["mse", {name: "huber", delta: [1, 3]}], seeds: 3}
        """))
        var listed: [(Int, Int, String, String)] = []
        grid.forEachTrial(at: [0, 1, 2, 5, 4, 17, 3, 3]) { trial, id in listed.append((trial.index, trial.repetition, trial.series, id)) }
        let expected = [0, 1, 2, 5, 4, 17, 3, 3].map { grid.trial(at: $0) }.map { ($0.index, $0.repetition, $0.series, $0.id) }
        #expect(listed.map(\.0) == expected.map(\.0))
        #expect(listed.map(\.1) == expected.map(\.1))
        #expect(listed.map(\.2) == expected.map(\.2))
        #expect(listed.map(\.3) == expected.map(\.3))
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
