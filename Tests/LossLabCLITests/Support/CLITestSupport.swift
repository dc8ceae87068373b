import Foundation
@testable import LossLabCLI
import LossLabTestSupport

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
