import Dispatch
import Foundation
import LossHarness

/// Turns SIGINT and SIGTERM into a cancellation request, so that a run stops taking trials, keeps
/// what is finished, leaves its files consistent and exits 130 or 143.
enum Signals {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install(_ cancellation: Cancellation, console: Console) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if cancellation.isCancelled {
                    exit(128 + number)
                }
                console.printError("\nlosslab: \(number == SIGINT ? "interrupted" : "terminated"); finishing up (signal again to quit at once)")
                cancellation.cancel(signal: number)
            }
            source.resume()
            sources.append(source)
        }
    }
}

/// The provenance of results made by this process.
func currentProvenance() -> Provenance {
    let formatter = ISO8601DateFormatter()
    return Provenance(gitCommit: gitCommit(), date: formatter.string(from: Date()), host: ProcessInfo.processInfo.hostName,
                      processors: ProcessInfo.processInfo.activeProcessorCount, commandLine: CommandLine.arguments)
}

/// The commit of the working tree, when it is a git checkout and git is installed.
func gitCommit() -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "rev-parse", "HEAD"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle(forWritingAtPath: "/dev/null")
    do { try process.run() } catch { return nil }
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        .trimmingCharacters(in: .whitespacesAndNewlines)
    return text.isEmpty ? nil : text
}
