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
    /// exponentials and logarithms taken by ``VectorMath`` (within 1 ulp of the scalar functions).
    ///
    /// The lanes run across rows, not columns: eight rows at a time are transposed into a
    /// column-major block, so that every step over the columns is one vector operation for eight
    /// rows, and each row still sums its columns in increasing order, one chain, as a row alone
    /// would. The bits are those of the plain row-by-row recipe (`BatchLossTests` checks them), and
    /// a short last block is padded with zeros whose results are dropped.
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
        typealias Lanes = VectorMath.Lanes
        let lanes = Lanes.scalarCount
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 3 * width * lanes) { scratch in
            // Column j of the block is `lanes` floats at `block + j * lanes`, one per row.
            let xs = scratch.baseAddress!, ys = xs + width * lanes, es = ys + width * lanes
            var r0 = 0
            while r0 < rows {
                let count = min(lanes, rows - r0)
                transpose(rows: count, columns: width, from: predicted + r0 * width, into: xs)
                transpose(rows: count, columns: width, from: expected + r0 * width, into: ys)
                // The maximum as Swift's max(m, x) takes it: x when x >= m.
                var maximum = Lanes(repeating: -.infinity)
                for j in 0..<width {
                    let x = VectorMath.load(xs + j * lanes)
                    maximum.replace(with: x, where: x .>= maximum)
                }
                var sum = Lanes()
                for j in 0..<width {
                    let e = VectorMath.exp(VectorMath.load(xs + j * lanes) - maximum)
                    VectorMath.store(e, es + j * lanes)
                    sum += e
                }
                let finite = (maximum .> -Float.infinity) .& (maximum .< Float.infinity)
                let logSumExp = (maximum + VectorMath.log(sum)).replacing(with: maximum, where: .!finite)
                var loss = Lanes(), targetSum = Lanes()
                for j in 0..<width {
                    let y = VectorMath.load(ys + j * lanes), x = VectorMath.load(xs + j * lanes)
                    loss.replace(with: loss - y * (x - logSumExp), where: y .!= 0)
                    targetSum += y
                }
                let inverse = 1 / sum
                var scale = Lanes(repeating: 1)
                for l in 0..<count { scale[l] = rowScale[r0 + l] }
                let scaled = scale .!= 1
                for j in 0..<width {
                    let derivative = (VectorMath.load(es + j * lanes) * inverse) * targetSum - VectorMath.load(ys + j * lanes)
                    VectorMath.store(derivative.replacing(with: derivative * scale, where: scaled), es + j * lanes)
                }
                for l in 0..<count { values[r0 + l] = loss[l] }
                untranspose(rows: count, columns: width, from: es, into: gradient + r0 * width)
                r0 += count
            }
        }
    }

    /// Copies `rows` (at most a vector's lanes) row-major rows of `columns` floats into a
    /// column-major block of `columns` vectors, zero below the last row. A full block builds each
    /// vector from its eight floats (a loop over the rows would be vectorised into scatters, which
    /// are slow).
    @inline(__always)
    private func transpose(rows: Int, columns: Int, from source: UnsafePointer<Float>,
                           into block: UnsafeMutablePointer<Float>) {
        typealias Lanes = VectorMath.Lanes
        let lanes = Lanes.scalarCount
        if rows == lanes {
            let s0 = source, s1 = s0 + columns, s2 = s1 + columns, s3 = s2 + columns
            let s4 = s3 + columns, s5 = s4 + columns, s6 = s5 + columns, s7 = s6 + columns
            for j in 0..<columns {
                VectorMath.store(Lanes(s0[j], s1[j], s2[j], s3[j], s4[j], s5[j], s6[j], s7[j]), block + j * lanes)
            }
            return
        }
        for j in 0..<columns {
            var column = Lanes()
            for l in 0..<rows { column[l] = source[l * columns + j] }
            VectorMath.store(column, block + j * lanes)
        }
    }

    /// The inverse of ``transpose(rows:columns:from:into:)``: the first `rows` lanes of the block's
    /// vectors back into row-major rows.
    @inline(__always)
    private func untranspose(rows: Int, columns: Int, from block: UnsafePointer<Float>,
                             into destination: UnsafeMutablePointer<Float>) {
        let lanes = VectorMath.Lanes.scalarCount
        if rows == lanes {
            let d0 = destination, d1 = d0 + columns, d2 = d1 + columns, d3 = d2 + columns
            let d4 = d3 + columns, d5 = d4 + columns, d6 = d5 + columns, d7 = d6 + columns
            for j in 0..<columns {
                let v = VectorMath.load(block + j * lanes)
                d0[j] = v[0]; d1[j] = v[1]; d2[j] = v[2]; d3[j] = v[3]
                d4[j] = v[4]; d5[j] = v[5]; d6[j] = v[6]; d7[j] = v[7]
            }
            return
        }
        for j in 0..<columns {
            let v = VectorMath.load(block + j * lanes)
            for l in 0..<rows { destination[l * columns + j] = v[l] }
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
