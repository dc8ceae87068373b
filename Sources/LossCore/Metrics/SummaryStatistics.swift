/// The few summaries that the metrics share, written once so that every metric treats empty input
/// and NaN the same way.
///
/// Conventions: sums are accumulated in `Double`; no values gives NaN (the mean of nothing is 0/0);
/// a NaN among the values gives NaN, so that a diverged model is never reported as a number.
public enum SummaryStatistics {
    /// `(1/n) sum_i x_i`; NaN for no values.
    static func mean(_ values: some Collection<Double>) -> Double {
        var sum = 0.0
        for value in values { sum += value }
        return sum / Double(values.count)
    }

    /// The middle of the sorted values; for an even count, the mean of the two middle ones (as
    /// `numpy.median`). NaN for no values and when any value is NaN, which has no place in an order.
    public static func median(_ values: [Double]) -> Double {
        if values.isEmpty || values.contains(where: \.isNaN) { return .nan }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[middle] }
        return (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// `x` clamped to `[lower, upper]`. NaN stays NaN: `Swift.max` and `Swift.min` would return
    /// either operand depending on argument order.
    static func clamp(_ x: Double, lower: Double, upper: Double) -> Double {
        x.isNaN ? x : Swift.min(Swift.max(x, lower), upper)
    }
}
