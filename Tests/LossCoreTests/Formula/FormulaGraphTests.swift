import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("Formula graph: simplification, sharing, derivative")
struct FormulaGraphTests {
    @Test("constants fold and identities vanish",
          arguments: [
              ("(p - y) * 1 + 0", "p - y"), ("2 * 3 * p", "p * 6"), ("p / 1 - 0", "p"), ("p^1 + 0 * y", "p"),
              ("-(-p)", "p"), ("-(p - y)", "y - p"), ("p + -y", "p - y"), ("p - -y", "p + y"), ("p * -1", "-p"),
              ("p + (y - y)", "p"), ("where(1 < 2, p, y)", "p"), ("where(p > y, p, p)", "p"), ("max(p, p)", "p"),
              ("p * c", "p * 0.5"), ("log(2) * p", "p * 0.6931472"),
          ] as [(String, String)])
    func simplification(_ text: String, _ simplified: String) {
        #expect(formulaLoss(text, text.contains("c") ? ["c": 0.5] : [:]).valueText == simplified)
    }

    @Test("derivatives, simplified",
          arguments: [
              ("(p - y)^2", "(p - y) * 2"),
              ("exp(p - y) + log(p - y)", "exp(p - y) + 1 / (p - y)"),
              ("abs(p - y)", "sign(p - y)"),
              ("p * y", "y"),
              ("3 * p^4", "3 * (4 * p^3)"),
              ("softplus(p) - p * y", "sigmoid(p) - y"),
              ("max(0, 1 - y * p)", "where(1 - p * y > 0, -y, 0)"),
              ("min(p, y)", "where(y < p, 0, 1)"),
              ("where(p > y, p^2, 3 * p)", "where(p > y, p * 2, 3)"),
              ("y / p", "-(y / p) / p"),
          ] as [(String, String)])
    func derivatives(_ text: String, _ derivative: String) {
        #expect(formulaLoss(text).derivativeText == derivative)
    }

    @Test("a subexpression written twice, or needed again by the derivative, is one node")
    func sharing() {
        let once = formulaLoss("(p - y)^2")
        let twice = formulaLoss("(p - y)^2 + (p - y)^2")
        // p, y, 0, 1, p - y, 2, (p - y)^2, and the derivative (p - y) * 2; the sum and its derivative.
        #expect(once.graph.count == 8)
        #expect(twice.graph.count == once.graph.count + 2)
        // exp(p)'s derivative is exp(p) itself: value and derivative are the same register.
        let exponential = formulaLoss("exp(p)")
        #expect(exponential.derivativeNode == exponential.valueNode)
        #expect(exponential.program.instructions.count == 1)
    }

    @Test("the graph of a formula at the limits stays small and compiles")
    func limits() {
        let nested = (0..<30).reduce("p") { text, _ in "sigmoid(\(text) * y)" }
        let loss = formulaLoss(nested)
        #expect(loss.graph.count < 300)
        #expect(loss.elementDerivative(predicted: 0.3, expected: 0.5).isFinite)
    }
}
