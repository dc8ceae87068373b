import Foundation
@testable import LossHarness

/// An experiment from JSON5 text, validated as a file would be.
func experiment(_ text: String, file: String = "test.json5") throws -> Experiment {
    try ExperimentLoader.load(data: Data(text.utf8), file: file)
}

/// A fresh folder under the system's temporary directory; `remove()` deletes it.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("losslab-test-" + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` to `relative` (creating folders).
    func write(_ text: String, to relative: String) throws {
        let full = (path as NSString).appendingPathComponent(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: false, encoding: .utf8)
    }

    func read(_ relative: String) -> String? {
        try? String(contentsOfFile: (path as NSString).appendingPathComponent(relative), encoding: .utf8)
    }

    /// Every file below the folder, relative to it, sorted.
    func files() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: path)
        var result: [String] = []
        while let next = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(next), isDirectory: &isDirectory)
            if !isDirectory.boolValue { result.append(next) }
        }
        return result.sorted()
    }
}

/// Whether `a` and `b` agree to within `relative` of the larger magnitude or `absolute` (equal is
/// always close, NaN never is): the same rule as the core tests' helper.
func isClose(_ a: Double, _ b: Double, relative: Double = 1e-9, absolute: Double = 0) -> Bool {
    if a == b { return true }
    guard a.isFinite, b.isFinite else { return false }
    return abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
}

/// Element-wise closeness where NaN matches NaN (missing values in figure data).
func rowsMatch(_ actual: [[Double]], _ expected: [[Double]], relative: Double = 1e-9) -> Bool {
    actual.count == expected.count && zip(actual, expected).allSatisfy { a, b in
        a.count == b.count && zip(a, b).allSatisfy { ($0.isNaN && $1.isNaN) || isClose($0, $1, relative: relative) }
    }
}

/// A renderer that records the scripts it is given and answers `result`.
final class RecordingRenderer: FigureRenderer, @unchecked Sendable {
    // Safety: `scripts` is only touched under `lock`.
    private let lock = NSLock()
    private var recorded: [String] = []
    let result: FigureRenderResult

    init(result: FigureRenderResult = .rendered(warnings: "")) {
        self.result = result
    }

    var scripts: [String] { lock.withLock { recorded } }

    func render(scriptPath: String) -> FigureRenderResult {
        lock.withLock { recorded.append(scriptPath) }
        return result
    }
}
