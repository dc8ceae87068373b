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
/// models): `C` is cut into tiles of ``tileRows`` rows by two vectors of columns, each row's two
/// vectors held in registers while `p` runs, every step one fused multiply-add of a broadcast
/// `A(i, p)` with a row of the tile's columns of `B`. The vector is the widest the build targets
/// (``Lanes``): 16 lanes with AVX-512 (tiles of 8 x 32, sixteen of the 32 zmm registers), 8 lanes
/// otherwise (tiles of 4 x 16, eight of the 16 ymm registers), as a BLAS picks its micro-kernel per
/// ISA. A panel of `B` is read in place when its rows are contiguous and copied (packed,
/// zero-padded) otherwise. Columns go in groups of ``groupColumns`` (16): with AVX-512 a last 16 to
/// 31 columns are one group computed one vector wide, and on every ISA a last group narrower than
/// 16 is packed 16 wide. `p` runs in blocks of ``depthBlock`` so that a panel stays in the L1 cache
/// while every tile of its column uses it. A single output column (`n == 1`, linear models) is a
/// dot product or an axpy instead.
///
/// Summation order: it depends on the shapes and strides alone, never on the addresses, on other
/// work, on threads (there are none) or on the vector width, so results are reproducible bit for
/// bit, and an AVX-512 build gives the same bits as an AVX2 one: every `C(i, j)` is one
/// accumulator that sums `p` in increasing order (the vectors run across `j`, never across `p`),
/// starting from the bias (or `C`) in a full group of 16 columns and from zero in a last group
/// narrower than 16, whose bias (or `C`) is added after the sum; the dot form of `n == 1` keeps 8
/// partial sums whatever the ISA. Each sum is the same mathematical value, so results differ from
/// a naive loop only in the last bits (and between a build with fused multiply-adds and one
/// without, ``KernelBuild``).
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

    #if LOSSLAB_AVX512
    /// The register vector: one zmm.
    typealias Lanes = SIMD16<Float>
    /// Rows of a register tile: 8 rows of two vectors are 16 accumulators, enough to cover the
    /// latency of two FMA pipes, with room for the two loads of `B` and the broadcast.
    static let tileRows = 8
    #else
    /// The register vector: one ymm (two xmm without AVX).
    typealias Lanes = SIMD8<Float>
    /// Rows of a register tile: 4 rows of two vectors are 8 of the 16 ymm registers.
    static let tileRows = 4
    #endif
    /// Floats in a vector, and columns of a tile (two vectors).
    static let laneCount = Lanes.scalarCount
    static let tileColumns = 2 * laneCount
    /// The block of `p` over which a panel of `B` (`depthBlock x 32` floats at most, 32 KB) stays
    /// in L1. An accumulator stored and loaded again between blocks keeps its bits, so the blocking
    /// changes no result.
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
        withUnsafeTemporaryAllocation(of: Float.self, capacity: panelCount + tileRows * groupColumns) { scratch in
            let packed = scratch.baseAddress!
            let tile = packed + panelCount
            var j = 0
            while j < n {
                let remaining = n - j
                // A full tile's columns, or (AVX-512) one full group of 16, one vector wide.
                let width = remaining >= tileColumns ? tileColumns : remaining >= groupColumns ? groupColumns : 0
                if width > 0 {
                    var panel = b + j * bColumnStride, panelStride = bRowStride
                    if bColumnStride != 1 {
                        pack(k: k, width: width, stride: width, b: panel, bRowStride: bRowStride,
                             bColumnStride: bColumnStride, into: packed)
                        panel = UnsafePointer(packed)
                        panelStride = width
                    }
                    fullPanel(m: m, k: k, width: width, a: a, ar: aRowStride, ac: aColumnStride, b: panel,
                              ldb: panelStride, c: c + j, ldc: ldc, column: j, accumulate: accumulate,
                              epilogue: epilogue)
                    j += width
                    continue
                }
                pack(k: k, width: remaining, stride: groupColumns, b: b + j * bColumnStride, bRowStride: bRowStride,
                     bColumnStride: bColumnStride, into: packed)
                partialPanel(m: m, k: k, width: remaining, a: a, ar: aRowStride, ac: aColumnStride, b: packed,
                             c: c + j, ldc: ldc, column: j, tile: tile, accumulate: accumulate, epilogue: epilogue)
                j = n
            }
        }
    }

    // MARK: Panels

    /// Copies `width` columns of `B` (`k` rows) into a `k x stride` row-major panel, zero-padded. A
    /// transposed `B` (`bRowStride == 1`, the `W^T` of `dZ W^T`) is read along its contiguous rows.
    private static func pack(k: Int, width: Int, stride: Int, b: UnsafePointer<Float>, bRowStride: Int,
                             bColumnStride: Int, into packed: UnsafeMutablePointer<Float>) {
        if width < stride {
            // Only a last group is padded (to 16 columns); two vector stores of zeros per row, where
            // a memset call per row of a few floats would cost more than the row.
            precondition(stride == groupColumns)
            for p in 0..<k {
                let row = packed + p * stride
                store8(SIMD8(), row)
                store8(SIMD8(), row + 8)
            }
        }
        if bColumnStride == 1 {
            for p in 0..<k {
                let source = b + p * bRowStride, row = packed + p * stride
                var jj = 0
                while jj + 8 <= width {
                    store8(load8(source + jj), row + jj)
                    jj += 8
                }
                while jj < width {
                    row[jj] = source[jj]
                    jj += 1
                }
            }
            return
        }
        if bRowStride == 1 {
            for jj in 0..<width {
                let source = b + jj * bColumnStride
                var target = packed + jj
                for p in 0..<k {
                    target.pointee = source[p]
                    target += stride
                }
            }
            return
        }
        for p in 0..<k {
            let source = b + p * bRowStride
            let row = packed + p * stride
            for jj in 0..<width { row[jj] = source[jj * bColumnStride] }
        }
    }

    /// Every tile of a panel of `width` columns (``tileColumns``, or ``groupColumns`` when that is
    /// one vector), `p` in blocks of ``depthBlock``.
    private static func fullPanel(m: Int, k: Int, width: Int, a: UnsafePointer<Float>, ar: Int, ac: Int,
                                  b: UnsafePointer<Float>, ldb: Int, c: UnsafeMutablePointer<Float>, ldc: Int,
                                  column: Int, accumulate: Bool, epilogue: Epilogue) {
        #if LOSSLAB_AVX512
        let narrow = width < tileColumns
        #endif
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
                #if LOSSLAB_AVX512
                if narrow {
                    kernelNarrow(k: depth, a: aBlock + i * ar, ar: ar, ac: ac, b: bBlock, ldb: ldb, c: c + i * ldc,
                                 ldc: ldc, start: start, finish: end.rows(from: i))
                    i += tileRows
                    continue
                }
                #endif
                kernelTile(k: depth, a: aBlock + i * ar, ar: ar, ac: ac, b: bBlock, ldb: ldb, c: c + i * ldc, ldc: ldc,
                           start: start, finish: end.rows(from: i))
                i += tileRows
            }
            while i < m {
                #if LOSSLAB_AVX512
                if narrow {
                    kernel1Narrow(k: depth, a: aBlock + i * ar, ac: ac, b: bBlock, ldb: ldb, c: c + i * ldc,
                                  start: start, finish: end.rows(from: i))
                    i += 1
                    continue
                }
                #endif
                kernel1(k: depth, a: aBlock + i * ar, ac: ac, b: bBlock, ldb: ldb, c: c + i * ldc,
                        start: start, finish: end.rows(from: i))
                i += 1
            }
            p0 += depth
        }
    }

    /// The last, narrower panel (`width < 16` columns, packed 16 wide): each tile's 16 columns are
    /// computed from zero into `tile`, then its `width` columns are finished and written.
    private static func partialPanel(m: Int, k: Int, width: Int, a: UnsafePointer<Float>, ar: Int, ac: Int,
                                     b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>, ldc: Int, column: Int,
                                     tile: UnsafeMutablePointer<Float>, accumulate: Bool, epilogue: Epilogue) {
        var i = 0
        while i < m {
            let rows = min(tileRows, m - i)
            #if LOSSLAB_AVX512
            if rows == tileRows {
                kernelNarrow(k: k, a: a + i * ar, ar: ar, ac: ac, b: b, ldb: groupColumns, c: tile, ldc: groupColumns,
                             start: .zero, finish: .store)
            } else {
                for r in 0..<rows {
                    kernel1Narrow(k: k, a: a + (i + r) * ar, ac: ac, b: b, ldb: groupColumns,
                                  c: tile + r * groupColumns, start: .zero, finish: .store)
                }
            }
            #else
            if rows == tileRows {
                kernelTile(k: k, a: a + i * ar, ar: ar, ac: ac, b: b, ldb: groupColumns, c: tile, ldc: groupColumns,
                           start: .zero, finish: .store)
            } else {
                for r in 0..<rows {
                    kernel1(k: k, a: a + (i + r) * ar, ac: ac, b: b, ldb: groupColumns, c: tile + r * groupColumns,
                            start: .zero, finish: .store)
                }
            }
            #endif
            for r in 0..<rows {
                let row = c + (i + r) * ldc, products = tile + r * groupColumns
                // The first 8 columns as one vector when the panel has them, the rest one by one.
                let vectorWidth = width >= 8 ? 8 : 0
                if accumulate {
                    if vectorWidth > 0 { store8(load8(row) + load8(products), row) }
                    for jj in vectorWidth..<width { row[jj] += products[jj] }
                    continue
                }
                switch epilogue {
                case .none:
                    if vectorWidth > 0 { store8(load8(products), row) }
                    for jj in vectorWidth..<width { row[jj] = products[jj] }
                case .bias(let bias):
                    if vectorWidth > 0 { store8(load8(bias + column) + load8(products), row) }
                    for jj in vectorWidth..<width { row[jj] = bias[column + jj] + products[jj] }
                case .biasRelu(let bias):
                    if vectorWidth > 0 { store8(relu(load8(bias + column) + load8(products)), row) }
                    for jj in vectorWidth..<width { row[jj] = max(bias[column + jj] + products[jj], 0) }
                case .positiveMask(let mask, let ldm):
                    let maskRow = mask + (i + r) * ldm + column
                    if vectorWidth > 0 { store8(masked(load8(products), load8(maskRow)), row) }
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

    /// Columns of a group: full tiles are one or two groups; a last panel narrower than a group
    /// (``partialPanel``) is computed from zero and finished after the sum, a full group from its
    /// start (bias or `C`). Which columns are in full groups depends on `n` alone, not on the ISA,
    /// and with it the rounding of each column.
    static let groupColumns = 16

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
    static func load8(_ pointer: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    static func store8(_ value: SIMD8<Float>, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD8<Float>.self)
    }

    @inline(__always)
    static func fused(_ sum: Lanes, _ x: Lanes, _ y: Lanes) -> Lanes {
        #if LOSSLAB_FMA
        return sum.addingProduct(x, y)
        #else
        return sum + x * y
        #endif
    }

    #if LOSSLAB_AVX512
    @inline(__always)
    static func fused(_ sum: SIMD8<Float>, _ x: SIMD8<Float>, _ y: SIMD8<Float>) -> SIMD8<Float> {
        #if LOSSLAB_FMA
        return sum.addingProduct(x, y)
        #else
        return sum + x * y
        #endif
    }
    #endif

    /// A row's first one or two vectors at the tile's start.
    @inline(__always)
    static func initial(_ start: Start, _ c: UnsafeMutablePointer<Float>) -> Lanes {
        switch start {
        case .zero: return Lanes()
        case .load: return load(c)
        case .bias(let bias): return load(bias)
        }
    }

    @inline(__always)
    static func initial2(_ start: Start, _ c: UnsafeMutablePointer<Float>) -> (Lanes, Lanes) {
        switch start {
        case .zero: return (Lanes(), Lanes())
        case .load: return (load(c), load(c + laneCount))
        case .bias(let bias): return (load(bias), load(bias + laneCount))
        }
    }

    /// `max(x, 0)` as Swift.max computes it: NaN stays NaN, so divergence is not hidden.
    @inline(__always)
    static func relu(_ x: Lanes) -> Lanes {
        x.replacing(with: Lanes(), where: x .< Lanes())
    }

    /// `x` where the mask is positive, else 0.
    @inline(__always)
    static func masked(_ x: Lanes, _ mask: Lanes) -> Lanes {
        x.replacing(with: Lanes(), where: .!(mask .> Lanes()))
    }

    #if LOSSLAB_AVX512
    @inline(__always)
    static func relu(_ x: SIMD8<Float>) -> SIMD8<Float> {
        x.replacing(with: SIMD8(), where: x .< SIMD8())
    }

    @inline(__always)
    static func masked(_ x: SIMD8<Float>, _ mask: SIMD8<Float>) -> SIMD8<Float> {
        x.replacing(with: SIMD8(), where: .!(mask .> SIMD8()))
    }
    #endif

    /// The accumulators of four rows of a tile, two vectors each: a tile is one of them with AVX2
    /// (4 x 16, eight of the 16 ymm registers) and two with AVX-512 (8 x 32, sixteen of the 32 zmm
    /// registers), enough independent sums to cover the latency of two FMA pipes.
    struct FourRows {
        var c00, c01, c10, c11, c20, c21, c30, c31: Lanes

        /// The accumulators of rows `c`, `c + ldc`, ... at the tile's start.
        @inline(__always)
        init(_ start: Start, _ c: UnsafeMutablePointer<Float>, ldc: Int) {
            (c00, c01) = initial2(start, c)
            (c10, c11) = initial2(start, c + ldc)
            (c20, c21) = initial2(start, c + 2 * ldc)
            (c30, c31) = initial2(start, c + 3 * ldc)
        }

        /// One `p`: `C(i, :) += A(i, p) B(p, :)` with `A(i, p)` at `a[i * ar]` and `B(p, :)` in
        /// `b0, b1`.
        @inline(__always)
        mutating func step(_ a: UnsafePointer<Float>, _ ar: Int, _ b0: Lanes, _ b1: Lanes) {
            var x = Lanes(repeating: a[0])
            c00 = fused(c00, x, b0); c01 = fused(c01, x, b1)
            x = Lanes(repeating: a[ar])
            c10 = fused(c10, x, b0); c11 = fused(c11, x, b1)
            x = Lanes(repeating: a[2 * ar])
            c20 = fused(c20, x, b0); c21 = fused(c21, x, b1)
            x = Lanes(repeating: a[3 * ar])
            c30 = fused(c30, x, b0); c31 = fused(c31, x, b1)
        }

        /// Applies `finish` and writes the four rows at `c`.
        @inline(__always)
        mutating func store(_ finish: Finish, _ c: UnsafeMutablePointer<Float>, ldc: Int) {
            let second = laneCount
            switch finish {
            case .store:
                break
            case .relu:
                c00 = relu(c00); c01 = relu(c01); c10 = relu(c10); c11 = relu(c11)
                c20 = relu(c20); c21 = relu(c21); c30 = relu(c30); c31 = relu(c31)
            case .mask(let mask, let ldm):
                c00 = masked(c00, load(mask)); c01 = masked(c01, load(mask + second))
                c10 = masked(c10, load(mask + ldm)); c11 = masked(c11, load(mask + ldm + second))
                c20 = masked(c20, load(mask + 2 * ldm)); c21 = masked(c21, load(mask + 2 * ldm + second))
                c30 = masked(c30, load(mask + 3 * ldm)); c31 = masked(c31, load(mask + 3 * ldm + second))
            }
            MatrixMultiply.store(c00, c); MatrixMultiply.store(c01, c + second)
            MatrixMultiply.store(c10, c + ldc); MatrixMultiply.store(c11, c + ldc + second)
            MatrixMultiply.store(c20, c + 2 * ldc); MatrixMultiply.store(c21, c + 2 * ldc + second)
            MatrixMultiply.store(c30, c + 3 * ldc); MatrixMultiply.store(c31, c + 3 * ldc + second)
        }
    }

    /// A tile of ``tileRows`` rows and ``tileColumns`` columns: `C(i, :) (+)= sum_p A(i, p) B(p, :)`,
    /// with `A(i, p)` at `a[i * ar + p * ac]` and row `p` of `B` at `b + p * ldb`; per `p`, two
    /// loads of `B` and a broadcast of `A` per row.
    @inline(__always)
    static func kernelTile(k: Int, a: UnsafePointer<Float>, ar: Int, ac: Int, b: UnsafePointer<Float>, ldb: Int,
                           c: UnsafeMutablePointer<Float>, ldc: Int, start: Start, finish: Finish) {
        var top = FourRows(start, c, ldc: ldc)
        #if LOSSLAB_AVX512
        var bottom = FourRows(start, c + 4 * ldc, ldc: ldc)
        let lower = 4 * ar
        #endif
        var pa = a, pb = b
        for _ in 0..<k {
            let b0 = load(pb), b1 = load(pb + laneCount)
            top.step(pa, ar, b0, b1)
            #if LOSSLAB_AVX512
            bottom.step(pa + lower, ar, b0, b1)
            #endif
            pa += ac
            pb += ldb
        }
        top.store(finish, c, ldc: ldc)
        #if LOSSLAB_AVX512
        bottom.store(finish.rows(from: 4), c + 4 * ldc, ldc: ldc)
        #endif
    }

    #if LOSSLAB_AVX512
    /// An 8 x 16 tile, one zmm per row: a full group of 16 columns that is not part of a 32-column
    /// tile, or the 16 packed columns of a last panel.
    @inline(__always)
    static func kernelNarrow(k: Int, a: UnsafePointer<Float>, ar: Int, ac: Int, b: UnsafePointer<Float>, ldb: Int,
                             c: UnsafeMutablePointer<Float>, ldc: Int, start: Start, finish: Finish) {
        var c0 = initial(start, c), c1 = initial(start, c + ldc), c2 = initial(start, c + 2 * ldc)
        var c3 = initial(start, c + 3 * ldc), c4 = initial(start, c + 4 * ldc), c5 = initial(start, c + 5 * ldc)
        var c6 = initial(start, c + 6 * ldc), c7 = initial(start, c + 7 * ldc)
        var pa = a, pb = b
        let a1 = ar, a2 = 2 * ar, a3 = 3 * ar, a4 = 4 * ar, a5 = 5 * ar, a6 = 6 * ar, a7 = 7 * ar
        for _ in 0..<k {
            let b0 = load(pb)
            c0 = fused(c0, Lanes(repeating: pa[0]), b0)
            c1 = fused(c1, Lanes(repeating: pa[a1]), b0)
            c2 = fused(c2, Lanes(repeating: pa[a2]), b0)
            c3 = fused(c3, Lanes(repeating: pa[a3]), b0)
            c4 = fused(c4, Lanes(repeating: pa[a4]), b0)
            c5 = fused(c5, Lanes(repeating: pa[a5]), b0)
            c6 = fused(c6, Lanes(repeating: pa[a6]), b0)
            c7 = fused(c7, Lanes(repeating: pa[a7]), b0)
            pa += ac
            pb += ldb
        }
        switch finish {
        case .store:
            break
        case .relu:
            c0 = relu(c0); c1 = relu(c1); c2 = relu(c2); c3 = relu(c3)
            c4 = relu(c4); c5 = relu(c5); c6 = relu(c6); c7 = relu(c7)
        case .mask(let mask, let ldm):
            c0 = masked(c0, load(mask)); c1 = masked(c1, load(mask + ldm))
            c2 = masked(c2, load(mask + 2 * ldm)); c3 = masked(c3, load(mask + 3 * ldm))
            c4 = masked(c4, load(mask + 4 * ldm)); c5 = masked(c5, load(mask + 5 * ldm))
            c6 = masked(c6, load(mask + 6 * ldm)); c7 = masked(c7, load(mask + 7 * ldm))
        }
        store(c0, c)
        store(c1, c + ldc)
        store(c2, c + 2 * ldc)
        store(c3, c + 3 * ldc)
        store(c4, c + 4 * ldc)
        store(c5, c + 5 * ldc)
        store(c6, c + 6 * ldc)
        store(c7, c + 7 * ldc)
    }

    /// A 1 x 16 tile, one zmm, for the rows below the last 8-row narrow tile.
    @inline(__always)
    static func kernel1Narrow(k: Int, a: UnsafePointer<Float>, ac: Int, b: UnsafePointer<Float>, ldb: Int,
                              c: UnsafeMutablePointer<Float>, start: Start, finish: Finish) {
        var c0 = initial(start, c)
        var pa = a, pb = b
        for _ in 0..<k {
            c0 = fused(c0, Lanes(repeating: pa[0]), load(pb))
            pa += ac
            pb += ldb
        }
        switch finish {
        case .store:
            break
        case .relu:
            c0 = relu(c0)
        case .mask(let mask, _):
            c0 = masked(c0, load(mask))
        }
        store(c0, c)
    }
    #endif

    /// A 1 x (two vectors) tile, for the rows left over below the last full tile.
    @inline(__always)
    static func kernel1(k: Int, a: UnsafePointer<Float>, ac: Int, b: UnsafePointer<Float>, ldb: Int,
                        c: UnsafeMutablePointer<Float>, start: Start, finish: Finish) {
        var (c0, c1) = initial2(start, c)
        var pa = a, pb = b
        for _ in 0..<k {
            let x = Lanes(repeating: pa[0])
            c0 = fused(c0, x, load(pb))
            c1 = fused(c1, x, load(pb + laneCount))
            pa += ac
            pb += ldb
        }
        switch finish {
        case .store:
            break
        case .relu:
            c0 = relu(c0); c1 = relu(c1)
        case .mask(let mask, _):
            c0 = masked(c0, load(mask)); c1 = masked(c1, load(mask + laneCount))
        }
        store(c0, c)
        store(c1, c + laneCount)
    }

    // MARK: One output column

    /// `n == 1` with rows of `A` contiguous: `C(i) = A(i, :) . B(:, 0)`, 8 partial sums per row
    /// whatever the vector width (they are part of the summation order), then the epilogue.
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
                var lanes = SIMD8<Float>()
                var p = 0
                while p < vectorEnd {
                    lanes = fused(lanes, load8(row + p), load8(column + p))
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
    /// `C` (starting from the bias or from `C` itself), a block of `C` at a time, then the epilogue.
    private static func axpyColumn(m: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                                   c: UnsafeMutablePointer<Float>, accumulate: Bool, epilogue: Epilogue) {
        if !accumulate {
            switch epilogue {
            case .bias(let bias), .biasRelu(let bias): c.update(repeating: bias[0], count: m)
            case .none, .positiveMask: c.update(repeating: 0, count: m)
            }
        }
        // Each C(i) is one sum in `p` order, so the vector width changes nothing but the speed; the
        // last elements take the 8-lane step and the scalar loop of an AVX2 build. The sums stay in
        // registers while `p` runs, four vectors at a time: in memory, each step would wait for the
        // store of the one before (C may alias A as far as the compiler knows).
        var i = 0
        while i + 4 * laneCount <= m {
            var c0 = load(c + i), c1 = load(c + i + laneCount), c2 = load(c + i + 2 * laneCount)
            var c3 = load(c + i + 3 * laneCount)
            for p in 0..<k {
                let x = Lanes(repeating: b[p * ldb]), column = a + p * lda + i
                c0 = fused(c0, x, load(column))
                c1 = fused(c1, x, load(column + laneCount))
                c2 = fused(c2, x, load(column + 2 * laneCount))
                c3 = fused(c3, x, load(column + 3 * laneCount))
            }
            store(c0, c + i)
            store(c1, c + i + laneCount)
            store(c2, c + i + 2 * laneCount)
            store(c3, c + i + 3 * laneCount)
            i += 4 * laneCount
        }
        while i + laneCount <= m {
            var c0 = load(c + i)
            for p in 0..<k { c0 = fused(c0, Lanes(repeating: b[p * ldb]), load(a + p * lda + i)) }
            store(c0, c + i)
            i += laneCount
        }
        if i + 8 <= m {
            var c0 = load8(c + i)
            for p in 0..<k { c0 = fused(c0, SIMD8(repeating: b[p * ldb]), load8(a + p * lda + i)) }
            store8(c0, c + i)
            i += 8
        }
        while i < m {
            var sum = c[i]
            for p in 0..<k { sum += b[p * ldb] * a[p * lda + i] }
            c[i] = sum
            i += 1
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
