/// Cosine similarity, Keras `cosine_similarity` (`cosine`): minus the cosine of the angle between
/// the prediction and target rows, so that minimising it aligns their directions (-1 is perfect
/// alignment, 0 orthogonality, +1 opposition).
///
/// Keras normalises each row by `x * min(1/sqrt(sum_j x_j^2), 1/eps)` (`ops.nn.normalize`,
/// `eps = 1e-7`, so a row of norm below `eps` is scaled by `1/eps` instead of being divided by
/// ~0, and a zero row stays 0). With `a` that factor for `y`, `b` for `p` and `s = sum_j y_j p_j`:
/// `L = -a b s`. Per sample, a sum over the last axis. Where `b` is the reciprocal norm
/// (`sum p^2 > eps^2`), `db/dp_m = -b^3 p_m` and `dL/dp_m = -a b (y_m - s b^2 p_m)`, which is
/// orthogonal to `p` (scaling a prediction does not change the loss); where the clamp holds,
/// `dL/dp_m = -a b y_m`.
///
/// The loss depends only on directions, so on a single output it is `-sign(y) sign(p)`, flat: it is
/// meant for rows of several outputs (here, one-hot classes, an identity output read by its
/// argmax). Integer labels in one column are turned into one-hot rows first
/// (``oneHotTargets(_:classes:)``), a convenience Keras does not offer.
public struct CosineSimilarity: Loss {
    public init() {}
    public var name: String { "cosine_similarity" }

    public func prepareTargets(_ expected: Matrix, predictedColumns: Int) -> Matrix {
        oneHotTargets(expected, classes: predictedColumns)
    }

    /// `min(1/sqrt(sum x^2), 1/eps)` and whether the clamp holds.
    @inline(__always)
    static func inverseNorm(squaredSum: Float) -> (factor: Float, clamped: Bool) {
        let limit = 1 / StableMath.epsilon
        let inverse = 1 / squaredSum.squareRoot()
        return inverse < limit ? (inverse, false) : (limit, true)
    }

    /// `(a, b, s, b clamped)` of one row.
    @inline(__always)
    func terms(predicted: Row, expected: Row) -> (a: Float, b: Float, dot: Float, clamped: Bool) {
        var yy: Float = 0, pp: Float = 0, dot: Float = 0
        for j in 0..<predicted.count {
            yy += expected[j] * expected[j]
            pp += predicted[j] * predicted[j]
            dot += expected[j] * predicted[j]
        }
        let (a, _) = Self.inverseNorm(squaredSum: yy)
        let (b, clamped) = Self.inverseNorm(squaredSum: pp)
        return (a, b, dot, clamped)
    }

    public func value(predicted: Row, expected: Row) -> Float {
        // Keras sums the products of the normalised rows; the sum of (a y_j)(b p_j) is a b s up to
        // rounding.
        let (a, b, _, _) = terms(predicted: predicted, expected: expected)
        var sum: Float = 0
        for j in 0..<predicted.count { sum += (expected[j] * a) * (predicted[j] * b) }
        return -sum
    }

    public func gradient(predicted: Row, expected: Row, into gradient: MutableRow) {
        let (a, b, dot, clamped) = terms(predicted: predicted, expected: expected)
        let radial = clamped ? 0 : dot * b * b
        for j in 0..<predicted.count {
            gradient[j] = -a * b * (expected[j] - radial * predicted[j])
        }
    }
}

extension CosineSimilarity {
    public static let definition = LossDefinition(
        name: "cosine_similarity", alias: "cosine",
        summary: "-cos(p, y) per row; aligns the direction of the outputs with the target's",
        targets: .classes, activation: .identity, encoding: .oneHot) { _ in CosineSimilarity() }
}
