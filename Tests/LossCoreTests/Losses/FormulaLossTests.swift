import Foundation
import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("FormulaLoss")
struct FormulaLossTests {
    struct Match: Sendable, CustomTestStringConvertible {
        var formula: String
        var parameters: [String: Double] = [:]
        var builtIn: any Loss
        var predicted: [[Float]]
        var expected: [[Float]]
        /// Relative tolerance; 0 where the formula is the built-in's own float32 operations.
        var relative: Double = 0
        var absolute: Double = 0
        var testDescription: String { "\(builtIn.name): \(formula)" }
    }

    static let regressionP: [[Float]] = [[0.3, -1.2, 2.5], [1.7, 0.4, -0.6], [0.5, 3, -4]]
    static let regressionY: [[Float]] = [[0, 0.5, 1], [2.1, -0.3, 0.2], [0.5, 0, 1]]
    static let probabilities: [[Float]] = [[0.8, 0.3, 0.6], [0.1, 0.95, 0.5], [0, 1, 2e-7]]
    static let binary: [[Float]] = [[1, 0, 1], [0, 1, 1], [0, 1, 1]]
    static let clipped = "min(max(p, 1e-7), 1 - 1e-7)"

    static let matches: [Match] = [
        Match(formula: "(p - y)^2", builtIn: MeanSquaredError(), predicted: regressionP, expected: regressionY),
        Match(formula: "abs(p - y)", builtIn: MeanAbsoluteError(), predicted: regressionP, expected: regressionY),
        Match(formula: "-(y * log(\(clipped)) + (1 - y) * log(1 - \(clipped)))", builtIn: BinaryCrossentropy(),
              predicted: probabilities, expected: binary, relative: 2e-6, absolute: 1e-6),
        Match(formula: "softplus(p) - p * y", builtIn: BinaryCrossentropy(fromLogits: true),
              predicted: [[2, -1, 0.5], [-30, 0, 40]], expected: [[1, 0, 1], [0, 1, 1]], relative: 2e-6, absolute: 1e-6),
        Match(formula: "where(abs(p - y) <= d, 0.5 * (p - y)^2, d * abs(p - y) - 0.5 * d^2)", parameters: ["d": 1],
              builtIn: Huber(), predicted: regressionP, expected: regressionY),
        Match(formula: "where(abs(p - y) <= d, 0.5 * (p - y)^2, d * abs(p - y) - 0.5 * d^2)", parameters: ["d": 0.5],
              builtIn: Huber(delta: 0.5), predicted: regressionP, expected: regressionY),
        Match(formula: "p - y + softplus(-2 * (p - y)) - log(2)", builtIn: LogCosh(), predicted: regressionP,
              expected: regressionY, relative: 2e-6, absolute: 2e-6),
        Match(formula: "p - y * log(p + 1e-7)", builtIn: Poisson(), predicted: [[0.5, 2, 1], [3, 0.1, 7.5], [0, 1e-6, 40]],
              expected: [[1, 0, 2], [3, 1, 5], [2, 0, 40]], relative: 2e-6, absolute: 1e-6),
        Match(formula: "max(0, 1 - y * p)", builtIn: Hinge(), predicted: [[0.3, -2, 0.8], [-0.6, 1.5, 1]],
              expected: [[1, -1, -1], [1, 1, 1]]),
        Match(formula: "max(0, 1 - y * p)^2", builtIn: SquaredHinge(), predicted: [[0.3, -2, 0.8], [-0.6, 1.5, 1]],
              expected: [[1, -1, -1], [1, 1, 1]]),
        Match(formula: "100 * abs((y - p) / max(abs(y), 1e-7))", builtIn: MeanAbsolutePercentageError(),
              predicted: regressionP, expected: regressionY, relative: 0, absolute: 0),
    ]

    @Test("a formula for a built-in loss gives its values and gradients", arguments: matches)
    func equalsBuiltIn(_ match: Match) {
        let loss = formulaLoss(match.formula, match.parameters)
        let values = lossValues(loss, predicted: match.predicted, expected: match.expected)
        let reference = lossValues(match.builtIn, predicted: match.predicted, expected: match.expected)
        let gradients = lossGradients(loss, predicted: match.predicted, expected: match.expected).joined()
        let referenceGradients = lossGradients(match.builtIn, predicted: match.predicted, expected: match.expected).joined()
        if match.relative == 0 {
            #expect(values == reference, "\(match.formula)")
            #expect(Array(gradients) == Array(referenceGradients), "\(match.formula)")
        } else {
            expectClose(values, reference, relative: match.relative, absolute: match.absolute, match.formula)
            expectClose(Array(gradients), Array(referenceGradients), relative: match.relative, absolute: match.absolute,
                        match.formula + " gradient")
        }
    }

    @Test("Cauchy loss against hand-written Swift: log(1 + (e/c)^2), derivative 2e / (c^2 + e^2)",
          arguments: [0.5, 2.0])
    func cauchy(_ c: Double) {
        let loss = formulaLoss("log(1 + ((p - y) / c)^2)", ["c": c], name: "cauchy")
        for (p, y) in [(0.3, 0.0), (-1.2, 0.5), (2.5, 1.0), (4.0, -3.0), (0.1, 0.1)] as [(Float, Float)] {
            let e = Double(p) - Double(y)
            expectClose(loss.elementValue(predicted: p, expected: y), Float(log(1 + (e / c) * (e / c))), relative: 2e-6,
                        absolute: 1e-7, "cauchy value at \(p), \(y)")
            expectClose(loss.elementDerivative(predicted: p, expected: y), Float(2 * e / (c * c + e * e)), relative: 2e-6,
                        absolute: 1e-7, "cauchy derivative at \(p), \(y)")
        }
        #expect(loss.name == "cauchy")
    }

    @Test("pinball loss against hand-written Swift: tau e or (tau - 1) e, e = y - p; the tie takes the first branch")
    func pinball() {
        let tau = 0.9
        let loss = formulaLoss("max(tau * (y - p), (tau - 1) * (y - p))", ["tau": tau])
        for (p, y) in [(0.3, 1.0), (2.0, -1.0), (-0.5, -0.5)] as [(Float, Float)] {
            let e = Double(y) - Double(p)
            let value = e >= 0 ? tau * e : (tau - 1) * e
            let derivative = e >= 0 ? -tau : 1 - tau
            expectClose(loss.elementValue(predicted: p, expected: y), Float(value), relative: 1e-6, absolute: 1e-7, "value")
            expectClose(loss.elementDerivative(predicted: p, expected: y), Float(derivative), relative: 1e-6, "derivative")
        }
    }

    @Test("element-wise: the mean over outputs, the gradient over k; integer labels become one-hot rows")
    func elementwise() {
        let loss = formulaLoss("(p - y)^2 * 3")
        // (1 + 4 + 0) * 3 / 3 = 5; gradient 6 e / 3 = 2 e.
        #expect(lossValue(loss, predicted: [1, 2, 3], expected: [0, 0, 3]) == 5)
        #expect(lossGradient(loss, predicted: [1, 2, 3], expected: [0, 0, 3]) == [2, 4, 0])
        #expect(lossValues(loss, predicted: [[0.2, 0.5, 0.3]], expected: [[1]])
            == lossValues(loss, predicted: [[0.2, 0.5, 0.3]], expected: [[0, 1, 0]]))
        #expect(loss.fused(with: .sigmoid) == nil)
    }

    @Test("its description for trial ids, and equality by meaning")
    func identity() {
        let loss = formulaLoss("log(1+((p-y)/c)^2)", ["c": 0.5])
        #expect(loss.canonicalDescription == "log(1 + ((p - y) / c)^2) with c = 0.5")
        #expect(loss == formulaLoss("log(1 + ((p - y) / c) ^ 2)", ["c": 0.5]))
        #expect(loss != formulaLoss("log(1 + ((p - y) / c)^2)", ["c": 2]))
        #expect(formulaLoss("(p - y)^2").canonicalDescription == "(p - y)^2")
    }

    @Test("extreme inputs: the values are what float32 gives, no trap")
    func extremes() {
        let loss = formulaLoss("log(1 + ((p - y) / c)^2)", ["c": 1])
        expectFinite(loss, predicted: [[1e18, -1e18], [0, 500]], expected: [[-1e18, 1e18], [0, -500]])
        let bce = formulaLoss("softplus(p) - p * y")
        expectFinite(bce, predicted: [[500, -500], [1e30, -1e30]], expected: [[1, 0], [0, 1]])
    }
}
