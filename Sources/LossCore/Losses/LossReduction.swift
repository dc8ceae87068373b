/// How per-sample losses become the number that is reported and minimised. This is the only place
/// where reductions and weights are applied: training (``Objective``, each batch), evaluation
/// (``Trainer/meanLoss(network:objective:data:chunkSize:)``, the test loss) and `losslab loss` all
/// call it. Losses themselves are per-sample and unweighted.
///
/// With per-sample values `l_i`, weights `w_i` (1 when none are given) and `N` samples:
/// - `mean`: `sum_i w_i l_i / N`, Keras 3's default `"sum_over_batch_size"`. The divisor is the number
///   of samples, not the sum of the weights (Keras 3's `reduce_weighted_values`), so weights of 0.5
///   halve the loss.
/// - `sum`: `sum_i w_i l_i`.
/// - `none`: the vector `w_i l_i`.
///
/// The gradient of the reduced loss with respect to sample `i`'s prediction is the per-sample
/// gradient times ``rowScales(weights:count:)``: `w_i / N` for `mean`, `w_i` otherwise.
public enum LossReduction: String, Sendable, CaseIterable, Codable {
    case mean
    case sum
    case none

    /// The weighted per-sample values `w_i l_i`.
    public func weighted(_ values: [Float], weights: [Float]?) -> [Float] {
        guard let weights else { return values }
        precondition(weights.count == values.count, "\(weights.count) weights for \(values.count) samples")
        return zip(values, weights).map { $0 * $1 }
    }

    /// Reduces per-sample values to one number (for `none`, the mean is returned as the scalar
    /// summary; use ``weighted(_:weights:)`` for the vector). Sums are accumulated in `Double`.
    public func reduce(_ values: [Float], weights: [Float]? = nil) -> Float {
        precondition(weights == nil || weights!.count == values.count, "\(weights!.count) weights for \(values.count) samples")
        var total = 0.0
        values.withUnsafeBufferPointer { v in
            guard let base = v.baseAddress else { return }
            if let weights {
                weights.withUnsafeBufferPointer { Self.accumulate(values: base, rows: values.count, weights: $0.baseAddress, into: &total) }
            } else {
                Self.accumulate(values: base, rows: values.count, weights: nil, into: &total)
            }
        }
        return finish(total, count: values.count)
    }

    /// Adds `sum_i w_i l_i` over `rows` per-sample values to `total`, in order, in `Double`
    /// (`weights` `nil`: all ones). Callers that see a dataset in chunks accumulate chunk by chunk
    /// and call ``finish(_:count:)`` once.
    @inline(__always)
    public static func accumulate(values: UnsafePointer<Float>, rows: Int, weights: UnsafePointer<Float>?, into total: inout Double) {
        if let weights {
            for r in 0..<rows { total += Double(values[r]) * Double(weights[r]) }
        } else {
            for r in 0..<rows { total += Double(values[r]) }
        }
    }

    /// The reduced value of a weighted sum over `count` samples: the sum itself, or divided by the
    /// number of samples (0 for none).
    public func finish(_ total: Double, count: Int) -> Float {
        switch self {
        case .sum: Float(total)
        case .mean, .none: count == 0 ? 0 : Float(total / Double(count))
        }
    }

    /// The factor by which each sample's gradient is multiplied: `d reduced / d l_i`.
    public func rowScales(weights: [Float]?, count: Int) -> [Float] {
        var scales = [Float](repeating: 0, count: count)
        scales.withUnsafeMutableBufferPointer { out in
            guard let base = out.baseAddress else { return }
            if let weights {
                precondition(weights.count == count)
                weights.withUnsafeBufferPointer { rowScales(rows: count, weights: $0.baseAddress, into: base) }
            } else {
                rowScales(rows: count, weights: nil, into: base)
            }
        }
        return scales
    }

    /// ``rowScales(weights:count:)`` into a buffer, allocating nothing (the trainer's path).
    @inline(__always)
    public func rowScales(rows: Int, weights: UnsafePointer<Float>?, into scales: UnsafeMutablePointer<Float>) {
        let divisor: Float = self == .sum ? 1 : Float(max(rows, 1))
        if let weights {
            for r in 0..<rows { scales[r] = weights[r] / divisor }
        } else {
            scales.update(repeating: 1 / divisor, count: rows)
        }
    }
}

/// Class weights turned into per-sample weights, as Keras's `fit(class_weight=...)` does: sample
/// `i` gets `classWeights[c_i]`, where `c_i` is its class read from the target row: the index of the
/// largest entry of a one-hot row, an integer label in a single column when there are several
/// classes, or for a single binary column, class 1 when the target is at least 0.5, which covers
/// both {0, 1} and {-1, +1} labels) and class 0 otherwise.
public func sampleWeights(classWeights: [Float], expected: Matrix, predictedColumns: Int) -> [Float] {
    (0..<expected.rows).map { r in
        let c = classIndex(expectedRow: expected.row(r), predictedColumns: predictedColumns)
        return c < classWeights.count ? classWeights[c] : 1
    }
}

/// The class a target row stands for; see ``sampleWeights(classWeights:expected:predictedColumns:)``.
public func classIndex(expectedRow: [Float], predictedColumns: Int) -> Int {
    if expectedRow.count == 1 {
        let y = expectedRow[0]
        if predictedColumns > 1 { return max(0, Int(y.rounded())) }
        return y >= 0.5 ? 1 : 0
    }
    var best = 0
    for j in 1..<expectedRow.count where expectedRow[j] > expectedRow[best] { best = j }
    return best
}
