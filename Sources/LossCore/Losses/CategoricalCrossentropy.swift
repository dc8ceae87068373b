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
        // 1. each row's maximum, and x - max into the gradient buffer; 2. their exponentials;
        // 3. each row's sum into values; 4. their logarithms; 5. values and gradients. The
        // per-row sums run four rows at a time: four independent chains, each summing its row in
        // column order as one row alone would, so the bits are those of the row-by-row loop.
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * rows) { scratch in
            let maxima = scratch.baseAddress!, logs = maxima + rows
            for r in 0..<rows {
                let x = predicted + r * width, g = gradient + r * width
                var maximum = -Float.infinity
                for j in 0..<width { maximum = max(maximum, x[j]) }
                maxima[r] = maximum
                for j in 0..<width { g[j] = x[j] - maximum }
            }
            VectorMath.map(count: rows * width, gradient, into: gradient, VectorMath.exp)
            var r = 0
            while r + 4 <= rows {
                let g0 = gradient + r * width, g1 = g0 + width, g2 = g1 + width, g3 = g2 + width
                var s0: Float = 0, s1: Float = 0, s2: Float = 0, s3: Float = 0
                for j in 0..<width {
                    s0 += g0[j]; s1 += g1[j]; s2 += g2[j]; s3 += g3[j]
                }
                values[r] = s0; values[r + 1] = s1; values[r + 2] = s2; values[r + 3] = s3
                r += 4
            }
            while r < rows {
                let g = gradient + r * width
                var sum: Float = 0
                for j in 0..<width { sum += g[j] }
                values[r] = sum
                r += 1
            }
            VectorMath.map(count: rows, values, into: logs, VectorMath.log)
            /// Row `row`'s gradient, and its loss into `values`, from its loss and target sum.
            @inline(__always) func finishRow(_ row: Int, loss: Float, targetSum: Float) {
                let y = expected + row * width, g = gradient + row * width
                let inverse = 1 / values[row]
                values[row] = loss
                let scale = rowScale[row]
                for j in 0..<width {
                    let derivative = (g[j] * inverse) * targetSum - y[j]
                    g[j] = scale != 1 ? derivative * scale : derivative
                }
            }
            @inline(__always) func logSumExp(_ row: Int) -> Float {
                maxima[row].isFinite ? maxima[row] + logs[row] : maxima[row]
            }
            @inline(__always) func term(_ loss: inout Float, _ targetSum: inout Float, _ target: Float, _ x: Float,
                                        _ lse: Float) {
                if target != 0 { loss -= target * (x - lse) }
                targetSum += target
            }
            r = 0
            while r + 4 <= rows {
                let lse0 = logSumExp(r), lse1 = logSumExp(r + 1), lse2 = logSumExp(r + 2), lse3 = logSumExp(r + 3)
                let x0 = predicted + r * width, x1 = x0 + width, x2 = x1 + width, x3 = x2 + width
                let y0 = expected + r * width, y1 = y0 + width, y2 = y1 + width, y3 = y2 + width
                var l0: Float = 0, l1: Float = 0, l2: Float = 0, l3: Float = 0
                var t0: Float = 0, t1: Float = 0, t2: Float = 0, t3: Float = 0
                for j in 0..<width {
                    term(&l0, &t0, y0[j], x0[j], lse0)
                    term(&l1, &t1, y1[j], x1[j], lse1)
                    term(&l2, &t2, y2[j], x2[j], lse2)
                    term(&l3, &t3, y3[j], x3[j], lse3)
                }
                finishRow(r, loss: l0, targetSum: t0)
                finishRow(r + 1, loss: l1, targetSum: t1)
                finishRow(r + 2, loss: l2, targetSum: t2)
                finishRow(r + 3, loss: l3, targetSum: t3)
                r += 4
            }
            while r < rows {
                let lse = logSumExp(r), x = predicted + r * width, y = expected + r * width
                var loss: Float = 0, targetSum: Float = 0
                for j in 0..<width { term(&loss, &targetSum, y[j], x[j], lse) }
                finishRow(r, loss: loss, targetSum: targetSum)
                r += 1
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
