import Foundation
import LossHarness

/// A fresh folder under the system's temporary directory for one test, removed when the value
/// goes away (or by ``remove()``). The one temporary-folder helper of every test target.
public final class TemporaryFolder: Sendable {
    public let path: String

    public init(_ label: String = "losslab") throws {
        path = try Self.make(label)
    }

    /// Creates a fresh folder `<tmp>/<label>-XXXXXX` and returns its path; the caller removes it.
    public static func make(_ label: String = "losslab") throws -> String {
        let safe = String(label.filter { $0.isLetter || $0.isNumber || $0 == "-" }.prefix(60))
        var template = Array(Paths.join(NSTemporaryDirectory(), "\(safe.isEmpty ? "losslab" : safe)-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw FileError(path: label, reason: "mkdtemp failed") }
        return String(cString: made)
    }

    deinit {
        remove()
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The path of `name` inside the folder.
    public func file(_ name: String) -> String { Paths.join(path, name) }

    /// Writes `text` to `name`, creating the folders on the way.
    public func write(_ text: String, to name: String) throws {
        try write(Data(text.utf8), to: name)
    }

    public func write(_ data: Data, to name: String) throws {
        let target = file(name)
        try FileManager.default.createDirectory(atPath: Paths.folder(of: target), withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: target))
    }

    public func read(_ name: String) throws -> String {
        try String(contentsOfFile: file(name), encoding: .utf8)
    }

    /// The text of `name`, or `nil` when it does not exist or cannot be read.
    public func contents(_ name: String) -> String? {
        try? read(name)
    }

    /// Every file and folder below the folder, relative and sorted, with file sizes.
    public func listing() -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return [] }
        var entries: [String] = []
        while let name = enumerator.nextObject() as? String {
            let size = (try? FileManager.default.attributesOfItem(atPath: file(name))[.size] as? Int) ?? 0
            entries.append("\(name) \(size)")
        }
        return entries.sorted()
    }

    /// Every file below the folder (hidden ones too, not folders), relative, sorted.
    public func files() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: path)
        var result: [String] = []
        while let next = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: file(next), isDirectory: &isDirectory)
            if !isDirectory.boolValue { result.append(next) }
        }
        return result.sorted()
    }
}

/// Writes `text` to `path`, creating the folders on the way.
public func writeFile(_ text: String, to path: String) throws {
    try FileManager.default.createDirectory(atPath: Paths.folder(of: path), withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
}
