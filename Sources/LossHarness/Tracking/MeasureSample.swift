/// One repetition's value of a measure in one group.
public struct Observation: Sendable, Hashable {
    /// What pairs it with the same repetition on the other side: `repetition/seed` for trials, so
    /// that only runs on the same seed are paired; `nil` when repetitions cannot be paired (bench).
    public var pairingKey: String?
    /// The value; NaN or ±∞ for a trial that diverged, failed or timed out.
    public var value: Double

    public init(pairingKey: String?, value: Double) {
        self.pairingKey = pairingKey
        self.value = value
    }
}

/// The values one group took for one measure, one per repetition, in file order.
///
/// Non-finite values are counted apart (``nonFiniteCount``); ``summary`` describes the finite ones
/// (its `mean` is the value `compare` reports: the mean over seeds).
public struct MeasureSample: Sendable, Hashable {
    public let observations: [Observation]
    public let finiteValues: [Double]
    public let nonFiniteCount: Int
    public let summary: SampleSummary

    public init(_ observations: [Observation]) {
        self.observations = observations
        finiteValues = observations.map(\.value).filter(\.isFinite)
        nonFiniteCount = observations.count - finiteValues.count
        summary = SampleSummary(finiteValues)
    }

    /// The finite values of the repetitions both samples share (same pairing key), in this
    /// sample's order: `(baseline, current)` with `self` as the baseline.
    public func pairedValues(with current: MeasureSample) -> (baseline: [Double], current: [Double]) {
        var currentByKey: [String: Double] = [:]
        for observation in current.observations {
            if let key = observation.pairingKey, currentByKey[key] == nil { currentByKey[key] = observation.value }
        }
        var seen: Set<String> = []
        var baselineValues: [Double] = [], currentValues: [Double] = []
        for observation in observations {
            guard let key = observation.pairingKey, !seen.contains(key), let other = currentByKey[key] else { continue }
            seen.insert(key)
            if observation.value.isFinite && other.isFinite {
                baselineValues.append(observation.value)
                currentValues.append(other)
            }
        }
        return (baselineValues, currentValues)
    }
}
