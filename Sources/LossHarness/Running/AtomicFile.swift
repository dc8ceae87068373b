import Foundation

/// Writes files so that a reader (or a run killed at any moment) sees either the old content or the
/// new, never a torn file: the data goes to a temporary file in the same folder, is flushed to disk
/// (when `durable`), and is renamed over the target.
///
/// Rename alone already protects against a killed process; the flush (`fsync`, about 1 ms each)
/// only matters if the machine itself goes down. Files that can be remade are written with
/// `durable: false`: a stored trial that a power cut truncates no longer decodes and is run again,
/// and the CSV files are assembled again by the next `losslab run`.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String, durable: Bool = true) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/." + (path as NSString).lastPathComponent
            + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw FileError(path: path, reason: "cannot be written (is the folder writable?)")
        }
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            if durable { try handle.synchronize() }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw FileError(path: path, reason: "cannot be written: \(error.localizedDescription)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw FileError(path: path, reason: "cannot be replaced: \(reason)")
        }
    }

    public static func write(_ text: String, to path: String, durable: Bool = true) throws {
        try write(Data(text.utf8), to: path, durable: durable)
    }

    /// Creates a folder and its parents. A failure names the part of the path that is in the way
    /// and the system's reason (Foundation's message on Linux is "NSCocoaErrorDomain error 512").
    public static func createDirectory(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return }
            throw FileError(path: path, reason: "is a file where a folder is needed")
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try createDirectory(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw FileError(path: path, reason: "cannot be created: \(String(cString: strerror(errno)))")
        }
    }
}

/// A text file built by appending, then written atomically: large CSV files are assembled in a
/// temporary file and renamed into place, so memory stays bounded and no reader sees half a file.
public final class StreamingFile {
    private let path: String
    private let temporary: String
    private let handle: FileHandle
    private var buffer = Data()

    public init(path: String) throws {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        temporary = (directory.isEmpty ? "." : directory) + "/." + (path as NSString).lastPathComponent
            + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
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
