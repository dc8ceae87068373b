/// The outcome of a trial as the status column records it.
public enum TrialStatus: String, Sendable, Codable, CaseIterable {
    case completed
    case stoppedEarly = "stopped_early"
    /// A loss or parameter became NaN or infinite: the outcome of a bad pairing or learning rate.
    case diverged
    /// Past the per-trial time limit.
    case timeout
    /// The trial raised an error; the message says which.
    case failed
    /// The combination cannot run (it comes from a sweep); the message says why.
    case skipped
}

/// One epoch of a trial's history.
public struct HistoryRow: Sendable, Codable, Equatable {
    public var epoch: Int
    public var trainLoss: Double
    public var testLoss: Double?
    /// Metric values on the test set after the epoch, in the experiment's metric order (`nil` when
    /// a metric does not apply or is undefined).
    public var metrics: [Double?]
}

/// Everything a finished trial leaves behind, stored as one JSON file per trial
/// (`results/<experiment>/trials/<id>.json`), written atomically the moment the trial ends.
public struct TrialResult: Sendable, Codable, Equatable {
    public var id: String
    public var index: Int
    public var label: String
    public var series: String
    public var repetition: Int
    public var seed: UInt64
    /// Swept path to its value as JSON text.
    public var swept: [String: String]
    public var status: TrialStatus
    public var message: String
    public var epochsRun: Int
    public var trainSeconds: Double
    /// Metric name to value on the test set at the end (missing or `nil`: undefined).
    public var metrics: [String: Double?]
    public var history: [HistoryRow]
    /// Names of the metrics in `history` rows.
    public var historyMetrics: [String]
    /// The build that produced the result (version and executable hash).
    public var build: String
    /// The first test samples of the repetition with their inputs, targets and the model's
    /// predictions, kept when a figure draws them (an `images` figure); `nil` otherwise.
    public var samples: SampleRecord? = nil
}

/// A few test samples of a trial as the model saw them: inputs (features, standardised when the
/// study standardises), targets and predictions (output activations), one array per sample.
public struct SampleRecord: Sendable, Codable, Equatable {
    public var inputs: [[Float]]
    public var targets: [[Float]]
    public var predictions: [[Float]]
}
