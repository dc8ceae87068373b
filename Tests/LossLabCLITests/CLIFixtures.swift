import Foundation
@testable import LossLabCLI
import LossLabTestSupport

/// Temporary result folders and a way to run `losslab` in-process, for the command tests.
enum CLIFixtures {
    static func temporaryFolder(_ label: String = #function) throws -> String {
        try TemporaryFolder.make("losslab-cli-" + label)
    }

    static func write(_ text: String, to path: String) throws {
        try writeFile(text, to: path)
    }

    /// A trials.csv of losses `a` and `b` over 3 seeds; `shift` is added to a's mse and to b's
    /// accuracy (binary fractions: exact differences, so a shift is significant with p = 0).
    static func trials(mseShift: Double = 0, accuracyShift: Double = 0) -> String {
        var text = "trial_id,loss,series,repetition,seed,status,message,epochs_run,train_seconds,mse,accuracy\n"
        let mse = [1.0, 1.25, 0.75], accuracy = [0.5, 0.625, 0.375]
        for loss in ["a", "b"] {
            for repetition in 0..<3 {
                let m = mse[repetition] + (loss == "a" ? mseShift : 0)
                let acc = accuracy[repetition] + (loss == "b" ? accuracyShift : 0)
                text += "\(loss)\(repetition),\(loss),\(loss),\(repetition),\(100 + repetition),completed,,3,1,\(m),\(acc)\n"
            }
        }
        return text
    }

    /// Runs `losslab arguments` and returns the exit code with what went to each stream.
    static func run(_ arguments: [String]) -> (code: ExitCode, out: String, error: String) {
        runLossLab(arguments)
    }
}
