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

extension CategoricalCrossentropy {
    /// From logits, value and gradient share one pass of exponentials: with `m` the row maximum,
    /// `e_j = exp(x_j - m)` and `s = sum_j e_j`, the value is `-sum_j y_j (x_j - m - log s)` and the
    /// gradient `softmax_j sum_k y_k - y_j` with `softmax_j = e_j / s`: the formulas of
    /// ``value(predicted:expected:)`` and ``gradient(predicted:expected:into:)``, with the
    /// exponentials and logarithms of a whole batch taken 8 at a time (``VectorMath``, within 1 ulp
    /// of the scalar functions).
    public func batchValuesAndGradients(predicted: UnsafePointer<Float>, expected: UnsafePointer<Float>, rows: Int,
                                        columns width: Int, rowScale: UnsafePointer<Float>,
                                        values: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>) {
        guard fromLogits else {
            for r in 0..<rows {
                let p = Row(start: predicted + r * width, count: width)
                let y = Row(start: expected + r * width, count: width)
                let g = MutableRow(start: gradient + r * width, count: width)
                values[r] = value(predicted: p, expected: y)
                self.gradient(predicted: p, expected: y, into: g)
                let scale = rowScale[r]
                if scale != 1 { for j in 0..<width { g[j] *= scale } }
            }
            return
        }
        @inline(__always) func rowMaximum(_ x: UnsafePointer<Float>) -> Float {
            var maximum = -Float.infinity
            for j in 0..<width { maximum = max(maximum, x[j]) }
            return maximum
        }
        // 1. x - max into the gradient buffer; 2. its exponentials; 3. each row's sum into values;
        // 4. their logarithms; 5. values and gradients.
        for r in 0..<rows {
            let x = predicted + r * width, g = gradient + r * width
            let maximum = rowMaximum(x)
            for j in 0..<width { g[j] = x[j] - maximum }
        }
        VectorMath.map(count: rows * width, gradient, into: gradient, VectorMath.exp)
        for r in 0..<rows {
            let g = gradient + r * width
            var sum: Float = 0
            for j in 0..<width { sum += g[j] }
            values[r] = sum
        }
        withUnsafeTemporaryAllocation(of: Float.self, capacity: rows) { logs in
            VectorMath.map(count: rows, values, into: logs.baseAddress!, VectorMath.log)
            for r in 0..<rows {
                let x = predicted + r * width, y = expected + r * width, g = gradient + r * width
                let maximum = rowMaximum(x)
                let lse = maximum.isFinite ? maximum + logs[r] : maximum
                var loss: Float = 0
                var targetSum: Float = 0
                for j in 0..<width {
                    let target = y[j]
                    if target != 0 { loss -= target * (x[j] - lse) }
                    targetSum += target
                }
                let inverse = 1 / values[r]
                values[r] = loss
                let scale = rowScale[r]
                for j in 0..<width {
                    let derivative = (g[j] * inverse) * targetSum - y[j]
                    g[j] = scale != 1 ? derivative * scale : derivative
                }
            }
        }
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

extension CategoricalCrossentropy {
    public static let definition = LossDefinition(
        name: "categorical_crossentropy", alias: "cce",
        summary: "-sum_j y_j log p_j; single-label classes (one-hot or integer targets)",
        parameters: [SharedLossParameters.fromLogits, SharedLossParameters.labelSmoothing],
        targets: .classes, activation: .softmax, encoding: .oneHot) { parameters in
        CategoricalCrossentropy(fromLogits: try parameters.bool(SharedLossParameters.fromLogits),
                                labelSmoothing: Float(try parameters.number(SharedLossParameters.labelSmoothing)))
    }
}
