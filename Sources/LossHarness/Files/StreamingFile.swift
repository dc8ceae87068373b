import Foundation

/// A text file built by appending, then written atomically: large CSV files are assembled in a
/// temporary file and renamed into place, so memory stays bounded and no reader sees half a file.
public final class StreamingFile {
    private let path: String
    private let temporary: String
    private let handle: FileHandle
    private var buffer = Data()

    public init(path: String) throws {
        self.path = path
        temporary = AtomicFile.temporaryPath(for: path)
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw FileError(path: path, reason: "cannot be written (is the folder writable?)")
        }
        self.handle = handle
    }

    public func append(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count > 1 << 20 { try flush() }
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and renames the file into place.
    public func commit() throws {
        do {
            try flush()
            try handle.synchronize()
            try handle.close()
        } catch {
            discard()
            throw FileError(path: path, reason: "cannot be written: \(error.localizedDescription)")
        }
        guard rename(temporary, path) == 0 else {
            discard()
            throw FileError(path: path, reason: "cannot be replaced")
        }
    }

    /// Removes the temporary file (the target is left as it was).
    public func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporary)
    }
}
