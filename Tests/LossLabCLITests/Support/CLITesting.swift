import Foundation
import LossHarness
import LossLabCLI
import Testing
import LossLabTestSupport

/// What one run of `losslab` printed and returned.
struct CommandOutcome {
    var code: ExitCode
    var out: String
    var error: String
}

/// The executable that ``losslab(_:in:)`` runs instead of calling the CLI in process, when the
/// environment names one: `LOSSLAB_EXECUTABLE=.build/release/losslab swift test --skip-build
/// --filter ...` runs the same command-line tests against the shipped build (`make test` does).
let externalExecutable: String? = ProcessInfo.processInfo.environment["LOSSLAB_EXECUTABLE"].flatMap { $0.isEmpty ? nil : $0 }

/// Runs `losslab arguments` with relative paths taken from `folder`: in process, or as a child
/// process of ``externalExecutable`` when it is set. An exit status that is no ``ExitCode`` (a
/// trap's 132, a crash) is recorded as a test failure.
func losslab(_ arguments: [String], in folder: TemporaryFolder) -> CommandOutcome {
    guard let executable = externalExecutable else {
        let recording = RecordingConsole()
        let code = LossLab.run(arguments, console: recording.console, workingDirectory: folder.path)
        return CommandOutcome(code: code, out: recording.out, error: recording.error)
    }
    let (status, out, error) = runExecutable(executable, arguments, in: folder.path)
    guard let code = ExitCode(rawValue: status) else {
        Issue.record("losslab \(arguments.joined(separator: " ")) exited with status \(status), which is no exit code of losslab:\n\(error)")
        return CommandOutcome(code: .failure, out: out, error: error)
    }
    return CommandOutcome(code: code, out: out, error: error)
}

/// Runs `executable` in `directory`, returning its exit status (128 + the signal when a signal
/// ended it) and what it wrote to each stream.
func runExecutable(_ executable: String, _ arguments: [String], in directory: String) -> (status: Int32, out: String, error: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : packageRoot + "/" + executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let outPipe = Pipe(), errorPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errorPipe
    process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
    do { try process.run() } catch {
        return (127, "", "cannot start \(executable): \(error)")
    }
    // Read both pipes to their end before waiting, so a chatty child never blocks on a full pipe.
    let errorData = LockedData()
    let reader = Thread { errorData.set(errorPipe.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorData.isSet { usleep(1000) }
    let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    return (status, String(decoding: outData, as: UTF8.self), String(decoding: errorData.value, as: UTF8.self))
}

/// Data written by one thread and read by another.
final class LockedData: @unchecked Sendable {
    // Safety: every access holds `lock`.
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.withLock { data = value } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
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
    if let externalExecutable { return externalExecutable.hasPrefix("/") ? externalExecutable : packageRoot + "/" + externalExecutable }
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

