import Foundation

/// Runs a helper program (git, swift, an old `losslab`) to completion in a given folder, its output
/// captured in files. For builds and commands whose duration is not measured: the timed W5 runs go
/// through ``ProcessTimer`` instead (Foundation's `Process` waits in 50 ms steps on Linux).
enum Subprocess {
    struct Outcome {
        /// The exit status, or 128 + the signal number.
        var status: Int32
        var output: String
        var errorOutput: String
    }

    /// Runs `program` (looked up in PATH) with `arguments` in `directory`; standard input is
    /// /dev/null; standard output and error are kept (also written to `logPath` when given).
    static func run(_ program: String, _ arguments: [String], in directory: String, logPath: String? = nil) throws -> Outcome {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("losslab-subprocess-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outputURL = scratch.appendingPathComponent("stdout"), errorURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/env")
        process.arguments = program.hasPrefix("/") ? arguments : [program] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        do {
            try process.run()
        } catch {
            throw CommandError("cannot start \(program): \(error.localizedDescription)", code: .failure)
        }
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        let output = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
        let errorOutput = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
        if let logPath {
            try? (output + errorOutput).write(toFile: logPath, atomically: true, encoding: .utf8)
        }
        return Outcome(status: status, output: output, errorOutput: errorOutput)
    }
}
