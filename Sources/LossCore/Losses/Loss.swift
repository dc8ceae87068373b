/// One row of a batch: the predictions or targets of one sample.
public typealias Row = UnsafeBufferPointer<Float>
/// A writable row, for gradients.
public typealias MutableRow = UnsafeMutableBufferPointer<Float>

/// A loss function with Keras 3's semantics: it maps one sample's prediction and target rows to one
/// per-sample value, and gives the analytic gradient of that value with respect to the prediction.
///
/// Losses are pure: they know nothing of batches, reductions or weights, which live in exactly one
/// place, ``LossReduction``. Arguments are labelled `predicted` and `expected` so that Keras's
/// `(y_true, y_pred)` and optax's `(predictions, targets)` orders cannot be confused.
///
/// Conventions shared by every loss (Keras 3, `keras/src/losses/losses.py`):
/// - Element-wise losses (MSE, MAE, BCE, ...) take the **mean over the last axis**, so a sample with
///   `k` outputs contributes `(1/k) * sum_j e(p_j, y_j)`; the document often writes a sum instead.
/// - Categorical losses (CCE, focal) **sum over classes**.
/// - Target preparation that Keras does on the whole batch before the per-sample formula (label
///   smoothing, hinge labels in {0, 1} turned into {-1, +1}, integer labels turned into one-hot)
///   happens in ``prepareTargets(_:predictedColumns:)``, once per batch.
public protocol Loss: Sendable {
    /// The Keras name, such as `binary_crossentropy`.
    var name: String { get }

    /// The loss of one sample. `predicted` and `expected` have the same count (after
    /// ``prepareTargets(_:predictedColumns:)``).
    func value(predicted: Row, expected: Row) -> Float

    /// Writes `d value / d predicted` for one sample into `gradient` (same count as `predicted`).
    func gradient(predicted: Row, expected: Row, into gradient: MutableRow)

    /// Turns a batch of targets into the form the per-sample formula expects. The default returns
    /// the targets unchanged.
    func prepareTargets(_ expected: Matrix, predictedColumns: Int) -> Matrix

    /// The same loss taking logits instead of the activation's output, when this loss has a fused,
    /// numerically stable form for `activation` (sigmoid with BCE, softmax with CCE...); otherwise
    /// `nil`. Training then applies the loss to the pre-activation and skips the activation's
    /// backward pass, as Keras does when an output carries its logits.
    func fused(with activation: Activation) -> (any Loss)?

    /// The values and scaled gradients of a batch whose targets are already prepared, on raw
    /// row-major buffers of `rows x columns`, allocating nothing (the trainer's path):
    /// `values[r]` is ``value(predicted:expected:)`` of row `r` and gradient row `r` is
    /// `rowScale[r]` times ``gradient(predicted:expected:into:)`` of that row. The default calls those
    /// two row by row; a loss overrides it only to share work between value and gradient or to take
    /// its exponentials and logarithms 8 at a time (``VectorMath``), giving the same numbers up to
    /// the last bit or two.
    func batchValuesAndGradients(predicted: UnsafePointer<Float>, expected: UnsafePointer<Float>, rows: Int, columns: Int,
                                 rowScale: UnsafePointer<Float>, values: UnsafeMutablePointer<Float>,
                                 gradient: UnsafeMutablePointer<Float>)
}

extension Loss {
    public func prepareTargets(_ expected: Matrix, predictedColumns: Int) -> Matrix { expected }
    public func fused(with activation: Activation) -> (any Loss)? { nil }

    public func batchValuesAndGradients(predicted: UnsafePointer<Float>, expected: UnsafePointer<Float>, rows: Int,
                                        columns width: Int, rowScale: UnsafePointer<Float>,
                                        values: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>) {
        for r in 0..<rows {
            let p = Row(start: predicted + r * width, count: width)
            let y = Row(start: expected + r * width, count: width)
            let g = MutableRow(start: gradient + r * width, count: width)
            values[r] = value(predicted: p, expected: y)
            self.gradient(predicted: p, expected: y, into: g)
            let scale = rowScale[r]
            if scale != 1 {
                for j in 0..<width { g[j] *= scale }
            }
        }
    }

    /// Per-sample values of a batch (Keras's `reduction=None`), targets prepared first.
    public func values(predicted: Matrix, expected: Matrix) -> [Float] {
        let prepared = prepareTargets(expected, predictedColumns: predicted.columns)
        return preparedValues(predicted: predicted, expected: prepared)
    }

    /// Per-sample values of a batch whose targets are already prepared.
    public func preparedValues(predicted: Matrix, expected: Matrix) -> [Float] {
        checkShapes(predicted, expected)
        let width = predicted.columns
        return predicted.storage.withUnsafeBufferPointer { p in
            expected.storage.withUnsafeBufferPointer { y in
                (0..<predicted.rows).map { r in
                    value(predicted: Row(rebasing: p[(r * width)..<((r + 1) * width)]),
                          expected: Row(rebasing: y[(r * width)..<((r + 1) * width)]))
                }
            }
        }
    }

    /// Per-sample gradients of a batch whose targets are already prepared, each row scaled by
    /// `rowScale[r]` (the reduction's weight for that sample), written into `gradient`.
    public func preparedGradients(predicted: Matrix, expected: Matrix, rowScale: [Float], into gradient: inout Matrix) {
        checkShapes(predicted, expected)
        precondition(rowScale.count == predicted.rows)
        gradient.reshape(rows: predicted.rows, columns: predicted.columns)
        let width = predicted.columns
        predicted.storage.withUnsafeBufferPointer { p in
            expected.storage.withUnsafeBufferPointer { y in
                gradient.storage.withUnsafeMutableBufferPointer { g in
                    for r in 0..<predicted.rows {
                        let range = (r * width)..<((r + 1) * width)
                        let row = MutableRow(rebasing: g[range])
                        self.gradient(predicted: Row(rebasing: p[range]), expected: Row(rebasing: y[range]), into: row)
                        let scale = rowScale[r]
                        if scale != 1 {
                            for j in 0..<width { row[j] *= scale }
                        }
                    }
                }
            }
        }
    }

    private func checkShapes(_ predicted: Matrix, _ expected: Matrix) {
        precondition(predicted.rows == expected.rows && predicted.columns == expected.columns,
                     "\(name): predicted \(predicted.rows)x\(predicted.columns) vs expected \(expected.rows)x\(expected.columns)")
    }
}

/// A loss that is the mean over the last axis of an element-wise term `e(p, y)`: per sample,
/// `value = (1/k) sum_j e(p_j, y_j)` and `d value / d p_j = e'(p_j, y_j) / k`.
public protocol ElementwiseLoss: Loss {
    /// The element term `e(p, y)`.
    func elementValue(predicted p: Float, expected y: Float) -> Float
    /// Its derivative `de/dp`.
    func elementDerivative(predicted p: Float, expected y: Float) -> Float
}

extension ElementwiseLoss {
    @inlinable
    public func value(predicted: Row, expected: Row) -> Float {
        var sum: Float = 0
        for j in 0..<predicted.count {
            sum += elementValue(predicted: predicted[j], expected: expected[j])
        }
        return sum / Float(predicted.count)
    }

    @inlinable
    public func gradient(predicted: Row, expected: Row, into gradient: MutableRow) {
        let inverseCount = 1 / Float(predicted.count)
        for j in 0..<predicted.count {
            gradient[j] = elementDerivative(predicted: predicted[j], expected: expected[j]) * inverseCount
        }
    }

    public func batchValuesAndGradients(predicted: UnsafePointer<Float>, expected: UnsafePointer<Float>, rows: Int,
                                        columns: Int, rowScale: UnsafePointer<Float>,
                                        values: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>) {
        elementwiseBatchValuesAndGradients(predicted: predicted, expected: expected, rows: rows, columns: columns,
                                           rowScale: rowScale, values: values, gradient: gradient)
    }

    /// ``Loss/batchValuesAndGradients(predicted:expected:rows:columns:rowScale:values:gradient:)`` with
    /// the element terms called directly (no dynamic call per row); the same numbers as
    /// ``value(predicted:expected:)`` and ``gradient(predicted:expected:into:)``.
    @inlinable
    public func elementwiseBatchValuesAndGradients(predicted: UnsafePointer<Float>, expected: UnsafePointer<Float>,
                                                   rows: Int, columns width: Int, rowScale: UnsafePointer<Float>,
                                                   values: UnsafeMutablePointer<Float>,
                                                   gradient: UnsafeMutablePointer<Float>) {
        let inverseCount = 1 / Float(width)
        for r in 0..<rows {
            let base = r * width
            var sum: Float = 0
            let scale = rowScale[r]
            for j in 0..<width {
                let p = predicted[base + j], y = expected[base + j]
                sum += elementValue(predicted: p, expected: y)
                let g = elementDerivative(predicted: p, expected: y) * inverseCount
                gradient[base + j] = scale != 1 ? g * scale : g
            }
            values[r] = sum / Float(width)
        }
    }
}

/// The last step of the vectorised element-wise batch paths (BCE from logits, Poisson): given the
/// element terms `e_ij` in `elementValues` and the element derivatives in `gradient`, writes the
/// per-sample means `values[r] = (1/k) sum_j e_rj` and turns `gradient` into the reduction-scaled
/// row gradients `rowScale[r] * e'_rj / k`, in the same order of operations as
/// ``ElementwiseLoss/elementwiseBatchValuesAndGradients(predicted:expected:rows:columns:rowScale:values:gradient:)``.
@inline(__always)
func reduceElementRows(elementValues: UnsafePointer<Float>, rows: Int, columns width: Int, rowScale: UnsafePointer<Float>,
                       values: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>) {
    let inverseCount = 1 / Float(width)
    for r in 0..<rows {
        let base = r * width
        let scale = rowScale[r]
        var sum: Float = 0
        for j in 0..<width {
            sum += elementValues[base + j]
            let g = gradient[base + j] * inverseCount
            gradient[base + j] = scale != 1 ? g * scale : g
        }
        values[r] = sum / Float(width)
    }
}
