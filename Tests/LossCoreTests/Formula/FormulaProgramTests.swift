import Testing
@testable import LossCore
import LossLabTestSupport

/// The compiled batch program against the scalar float32 evaluator (constant folding's functions),
/// over batches of every size class: shorter than a lane group, not a multiple of 8, several chunks.
@Suite("Formula program")
struct FormulaProgramTests {
    /// A formula per instruction: immediates on either side, register forms, every function and
    /// every comparison.
    static let formulas = [
        "p + 1.5", "2.5 - p", "p - 0.25", "3 * p", "p / 3", "3 / (p + 4)", "min(p, 0.2)", "max(p, 0.2)",
        "min(0.2, p)", "max(0.2, p)", "p^2", "p^3", "p^-3", "p^0.5 + abs(p)", "abs(p)^1.7", "2^p", "abs(p)^y",
        "p + y", "p - y", "p * y", "p / (y + 2)", "min(p, y)", "max(p, y)", "-p", "abs(p - y)", "exp(p)", "log(abs(p) + 0.1)",
        "log1p(abs(p))", "log1p(p - 0.5)", "sqrt(abs(p))", "tanh(p)", "sigmoid(p * 10)", "softplus(p * 10)", "cosh(p)", "sinh(p)",
        "sign(p - y) + p", "step(p - y) + p", "where(p < y, p, y)", "where(p <= 0, p^2, 1)", "where(p > y, 1, p)",
        "where(p >= 0.5, p, 2 * p)", "where(y == 1, p, -p)", "where(y != 1, p, -p)",
        "log(1 + ((p - y) / 0.5)^2) * exp(-p) + sigmoid(p) * softplus(y - p)",
    ]

    static func batch(_ count: Int) -> ([Float], [Float]) {
        var random = SplitMix64(seed: UInt64(count))
        let p = (0..<count).map { _ in Float(random.nextUniform() * 6 - 3) }
        let y = (0..<count).map { i in i % 3 == 0 ? 1 : Float(random.nextUniform() * 4 - 2) }
        return (p, y)
    }

    /// Within 3e-7 relative (2 ulps), or both NaN (a negative base to a fractional power). The
    /// vector exponential and logarithm err by up to 2 ulps of their own results; where a
    /// derivative subtracts such a result from 1 (`s (1 - s)` of a sigmoid near 1) or sums terms
    /// that cancel, that error is absolute, a few ulps of 1 times the chain's factors (at most 10
    /// here): hence the absolute floor of 3e-6.
    static func agree(_ a: Float, _ b: Float) -> Bool {
        (a.isNaN && b.isNaN) || isClose(Double(a), Double(b), relative: 3e-7, absolute: 3e-6)
    }

    @Test("batch values and derivatives equal the scalar evaluator", arguments: formulas)
    func agreement(_ text: String) {
        let loss = formulaLoss(text)
        for count in [1, 7, 8, 9, 300, 1000] {
            let (p, y) = Self.batch(count)
            var values = [Float](repeating: .nan, count: count), derivatives = values
            loss.program.run(count: count, predicted: p, expected: y, first: &values, second: &derivatives)
            var valuesOnly = [Float](repeating: .nan, count: count)
            loss.valueProgram.run(count: count, predicted: p, expected: y, first: &valuesOnly)
            for i in 0..<count {
                let scalar = FormulaEvaluator.float32(loss.graph, through: max(loss.valueNode, loss.derivativeNode),
                                                      at: FormulaPoint(prediction: p[i], target: y[i]))
                let expected = (scalar[loss.valueNode], scalar[loss.derivativeNode])
                // exp, log, log1p, sigmoid and softplus are VectorMath's: within 2 ulps.
                #expect(Self.agree(values[i], expected.0), "\(text) [\(i)] of \(count): \(values[i]) vs \(expected.0)")
                #expect(Self.agree(derivatives[i], expected.1),
                        "\(text) d [\(i)] of \(count): \(derivatives[i]) vs \(expected.1)")
                #expect(valuesOnly[i] == values[i] || (valuesOnly[i].isNaN && values[i].isNaN))
            }
        }
    }

    @Test("registers are reused: a sum of 40 terms needs a handful")
    func registerReuse() {
        let text = (1...40).map { "(p - \($0))^2" }.joined(separator: " + ")
        let loss = formulaLoss(text)
        #expect(loss.valueProgram.registerCount <= 8, "\(loss.valueProgram.registerCount) registers")
        // With the derivative, each p - k is kept for its derivative (p - k) * 2: sharing costs
        // registers, not recomputation.
        #expect(loss.program.registerCount <= 2 + 41 + 4, "\(loss.program.registerCount) registers")
        #expect(loss.program.chunk == 256)
        var p: Float = 1.5, y: Float = 0, value: Float = 0
        loss.valueProgram.run(count: 1, predicted: &p, expected: &y, first: &value)
        var expected: Float = 0
        for k in 1...40 {
            let e: Float = 1.5 - Float(k)
            expected += e * e
        }
        #expect(isClose(Double(value), Double(expected), relative: 1e-6))
    }

    @Test("constants as operands and as outputs; the same root twice")
    func constantsAndSharedRoots() {
        // The derivative of p is the constant 1; of exp(p), exp(p) itself.
        let linear = formulaLoss("p")
        #expect(linear.elementDerivative(predicted: 4, expected: 0) == 1)
        #expect(linear.elementValue(predicted: 4, expected: 0) == 4)
        let exponential = formulaLoss("exp(p)")
        #expect(exponential.elementDerivative(predicted: 0, expected: 0) == 1)
        #expect(formulaLoss("where(p > 1, 2, 3) * p").elementDerivative(predicted: 2, expected: 0) == 2)
    }
}
