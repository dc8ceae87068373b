/// A fully connected layer, `Z = X W + b`, with its backward rule beside its forward rule.
///
/// Shapes: `X` is `n x i` (a batch of `n` samples), `W` is `i x o`, `b` is `1 x o`, `Z` is `n x o`.
/// Backward, given `dZ = dL/dZ`: `dW = X^T dZ`, `db = sum over rows of dZ`, `dX = dZ W^T`.
///
/// The raw forms work on row-major buffers (`x` has `n` rows of `i` values and so on) and are what
/// the trainer calls; the ``Matrix`` forms wrap them.
public enum DenseLayer {
    /// `Z = X W + b` (or `max(X W + b, 0)` when `relu`), the bias added in the product's epilogue.
    public static func forward(rows n: Int, inputs i: Int, outputs o: Int, x: UnsafePointer<Float>,
                               weights w: UnsafePointer<Float>, bias b: UnsafePointer<Float>,
                               into z: UnsafeMutablePointer<Float>, relu: Bool = false) {
        MatrixMultiply.multiply(m: n, n: o, k: i, a: x, aRowStride: i, aColumnStride: 1,
                                b: w, bRowStride: o, bColumnStride: 1, c: z, ldc: o,
                                epilogue: relu ? .biasRelu(b) : .bias(b))
    }

    /// `dW = X^T dZ` and `db = column sums of dZ` (each sum in row order).
    public static func parameterGradients(rows n: Int, inputs i: Int, outputs o: Int, x: UnsafePointer<Float>,
                                          gradOutput dz: UnsafePointer<Float>,
                                          weights dw: UnsafeMutablePointer<Float>, bias db: UnsafeMutablePointer<Float>) {
        MatrixMultiply.multiply(m: i, n: o, k: n, a: x, aRowStride: 1, aColumnStride: i,
                                b: dz, bRowStride: o, bColumnStride: 1, c: dw, ldc: o)
        // Column sums a vector of columns at a time in registers (16 with AVX-512, then 8), each
        // summed in row order as the scalar loop for the last columns: the same bits at any width.
        var j = 0
        while j + VectorMath.WideLanes.scalarCount <= o {
            var sum = VectorMath.WideLanes()
            for r in 0..<n { sum += VectorMath.loadWide(dz + r * o + j) }
            VectorMath.storeWide(sum, db + j)
            j += VectorMath.WideLanes.scalarCount
        }
        while j + 8 <= o {
            var sum = VectorMath.Lanes()
            for r in 0..<n { sum += VectorMath.load(dz + r * o + j) }
            VectorMath.store(sum, db + j)
            j += 8
        }
        while j < o {
            var sum: Float = 0
            for r in 0..<n { sum += dz[r * o + j] }
            db[j] = sum
            j += 1
        }
    }

    /// `dX = dZ W^T`, or `dX = (dZ W^T) * [mask > 0]` when `reluOutput` (the layer's input was the
    /// output of a ReLU, `mask`, laid out like `dX`): the product and the ReLU's backward rule fused.
    public static func inputGradient(rows n: Int, inputs i: Int, outputs o: Int, gradOutput dz: UnsafePointer<Float>,
                                     weights w: UnsafePointer<Float>, into dx: UnsafeMutablePointer<Float>,
                                     reluOutput mask: UnsafePointer<Float>? = nil) {
        MatrixMultiply.multiply(m: n, n: i, k: o, a: dz, aRowStride: o, aColumnStride: 1,
                                b: w, bRowStride: 1, bColumnStride: o, c: dx, ldc: i,
                                epilogue: mask.map { .positiveMask($0, ldm: i) } ?? .none)
    }

    /// `Z = X W + b`, written into `z`.
    public static func forward(input x: Matrix, weights w: Matrix, bias b: Matrix, into z: inout Matrix) {
        precondition(x.columns == w.rows && b.count == w.columns)
        z.reshape(rows: x.rows, columns: w.columns)
        guard x.rows > 0, w.columns > 0 else { return }
        x.storage.withUnsafeBufferPointer { px in
            w.storage.withUnsafeBufferPointer { pw in
                b.storage.withUnsafeBufferPointer { pb in
                    z.storage.withUnsafeMutableBufferPointer { pz in
                        if w.rows == 0 {
                            for r in 0..<x.rows { (pz.baseAddress! + r * w.columns).update(from: pb.baseAddress!, count: w.columns) }
                            return
                        }
                        forward(rows: x.rows, inputs: w.rows, outputs: w.columns, x: px.baseAddress!,
                                weights: pw.baseAddress!, bias: pb.baseAddress!, into: pz.baseAddress!)
                    }
                }
            }
        }
    }

    /// Writes `dW = X^T dZ` and `db = column sums of dZ`.
    public static func parameterGradients(input x: Matrix, gradOutput dz: Matrix,
                                          weights dw: inout Matrix, bias db: inout Matrix) {
        precondition(x.rows == dz.rows)
        dw.reshape(rows: x.columns, columns: dz.columns)
        db.reshape(rows: 1, columns: dz.columns)
        x.storage.withUnsafeBufferPointer { px in
            dz.storage.withUnsafeBufferPointer { pz in
                dw.storage.withUnsafeMutableBufferPointer { pw in
                    db.storage.withUnsafeMutableBufferPointer { pb in
                        guard dz.columns > 0 else { return }
                        if x.rows == 0 || x.columns == 0 {
                            pw.update(repeating: 0)
                            pb.update(repeating: 0)
                            return
                        }
                        parameterGradients(rows: x.rows, inputs: x.columns, outputs: dz.columns, x: px.baseAddress!,
                                           gradOutput: pz.baseAddress!, weights: pw.baseAddress!, bias: pb.baseAddress!)
                    }
                }
            }
        }
    }

    /// Writes `dX = dZ W^T`.
    public static func inputGradient(gradOutput dz: Matrix, weights w: Matrix, into dx: inout Matrix) {
        MatrixMultiply.multiplyTransposingSecond(dz, w, into: &dx)
    }
}
