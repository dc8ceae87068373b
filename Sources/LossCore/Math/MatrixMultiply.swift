/// The matrix products of dense layers on `Float` buffers, `C = A B` (or `C += A B`) with a fused
/// epilogue, blocked for registers and vectorised with SIMD.
///
/// The raw form, ``multiply(m:n:k:a:aRowStride:aColumnStride:b:bRowStride:bColumnStride:c:ldc:accumulate:epilogue:)``,
/// reads `A(i, p)` at `a[i * aRowStride + p * aColumnStride]` and `B(p, j)` at
/// `b[p * bRowStride + j * bColumnStride]`, so a transposed operand is only a change of strides:
/// the three products of a dense layer (`Z = X W`, `dW = X^T dZ`, `dX = dZ W^T`) are all this one
/// routine. `C` is row-major with leading dimension `ldc`.
///
/// How it computes (Goto and van de Geijn's layout, scaled down to the small matrices of LossLab's
/// models): `C` is cut into tiles of 4 rows by 16 columns, each held in eight 8-lane registers
/// while `p` runs, every step one fused multiply-add of a broadcast `A(i, p)` with 16 values of
/// row `p` of `B`. A 16-column panel of `B` is read in place when its rows are contiguous and
/// copied (packed, zero-padded) otherwise. `p` runs in blocks of ``depthBlock`` so that a panel
/// stays in the L1 cache while every tile of its column uses it. A single output column
/// (`n == 1`, linear models) is a dot product or an axpy instead, 8 lanes wide.
///
/// Summation order: it depends on the shapes and strides alone, never on the addresses, on other
/// work or on threads (there are none), so results are reproducible bit for bit. It is not the
/// naive order: a tile sums `p` in increasing order per block of ``depthBlock``, the bias first;
/// the `n == 1` forms keep 8 partial sums. Each sum is the same mathematical value, so results
/// differ from a naive loop only in the last bits.
public enum MatrixMultiply {
    /// What happens to each `C(i, j)` after the sum over `p` (with `accumulate == false`).
    public enum Epilogue {
        /// `C = A B`.
        case none
        /// `C = A B + bias[j]` (the bias of a dense layer).
        case bias(UnsafePointer<Float>)
        /// `C = max(A B + bias[j], 0)`: a dense layer followed by ReLU, which needs no
        /// pre-activation for its backward rule (`relu(z) > 0` exactly when `z > 0`).
        case biasRelu(UnsafePointer<Float>)
        /// `C = (A B) * [M(i, j) > 0]` with `M` row-major of leading dimension `ldm`: the gradient
        /// through a ReLU whose output is `M`.
        case positiveMask(UnsafePointer<Float>, ldm: Int)
    }

    /// Rows and columns of a register tile.
    static let tileRows = 4
    static let tileColumns = 16
    /// The block of `p` over which a panel of `B` (`depthBlock x 16` floats, 16 KB) stays in L1.
    public static let depthBlock = 256

    /// `C = A B` or, when `accumulate`, `C += A B` (`A` is `m x k`, `B` is `k x n`); see the type's
    /// documentation for the strides. With `accumulate` the epilogue must be `.none`.
    public static func multiply(m: Int, n: Int, k: Int,
                                a: UnsafePointer<Float>, aRowStride: Int, aColumnStride: Int,
                                b: UnsafePointer<Float>, bRowStride: Int, bColumnStride: Int,
                                c: UnsafeMutablePointer<Float>, ldc: Int,
                                accumulate: Bool = false, epilogue: Epilogue = .none) {
        if accumulate, case .none = epilogue {} else if accumulate {
            preconditionFailure("an epilogue needs accumulate == false")
        }
        guard m > 0, n > 0 else { return }
        if k == 0 {
            for i in 0..<m {
                for j in 0..<n {
                    let sum: Float = accumulate ? c[i * ldc + j] : 0
                    c[i * ldc + j] = finish(sum, i: i, j: j, epilogue: epilogue)
                }
            }
            return
        }
        if n == 1 && aColumnStride == 1 {
            dotColumn(m: m, k: k, a: a, lda: aRowStride, b: b, ldb: bRowStride, c: c, ldc: ldc,
                      accumulate: accumulate, epilogue: epilogue)
            return
        }
        if n == 1 && aRowStride == 1 && ldc == 1 {
            axpyColumn(m: m, k: k, a: a, lda: aColumnStride, b: b, ldb: bRowStride, c: c, accumulate: accumulate,
                       epilogue: epilogue)
            return
        }
        let panelCount = k * tileColumns
        withUnsafeTemporaryAllocation(of: Float.self, capacity: panelCount + tileRows * tileColumns) { scratch in
            let packed = scratch.baseAddress!
            let tile = packed + panelCount
            var j = 0
            while j < n {
                let width = min(tileColumns, n - j)
                let direct = width == tileColumns && bColumnStride == 1
                let panel: UnsafePointer<Float>
                let panelStride: Int
                if direct {
                    panel = b + j
                    panelStride = bRowStride
                } else {
                    pack(k: k, width: width, b: b + j * bColumnStride, bRowStride: bRowStride,
                         bColumnStride: bColumnStride, into: packed)
                    panel = UnsafePointer(packed)
                    panelStride = tileColumns
                }
                if width == tileColumns {
                    fullPanel(m: m, k: k, a: a, ar: aRowStride, ac: aColumnStride, b: panel, ldb: panelStride,
                              c: c + j, ldc: ldc, column: j, accumulate: accumulate, epilogue: epilogue)
                } else {
                    partialPanel(m: m, k: k, width: width, a: a, ar: aRowStride, ac: aColumnStride, b: panel,
                                 c: c + j, ldc: ldc, column: j, tile: tile, accumulate: accumulate, epilogue: epilogue)
                }
                j += tileColumns
            }
        }
    }

    // MARK: Panels

    /// Copies `width` columns of `B` (`k` rows) into a `k x 16` row-major panel, zero-padded. A
    /// transposed `B` (`bRowStride == 1`, the `W^T` of `dZ W^T`) is read along its contiguous rows.
    private static func pack(k: Int, width: Int, b: UnsafePointer<Float>, bRowStride: Int, bColumnStride: Int,
                             into packed: UnsafeMutablePointer<Float>) {
        if width < tileColumns {
            for p in 0..<k { (packed + p * tileColumns + width).update(repeating: 0, count: tileColumns - width) }
        }
        if bRowStride == 1 {
            for jj in 0..<width {
                let source = b + jj * bColumnStride
                var target = packed + jj
                for p in 0..<k {
                    target.pointee = source[p]
                    target += tileColumns
                }
            }
            return
        }
        for p in 0..<k {
            let source = b + p * bRowStride
            let row = packed + p * tileColumns
            for jj in 0..<width { row[jj] = source[jj * bColumnStride] }
        }
    }

    /// Every tile of a 16-column panel, `p` in blocks of ``depthBlock``.
    private static func fullPanel(m: Int, k: Int, a: UnsafePointer<Float>, ar: Int, ac: Int, b: UnsafePointer<Float>, ldb: Int,
                                  c: UnsafeMutablePointer<Float>, ldc: Int, column: Int, accumulate: Bool, epilogue: Epilogue) {
        var p0 = 0
        while p0 < k {
            let depth = min(depthBlock, k - p0)
            let isFirst = p0 == 0, isLast = p0 + depth == k
            let start: Start
            if !isFirst || accumulate {
                start = .load
            } else if case .bias(let bias) = epilogue {
                start = .bias(bias + column)
            } else if case .biasRelu(let bias) = epilogue {
                start = .bias(bias + column)
            } else {
                start = .zero
            }
            var end = Finish.store
            if isLast {
                if case .biasRelu = epilogue { end = .relu }
                if case .positiveMask(let mask, let ldm) = epilogue { end = .mask(mask + column, ldm) }
            }
            let aBlock = a + p0 * ac, bBlock = b + p0 * ldb
            var i = 0
            while i + tileRows <= m {
                kernel4(k: depth, a: aBlock + i * ar, ar: ar, ac: ac, b: bBlock, ldb: ldb, c: c + i * ldc, ldc: ldc,
                        start: start, finish: end.rows(from: i))
                i += tileRows
            }
            while i < m {
                kernel1(k: depth, a: aBlock + i * ar, ac: ac, b: bBlock, ldb: ldb, c: c + i * ldc,
                        start: start, finish: end.rows(from: i))
                i += 1
            }
            p0 += depth
        }
    }

    /// The last, narrower panel (`width < 16` columns, packed): each tile is computed 16 wide into
    /// `tile`, then its `width` columns are finished and written.
    private static func partialPanel(m: Int, k: Int, width: Int, a: UnsafePointer<Float>, ar: Int, ac: Int,
                                     b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>, ldc: Int, column: Int,
                                     tile: UnsafeMutablePointer<Float>, accumulate: Bool, epilogue: Epilogue) {
        var i = 0
        while i < m {
            let rows = min(tileRows, m - i)
            if rows == tileRows {
                kernel4(k: k, a: a + i * ar, ar: ar, ac: ac, b: b, ldb: tileColumns, c: tile, ldc: tileColumns,
                        start: .zero, finish: .store)
            } else {
                for r in 0..<rows {
                    kernel1(k: k, a: a + (i + r) * ar, ac: ac, b: b, ldb: tileColumns, c: tile + r * tileColumns,
                            start: .zero, finish: .store)
                }
            }
            for r in 0..<rows {
                let row = c + (i + r) * ldc, products = tile + r * tileColumns
                // The first 8 columns as one vector when the panel has them, the rest one by one.
                let vectorWidth = width >= 8 ? 8 : 0
                if accumulate {
                    if vectorWidth > 0 { store(load(row) + load(products), row) }
                    for jj in vectorWidth..<width { row[jj] += products[jj] }
                    continue
                }
                switch epilogue {
                case .none:
                    if vectorWidth > 0 { store(load(products), row) }
                    for jj in vectorWidth..<width { row[jj] = products[jj] }
                case .bias(let bias):
                    if vectorWidth > 0 { store(load(bias + column) + load(products), row) }
                    for jj in vectorWidth..<width { row[jj] = bias[column + jj] + products[jj] }
                case .biasRelu(let bias):
                    if vectorWidth > 0 { store(relu(load(bias + column) + load(products)), row) }
                    for jj in vectorWidth..<width { row[jj] = max(bias[column + jj] + products[jj], 0) }
                case .positiveMask(let mask, let ldm):
                    let maskRow = mask + (i + r) * ldm + column
                    if vectorWidth > 0 { store(masked(load(products), maskRow), row) }
                    for jj in vectorWidth..<width { row[jj] = maskRow[jj] > 0 ? products[jj] : 0 }
                }
            }
            i += tileRows
        }
    }

    /// The epilogue of one element whose product is `sum`.
    @inline(__always)
    private static func finish(_ sum: Float, i: Int, j: Int, epilogue: Epilogue) -> Float {
        switch epilogue {
        case .none: return sum
        case .bias(let bias): return bias[j] + sum
        case .biasRelu(let bias): return max(bias[j] + sum, 0)
        case .positiveMask(let mask, let ldm): return mask[i * ldm + j] > 0 ? sum : 0
        }
    }

    // MARK: Register kernels

    typealias Lanes = SIMD8<Float>

    /// How a tile's accumulators start: at zero, at `C`'s current values, or at the bias row.
    enum Start {
        case zero
        case load
        case bias(UnsafePointer<Float>)
    }

    /// How a tile is written: as it is, through ReLU, or masked by `M(i, j) > 0` (`M` at the
    /// tile's first row, leading dimension `ldm`).
    enum Finish {
        case store
        case relu
        case mask(UnsafePointer<Float>, Int)

        /// The same finish for a tile starting `row` rows down.
        func rows(from row: Int) -> Finish {
            if case .mask(let mask, let ldm) = self { return .mask(mask + row * ldm, ldm) }
            return self
        }
    }

    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> Lanes {
        UnsafeRawPointer(pointer).loadUnaligned(as: Lanes.self)
    }

    @inline(__always)
    static func store(_ value: Lanes, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Lanes.self)
    }

    @inline(__always)
    static func fused(_ sum: Lanes, _ x: Lanes, _ y: Lanes) -> Lanes {
        #if LOSSLAB_FMA
        return sum.addingProduct(x, y)
        #else
        return sum + x * y
        #endif
    }

    @inline(__always)
    static func initial(_ start: Start, _ c: UnsafeMutablePointer<Float>) -> (Lanes, Lanes) {
        switch start {
        case .zero: return (Lanes(), Lanes())
        case .load: return (load(c), load(c + 8))
        case .bias(let bias): return (load(bias), load(bias + 8))
        }
    }

    /// `max(x, 0)` as Swift.max computes it: NaN stays NaN, so divergence is not hidden.
    @inline(__always)
    static func relu(_ x: Lanes) -> Lanes {
        x.replacing(with: Lanes(), where: x .< Lanes())
    }

    /// `x` where the mask is positive, else 0.
    @inline(__always)
    static func masked(_ x: Lanes, _ mask: UnsafePointer<Float>) -> Lanes {
        x.replacing(with: Lanes(), where: .!(load(mask) .> Lanes()))
    }

    /// A 4 x 16 tile: `C(i, 0..<16) (+)= sum_p A(i, p) B(p, 0..<16)` for `i` in `0..<4`, with
    /// `A(i, p)` at `a[i * ar + p * ac]` and row `p` of `B` at `b + p * ldb`.
    @inline(__always)
    static func kernel4(k: Int, a: UnsafePointer<Float>, ar: Int, ac: Int, b: UnsafePointer<Float>, ldb: Int,
                        c: UnsafeMutablePointer<Float>, ldc: Int, start: Start, finish: Finish) {
        var (c00, c01) = initial(start, c)
        var (c10, c11) = initial(start, c + ldc)
        var (c20, c21) = initial(start, c + 2 * ldc)
        var (c30, c31) = initial(start, c + 3 * ldc)
        if case .bias = start {
            (c10, c11) = (c00, c01)
            (c20, c21) = (c00, c01)
            (c30, c31) = (c00, c01)
        }
        var pa = a, pb = b
        let a1 = ar, a2 = 2 * ar, a3 = 3 * ar
        for _ in 0..<k {
            let b0 = load(pb), b1 = load(pb + 8)
            var x = Lanes(repeating: pa[0])
            c00 = fused(c00, x, b0); c01 = fused(c01, x, b1)
            x = Lanes(repeating: pa[a1])
            c10 = fused(c10, x, b0); c11 = fused(c11, x, b1)
            x = Lanes(repeating: pa[a2])
            c20 = fused(c20, x, b0); c21 = fused(c21, x, b1)
            x = Lanes(repeating: pa[a3])
            c30 = fused(c30, x, b0); c31 = fused(c31, x, b1)
            pa += ac
            pb += ldb
        }
        switch finish {
        case .store:
            break
        case .relu:
            c00 = relu(c00); c01 = relu(c01); c10 = relu(c10); c11 = relu(c11)
            c20 = relu(c20); c21 = relu(c21); c30 = relu(c30); c31 = relu(c31)
        case .mask(let mask, let ldm):
            c00 = masked(c00, mask); c01 = masked(c01, mask + 8)
            c10 = masked(c10, mask + ldm); c11 = masked(c11, mask + ldm + 8)
            c20 = masked(c20, mask + 2 * ldm); c21 = masked(c21, mask + 2 * ldm + 8)
            c30 = masked(c30, mask + 3 * ldm); c31 = masked(c31, mask + 3 * ldm + 8)
        }
        store(c00, c); store(c01, c + 8)
        store(c10, c + ldc); store(c11, c + ldc + 8)
        store(c20, c + 2 * ldc); store(c21, c + 2 * ldc + 8)
        store(c30, c + 3 * ldc); store(c31, c + 3 * ldc + 8)
    }

    /// A 1 x 16 tile, for the rows left over below the last 4-row tile.
    @inline(__always)
    static func kernel1(k: Int, a: UnsafePointer<Float>, ac: Int, b: UnsafePointer<Float>, ldb: Int,
                        c: UnsafeMutablePointer<Float>, start: Start, finish: Finish) {
        var (c0, c1) = initial(start, c)
        var pa = a, pb = b
        for _ in 0..<k {
            let x = Lanes(repeating: pa[0])
            c0 = fused(c0, x, load(pb))
            c1 = fused(c1, x, load(pb + 8))
            pa += ac
            pb += ldb
        }
        switch finish {
        case .store:
            break
        case .relu:
            c0 = relu(c0); c1 = relu(c1)
        case .mask(let mask, _):
            c0 = masked(c0, mask); c1 = masked(c1, mask + 8)
        }
        store(c0, c)
        store(c1, c + 8)
    }

    // MARK: One output column

    /// `n == 1` with rows of `A` contiguous: `C(i) = A(i, :) . B(:, 0)`, 8 partial sums per row
    /// (8 rows at a time share the loads of `B`), then the epilogue.
    private static func dotColumn(m: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                                  c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool, epilogue: Epilogue) {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: ldb == 1 ? 0 : k) { contiguous in
            var column = b
            if ldb != 1 {
                for p in 0..<k { contiguous[p] = b[p * ldb] }
                column = UnsafePointer(contiguous.baseAddress!)
            }
            let vectorEnd = k & ~7
            for i in 0..<m {
                let row = a + i * lda
                var lanes = Lanes()
                var p = 0
                while p < vectorEnd {
                    lanes = fused(lanes, load(row + p), load(column + p))
                    p += 8
                }
                var sum = lanes.sum()
                while p < k {
                    sum += row[p] * column[p]
                    p += 1
                }
                let target = c + i * ldc
                target.pointee = accumulate ? target.pointee + sum : finish(sum, i: i, j: 0, epilogue: epilogue)
            }
        }
    }

    /// `n == 1` with columns of `A` contiguous (`A(i, p)` at `a[i + p * lda]`, the `X^T dz` of a
    /// single-output layer): `C(0..<m) = sum_p B(p) A(0..<m, p)`, an axpy per `p` over contiguous
    /// `C` (starting from the bias or from `C` itself), then the epilogue.
    private static func axpyColumn(m: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                                   c: UnsafeMutablePointer<Float>, accumulate: Bool, epilogue: Epilogue) {
        if !accumulate {
            switch epilogue {
            case .bias(let bias), .biasRelu(let bias): c.update(repeating: bias[0], count: m)
            case .none, .positiveMask: c.update(repeating: 0, count: m)
            }
        }
        let vectorEnd = m & ~7
        for p in 0..<k {
            let scale = b[p * ldb]
            let x = Lanes(repeating: scale)
            let column = a + p * lda
            var i = 0
            while i < vectorEnd {
                store(fused(load(c + i), x, load(column + i)), c + i)
                i += 8
            }
            while i < m {
                c[i] += scale * column[i]
                i += 1
            }
        }
        switch epilogue {
        case .none, .bias: break
        case .biasRelu: for i in 0..<m { c[i] = max(c[i], 0) }
        case .positiveMask(let mask, let ldm): for i in 0..<m where !(mask[i * ldm] > 0) { c[i] = 0 }
        }
    }

    // MARK: Matrix forms

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
