// Errors relative to the size of the target, `|p_i - y_i| / |y_i|`, which compare fits across
// targets spanning orders of magnitude (counts from 1 to 10^4, say) where absolute errors are
// dominated by the largest targets.
//
// Samples with `y_i = 0` have no relative error and are left out. Conventions otherwise as for
// the regression errors: equal lengths (a precondition), arithmetic in `Double`, NaN propagates.

/// The relative errors `|p_i - y_i| / |y_i|` of the samples with `y_i != 0`, in sample order.
private func relativeErrors(predicted: [Float], expected: [Float]) -> [Double] {
    precondition(predicted.count == expected.count, "\(predicted.count) predictions for \(expected.count) targets")
    return zip(predicted, expected).compactMap { p, y in
        y == 0 ? nil : abs(Double(p) - Double(y)) / abs(Double(y))
    }
}

/// `median_i |p_i - y_i| / |y_i|` over the samples with `y_i != 0`; `nil` when there are none.
public func medianRelativeError(predicted: [Float], expected: [Float]) -> Double? {
    let errors = relativeErrors(predicted: predicted, expected: expected)
    return errors.isEmpty ? nil : SummaryStatistics.median(errors)
}

/// `mean_i |p_i - y_i| / |y_i|` over the samples with `y_i != 0`; `nil` when there are none.
///
/// Against the true Poisson rates `mu_i` (all positive) this is the `rate_error` metric,
/// `(1/n) sum_i |p_i - mu_i| / mu_i`.
public func meanRelativeError(predicted: [Float], expected: [Float]) -> Double? {
    let errors = relativeErrors(predicted: predicted, expected: expected)
    return errors.isEmpty ? nil : SummaryStatistics.mean(errors)
}

/// The median relative error within each of `bins` groups of samples of increasing target: the
/// data behind a "relative error by target decile" figure (`bins: 10`).
///
/// Samples are sorted by expected value (ties keep sample order) and cut into `bins` contiguous
/// groups of equal count: group `b` holds sorted positions `b n / bins ..< (b + 1) n / bins`
/// (integer division), so sizes differ by at most one when `bins` does not divide `n`. Each entry
/// is ``medianRelativeError(predicted:expected:)`` of its group, or NaN for a group that is empty
/// (`n < bins`) or whose targets are all 0.
public func relativeErrorByQuantile(predicted: [Float], expected: [Float], bins: Int) -> [Double] {
    precondition(predicted.count == expected.count, "\(predicted.count) predictions for \(expected.count) targets")
    precondition(bins > 0, "bins must be positive")
    let order = expected.indices.sorted { expected[$0] < expected[$1] || (expected[$0] == expected[$1] && $0 < $1) }
    let n = order.count
    return (0..<bins).map { bin in
        let group = order[(bin * n / bins)..<((bin + 1) * n / bins)]
        return medianRelativeError(predicted: group.map { predicted[$0] },
                                   expected: group.map { expected[$0] }) ?? .nan
    }
}
