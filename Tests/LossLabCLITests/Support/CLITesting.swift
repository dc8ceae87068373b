import Foundation
import LossHarness
import LossLabCLI
import Testing

/// A fresh folder under the system's temporary directory, removed when the value goes away.
final class TemporaryFolder: Sendable {
    let path: String

    init(_ label: String = "losslab-cli") throws {
        var template = Array((NSTemporaryDirectory() as NSString).appendingPathComponent("\(label)-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: made)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String { path + "/" + name }

    /// Every file and folder below the folder, relative and sorted, with sizes.
    func listing() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return [] }
        var entries: [String] = []
        while let name = enumerator.nextObject() as? String {
            let size = (try? FileManager.default.attributesOfItem(atPath: file(name))[.size] as? Int) ?? 0
            entries.append("\(name) \(size)")
        }
        return entries.sorted()
    }

    func write(_ text: String, to name: String) throws {
        try write(Data(text.utf8), to: name)
    }

    func write(_ data: Data, to name: String) throws {
        try data.write(to: URL(fileURLWithPath: file(name)))
    }

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: file(name), encoding: .utf8)
    }
}

/// What one in-process run of `losslab` printed and returned.
struct CommandOutcome {
    var code: ExitCode
    var out: String
    var error: String
}

/// Runs `losslab arguments` in process, relative paths taken from `folder`.
func losslab(_ arguments: [String], in folder: TemporaryFolder) -> CommandOutcome {
    let recording = RecordingConsole()
    let code = LossLab.run(arguments, console: recording.console, workingDirectory: folder.path)
    return CommandOutcome(code: code, out: recording.out, error: recording.error)
}

/// The package's root folder (this file is Tests/LossLabCLITests/Support/CLITesting.swift).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

/// The bad experiment files shared with the harness tests.
let badFixtures = packageRoot + "/Tests/LossHarnessTests/Fixtures/bad"
let goodFixtures = packageRoot + "/Tests/LossHarnessTests/Fixtures/good"

/// The `losslab` executable built beside the test bundle (`swift build --build-tests` and
/// `swift test` build it), or in the package's debug build folder.
func losslabExecutable() throws -> String {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("losslab").path,
        packageRoot + "/.build/debug/losslab",
    ]
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
        Issue.record("no losslab executable in \(candidates); run `swift build` first")
        throw CocoaError(.fileNoSuchFile)
    }
    return found
}

/// CSV text without its train_seconds column, rows in file order.
func withoutTiming(_ text: String) -> [[String]] {
    let rows = CSV.parse(text)
    guard let index = rows.first?.firstIndex(of: "train_seconds") else { return rows }
    return rows.map { row in row.enumerated().filter { $0.offset != index }.map(\.element) }
}

