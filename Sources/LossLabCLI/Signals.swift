import Dispatch
import Foundation
import Synchronization
import LossHarness

/// Turns SIGINT, SIGTERM and SIGHUP (a closed terminal or ssh session) into a cancellation
/// request, so that a run stops taking trials, keeps what is finished, leaves its files consistent
/// and exits 128 + the signal: 130, 143 or 129.
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
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                guard let cancellation = state.withLock({ $0.current }) else { exit(128 + number) }
                if cancellation.isCancelled {
                    exit(128 + number)
                }
                let name = number == SIGINT ? "interrupted" : number == SIGHUP ? "hung up" : "terminated"
                console.printError("\nlosslab: \(name); finishing up (signal again to quit at once)")
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
    return Provenance(gitCommit: GitCommit.shared.value, date: formatter.string(from: Date()),
                      host: ProcessInfo.processInfo.hostName,
                      processors: ProcessInfo.processInfo.activeProcessorCount, commandLine: CommandLine.arguments)
}

/// The commit of the working tree, when it is a git checkout and git is installed.
func gitCommit() -> String? {
    GitCommit.shared.value
}

/// `git rev-parse HEAD`, looked up once per process on a background thread from the first use of
/// ``shared`` (``RunCommand`` touches it first thing, so the lookup overlaps loading the files).
final class GitCommit: @unchecked Sendable {
    // Safety: `result` is written once, before `done` is signalled, and read only after waiting on it.
    private var result: String?
    private let done = DispatchSemaphore(value: 0)

    static let shared = GitCommit()

    private init() {
        DispatchQueue.global().async {
            self.result = Self.lookUp()
            self.done.signal()
        }
    }

    /// The commit, waiting for the lookup if it is still running.
    var value: String? {
        done.wait()
        defer { done.signal() }
        return result
    }

    /// Runs `git rev-parse HEAD` with `posix_spawnp` and a pipe. (Foundation's `Process` waits by
    /// polling its run loop every 50 ms, a tenth of a whole W5 run.)
    private static func lookUp() -> String? {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        let words: [String] = ["git", "rev-parse", "HEAD"]
        let argv = words.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "git", &actions, nil, argv, environ)
        close(fds[1])
        defer { close(fds[0]) }
        guard spawned == 0 else { return nil }
        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 256)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
            if count > 0 { output += buffer[0..<count] } else if count == 0 || errno != EINTR { break }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else { return nil }
        let text = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
