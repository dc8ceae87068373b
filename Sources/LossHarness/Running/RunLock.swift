import Foundation

/// An exclusive lock on a results folder (a `flock` on a lock file), so that a second run of the
/// same experiment on the same folder is refused instead of interleaving its writes. The kernel
/// releases the lock when the process ends, however it ends.
public final class RunLock {
    private let descriptor: Int32
    public let path: String

    /// Takes the lock or throws a message naming the folder and the process that holds it (its
    /// pid and purpose, which the holder writes into the lock file).
    public init(path: String, purpose: String) throws {
        self.path = path
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FileError(path: path, reason: "cannot create the lock file: \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            throw FileError(path: path, reason: "another losslab process is using this folder"
                            + (holder.isEmpty ? "" : " (\(holder))") + ", so \(purpose) cannot start; wait for it to finish or stop it, then run again")
        }
        let note = "pid \(getpid()): \(purpose)\n"
        _ = ftruncate(descriptor, 0)
        _ = note.withCString { write(descriptor, $0, strlen($0)) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
