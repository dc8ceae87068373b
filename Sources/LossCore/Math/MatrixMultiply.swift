/// The three matrix products a dense layer needs, on row-major `Float` buffers. Each loop nest
/// keeps its innermost loop on contiguous memory, so that the compiler vectorises it.
///
/// Shapes follow the layer: inputs `X` are `n x i`, weights `W` are `i x o`, outputs `n x o`.
public enum MatrixMultiply {
    /// `C = A B` (`A` is `m x k`, `B` is `k x n`), or `C += A B` when `accumulate`.
    public static func multiply(_ a: Matrix, _ b: Matrix, into c: inout Matrix, accumulate: Bool = false) {
        precondition(a.columns == b.rows, "A is \(a.rows)x\(a.columns), B is \(b.rows)x\(b.columns)")
        if !accumulate { c.reshape(rows: a.rows, columns: b.columns) }
        precondition(c.rows == a.rows && c.columns == b.columns)
        let m = a.rows, k = a.columns, n = b.columns
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    for i in 0..<m {
                        let row = pc.baseAddress! + i * n
                        if !accumulate { row.update(repeating: 0, count: n) }
                        for p in 0..<k {
                            let scale = pa[i * k + p]
                            let bRow = pb.baseAddress! + p * n
                            for j in 0..<n { row[j] += scale * bRow[j] }
                        }
                    }
                }
            }
        }
    }

    /// `C = A^T B` (`A` is `k x m`, `B` is `k x n`, `C` is `m x n`): the weight gradient
    /// `X^T dZ`, accumulated sample by sample.
    public static func multiplyTransposingFirst(_ a: Matrix, _ b: Matrix, into c: inout Matrix) {
        precondition(a.rows == b.rows)
        c.reshape(rows: a.columns, columns: b.columns)
        let k = a.rows, m = a.columns, n = b.columns
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    pc.update(repeating: 0)
                    for p in 0..<k {
                        let bRow = pb.baseAddress! + p * n
                        for i in 0..<m {
                            let scale = pa[p * m + i]
                            let row = pc.baseAddress! + i * n
                            for j in 0..<n { row[j] += scale * bRow[j] }
                        }
                    }
                }
            }
        }
    }

    /// `C = A B^T` (`A` is `m x k`, `B` is `n x k`, `C` is `m x n`): the input gradient
    /// `dZ W^T`, as dot products of contiguous rows.
    public static func multiplyTransposingSecond(_ a: Matrix, _ b: Matrix, into c: inout Matrix) {
        precondition(a.columns == b.columns)
        c.reshape(rows: a.rows, columns: b.rows)
        let m = a.rows, k = a.columns, n = b.rows
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    for i in 0..<m {
                        let aRow = pa.baseAddress! + i * k
                        for j in 0..<n {
                            let bRow = pb.baseAddress! + j * k
                            var sum: Float = 0
                            for p in 0..<k { sum += aRow[p] * bRow[p] }
                            pc[i * n + j] = sum
                        }
                    }
                }
            }
        }
    }
}
