/// The parameters that define a group of trials: everything but the repetition. Trials of one
/// group differ only by seed, and are consecutive in grid order.
public struct GroupKey: Hashable, Sendable {
    public var label: String
    public var series: String
    /// Swept path to value text, for every swept path of the grid ("" where the path does not apply).
    public var values: [String]

    /// The context shared by every loss: the swept values of paths that are not `loss.*`.
    public func context(sweptPaths: [String]) -> [String] {
        zip(sweptPaths, values).filter { !$0.0.hasPrefix("loss.") }.map(\.1)
    }
}

extension TrialResult {
    func groupKey(sweptPaths: [String]) -> GroupKey {
        GroupKey(label: label, series: series, values: sweptPaths.map { swept[$0] ?? "" })
    }

    /// The value of a metric: `nil` when it is undefined for the trial (no fitted coefficients, one
    /// class only...), NaN when the model's outputs made it non-finite.
    func metric(_ name: String) -> Double? {
        metrics[name] ?? nil
    }
}
