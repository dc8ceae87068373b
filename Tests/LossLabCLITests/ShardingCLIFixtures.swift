import Foundation
import LossHarness
import LossLabCLI
import LossLabTestSupport

/// A scratch folder holding one small experiment file, for the merge and slurm command tests.
final class ShardingCLIScratch: Sendable {
    let path: String

    /// 2 train sizes x 3 losses x 2 seeds = 12 quick trials.
    static let study = """
    {
      version: 1,
      name: "cli-shards",
      dataset: { generator: "gaussian", features: 2, train_size: [40, 80], test_size: 40 },
      model: { type: "linear" },
      loss: ["mse", "mae", "log_cosh"],
      training: { epochs: 2, batch_size: 16, learning_rate: 0.05 },
      seeds: 2,
      metrics: ["mae"],
    }
    """

    init(study: String = ShardingCLIScratch.study) throws {
        path = try TemporaryFolder.make("losslab-cli-shards")
        try Data(study.utf8).write(to: URL(fileURLWithPath: file))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The experiment file.
    var file: String { path + "/study.json5" }
    var results: String { path + "/results" }
    /// `results/cli-shards`.
    var directory: String { results + "/cli-shards" }

    /// Runs `losslab ARGUMENTS` in process.
    func losslab(_ arguments: [String]) -> (code: ExitCode, out: String, error: String) {
        runLossLab(arguments)
    }

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: path + "/" + name, encoding: .utf8)
    }
}
