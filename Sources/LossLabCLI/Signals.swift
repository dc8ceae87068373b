import Dispatch
import Foundation
import Synchronization
import LossHarness

/// Turns SIGINT and SIGTERM into a cancellation request, so that a run stops taking trials, keeps
/// what is finished, leaves its files consistent and exits 130 or 143.
enum Signals {
    /// The run that a signal cancels, and whether handlers are installed (once per process: a
    /// second `run` in the same process, as in tests, reuses them instead of stacking more).
    private static let state = Mutex<(current: Cancellation?, installed: Bool)>((nil, false))

    static func install(_ cancellation: Cancellation, console: Console) {
        let first = state.withLock { state in
            state.current = cancellation
            defer { state.installed = true }
            return !state.installed
        }
        guard first else { return }
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                guard let cancellation = state.withLock({ $0.current }) else { exit(128 + number) }
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

    /// Ends the current run's claim on signals: a signal after it ends the process at once.
    static func uninstall() {
        state.withLock { $0.current = nil }
    }

    // Safety: appended to only by the one call of `install` that finds `installed` false (the
    // flag is flipped under the mutex), and never read: it only keeps the sources alive.
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
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
