/// Categorical hinge, Keras `categorical_hinge`: the multi-class margin loss of Crammer and Singer
/// (2001) on one-hot targets.
///
/// Per sample, with `pos = sum_j y_j p_j` (the score of the true class) and
/// `neg = max_j (1 - y_j) p_j` (the best other score; the true class's entry counts as 0):
/// `L = max(neg - pos + 1, 0)`. Where the margin is violated (`neg - pos + 1 > 0`),
/// `dL/dp_m = (1 - y_m) [m = argmax] - y_m`, with the first index taken on a tie for the maximum
/// (JAX splits a tie evenly; any split is a subgradient); 0 elsewhere, and 0 at the kink
/// `neg - pos + 1 = 0` (as ``Hinge``).
///
/// Scores are unbounded, so the natural pairing is an identity output (a margin of 1 between the
/// true score and the others gives 0). Targets in {0, 1} are used as they are: Keras does not
/// convert them to -1/+1 here, unlike ``Hinge``. Integer labels in one column are turned into
/// one-hot rows first (``oneHotTargets(_:classes:)``), a convenience Keras does not offer.
public struct CategoricalHinge: Loss {
    public init() {}
    public var name: String { "categorical_hinge" }

    public func prepareTargets(_ expected: Matrix, predictedColumns: Int) -> Matrix {
        oneHotTargets(expected, classes: predictedColumns)
    }

    /// `(pos, neg, argmax of (1 - y_j) p_j)` of one row.
    @inline(__always)
    func margins(predicted: Row, expected: Row) -> (positive: Float, negative: Float, best: Int) {
        var positive: Float = 0
        var negative = -Float.infinity
        var best = 0
        for j in 0..<predicted.count {
            positive += expected[j] * predicted[j]
            let other = (1 - expected[j]) * predicted[j]
            if other > negative || other.isNaN {
                negative = other
                best = j
            }
        }
        return (positive, negative, best)
    }

    public func value(predicted: Row, expected: Row) -> Float {
        let (positive, negative, _) = margins(predicted: predicted, expected: expected)
        return max(negative - positive + 1, 0)
    }

    public func gradient(predicted: Row, expected: Row, into gradient: MutableRow) {
        let (positive, negative, best) = margins(predicted: predicted, expected: expected)
        let violated = negative - positive + 1 > 0
        for j in 0..<predicted.count {
            gradient[j] = violated ? (j == best ? 1 - expected[j] : 0) - expected[j] : 0
        }
    }
}

extension CategoricalHinge {
    public static let definition = LossDefinition(
        name: "categorical_hinge", alias: "categorical_hinge",
        summary: "max(max_{j != c} p_j - p_c + 1, 0); multi-class margin on one-hot targets (Crammer-Singer)",
        targets: .classes, activation: .identity, encoding: .oneHot, curveAxis: .margin) { _ in CategoricalHinge() }
}
