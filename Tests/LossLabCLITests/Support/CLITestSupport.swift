import Foundation
@testable import LossLabCLI

/// A fresh folder under the system's temporary directory; `remove()` deletes it.
struct ScratchFolder {
    let path: String

    init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("losslab-cli-test-" + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    func url(_ relative: String) -> String {
        (path as NSString).appendingPathComponent(relative)
    }

    func write(_ text: String, to relative: String) throws {
        let full = url(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: false, encoding: .utf8)
    }

    func read(_ relative: String) -> String? {
        try? String(contentsOfFile: url(relative), encoding: .utf8)
    }

    /// Every file below the folder (hidden ones too), relative to it, sorted.
    func files() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: path)
        var result: [String] = []
        while let next = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url(next), isDirectory: &isDirectory)
            if !isDirectory.boolValue { result.append(next) }
        }
        return result.sorted()
    }
}

/// Runs a `losslab` command line, returning the exit code and what it printed.
func runLossLab(_ arguments: [String]) -> (code: ExitCode, out: String, error: String) {
    let recording = RecordingConsole()
    let code = LossLab.run(arguments, console: recording.console)
    return (code, recording.out, recording.error)
}

/// A small training experiment: 2 noise levels x 2 losses x 2 seeds, one claim, one figure.
func tinyExperiment(name: String = "tiny", plots: String = "[{name: \"l\", type: \"lines\", x: \"dataset.noise\", y: \"mae\"}]") -> String {
    """
    { name: "\(name)", title: "Tiny study", claim: "MAE does no worse than MSE here.",
      dataset: { generator: "gaussian", noise: [0.1, 1], train_size: 30, test_size: 20, features: 2 },
      loss: ["mse", "mae"], training: { epochs: 2, batch_size: 10 }, seeds: 2, metrics: ["mae"],
      expect: [{metric: "mae", better: "mae", than: "mse"}],
      plots: \(plots) }
    """
}
