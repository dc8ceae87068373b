import Foundation
import LossCore
import Testing
@testable import LossHarness

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

/// Seeded mutations of experiment files, by character and by token.
enum Mutator {
    static let replacements: [String] = [
        "1e400", "-1e308", "NaN", "Infinity", "-0", "0", "1e300", "123456789012345678901234567890", "0x7FFFFFFFFFFFFFFF",
        "\"\"", "\"../x\"", "\"a\\u0000b\"", "[]", "[[]]", "{}", "null", "true", "[1, 2, 3]", "{name: \"mse\"}",
        "\"gaussian\"", "\"focal\"", "[\"mse\", \"mse\"]", String(repeating: "[", count: 40), "\"\u{202E}\"", "'x'",
    ]

    static func mutate(_ bytes: inout [UInt8], _ generator: inout SplitMix64) {
        func random(_ n: Int) -> Int { n <= 0 ? 0 : Int(generator.next() % UInt64(n)) }
        let position = random(bytes.count + 1)
        switch random(8) {
        case 0 where !bytes.isEmpty: // delete a run
            let end = min(bytes.count, position + 1 + random(8))
            if position < end { bytes.removeSubrange(position..<end) }
        case 1 where !bytes.isEmpty: // duplicate a run
            let end = min(bytes.count, position + 1 + random(40))
            if position < end { bytes.insert(contentsOf: bytes[position..<end], at: position) }
        case 2: // a structural character
            let characters = Array("{}[]:,\"'/\\*\n 0.-+eE".utf8)
            bytes.insert(characters[random(characters.count)], at: position)
        case 3: // any byte, UTF-8 or not
            bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: position)
        case 4, 5: // replace a number or a quoted string by a value of another type
            let text = bytes
            var start = position
            while start < text.count, !(text[start] == UInt8(ascii: "\"") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[start])) {
                start += 1
            }
            guard start < text.count else { return }
            var end = start + 1
            if text[start] == UInt8(ascii: "\"") {
                while end < text.count, text[end] != UInt8(ascii: "\"") { end += 1 }
                end = min(text.count, end + 1)
            } else {
                while end < text.count, "0123456789.eE+-".utf8.contains(text[end]) { end += 1 }
            }
            bytes.replaceSubrange(start..<end, with: Array(replacements[random(replacements.count)].utf8))
        case 6: // swap two runs
            let length = 1 + random(12)
            let other = random(bytes.count + 1)
            guard position + length <= bytes.count, other + length <= bytes.count else { return }
            for i in 0..<length { bytes.swapAt(position + i, other + i) }
        default: // a huge number or a long string in place
            let huge = random(2) == 0 ? "9" + String(repeating: "9", count: random(400)) : "\"" + String(repeating: "a", count: random(5000)) + "\""
            bytes.insert(contentsOf: Array(huge.utf8), at: position)
        }
    }

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
