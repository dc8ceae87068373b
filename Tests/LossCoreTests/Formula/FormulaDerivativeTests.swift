import Foundation
import Testing
@testable import LossCore
import LossLabTestSupport

/// Every operator and function: the compiled value against a hand-written Swift closure, and the
/// compiled symbolic derivative against central finite differences of that closure in double
/// precision (so nothing of the formula engine is used to check it).
@Suite("Formula derivatives against finite differences")
struct FormulaDerivativeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var formula: String
        var value: @Sendable (Double, Double) -> Double
        /// Whether the formula is defined for negative p.
        var negative = true
        var testDescription: String { formula }
    }

    static let cases: [Case] = [
        Case(formula: "p^3 - 2 * p") { p, _ in p * p * p - 2 * p },
        Case(formula: "p^y", value: { p, y in pow(p, y) }, negative: false),
        Case(formula: "y^p") { p, y in pow(y, p) },
        Case(formula: "p^0.5 + p^-1.5", value: { p, _ in p.squareRoot() + pow(p, -1.5) }, negative: false),
        Case(formula: "p^p", value: { p, _ in pow(p, p) }, negative: false),
        Case(formula: "p^-2 + p^5") { p, _ in 1 / (p * p) + pow(p, 5) },
        Case(formula: "exp(p * y)") { p, y in exp(p * y) },
        Case(formula: "log(p * p + 1)") { p, _ in log(p * p + 1) },
        Case(formula: "log1p(p * p)") { p, _ in log1p(p * p) },
        Case(formula: "sqrt(p * p + y)") { p, y in (p * p + y).squareRoot() },
        Case(formula: "tanh(2 * p - y)") { p, y in tanh(2 * p - y) },
        Case(formula: "sigmoid(p * y)") { p, y in 1 / (1 + exp(-p * y)) },
        Case(formula: "softplus(p - y)") { p, y in log(1 + exp(p - y)) },
        Case(formula: "cosh(p - y)") { p, y in cosh(p - y) },
        Case(formula: "sinh(p - y)") { p, y in sinh(p - y) },
        Case(formula: "abs(p - y)") { p, y in abs(p - y) },
        Case(formula: "sign(p) * p^2") { p, _ in (p > 0 ? 1 : -1) * p * p },
        Case(formula: "step(p) * p + p") { p, _ in (p > 0 ? p : 0) + p },
        Case(formula: "min(p, y) * p") { p, y in min(p, y) * p },
        Case(formula: "max(p^2, y)") { p, y in max(p * p, y) },
        Case(formula: "where(p > y, p^2, 3 * p - 1)") { p, y in p > y ? p * p : 3 * p - 1 },
        Case(formula: "if(p <= y, exp(p), -p)") { p, y in p <= y ? exp(p) : -p },
        Case(formula: "where(p * y != 1, p / (1 + p * p), y)") { p, y in p / (1 + p * p) },
        Case(formula: "(p - y) / y") { p, y in (p - y) / y },
        Case(formula: "y / p - 1 / (p * p + 1)") { p, y in y / p - 1 / (p * p + 1) },
        Case(formula: "-(p - 2)^2 * y + 5") { p, y in -(p - 2) * (p - 2) * y + 5 },
        Case(formula: "log(1 + ((p - y) / 0.7)^2)") { p, y in log(1 + pow((p - y) / 0.7, 2)) },
    ]

    /// Points away from every kink and tie of the formulas above.
    static let positive: [(Double, Double)] = [(0.4, 0.6), (1.3, 1.7), (2.2, 2.9), (1.3, 0.6), (2.2, 1.7)]
    static let negative: [(Double, Double)] = [(-1.7, 0.6), (-0.3, 1.7)]

    @Test("value equals the Swift closure; derivative equals central differences", arguments: cases)
    func derivative(_ check: Case) {
        let loss = formulaLoss(check.formula)
        for (p, y) in Self.positive + (check.negative ? Self.negative : []) {
            let point = (Float(p), Float(y))
            let (pf, yf) = (Double(point.0), Double(point.1))
            let value = Double(loss.elementValue(predicted: point.0, expected: point.1))
            #expect(isClose(value, check.value(pf, yf), relative: 2e-6, absolute: 1e-6),
                    "\(check.formula) at p = \(p), y = \(y): \(value) vs \(check.value(pf, yf))")
            let h = 1e-5 * max(1, abs(pf))
            let numeric = (check.value(pf + h, yf) - check.value(pf - h, yf)) / (2 * h)
            let analytic = Double(loss.elementDerivative(predicted: point.0, expected: point.1))
            #expect(isClose(analytic, numeric, relative: 1e-4, absolute: 1e-5),
                    "\(check.formula) at p = \(p), y = \(y): d/dp \(analytic) vs \(numeric) (\(loss.derivativeText))")
        }
    }
}
