import Foundation
import LossCore
import LossHarness
import Testing
@testable import LossLabCLI
import LossLabTestSupport

/// Every registered metric end to end: a study that names no metrics gets a column for each metric
/// that applies to its task, in registry order, and a study may name any of them in `metrics:`, in
/// its own order. (`compare`'s polarity of every registered metric: `MeasureTests`.)
@Suite struct MetricColumnsTests {
    /// One small study per kind of task: its name, dataset, loss and task.
    static let studies: [(name: String, dataset: String, loss: String, task: Task)] = [
        ("regression", #"generator: "gaussian", features: 2"#, "mse", .regression),
        ("counts", #"generator: "poisson", features: 2"#, "poisson", .counts),
        ("binary", #"generator: "classes", classes: 2"#, "bce", .classification(classes: 2)),
        ("multiclass", #"generator: "classes", classes: 3"#, "cce", .classification(classes: 3)),
        ("multilabel", #"generator: "multilabel", labels: 3, features: 4"#, "bce", .multilabel(labels: 3)),
    ]

    /// The experiment file of `studies[study]`, with `metrics:` when `metrics` is given.
    static func experiment(_ study: Int, metrics: [Metric]? = nil) -> String {
        let (name, dataset, loss, _) = studies[study]
        let list = metrics.map { ", metrics: [" + $0.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") + "]" } ?? ""
        return #"{ version: 1, name: "\#(name)", dataset: { \#(dataset), train_size: 60, test_size: 40 }, "#
            + #"loss: ["\#(loss)"], training: { epochs: 2, batch_size: 20 }, seeds: 1\#(list) }"#
    }

    /// The metric columns of a trials.csv: every column after `train_seconds`.
    static func metricColumns(_ folder: TemporaryFolder, _ name: String) throws -> [String] {
        let table = CSVTable(text: try folder.read("results/\(name)/trials.csv"))
        let start = try #require(table.header.firstIndex(of: "train_seconds")) + 1
        return Array(table.header[start...])
    }

    @Test(arguments: 0..<studies.count)
    func everyApplicableMetricIsAColumnInRegistryOrder(study: Int) throws {
        let (name, _, _, task) = Self.studies[study]
        let folder = try TemporaryFolder()
        try folder.write(Self.experiment(study), to: "\(name).json5")
        let run = losslab(["run", "\(name).json5", "--no-plots", "--quiet", "--jobs", "1"], in: folder)
        #expect(run.code == .success, "\(run.error)")
        let applicable = Metric.allCases.filter { $0.applies(to: task) }.map(\.rawValue)
        #expect(try Self.metricColumns(folder, name) == applicable, "\(name)")
    }

    @Test(arguments: 0..<studies.count)
    func experimentFilesNameEveryApplicableMetric(study: Int) throws {
        let (name, _, _, task) = Self.studies[study]
        let wanted = Array(Metric.allCases.filter { $0.applies(to: task) }.reversed())
        let folder = try TemporaryFolder()
        try folder.write(Self.experiment(study, metrics: wanted), to: "\(name).json5")
        let run = losslab(["run", "\(name).json5", "--no-plots", "--quiet", "--jobs", "1"], in: folder)
        #expect(run.code == .success, "\(run.error)")
        #expect(try Self.metricColumns(folder, name) == wanted.map(\.rawValue), "\(name)")
    }
}
