/// A metric LossLab reports: its short id (the raw value, used in experiment files, CSV headers
/// and stored trials), one line for `losslab list`, its polarity, the tasks it applies to, and how
/// its value is computed.
///
/// Metrics are values, not cases: each one is defined once, in its own file under `Registry/`
/// (`Metric+MeanSquaredError.swift` defines ``meanSquaredError``), and listed once, in
/// ``allCases`` (`Metric+Registry.swift`). Everything that lists, parses, orders or judges metrics
/// iterates that list: `losslab list metrics`, the `metrics:` field of experiment files, the CSV
/// columns (in registry order) and `compare`'s polarity. `docs/extending.md` says how to add one.
///
/// Two metrics are equal when their ids are; ids are unique (a test checks it). A metric is encoded
/// as its id string and decoded by looking the id up in the registry, so an unknown id is a
/// decoding error.
///
/// Values are computed by ``evaluate(_:_:)`` in `Double` from the `Float` outputs, from the views
/// of the inputs that every metric shares (predictions, targets, class probabilities, labels...);
/// the formulas, conventions and references are on the numerical functions each definition calls.
public struct Metric: Sendable, Hashable, CaseIterable, RawRepresentable, Codable, CustomStringConvertible {
    /// The id: `"mse"`, `"accuracy"`...
    public let rawValue: String
    /// One line for `losslab list`.
    public let summary: String
    /// Whether a larger value is a better model (accuracy, R^2...) rather than a smaller one
    /// (errors, losses, deviance).
    public let higherIsBetter: Bool
    /// The tasks the metric means something for.
    public let tasks: MetricTasks
    /// Whether the value is read from the model's outputs, and so is NaN when an output is NaN or
    /// infinite (``evaluate(_:_:)``); `false` for a metric of the fitted parameters alone.
    let readsOutputs: Bool
    /// The value on one evaluation, `nil` when it cannot be computed; called only for a task in
    /// ``tasks`` and at least one sample.
    let value: @Sendable (MetricEvaluation) -> Double?

    /// A metric for the registry; `value` reads the shared views of ``MetricEvaluation``.
    init(id: String, summary: String, higherIsBetter: Bool, tasks: MetricTasks, readsOutputs: Bool = true,
         value: @escaping @Sendable (MetricEvaluation) -> Double?) {
        rawValue = id
        self.summary = summary
        self.higherIsBetter = higherIsBetter
        self.tasks = tasks
        self.readsOutputs = readsOutputs
        self.value = value
    }

    /// The registered metric whose id is `rawValue`, or `nil` when there is none.
    public init?(rawValue: String) {
        guard let metric = Metric.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = metric
    }

    /// Whether the metric means something for `task` (``tasks``). A metric that applies may still
    /// have no value for a given evaluation (no ground truth, one class only...).
    public func applies(to task: Task) -> Bool {
        tasks.contains(task)
    }

    /// The id.
    public var description: String { rawValue }

    public static func == (lhs: Metric, rhs: Metric) -> Bool {
        lhs.rawValue == rhs.rawValue
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rawValue)
    }
}
