/// The matrix products of dense layers on `Float` buffers, `C = A B` (or `C += A B`) with a fused
/// epilogue.
///
/// The raw form reads `A(i, p)` at `a[i * aRowStride + p * aColumnStride]` and `B(p, j)` at
/// `b[p * bRowStride + j * bColumnStride]`, so a transposed operand is only a change of strides.
/// `C` is row-major with leading dimension `ldc`.
public enum MatrixMultiply {
    /// What happens to each `C(i, j)` after the sum over `p` (with `accumulate == false`).
    public enum Epilogue {
        case none
        case bias(UnsafePointer<Float>)
        case biasRelu(UnsafePointer<Float>)
        case positiveMask(UnsafePointer<Float>, ldm: Int)
    }

    public static func multiply(m: Int, n: Int, k: Int,
                                a: UnsafePointer<Float>, aRowStride: Int, aColumnStride: Int,
                                b: UnsafePointer<Float>, bRowStride: Int, bColumnStride: Int,
                                c: UnsafeMutablePointer<Float>, ldc: Int,
                                accumulate: Bool = false, epilogue: Epilogue = .none) {
        for i in 0..<m {
            let row = c + i * ldc
            if !accumulate { row.update(repeating: 0, count: n) }
            for p in 0..<k {
                let scale = a[i * aRowStride + p * aColumnStride]
                let bRow = b + p * bRowStride
                if bColumnStride == 1 {
                    for j in 0..<n { row[j] += scale * bRow[j] }
                } else {
                    for j in 0..<n { row[j] += scale * bRow[j * bColumnStride] }
                }
            }
            switch epilogue {
            case .none:
                break
            case .bias(let bias):
                for j in 0..<n { row[j] += bias[j] }
            case .biasRelu(let bias):
                for j in 0..<n { row[j] = max(row[j] + bias[j], 0) }
            case .positiveMask(let mask, let ldm):
                let maskRow = mask + i * ldm
                for j in 0..<n where !(maskRow[j] > 0) { row[j] = 0 }
            }
        }
    }

    /// `C = A B`, or `C += A B` when `accumulate` (`A` is `m x k`, `B` is `k x n`).
    public static func multiply(_ a: Matrix, _ b: Matrix, into c: inout Matrix, accumulate: Bool = false) {
        precondition(a.columns == b.rows, "A is \(a.rows)x\(a.columns), B is \(b.rows)x\(b.columns)")
        if !accumulate { c.reshape(rows: a.rows, columns: b.columns) }
        precondition(c.rows == a.rows && c.columns == b.columns)
        let m = a.rows, k = a.columns, n = b.columns
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    guard m > 0, n > 0 else { return }
                    if k == 0 { if !accumulate { pc.update(repeating: 0) }; return }
                    multiply(m: m, n: n, k: k, a: pa.baseAddress!, aRowStride: k, aColumnStride: 1,
                             b: pb.baseAddress!, bRowStride: n, bColumnStride: 1,
                             c: pc.baseAddress!, ldc: n, accumulate: accumulate)
                }
            }
        }
    }

    /// `C = A^T B` (`A` is `k x m`, `B` is `k x n`, `C` is `m x n`): the weight gradient `X^T dZ`.
    public static func multiplyTransposingFirst(_ a: Matrix, _ b: Matrix, into c: inout Matrix) {
        precondition(a.rows == b.rows)
        c.reshape(rows: a.columns, columns: b.columns)
        let k = a.rows, m = a.columns, n = b.columns
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    guard m > 0, n > 0 else { return }
                    if k == 0 { pc.update(repeating: 0); return }
                    multiply(m: m, n: n, k: k, a: pa.baseAddress!, aRowStride: 1, aColumnStride: m,
                             b: pb.baseAddress!, bRowStride: n, bColumnStride: 1, c: pc.baseAddress!, ldc: n)
                }
            }
        }
    }

    /// `C = A B^T` (`A` is `m x k`, `B` is `n x k`, `C` is `m x n`): the input gradient `dZ W^T`.
    public static func multiplyTransposingSecond(_ a: Matrix, _ b: Matrix, into c: inout Matrix) {
        precondition(a.columns == b.columns)
        c.reshape(rows: a.rows, columns: b.rows)
        let m = a.rows, k = a.columns, n = b.rows
        a.storage.withUnsafeBufferPointer { pa in
            b.storage.withUnsafeBufferPointer { pb in
                c.storage.withUnsafeMutableBufferPointer { pc in
                    guard m > 0, n > 0 else { return }
                    if k == 0 { pc.update(repeating: 0); return }
                    multiply(m: m, n: n, k: k, a: pa.baseAddress!, aRowStride: k, aColumnStride: 1,
                             b: pb.baseAddress!, bRowStride: 1, bColumnStride: k, c: pc.baseAddress!, ldc: n)
                }
            }
        }
    }
}
