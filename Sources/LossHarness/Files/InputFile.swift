import Foundation

/// Reads a file a user named (an experiment file, a results CSV, a thresholds file), with one
/// message per way it can fail, naming the path as the user wrote it.
///
/// Regular files are read whole; a FIFO or a character device (`<(...)` process substitution,
/// `/dev/stdin`, `/dev/null`) is read to its end, up to the same size limit. Foundation's own
/// readers refuse those with "You don't have permission", even as root, which names the wrong cause.
public enum InputFile {
    /// The bytes of the file at `path`. `name` is the path as the user wrote it (for messages),
    /// `limit` the largest size accepted, in bytes, and `expected` what the file should be, for the
    /// message about a folder given in its place.
    public static func read(_ path: String, name: String? = nil, limit: Int = 1 << 30,
                            expected: String = "a file") throws(FileError) -> Data {
        let shown = (name ?? path).replacingOccurrences(of: "\0", with: "\\0")
        guard !path.isEmpty else { throw FileError(input: "''", reason: "is an empty path: name a file") }
        guard !path.contains("\0") else { throw FileError(input: shown, reason: "is not a valid path (it holds a NUL byte)") }
        var status = stat()
        guard stat(path, &status) == 0 else {
            let reason = errno == ENOENT ? "no such file" : "cannot be read (\(String(cString: strerror(errno))))"
            throw FileError(input: shown, reason: reason)
        }
        let type = status.st_mode & S_IFMT
        if type == S_IFDIR { throw FileError(input: shown, reason: "is a directory, not \(expected)") }
        if type == S_IFREG && Int(status.st_size) > limit {
            throw FileError(input: shown, reason: "is \(status.st_size) bytes, more than the \(limit) accepted")
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw FileError(input: shown, reason: "cannot be read (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
                if data.count > limit { throw FileError(input: shown, reason: "is more than the \(limit) bytes accepted") }
            } else if count == 0 {
                return data
            } else if errno != EINTR {
                throw FileError(input: shown, reason: "cannot be read (\(String(cString: strerror(errno))))")
            }
        }
    }

    /// The file read as UTF-8 text; bytes that are not UTF-8 are an error naming the byte offset.
    public static func text(_ path: String, name: String? = nil, limit: Int = 1 << 30,
                            expected: String = "a file") throws(FileError) -> String {
        let data = try read(path, name: name, limit: limit, expected: expected)
        guard let text = String(data: data, encoding: .utf8) else {
            let offset = firstInvalidUTF8Offset(data) ?? 0
            throw FileError(input: name ?? path, reason: "is not UTF-8 text (invalid byte at offset \(offset))")
        }
        return text
    }

    static func firstInvalidUTF8Offset(_ data: Data) -> Int? {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += UTF8.width(scalar)
                offset = consumed
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}

extension FileError {
    /// A file that cannot be read.
    public init(input path: String, reason: String) {
        self.init(path: path, reason: reason, isInput: true)
    }
}
