import Foundation
import LossHarness
import Testing
@testable import LossLabCLI
import LossLabTestSupport

/// Every command with the path arguments a user can type: one character, non-ASCII, a trailing
/// slash, `./`, nested folders, spaces. Foundation's `NSString` path methods trap on several of
/// these on Linux (exit 132); every command must instead do what was asked. An empty path is
/// refused with a usage error, never taken as the current folder. Run against the release build
/// too (`make test` sets `LOSSLAB_EXECUTABLE`).
@Suite struct PathArgumentTests {
    static let roots = ["r", "é", "a/", "./", "x/y/", "./r2", "spa ce", "ü/ß"]

    struct Root: Sendable, CustomTestStringConvertible {
        var path: String
        var testDescription: String { "'\(path)'" }
    }

    static let cases = roots.map(Root.init)

    /// The folder a results root names, for checking what was written.
    static func resolved(_ root: String, in folder: TemporaryFolder) -> String {
        Paths.join(folder.path, root)
    }

    @Test(arguments: cases)
    func everyCommandAcceptsTheResultsRoot(_ root: Root) throws {
        let folder = try TemporaryFolder()
        try folder.write(tinyExperiment(), to: "tiny.json5")
        let results = root.path, plots = Paths.join(root.path, "p")
        func check(_ arguments: [String], _ expected: ExitCode = .success) {
            let outcome = losslab(arguments, in: folder)
            #expect(outcome.code == expected, "\(arguments): \(outcome.error)")
        }
        check(["run", "tiny.json5", "--results", results, "--plots", plots, "--quiet"])
        let resultsFolder = Self.resolved(Paths.join(results, "tiny"), in: folder)
        #expect(FileManager.default.fileExists(atPath: Paths.join(resultsFolder, "trials.csv")))
        #expect(FileManager.default.fileExists(atPath: Self.resolved(Paths.join(plots, "tiny/l.gp"), in: folder)))
        check(["plot", "tiny.json5", "--results", results, "--plots", plots, "--quiet"])
        let report = Paths.join(root.path, "z/R.md")
        check(["report", "tiny.json5", "--results", results, "--plots", plots, "--output", report])
        #expect(FileManager.default.fileExists(atPath: Self.resolved(report, in: folder)))
        check(["compare", Paths.join(results, "tiny"), Paths.join(results, "tiny/trials.csv")])
        check(["baseline", "save", "b", "--results", results])
        check(["baseline", "list", "--results", results])
        check(["check", "--baseline", "b", "--results", results])
        check(["slurm", "tiny.json5", "--shards", "2", "--results", results, "--plots", plots])
        check(["run", "tiny.json5", "--shard", "0/1", "--results", results, "--quiet"])
        check(["merge", Paths.join(results, "tiny"), "--plots", plots, "--quiet"])
    }

    /// Experiment files with short, non-ASCII and spaced names, and in nested folders.
    @Test(arguments: ["é.json5", "a b.json5", "./t.json5", "d/t.json5", "d//t.json5"])
    func oddExperimentFileNames(_ name: String) throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.file("d"), withIntermediateDirectories: true)
        try folder.write(tinyExperiment(), to: Paths.normalized(name))
        for command in ["validate", "run"] {
            let outcome = losslab([command, name, "--quiet"].filter { command == "run" || $0 != "--quiet" }, in: folder)
            #expect(outcome.code == .success, "\(command) \(name): \(outcome.error)")
        }
    }

    struct EmptyCase: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var option: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let emptyCases: [EmptyCase] = [
        .init(arguments: ["run", "tiny.json5", "--results", ""], option: "--results"),
        .init(arguments: ["run", "tiny.json5", "--plots", ""], option: "--plots"),
        .init(arguments: ["plot", "tiny.json5", "--results", ""], option: "--results"),
        .init(arguments: ["report", "tiny.json5", "--output", ""], option: "--output"),
        .init(arguments: ["baseline", "list", "--results", ""], option: "--results"),
        .init(arguments: ["check", "--results", ""], option: "--results"),
        .init(arguments: ["slurm", "tiny.json5", "--shards", "2", "--results", ""], option: "--results"),
        .init(arguments: ["merge", "results/tiny", "--plots", ""], option: "--plots"),
        .init(arguments: ["bench", "--record", "--results", ""], option: "--results"),
        .init(arguments: ["compare", "a", "b", "--thresholds", ""], option: "--thresholds"),
    ]

    /// `--results ''` used to write into the current folder.
    @Test(arguments: emptyCases)
    func anEmptyPathIsRefused(_ testCase: EmptyCase) throws {
        let folder = try TemporaryFolder()
        try folder.write(tinyExperiment(), to: "tiny.json5")
        let before = folder.listing()
        let outcome = losslab(testCase.arguments, in: folder)
        #expect(outcome.code == .usage, "\(outcome.error)")
        #expect(outcome.error.contains("\(testCase.option) '': expected a path"), "\(outcome.error)")
        #expect(folder.listing() == before)
    }

    /// Empty and odd positional paths are errors with a message, never a trap.
    @Test func emptyPositionalPathsAreErrors() throws {
        let folder = try TemporaryFolder()
        for arguments in [["validate", ""], ["run", ""], ["compare", "", "x"], ["merge", ""], ["compare", "é", "ü"]] {
            let outcome = losslab(arguments, in: folder)
            #expect(outcome.code != .success && outcome.error.hasPrefix("error: "), "\(arguments): \(outcome.error)")
        }
    }
}
