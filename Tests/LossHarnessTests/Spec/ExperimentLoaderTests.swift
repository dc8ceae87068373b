import Foundation
import LossCore
import Testing
@testable import LossHarness
import LossLabTestSupport

struct ExperimentLoaderTests {
    static let goodDirectory = fixturesDirectory + "/good"

    static let goodFiles: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: goodDirectory)) ?? []).filter { $0.hasSuffix(".json5") }.sorted()
    }()

    @Test(arguments: goodFiles)
    func goodFilesLoad(_ name: String) throws {
        let experiment = try ExperimentLoader.load(path: Self.goodDirectory + "/" + name)
        #expect(Grid(experiment).count > 0)
        #expect(PairingCheck.problems(in: Grid(experiment)).isEmpty)
    }

    @Test func overridesReplaceFieldsAndAreValidated() throws {
        let text = #"{name: "o", dataset: {generator: "gaussian"}, loss: ["mse"], seeds: 3}"#
        let experiment = try loadExperiment(text, overrides: ["training.epochs=5", "loss=[mse,mae]", "dataset.noise=[0.5, 2]"])
        #expect(experiment.base.training.epochs == 5)
        #expect(experiment.losses.map(\.label) == ["mse", "mae"])
        #expect(experiment.field("dataset.noise")?.values == [.number(0.5), .number(2)])
        let errors = try #require(throws: SpecErrors.self) { try loadExperiment(text, overrides: ["training.epochs=-1"]) }
        #expect(errors.description == "test.json5: training.epochs = -1: expected a whole number from 0 to 100000")
        let malformed = try #require(throws: SpecErrors.self) { try loadExperiment(text, overrides: ["training.epochs"]) }
        #expect(malformed.description == "--set: training.epochs: expected path=value, e.g. training.epochs=5")
        let through = try #require(throws: SpecErrors.self) { try loadExperiment(text, overrides: ["name.x=1"]) }
        #expect(through.description == "--set: name.x: expected a path through objects of test.json5")
    }

    @Test func filesLargerThanOneMegabyteAreRefusedUnread() throws {
        let folder = try TemporaryFolder()
        let padding = String(repeating: " ", count: ExperimentLoader.maximumFileSize)
        let text = #"{name: "big", dataset: {generator: "gaussian"}, loss: ["mse"]}"# + padding
        try folder.write(text, to: "big.json5")
        let errors = try #require(throws: SpecErrors.self) { try ExperimentLoader.load(path: folder.file("big.json5"), name: "big.json5") }
        #expect(errors.description == "big.json5: (top level) = \(text.utf8.count) bytes: expected a file of at most 1048576 bytes")
    }

    @Test func unreadableAndMissingFilesAreFileErrors() throws {
        let folder = try TemporaryFolder()
        let missing = try #require(throws: FileError.self) { try ExperimentLoader.load(path: folder.file("none.json5"), name: "none.json5") }
        #expect(missing.path == "none.json5")
        #expect(missing.reason == "no such file")
        let directory = try #require(throws: FileError.self) { try ExperimentLoader.load(path: folder.path, name: "dir") }
        #expect(directory.description == "dir: is a directory, not an experiment file")
    }

    /// Random mutations of valid files (seeded): every load returns or throws, quickly. A trap would
    /// end the test process; a hang would exceed the per-load bound.
    @Test func randomMutationsNeverTrapOrHang() throws {
        let sources = try Self.goodFiles.map { try String(contentsOfFile: Self.goodDirectory + "/" + $0, encoding: .utf8) }
        var generator = SplitMix64(seed: 20_261_123)
        let budget: Duration = .seconds(10)
        let clock = ContinuousClock()
        let start = clock.now
        var loads = 0, accepted = 0
        var slowest: Duration = .zero
        while clock.now - start < budget {
            let source = sources[Int(generator.next() % UInt64(sources.count))]
            var bytes = Array(source.utf8)
            // Mostly one mutation, so that many mutants still parse and reach the validator.
            let rounds = generator.next() % 4 == 0 ? 2 + Int(generator.next() % 3) : 1
            for _ in 0..<rounds { Mutator.mutate(&bytes, &generator) }
            let before = clock.now
            let outcome = Mutator.exercise(Data(bytes))
            let elapsed = clock.now - before
            slowest = max(slowest, elapsed)
            #expect(elapsed < .seconds(5), "a load took \(elapsed): \(String(decoding: bytes.prefix(300), as: UTF8.self))")
            loads += 1
            if outcome { accepted += 1 }
        }
        print("mutations: \(loads) loads, \(accepted) accepted, slowest \(slowest)")
        #expect(loads > 100)
    }
}

extension Mutator {
    /// Loads `data` and, when it is accepted, takes its grid as far as a run would before training:
    /// the grid size check, the pairing check and a few trial plans. Returns whether it loaded.
    @discardableResult
    static func exercise(_ data: Data) -> Bool {
        do {
            let experiment = try ExperimentLoader.load(data: data, file: "mutant.json5")
            let grid = Grid(experiment)
            guard grid.count <= Schema.defaultMaximumTrials else { return true }
            _ = PairingCheck.problems(in: grid)
            for index in stride(from: 0, to: grid.count, by: max(1, grid.count / 5)) {
                let trial = grid.trial(at: index)
                _ = trial.id
                _ = try? TrialPlan(trial: trial, metrics: experiment.metrics)
            }
            _ = experiment.source.description
            return true
        } catch let errors as SpecErrors {
            precondition(!errors.errors.isEmpty && errors.errors.allSatisfy { !$0.expected.isEmpty })
            return false
        } catch {
            return false
        }
    }
}
