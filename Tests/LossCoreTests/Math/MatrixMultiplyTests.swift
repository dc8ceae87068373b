import Testing
@testable import LossCore
import LossLabTestSupport

/// The blocked SIMD products against a plain triple loop in `Double`, over shapes that reach every
/// path: 4-row (AVX2) and 8-row (AVX-512) tiles and leftover rows, full 16- and 32-column panels
/// and partial panels, packed (transposed) and
/// in-place panels of `B`, depth blocks, the single-column dot and axpy forms, an empty depth, and
/// each epilogue.
struct MatrixMultiplyTests {
    /// `A(i, p)` and `B(p, j)` with given strides, filled from a seeded generator.
    struct Case {
        var m, n, k: Int
        var aTransposed = false
        var bTransposed = false
    }

    static let cases: [Case] = [
        Case(m: 128, n: 64, k: 32), Case(m: 128, n: 10, k: 64), Case(m: 7, n: 5, k: 3), Case(m: 1, n: 1, k: 1),
        Case(m: 64, n: 1, k: 20), Case(m: 20, n: 1, k: 64, aTransposed: true), Case(m: 33, n: 17, k: 300),
        Case(m: 64, n: 64, k: 128, aTransposed: true), Case(m: 128, n: 64, k: 64, bTransposed: true),
        Case(m: 64, n: 32, k: 1, bTransposed: true), Case(m: 5, n: 40, k: 513, aTransposed: true, bTransposed: true),
        Case(m: 9, n: 1, k: 11, bTransposed: true), Case(m: 6, n: 1, k: 9, aTransposed: true, bTransposed: true),
        // The AVX-512 paths: a 32-column tile and a 16-column group (48), a group and a partial
        // panel (20, 40), 8-row tiles with leftover rows (13, 21), axpy over 16 + 8 + 3 rows (27).
        Case(m: 13, n: 48, k: 70), Case(m: 21, n: 20, k: 33, bTransposed: true), Case(m: 16, n: 40, k: 9),
        Case(m: 27, n: 1, k: 5, aTransposed: true),
        // axpy: 8 rows (W4's dW), and 70 = 64 (four vectors held in registers) + 6.
        Case(m: 8, n: 1, k: 256, aTransposed: true), Case(m: 70, n: 1, k: 13, aTransposed: true),
    ]

    static func values(_ count: Int, seed: UInt64) -> [Float] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in Float(generator.nextUniform() * 2 - 1) }
    }

    /// The reference product `sum_p A(i, p) B(p, j)` in `Double`, and the sum of magnitudes that
    /// bounds its rounding error.
    static func reference(_ c: Case, _ a: [Float], _ b: [Float]) -> (value: [Double], magnitude: [Double]) {
        var value = [Double](repeating: 0, count: c.m * c.n)
        var magnitude = value
        for i in 0..<c.m {
            for j in 0..<c.n {
                for p in 0..<c.k {
                    let x = Double(c.aTransposed ? a[p * c.m + i] : a[i * c.k + p])
                    let y = Double(c.bTransposed ? b[j * c.k + p] : b[p * c.n + j])
                    value[i * c.n + j] += x * y
                    magnitude[i * c.n + j] += abs(x * y)
                }
            }
        }
        return (value, magnitude)
    }

    static func run(_ c: Case, _ a: [Float], _ b: [Float], into output: inout [Float], accumulate: Bool = false,
                    epilogue: (UnsafePointer<Float>) -> MatrixMultiply.Epilogue = { _ in .none }, extra: [Float] = [0]) {
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                extra.withUnsafeBufferPointer { pe in
                    output.withUnsafeMutableBufferPointer { pc in
                        MatrixMultiply.multiply(
                            m: c.m, n: c.n, k: c.k, a: pa.baseAddress!,
                            aRowStride: c.aTransposed ? 1 : c.k, aColumnStride: c.aTransposed ? c.m : 1,
                            b: pb.baseAddress!, bRowStride: c.bTransposed ? 1 : c.n, bColumnStride: c.bTransposed ? c.k : 1,
                            c: pc.baseAddress!, ldc: c.n, accumulate: accumulate, epilogue: epilogue(pe.baseAddress!))
                    }
                }
            }
        }
    }

    /// Each element within float32 rounding of the exact product: `k` roundings of at most half an
    /// ulp of the running sum of magnitudes (Higham's bound for recursive summation).
    static func expectProduct(_ actual: [Float], _ c: Case, _ a: [Float], _ b: [Float], plus offset: (Int) -> Double = { _ in 0 },
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let (value, magnitude) = reference(c, a, b)
        for index in value.indices {
            let bound = Double(c.k + 2) * float32HalfUlp * (magnitude[index] + abs(offset(index))) + 1e-30
            #expect(abs(Double(actual[index]) - (value[index] + offset(index))) <= bound,
                    "\(c) [\(index)]: \(actual[index]) vs \(value[index] + offset(index))", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: cases)
    func productMatchesTheTripleLoop(_ c: Case) {
        let a = Self.values(c.m * c.k, seed: 1), b = Self.values(c.k * c.n, seed: 2)
        var output = [Float](repeating: .nan, count: c.m * c.n)
        Self.run(c, a, b, into: &output)
        Self.expectProduct(output, c, a, b)
    }

    @Test(arguments: cases)
    func accumulateAddsToWhatIsThere(_ c: Case) {
        let a = Self.values(c.m * c.k, seed: 3), b = Self.values(c.k * c.n, seed: 4)
        let start = Self.values(c.m * c.n, seed: 5)
        var output = start
        Self.run(c, a, b, into: &output, accumulate: true)
        Self.expectProduct(output, c, a, b, plus: { Double(start[$0]) })
    }

    @Test(arguments: cases)
    func biasAndReluEpilogues(_ c: Case) {
        let a = Self.values(c.m * c.k, seed: 6), b = Self.values(c.k * c.n, seed: 7)
        let bias = Self.values(c.n, seed: 8)
        var withBias = [Float](repeating: .nan, count: c.m * c.n)
        Self.run(c, a, b, into: &withBias, epilogue: { .bias($0) }, extra: bias)
        Self.expectProduct(withBias, c, a, b, plus: { Double(bias[$0 % c.n]) })
        var relu = [Float](repeating: .nan, count: c.m * c.n)
        Self.run(c, a, b, into: &relu, epilogue: { .biasRelu($0) }, extra: bias)
        for index in relu.indices {
            #expect(relu[index] == max(withBias[index], 0), "\(c) [\(index)]")
        }
    }

    @Test(arguments: cases)
    func positiveMaskZeroesWhereTheMaskIsNotPositive(_ c: Case) {
        let a = Self.values(c.m * c.k, seed: 9), b = Self.values(c.k * c.n, seed: 10)
        let mask = Self.values(c.m * c.n, seed: 11).enumerated().map { $0.offset % 5 == 0 ? 0 : $0.element }
        var plain = [Float](repeating: .nan, count: c.m * c.n)
        Self.run(c, a, b, into: &plain)
        var masked = [Float](repeating: .nan, count: c.m * c.n)
        Self.run(c, a, b, into: &masked, epilogue: { .positiveMask($0, ldm: c.n) }, extra: mask)
        for index in masked.indices {
            #expect(masked[index] == (mask[index] > 0 ? plain[index] : 0), "\(c) [\(index)]")
        }
    }

    /// The bits of every element, not only its value: each `C(i, j)` is one float32 accumulator
    /// over `p` in increasing order with a fused multiply-add when the build has them (one
    /// rounding per step), starting from the bias (or `C`) in a full group of 16 columns and from
    /// zero in a last group narrower than 16, whose bias (or `C`) is added after the sum. The
    /// recipe names no vector width, so an AVX-512 build and an AVX2 build that pass it give the
    /// same results.
    @Test(arguments: cases.filter { $0.n > 1 && $0.k > 0 })
    func everyElementIsTheSequentialSumOfItsGroup(_ c: Case) {
        let a = Self.values(c.m * c.k, seed: 21), b = Self.values(c.k * c.n, seed: 22)
        let bias = Self.values(c.n, seed: 23), initial = Self.values(c.m * c.n, seed: 24)
        let fullColumns = c.n / 16 * 16
        func expected(_ i: Int, _ j: Int, start: Float) -> Float {
            var sum: Float = j < fullColumns ? start : 0
            for p in 0..<c.k {
                let x = c.aTransposed ? a[p * c.m + i] : a[i * c.k + p]
                let y = c.bTransposed ? b[j * c.k + p] : b[p * c.n + j]
                sum = KernelBuild.usesFusedMultiplyAdd ? sum.addingProduct(x, y) : sum + x * y
            }
            return j < fullColumns ? sum : start + sum
        }
        var withBias = [Float](repeating: .nan, count: c.m * c.n)
        Self.run(c, a, b, into: &withBias, epilogue: { .bias($0) }, extra: bias)
        var accumulated = initial
        Self.run(c, a, b, into: &accumulated, accumulate: true)
        for i in 0..<c.m {
            for j in 0..<c.n {
                #expect(withBias[i * c.n + j].bitPattern == expected(i, j, start: bias[j]).bitPattern, "\(c) bias (\(i), \(j))")
                #expect(accumulated[i * c.n + j].bitPattern == expected(i, j, start: initial[i * c.n + j]).bitPattern,
                        "\(c) accumulate (\(i), \(j))")
            }
        }
    }

    /// The axpy form (`n == 1`, columns of `A` contiguous: a single-output layer's `X^T dz`) keeps
    /// each `C(i)` as one accumulator over `p` in increasing order from the bias (or `C`), with a
    /// fused multiply-add for the first `8 floor(m / 8)` rows when the build has them and a
    /// multiply then an add for the rest, on every vector width.
    @Test(arguments: cases.filter { $0.n == 1 && $0.k > 0 && $0.aTransposed })
    func axpyElementsAreTheSequentialSumFromTheStart(_ c: Case) {
        let a = Self.values(c.m * c.k, seed: 31), b = Self.values(c.k, seed: 32)
        let bias = Self.values(1, seed: 33), initial = Self.values(c.m, seed: 34)
        func expected(_ i: Int, start: Float) -> Float {
            var sum = start
            for p in 0..<c.k {
                let x = a[p * c.m + i], y = b[p]
                sum = KernelBuild.usesFusedMultiplyAdd && i < c.m / 8 * 8 ? sum.addingProduct(x, y) : sum + x * y
            }
            return sum
        }
        var withBias = [Float](repeating: .nan, count: c.m)
        Self.run(c, a, b, into: &withBias, epilogue: { .bias($0) }, extra: bias)
        var accumulated = initial
        Self.run(c, a, b, into: &accumulated, accumulate: true)
        for i in 0..<c.m {
            #expect(withBias[i].bitPattern == expected(i, start: bias[0]).bitPattern, "\(c) bias (\(i))")
            #expect(accumulated[i].bitPattern == expected(i, start: initial[i]).bitPattern, "\(c) accumulate (\(i))")
        }
    }

    @Test func emptyDepthGivesTheEpilogueOfZero() {
        let bias: [Float] = [1, -2, 3]
        var output = [Float](repeating: .nan, count: 6)
        let a: [Float] = [0], b: [Float] = [0]
        Self.run(Case(m: 2, n: 3, k: 0), a, b, into: &output, epilogue: { .biasRelu($0) }, extra: bias)
        #expect(output == [1, 0, 3, 1, 0, 3])
    }

    /// The same operands at other addresses give the same bits (no alignment-dependent path).
    @Test func resultsDoNotDependOnAlignment() {
        let c = Case(m: 37, n: 29, k: 45)
        let a = Self.values(c.m * c.k, seed: 12), b = Self.values(c.k * c.n, seed: 13)
        var first = [Float](repeating: 0, count: c.m * c.n)
        Self.run(c, a, b, into: &first)
        let shiftedA = [0] + a, shiftedB = [0, 0, 0] + b
        var second = [Float](repeating: 0, count: c.m * c.n + 1)
        shiftedA.withUnsafeBufferPointer { pa in
            shiftedB.withUnsafeBufferPointer { pb in
                second.withUnsafeMutableBufferPointer { pc in
                    MatrixMultiply.multiply(m: c.m, n: c.n, k: c.k, a: pa.baseAddress! + 1, aRowStride: c.k, aColumnStride: 1,
                                            b: pb.baseAddress! + 3, bRowStride: c.n, bColumnStride: 1,
                                            c: pc.baseAddress! + 1, ldc: c.n)
                }
            }
        }
        #expect(Array(second.dropFirst()) == first)
    }

    @Test func matrixFormsAgreeWithTheRawForm() {
        let x = Matrix(rows: 5, columns: 3, storage: Self.values(15, seed: 14))
        let w = Matrix(rows: 3, columns: 4, storage: Self.values(12, seed: 15))
        var z = Matrix(rows: 0, columns: 0)
        MatrixMultiply.multiply(x, w, into: &z)
        var xt = Matrix(rows: 3, columns: 5)
        for i in 0..<5 { for j in 0..<3 { xt[j, i] = x[i, j] } }
        var viaFirst = Matrix(rows: 0, columns: 0)
        MatrixMultiply.multiplyTransposingFirst(xt, w, into: &viaFirst)
        var wt = Matrix(rows: 4, columns: 3)
        for i in 0..<3 { for j in 0..<4 { wt[j, i] = w[i, j] } }
        var viaSecond = Matrix(rows: 0, columns: 0)
        MatrixMultiply.multiplyTransposingSecond(x, wt, into: &viaSecond)
        #expect(z.rows == 5 && z.columns == 4)
        expectClose(viaFirst.storage, z.storage, relative: 1e-6, absolute: 1e-6, "X^T form")
        expectClose(viaSecond.storage, z.storage, relative: 1e-6, absolute: 1e-6, "B^T form")
    }
}

extension MatrixMultiplyTests.Case: CustomTestStringConvertible, CustomStringConvertible {
    var description: String { "\(m)x\(n)x\(k)\(aTransposed ? " A^T" : "")\(bTransposed ? " B^T" : "")" }
    var testDescription: String { description }
}
