/// A fully connected layer, `Z = X W + b`, with its backward rule beside its forward rule.
///
/// Shapes: `X` is `n x i` (a batch of `n` samples), `W` is `i x o`, `b` is `1 x o`, `Z` is `n x o`.
/// Backward, given `dZ = dL/dZ`: `dW = X^T dZ`, `db = sum over rows of dZ`, `dX = dZ W^T`.
public enum DenseLayer {
    /// `Z = X W + b`, written into `z`.
    public static func forward(input x: Matrix, weights w: Matrix, bias b: Matrix, into z: inout Matrix) {
        MatrixMultiply.multiply(x, w, into: &z)
        let width = z.columns
        b.storage.withUnsafeBufferPointer { pb in
            z.storage.withUnsafeMutableBufferPointer { pz in
                for r in 0..<z.rows {
                    let row = pz.baseAddress! + r * width
                    for j in 0..<width { row[j] += pb[j] }
                }
            }
        }
    }

    /// Writes `dW = X^T dZ` and `db = column sums of dZ`.
    public static func parameterGradients(input x: Matrix, gradOutput dz: Matrix,
                                          weights dw: inout Matrix, bias db: inout Matrix) {
        MatrixMultiply.multiplyTransposingFirst(x, dz, into: &dw)
        db.reshape(rows: 1, columns: dz.columns)
        let width = dz.columns
        dz.storage.withUnsafeBufferPointer { pz in
            db.storage.withUnsafeMutableBufferPointer { pb in
                pb.update(repeating: 0)
                for r in 0..<dz.rows {
                    let row = pz.baseAddress! + r * width
                    for j in 0..<width { pb[j] += row[j] }
                }
            }
        }
    }

    /// Writes `dX = dZ W^T`.
    public static func inputGradient(gradOutput dz: Matrix, weights w: Matrix, into dx: inout Matrix) {
        MatrixMultiply.multiplyTransposingSecond(dz, w, into: &dx)
    }
}
