import Dispatch
import Foundation

/// Runs a program to completion and times it from just before `posix_spawn` to just after
/// `waitpid` returns, with `DispatchTime`. (Foundation's `Process.waitUntilExit` polls its run loop
/// every 50 ms on Linux, too coarse for a run of a few hundred milliseconds.)
enum ProcessTimer {
    struct Outcome {
        var seconds: Double
        /// The exit status, or 128 + the signal number when a signal ended the program.
        var status: Int32
    }

    /// Runs `executable` with `arguments`; standard input and output are `/dev/null`, standard error
    /// goes to `errorPath` (so that a failure can be shown).
    static func run(_ executable: String, _ arguments: [String], errorPath: String) throws -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw CommandError("bench: cannot start \(executable): \(String(cString: strerror(spawned)))", code: .failure)
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let end = DispatchTime.now().uptimeNanoseconds
        let exited = status & 0x7f == 0
        let code = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Outcome(seconds: Double(end - start) / 1e9, status: code)
    }

    /// The path of the running executable.
    static var currentExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
    }
}
