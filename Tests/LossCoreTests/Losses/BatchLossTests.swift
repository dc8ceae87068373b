import Testing
@testable import LossCore
import LossLabTestSupport

/// ``Loss/batchValuesAndGradients(predicted:expected:rows:columns:rowScale:values:gradient:)``, the
/// trainer's path, against the per-sample ``Loss/value(predicted:expected:)`` and
/// ``Loss/gradient(predicted:expected:into:)`` for every loss, including logits of +-500.
struct BatchLossTests {
    /// A batch of 11 rows (more than 8, not a multiple of 8, so the vector loops have a tail) for a
    /// loss: predictions in the loss's domain and prepared targets.
    static func batch(for loss: any Loss, columns: Int, extreme: Bool) -> (predicted: Matrix, expected: Matrix) {
        var random = SplitMix64(seed: 7)
        let rows = 11
        let logits = [BinaryCrossentropy(fromLogits: true).name, CategoricalCrossentropy(fromLogits: true).name]
        var predicted = Matrix(rows: rows, columns: columns)
        var expected = Matrix(rows: rows, columns: columns)
        for r in 0..<rows {
            for j in 0..<columns {
                let u = Float(random.nextUniform())
                predicted[r, j] = extreme ? (u < 0.5 ? -500 : 500) * Float(r % 3) : 0.02 + 0.96 * u
                if logits.contains(loss.name) && !extreme { predicted[r, j] = 8 * u - 4 }
                expected[r, j] = Float(random.nextInt(below: 2))
            }
        }
        return (predicted, loss.prepareTargets(expected, predictedColumns: columns))
    }

    static let configurations: [(any Loss, Int)] = allLossConfigurations.map { ($0, 1) } + allLossConfigurations.map { ($0, 3) }

    @Test(arguments: 0..<configurations.count)
    func batchPathMatchesThePerSampleFormulas(_ index: Int) {
        let (loss, columns) = Self.configurations[index]
        let isLogits = (loss as? BinaryCrossentropy)?.fromLogits == true || (loss as? CategoricalCrossentropy)?.fromLogits == true
        for extreme in isLogits ? [false, true] : [false] {
            let (p, y) = Self.batch(for: loss, columns: columns, extreme: extreme)
            let scales: [Float] = (0..<p.rows).map { $0 % 4 == 0 ? 1 : 0.25 * Float($0) }
            var values = [Float](repeating: .nan, count: p.rows)
            var gradient = [Float](repeating: .nan, count: p.count)
            p.storage.withUnsafeBufferPointer { pp in
                y.storage.withUnsafeBufferPointer { py in
                    scales.withUnsafeBufferPointer { ps in
                        values.withUnsafeMutableBufferPointer { pv in
                            gradient.withUnsafeMutableBufferPointer { pg in
                                loss.batchValuesAndGradients(predicted: pp.baseAddress!, expected: py.baseAddress!, rows: p.rows,
                                                             columns: columns, rowScale: ps.baseAddress!,
                                                             values: pv.baseAddress!, gradient: pg.baseAddress!)
                            }
                        }
                    }
                }
            }
            let expectedValues = loss.preparedValues(predicted: p, expected: y)
            var expectedGradient = Matrix(rows: 0, columns: 0)
            loss.preparedGradients(predicted: p, expected: y, rowScale: scales, into: &expectedGradient)
            // The vectorised exponentials and logarithms are within an ulp of the C library's.
            expectClose(values, expectedValues, relative: 2e-6, absolute: 3e-7, "\(loss.name) x\(columns) values")
            expectClose(gradient, expectedGradient.storage, relative: 2e-6, absolute: 3e-7, "\(loss.name) x\(columns) gradient")
        }
    }

    /// The softmax crossentropy's batch path (eight rows at a time, lanes across rows) gives the bits
    /// of the plain row-by-row recipe: the maximum by `max`, `e_j = exp(x_j - m)`, the row sum in
    /// column order from 0, `lse = m + log s`, the loss `-= y_j (x_j - lse)` over `y_j != 0` in
    /// column order, the gradient `((e_j / s) sum_k y_k - y_j)`, times the row's scale when it is
    /// not 1. Widths below, at and above the vector width, 13 rows (a short last block), logits up
    /// to +-500 and smoothed (non-one-hot) targets.
    @Test(arguments: [1, 3, 8, 10, 17])
    func softmaxCrossentropyBatchHasTheBitsOfTheRowByRowRecipe(columns: Int) {
        let loss = CategoricalCrossentropy(fromLogits: true, labelSmoothing: 0.1)
        var random = SplitMix64(seed: 11)
        let rows = 13
        var x = [Float](repeating: 0, count: rows * columns), labels = Matrix(rows: rows, columns: 1)
        for r in 0..<rows {
            for j in 0..<columns {
                x[r * columns + j] = r % 5 == 4 ? (random.nextUniform() < 0.5 ? -500 : 500) : Float(random.nextUniform()) * 16 - 8
            }
            labels[r, 0] = Float(random.nextInt(below: columns))
        }
        let y = loss.prepareTargets(labels, predictedColumns: columns).storage
        let scales: [Float] = (0..<rows).map { $0 % 3 == 0 ? 1 : 0.5 + Float($0) }
        var values = [Float](repeating: .nan, count: rows), gradient = [Float](repeating: .nan, count: rows * columns)
        loss.batchValuesAndGradients(predicted: x, expected: y, rows: rows, columns: columns, rowScale: scales,
                                     values: &values, gradient: &gradient)

        func exp(_ v: Float) -> Float { VectorMath.exp(VectorMath.Lanes(repeating: v))[0] }
        func log(_ v: Float) -> Float { VectorMath.log(VectorMath.Lanes(repeating: v))[0] }
        for r in 0..<rows {
            let row = Array(x[r * columns..<(r + 1) * columns]), target = Array(y[r * columns..<(r + 1) * columns])
            var m = -Float.infinity
            for v in row { m = max(m, v) }
            let e = row.map { exp($0 - m) }
            var s: Float = 0
            for v in e { s += v }
            let lse = m + log(s)
            var expectedLoss: Float = 0, targetSum: Float = 0
            for j in 0..<columns {
                if target[j] != 0 { expectedLoss -= target[j] * (row[j] - lse) }
                targetSum += target[j]
            }
            #expect(values[r].bitPattern == expectedLoss.bitPattern, "row \(r): \(values[r]) vs \(expectedLoss)")
            for j in 0..<columns {
                var derivative = (e[j] * (1 / s)) * targetSum - target[j]
                if scales[r] != 1 { derivative *= scales[r] }
                #expect(gradient[r * columns + j].bitPattern == derivative.bitPattern,
                        "row \(r) column \(j): \(gradient[r * columns + j]) vs \(derivative)")
            }
        }
    }
}
