import Foundation
@testable import LossHarness
import LossLabTestSupport

/// An experiment from JSON5 text, validated as a file would be.
func experiment(_ text: String, file: String = "test.json5") throws -> Experiment {
    try ExperimentLoader.load(data: Data(text.utf8), file: file)
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
