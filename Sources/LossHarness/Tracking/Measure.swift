import LossCore

/// What a compared column measures, which decides its default tolerance and its test.
public enum MeasureKind: String, Sendable, Hashable, CaseIterable {
    /// A metric of the trained model (`mse`, `accuracy`...): deterministic for a given seed, so
    /// repetitions with the same seed are compared in pairs.
    case quality
    /// A duration in seconds (`train_seconds`, bench `seconds`): noisy and unpaired.
    case timing
    /// A rate (`samples_per_second`, `gflops`): noisy and unpaired, like a timing.
    case throughput
}

/// The direction of change that is better.
public enum Polarity: String, Sendable, Hashable {
    case lowerIsBetter = "lower"
    case higherIsBetter = "higher"
}

/// A column that `compare` knows how to judge: its name as it appears in a CSV header, its kind
/// and its polarity.
///
/// ``named(_:)`` is the one table of polarities:
///
/// | column | kind | better |
/// | --- | --- | --- |
/// | a ``Metric`` id (`mse`, `accuracy`, ...) | quality | as `Metric.higherIsBetter` says |
/// | `train_seconds`, `seconds`, any `*_seconds` | timing | lower |
/// | `gflops`, any `*_per_second` (`samples_per_second`) | throughput | higher |
///
/// Any other column is not a measure: `compare` reports it as not compared.
public struct Measure: Sendable, Hashable {
    public var name: String
    public var kind: MeasureKind
    public var polarity: Polarity

    public init(name: String, kind: MeasureKind, polarity: Polarity) {
        self.name = name
        self.kind = kind
        self.polarity = polarity
    }

    /// The measure a column holds, or `nil` when the column is not one `compare` can judge.
    public static func named(_ column: String) -> Measure? {
        if let metric = Metric(rawValue: column) {
            return Measure(name: column, kind: .quality, polarity: metric.higherIsBetter ? .higherIsBetter : .lowerIsBetter)
        }
        if column == "seconds" || column.hasSuffix("_seconds") {
            return Measure(name: column, kind: .timing, polarity: .lowerIsBetter)
        }
        if column == "gflops" || column.hasSuffix("_per_second") {
            return Measure(name: column, kind: .throughput, polarity: .higherIsBetter)
        }
        return nil
    }

    /// The bench column that holds one timing per repetition (one row per repetition): the sample
    /// whose Mann-Whitney test also judges a bench group's summary timings and throughputs.
    public static let repetitionSeconds = "seconds"

    /// Every name ``named(_:)`` accepts that is not a pattern, for suggestions in messages.
    public static var knownNames: [String] {
        Metric.allCases.map(\.rawValue) + ["train_seconds", "seconds", "min_seconds", "median_seconds", "samples_per_second", "gflops"]
    }

    /// Whether going from `baseline` to `current` (a finite, nonzero change) is an improvement.
    public func isImprovement(change: Double) -> Bool {
        polarity == .lowerIsBetter ? change < 0 : change > 0
    }
}
