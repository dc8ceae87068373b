import Foundation
@testable import LossHarness
import LossLabTestSupport

/// A small study and helpers shared by the sharding, merge and record tests.
enum ShardingFixtures {
    /// 2 train sizes x 2 epoch counts x 4 loss configurations x 2 seeds = 64 quick trials of unequal
    /// estimated cost (40 x 2 up to 120 x 4).
    static let study = """
    {
      version: 1,
      name: "shards",
      dataset: { generator: "gaussian", features: 2, train_size: [40, 120], test_size: 40 },
      model: { type: "linear" },
      loss: ["mse", "mae", {name: "huber", delta: [0.5, 2]}],
      training: { epochs: [2, 4], batch_size: 16, learning_rate: 0.05 },
      seeds: 2,
      metrics: ["mae", "rmse"],
      expect: [{metric: "mae", better: "mae", than: "mse", where: {"dataset.train_size": 120, "training.epochs": 4}}],
    }
    """

    static func experiment(_ text: String = study, overrides: [String] = [], seeds: Int? = nil) throws -> Experiment {
        try ExperimentLoader.load(data: Data(text.utf8), file: "experiments/shards.json5", overrides: overrides, seeds: seeds)
    }

    static let provenance = Provenance(build: "test", gitCommit: nil, date: "2026-01-01T00:00:00Z", host: "node7", processors: 1,
                                       commandLine: ["losslab", "run", "experiments/shards.json5"])

    /// Runs `experiment` (one shard of it, or all) into `root`, as `losslab run` does.
    @discardableResult
    static func run(_ experiment: Experiment, root: String, shard: (index: Int, count: Int)? = nil, fresh: Bool = false,
                    origin: ExperimentOrigin? = nil, cancellation: Cancellation = Cancellation()) throws -> ExperimentRun.Outcome {
        let options = RunOptions(resultsRoot: root, jobs: 2, fresh: fresh, shard: shard, build: "test-build", origin: origin)
        let runner = try Runner(experiment: experiment, options: options)
        return try ExperimentRun.execute(runner, provenance: provenance, cancellation: cancellation, observe: { _ in })
    }

    /// The four CSV files of a results folder, trials.csv without its train_seconds column.
    static func csvFiles(_ directory: String) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in ["trials.csv", "history.csv", "summary.csv", "claims.csv"] {
            let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            files[name] = name == "trials.csv" ? withoutColumn("train_seconds", text) : text
        }
        return files
    }

    static func withoutColumn(_ name: String, _ text: String) -> String {
        let table = CSVTable(text: text)
        guard let drop = table.column(name) else { return text }
        return ([table.header] + table.rows).map { row in
            CSV.row(row.enumerated().filter { $0.offset != drop }.map(\.element))
        }.joined()
    }
}
