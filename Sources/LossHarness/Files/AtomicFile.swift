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
        let temporary = temporaryPath(for: path)
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

    /// A fresh hidden name beside `path` for the data on its way there: `.<name>.tmp-<pid>-<random>`
    /// (``ResultStore/removeTemporaryFiles(olderThan:)`` recognises it).
    static func temporaryPath(for path: String) -> String {
        Paths.join(Paths.folder(of: path), "." + Paths.lastComponent(of: path) + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
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
        let parent = Paths.parent(of: path)
        if !parent.isEmpty, parent != path { try createDirectory(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw FileError(path: path, reason: "cannot be created: \(String(cString: strerror(errno)))")
        }
    }
}
