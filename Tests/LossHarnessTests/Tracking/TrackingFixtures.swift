import Foundation
@testable import LossHarness
import LossLabTestSupport

/// Small result files written to temporary folders, for the tracking tests.
enum TrackingFixtures {
    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder(_ label: String = #function) throws -> String {
        try TemporaryFolder.make("losslab-tracking-" + label)
    }

    static func write(_ text: String, to path: String) throws {
        try writeFile(text, to: path)
    }

    /// Whether `a` and `b` agree to a relative `1e-12` (or are equal).
    static func close(_ a: Double?, _ b: Double, relative: Double = 1e-12) -> Bool {
        guard let a else { return false }
        return a == b || abs(a - b) <= relative * max(abs(a), abs(b))
    }
}

/// A trials.csv in the format `ResultsAssembler` writes, built row by row: swept path
/// `dataset.noise`, seed `1000 + repetition`.
struct TrialsFixture {
    var metrics: [String]
    private(set) var rows: [[String]] = []

    init(metrics: [String] = ["mse", "accuracy"]) {
        self.metrics = metrics
    }

    /// One row per value list in `perSeed` (repetitions 0, 1, ...); `seconds` per repetition
    /// (default 1 s each).
    mutating func add(loss: String, noise: String = "0.1", perSeed: [[Double?]], seconds: [Double]? = nil,
                      status: [String]? = nil, seedOffset: Int = 1000) {
        for (repetition, values) in perSeed.enumerated() {
            precondition(values.count == metrics.count, "one value per metric")
            let id = String(format: "%016x", rows.count)
            rows.append([id, loss, loss, noise, String(repetition), String(seedOffset + repetition),
                         status?[repetition] ?? "completed", "", "3", String(seconds?[repetition] ?? 1.0)]
                        + values.map { CSV.number($0) })
        }
    }

    /// Adds a group whose one metric (the first) takes `values` over the seeds; the other metrics
    /// are 0.5.
    mutating func add(loss: String, noise: String = "0.1", first values: [Double], seconds: [Double]? = nil) {
        add(loss: loss, noise: noise, perSeed: values.map { [$0] + Array(repeating: 0.5, count: metrics.count - 1) }, seconds: seconds)
    }

    var text: String {
        var text = CSV.row(["trial_id", "loss", "series", "dataset.noise", "repetition", "seed", "status", "message",
                            "epochs_run", "train_seconds"] + metrics)
        for row in rows { text += CSV.row(row) }
        return text
    }

    /// Writes `<folder>/trials.csv` and returns the folder.
    @discardableResult
    func write(experimentFolder folder: String) throws -> String {
        try TrackingFixtures.write(text, to: folder + "/trials.csv")
        return folder
    }
}
