#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Categorical crossentropy, Keras `categorical_crossentropy` (`cce`).
///
/// Targets are one-hot rows or, in a single column, integer labels (Keras's
/// `sparse_categorical_crossentropy`), turned into one-hot rows by ``oneHotTargets(_:classes:)``;
/// then smoothed, `y <- y (1 - s) + s / K` for `K` classes. Per sample, a **sum** over classes:
/// - probabilities: `q_j = clip(p_j / sum_k p_k, eps, 1 - eps)` (Keras renormalises each row, then
///   clips), `L = -sum_j y_j log q_j`. With `g_j = -y_j / q_j` where `q_j` is inside the clip range
///   (0 elsewhere) and `r_j = p_j / S`, `S = sum_k p_k`: `dL/dp_m = (g_m - sum_j g_j r_j) / S`.
/// - logits: `L = -sum_j y_j (x_j - logsumexp(x))` (log-softmax, stable for any logits);
///   `dL/dx_j = softmax(x)_j sum_k y_k - y_j`.
///
/// The document's formula is Keras's, for one-hot `y`. Paired with a tanh output, the row sum can be
/// zero or negative and the renormalisation meaningless: that failure is what the
/// `activation-pairing` study shows.
public struct CategoricalCrossentropy: Loss {
    public var fromLogits: Bool
    public var labelSmoothing: Float

    public init(fromLogits: Bool = false, labelSmoothing: Float = 0) {
        self.fromLogits = fromLogits
        self.labelSmoothing = labelSmoothing
    }

    public var name: String { "categorical_crossentropy" }

    public func prepareTargets(_ expected: Matrix, predictedColumns: Int) -> Matrix {
        smoothCategoricalLabels(oneHotTargets(expected, classes: predictedColumns), labelSmoothing)
    }

    public func fused(with activation: Activation) -> (any Loss)? {
        guard activation == .softmax, !fromLogits else { return nil }
        return CategoricalCrossentropy(fromLogits: true, labelSmoothing: labelSmoothing)
    }

    public func value(predicted: Row, expected: Row) -> Float {
        if fromLogits {
            let lse = StableMath.logSumExp(predicted)
            var loss: Float = 0
            for j in 0..<predicted.count where expected[j] != 0 {
                loss -= expected[j] * (predicted[j] - lse)
            }
            return loss
        }
        let sum = rowSum(predicted)
        var loss: Float = 0
        for j in 0..<predicted.count where expected[j] != 0 {
            let q = StableMath.clip(predicted[j] / sum, StableMath.epsilon, 1 - StableMath.epsilon)
            loss -= expected[j] * logf(q)
        }
        return loss
    }

    public func gradient(predicted: Row, expected: Row, into gradient: MutableRow) {
        if fromLogits {
            Activation.softmax(predicted, into: gradient)
            let targetSum = rowSum(expected)
            for j in 0..<predicted.count { gradient[j] = gradient[j] * targetSum - expected[j] }
            return
        }
        let sum = rowSum(predicted)
        var weighted: Float = 0
        for j in 0..<predicted.count {
            let r = predicted[j] / sum
            let inside = r > StableMath.epsilon && r < 1 - StableMath.epsilon
            let g: Float = inside ? -expected[j] / r : 0
            gradient[j] = g
            weighted += g * r
        }
        for j in 0..<predicted.count { gradient[j] = (gradient[j] - weighted) / sum }
    }
}

@inlinable
func rowSum(_ row: Row) -> Float {
    var sum: Float = 0
    for value in row { sum += value }
    return sum
}

/// Integer labels in one column become one-hot rows of width `classes`; rows that are already
/// `classes` wide are returned as they are. A label outside `0..<classes` gives an all-zero row
/// (validation catches such labels before training).
public func oneHotTargets(_ expected: Matrix, classes: Int) -> Matrix {
    guard expected.columns == 1, classes > 1 else { return expected }
    var oneHot = Matrix(rows: expected.rows, columns: classes)
    for r in 0..<expected.rows {
        let label = expected[r, 0]
        if label >= 0, label < Float(classes) {
            oneHot[r, Int(label)] = 1
        }
    }
    return oneHot
}

/// Keras's categorical label smoothing: `y (1 - s) + s / K`.
public func smoothCategoricalLabels(_ expected: Matrix, _ smoothing: Float) -> Matrix {
    guard smoothing != 0 else { return expected }
    let classes = Float(expected.columns)
    return expected.map { $0 * (1 - smoothing) + smoothing / classes }
}
