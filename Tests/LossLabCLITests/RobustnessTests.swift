import Foundation
import LossHarness
import Testing
@testable import LossLabCLI
import LossLabTestSupport

/// Bad input through the real command line, in process: every file of the shared bad corpus and
/// every malformed command line gets a precise message, a non-zero exit code, and writes nothing.
struct RobustnessTests {
    struct BadFile: Decodable, Sendable, CustomTestStringConvertible {
        var file: String
        var path: String
        var message: String
        var value: String?
        var testDescription: String { file }
    }

    static let corpus: [BadFile] = {
        let data = FileManager.default.contents(atPath: badFixtures + "/manifest.json") ?? Data("[]".utf8)
        return (try? JSONDecoder().decode([BadFile].self, from: data)) ?? []
    }()

    /// Copies `names` from the fixtures into a fresh folder and returns it with its listing.
    static func folder(with names: [String], from directory: String = badFixtures) throws -> (TemporaryFolder, [String]) {
        let folder = try TemporaryFolder()
        for name in names {
            try folder.write(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)), to: name)
        }
        return (folder, folder.listing())
    }

    @Test func theCorpusHasAtLeastFortyFiles() {
        #expect(Self.corpus.count >= 40)
    }

    @Test(arguments: corpus)
    func badFileIsRefusedAndNothingIsWritten(_ bad: BadFile) throws {
        let (folder, before) = try Self.folder(with: [bad.file])
        for command in ["run", "validate"] {
            let outcome = losslab([command, bad.file], in: folder)
            #expect(outcome.code == .dataError, "\(command): \(outcome.error)")
            let head = "\(bad.file): \(bad.path)" + (bad.value.map { " = \($0)" } ?? "") + ": expected \(bad.message)"
            #expect(outcome.error.contains(head), "\(command): \(outcome.error)")
            #expect(folder.listing() == before)
        }
    }

    static let good = "outliers.json5"

    struct CommandCase: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var code: ExitCode
        var message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let commandLines: [CommandCase] = [
        .init(arguments: ["run", "--jobs", "0", good], code: .usage, message: "error: run: --jobs 0: expected a whole number of at least 1"),
        .init(arguments: ["run", "--jobs", "many", good], code: .usage, message: "error: run: --jobs many: expected a whole number of at least 1"),
        .init(arguments: ["run", good, "--jobs"], code: .usage, message: "error: run: --jobs needs a value"),
        .init(arguments: ["run", "--seeds", "-1", good], code: .usage, message: "error: run: --seeds -1: expected a whole number of at least 1"),
        .init(arguments: ["run", "--seeds", "99999999999999999999999", good], code: .usage, message: "--seeds 99999999999999999999999: expected a whole number"),
        .init(arguments: ["run", "--max-trials", "0", good], code: .usage, message: "--max-trials 0: expected a whole number of at least 1"),
        .init(arguments: ["run", "--shard", "3/2", good], code: .usage, message: "error: run: --shard 3/2: expected I/N with 0 <= I < N"),
        .init(arguments: ["run", "--shard", "x", good], code: .usage, message: "error: run: --shard x: expected I/N"),
        .init(arguments: ["run", "--frobnicate", good], code: .usage, message: "error: run: unknown option --frobnicate"),
        .init(arguments: ["run", "--jobs", "1", "--jobs", "2", good], code: .usage, message: "error: run: --jobs given 2 times"),
        .init(arguments: ["runn", good], code: .usage, message: "error: unknown command 'runn'. Did you mean `run`?"),
        .init(arguments: ["run"], code: .usage, message: "error: no experiment file given and none found in experiments/"),
        .init(arguments: ["run", "--set", "training.epochs", good], code: .dataError, message: "--set: training.epochs: expected path=value, e.g. training.epochs=5"),
        .init(arguments: ["run", "--set", "training.epochs=-1", good], code: .dataError, message: "outliers.json5: training.epochs = -1: expected a whole number from 0 to 100000"),
        .init(arguments: ["run", "--set", "loss=[mse,maee]", good], code: .dataError, message: "outliers.json5: loss[1].name = \"maee\": expected a known loss"),
        .init(arguments: ["run", "--set", "name=../x", good], code: .dataError, message: "outliers.json5: name = \"../x\": expected lower-case letters"),
        .init(arguments: ["run", "--set", "name=/etc", good], code: .dataError, message: "outliers.json5: name = \"/etc\": expected lower-case letters"),
        .init(arguments: ["run", "--set", "training.learning_rate=1e300", good], code: .dataError, message: "training.learning_rate = 1e+300: expected a number from 1e-12 to 1000000"),
        .init(arguments: ["run", "--set", "dataset.noise=NaN", good], code: .dataError, message: "dataset.noise = NaN: expected a finite number"),
        .init(arguments: ["run", "--set", "dataset={a: 1, a: 2}", good], code: .dataError,
              message: "--set: dataset = {a: 1, a: 2}: expected a JSON5 value: each key once per object: \"a\" at line 1, column 8 repeats line 1"),
        .init(arguments: ["run", "--set", "training={epochs: 2", good], code: .dataError,
              message: "--set: training = {epochs: 2: expected a JSON5 value: the rest of an object and its '}', found the end of the file at line 1, column 11"),
        .init(arguments: ["run", "--set", "name.x=1", good], code: .dataError, message: "--set: name.x: expected a path through objects of outliers.json5"),
        .init(arguments: ["run", "--max-trials", "10", good], code: .dataError, message: "outliers.json5: (grid) = 32 trials: expected at most 10 trials"),
        .init(arguments: ["run", "--seeds", "10000", "--set", "dataset.outlier_fraction=[0,0.1,0.2,0.3,0.4,0.5]", good], code: .dataError,
              message: "outliers.json5: (grid) = 240000 trials: expected at most 200000 trials"),
        .init(arguments: ["run", "missing.json5"], code: .noInput, message: "error: missing.json5: no such file"),
        .init(arguments: ["run", "../../missing/\u{0}x.json5"], code: .noInput, message: "is not a valid path (it holds a NUL byte)"),
        .init(arguments: ["run", "sub"], code: .noInput, message: "error: sub: is a directory, not an experiment file"),
        .init(arguments: ["run", good, "copy.json5"], code: .dataError,
              message: "error: copy.json5: name \"outliers\" is also the name of outliers.json5; each experiment needs its own name"),
        .init(arguments: ["run", "--results", "blocker/results", good], code: .cannotCreate, message: "blocker: is a file where a folder is needed"),
        .init(arguments: ["validate", good, "missing.json5"], code: .noInput, message: "missing.json5: no such file"),
    ]

    /// Malformed and hostile command lines: the exit code and message, and no file written.
    @Test(arguments: commandLines)
    func badCommandLine(_ testCase: CommandCase) throws {
        // A child process's arguments are C strings: a NUL byte cannot reach it from a shell.
        if externalExecutable != nil && testCase.arguments.contains(where: { $0.contains("\0") }) { return }
        let (folder, _) = try Self.folder(with: [Self.good], from: goodFixtures)
        try folder.write(try folder.read(Self.good), to: "copy.json5")
        try FileManager.default.createDirectory(atPath: folder.file("sub"), withIntermediateDirectories: false)
        try folder.write("not a folder", to: "blocker")
        let before = folder.listing()
        let outcome = losslab(testCase.arguments, in: folder)
        #expect(outcome.code == testCase.code, "\(outcome.error)")
        #expect(outcome.error.contains(testCase.message), "\(outcome.error)")
        #expect(folder.listing() == before)
    }

    /// Seeded mutations of the good fixtures through `losslab validate`: every one is accepted or
    /// refused with an exit code of losslab's, never a trap. With `LOSSLAB_EXECUTABLE` set (make
    /// test-release) this runs the shipped binary, whose optimiser settings are the release ones.
    @Test func mutatedFilesNeverTrap() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: goodFixtures).filter { $0.hasSuffix(".json5") }.sorted()
        let sources = try names.map { try String(contentsOfFile: goodFixtures + "/" + $0, encoding: .utf8) }
        let folder = try TemporaryFolder()
        for (index, bytes) in Mutator.mutants(of: sources, count: externalExecutable == nil ? 400 : 150, seed: 20_261_202).enumerated() {
            try folder.write(Data(bytes), to: "m.json5")
            let outcome = losslab(["validate", "m.json5"], in: folder)
            #expect([.success, .dataError].contains(outcome.code), "mutant \(index): \(outcome.code) \(outcome.error)")
        }
    }

    /// Files too large to read and strings too long to keep: short, precise messages.
    @Test func hugeFilesAndStrings() throws {
        let folder = try TemporaryFolder()
        let base = #"{name: "big", dataset: {generator: "gaussian"}, loss: ["mse"]"#
        try folder.write(base + ", title: \"" + String(repeating: "t", count: 1_000_000) + "\"}", to: "title.json5")
        try folder.write(base + "}" + String(repeating: " ", count: 1 << 20), to: "large.json5")
        let before = folder.listing()
        let title = losslab(["run", "title.json5"], in: folder)
        #expect(title.code == .dataError)
        #expect(title.error.hasPrefix("error: title.json5: title = \"ttttt"))
        #expect(title.error.contains("...: expected a string of at most 200 characters"))
        #expect(title.error.count < 400)
        let large = losslab(["run", "large.json5"], in: folder)
        #expect(large.code == .dataError)
        #expect(large.error == "error: large.json5: (top level) = \((base + "}").utf8.count + (1 << 20)) bytes: expected a file of at most 1048576 bytes\n")
        #expect(folder.listing() == before)
    }

    /// A grid of a million trials is refused at once: its size is computed, not expanded.
    @Test func aMillionTrialsAreRefusedFast() throws {
        let (folder, before) = try Self.folder(with: ["million-trials.json5"])
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = losslab(["run", "million-trials.json5"], in: folder)
        let elapsed = clock.now - start
        print("refusing 1 000 000 trials took \(elapsed)")
        #expect(outcome.code == .dataError)
        #expect(outcome.error.contains("million-trials.json5: (grid) = 1000000 trials: expected at most 200000 trials. "
                                       + "Sweep fewer values or seeds, or raise the limit with --max-trials"))
        #expect(elapsed < .seconds(10))
        #expect(folder.listing() == before)
    }

    /// `--dry-run` of 100 000 trials lists them all in seconds (a generous bound for a debug
    /// build on a loaded machine) and writes nothing.
    @Test func dryRunOfAHundredThousandTrials() throws {
        let folder = try TemporaryFolder()
        let ten = "[" + (1...10).map(String.init).joined(separator: ", ") + "]"
        try folder.write("""
        {name: "wide", dataset: {generator: "gaussian", features: \(ten), train_size: 50},
         training: {epochs: \(ten), batch_size: \(ten)}, loss: ["mse", "mae", "huber", "log_cosh", "msle", "poisson",
         {name: "mse", label: "mse-exp", activation: "exp"}, {name: "huber", label: "h2", delta: 2},
         {name: "huber", label: "h3", delta: 3}, {name: "huber", label: "h4", delta: 4}], seeds: 10}
        """, to: "wide.json5")
        let before = folder.listing()
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = losslab(["run", "--dry-run", "wide.json5"], in: folder)
        let elapsed = clock.now - start
        print("dry run of 100 000 trials took \(elapsed)")
        #expect(outcome.code == .success, "\(outcome.error)")
        let lines = outcome.out.split(separator: "\n")
        #expect(lines.count == 100_002)
        #expect(lines[0] == "# wide: 100000 trials (0 done, 0 stale, 0 unreadable, 100000 pending)")
        #expect(lines[1] == "index,trial_id,series,dataset.features,training.batch_size,training.epochs,repetition,state")
        #expect(lines.last!.hasPrefix("99999,") && lines.last!.hasSuffix(",10,10,10,9,pending"))
        #expect(elapsed < .seconds(60))
        #expect(folder.listing() == before)
    }

    /// A good file runs to completion in process, into the working directory given.
    @Test func aGoodRunWritesItsResultsInTheWorkingDirectory() throws {
        let (folder, _) = try Self.folder(with: [Self.good], from: goodFixtures)
        let outcome = losslab(["run", "--quiet", "--jobs", "2", "--seeds", "2", "--set", "training.epochs=2", Self.good], in: folder)
        #expect(outcome.code == .success, "\(outcome.error)")
        let trials = CSVTable(text: try folder.read("results/outliers/trials.csv"))
        #expect(trials.rows.count == 16)
        #expect(trials.rows.allSatisfy { trials.value($0, "status") == "completed" })
    }
}
