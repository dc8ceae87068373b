import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("Formula checks on a domain")
struct FormulaCheckTests {
    static let regression = FormulaDomain(activation: .identity, encoding: .values)
    static let binary = FormulaDomain(activation: .sigmoid, encoding: .binary)

    func check(_ text: String, _ parameters: [String: Double] = [:], on domain: FormulaDomain) -> FormulaError? {
        formulaError { () throws(FormulaError) in try formulaLoss(text, parameters).check(on: domain) }
    }

    @Test("losses that train pass, kinks included",
          arguments: [
              ("(p - y)^2", regression), ("abs(p - y)", regression),
              ("max(tau * (y - p), (tau - 1) * (y - p))", regression),
              ("where(abs(p - y) <= d, 0.5 * (p - y)^2, d * (abs(p - y) - 0.5 * d))", regression),
              ("log(1 + ((p - y) / c)^2)", regression), ("p - y + softplus(-2 * (p - y)) - log(2)", regression),
              ("-(y * log(p) + (1 - y) * log(1 - p))", binary),
              ("-(y * log(min(max(p, 1e-7), 1 - 1e-7)) + (1 - y) * log(1 - min(max(p, 1e-7), 1 - 1e-7)))", binary),
              ("softplus(p) - p * y", FormulaDomain(activation: .identity, encoding: .binary)),
              ("max(0, 1 - y * p)^2", FormulaDomain(activation: .tanh, encoding: .signed)),
              ("p - y * log(p)", FormulaDomain(activation: .exp, encoding: .values)),
              ("(log(1 + p) - log(1 + y))^2", FormulaDomain(activation: .softplus, encoding: .values)),
              ("(p - y)^2", FormulaDomain(activation: .relu, encoding: .values)),
          ] as [(String, FormulaDomain)])
    func accepted(_ text: String, _ domain: FormulaDomain) {
        let error = check(text, ["tau": 0.9, "d": 1, "c": 0.5].filter { text.contains($0.key) }, on: domain)
        #expect(error == nil, "\(text): \(String(describing: error))")
    }

    @Test("a log of the unbounded prediction is refused at the first point, with the part that fails")
    func logOfIdentity() throws {
        let error = try #require(check("log(p) - y", on: Self.regression))
        #expect(error.kind == .notFinite)
        #expect(error.point == FormulaPoint(prediction: -10, target: -10))
        #expect(error.problem == "the value is nan at p = -10, y = -10")
        #expect(error.range == 0..<6)
        #expect(error.suggestion == "The first non-finite part is log(p) (column 1): the log of a negative number (-10). "
            + "Clip the argument of a log, e.g. log(max(p, 1e-7)), as Keras does.")
        #expect(error.expected == "a formula whose value and derivative are finite on predictions in any real number "
            + "(identity output) and targets in any real number (values targets)")
    }

    @Test("division by zero on the domain",
          arguments: [
              ("(p - y)^2 / y", "the value is inf at p = -10, y = 0", "(p - y)^2 / y (column 1): 100 / 0."),
              ("1 / (p - y)", "the value is inf at p = -10, y = -10", "1 / (p - y) (column 1): 1 / 0."),
              ("(p - y)^2 / c", "the value is nan at p = -10, y = -10 with c = 0", "(p - y)^2 / c (column 1): 0 / 0."),
          ] as [(String, String, String?)])
    func divisionByZero(_ text: String, _ problem: String, _ cause: String?) throws {
        let error = try #require(check(text, text.contains("c") ? ["c": 0] : [:], on: Self.regression))
        #expect(error.kind == .notFinite)
        #expect(error.problem == problem)
        if let cause { #expect(error.suggestion?.contains(cause) == true, "\(String(describing: error.suggestion))") }
    }

    @Test("an infinite derivative names the part whose derivative it is")
    func infiniteSlope() throws {
        let error = try #require(check("sqrt(abs(p - y))", on: Self.regression))
        #expect(error.kind == .notFinite)
        #expect(error.problem.hasPrefix("the derivative with respect to p is nan at p = -10, y = -10"))
        #expect(error.suggestion?.contains("in the derivative of sqrt(abs(p - y)) (column 1): 1 / 0.") == true,
                "\(String(describing: error.suggestion))")
    }

    @Test("overflow, 0 times infinity, a target of 0 in a log")
    func otherNonFinite() throws {
        let overflow = try #require(check("exp(10 * (p - y))", on: Self.regression))
        #expect(overflow.suggestion?.contains("exp(10 * (p - y)) (column 1): exp(90) overflows float32.") == true, "\(String(describing: overflow.suggestion))")
        // KL's y log(y / p) without clipping: 0 log 0 is NaN in floating point.
        let kl = try #require(check("y * log(y / p)", on: Self.binary))
        #expect(kl.problem == "the value is nan at p = 1e-06, y = 0")
        #expect(check("y * log(max(y, 1e-7) / p)", on: Self.binary) == nil)
        #expect(check("p^1e30", on: Self.regression)?.kind == .notFinite)
    }

    @Test("a jump is refused as discontinuous")
    func jump() throws {
        let error = try #require(check("where(p > 0.5, p, p + 1)", on: Self.binary))
        #expect(error.kind == .discontinuous)
        #expect(error.point == FormulaPoint(prediction: 0.5, target: 0))
        #expect(error.problem == "the formula jumps at p = 0.5, y = 0 (from 1.5 to 0.5001)")
        // Continuous branches that meet are fine, even with a kink there.
        #expect(check("where(p > 0.5, p, 1 - p)", on: Self.binary) == nil)
    }

    @Test("the pairing gives the domain")
    func domains() {
        #expect(Self.binary.description == "predictions in (0, 1) (sigmoid output) and targets in {0, 1} (binary targets)")
        #expect(FormulaDomain(activation: .exp, encoding: .values).targets.points.allSatisfy { $0 >= 0 })
        #expect(FormulaDomain(activation: .tanh, encoding: .signed).targets.points == [-1, 1])
        #expect(FormulaDomain(activation: .softmax, encoding: .integer).targets.points == [0, 1])
        #expect(FormulaDomain(activation: .identity, encoding: .values).predictions.points.contains(0))
        for activation in Activation.allCases {
            let domain = FormulaDomain(activation: activation, encoding: .values)
            for point in domain.points {
                if let lower = domain.predictions.lower { #expect(point.prediction >= lower) }
                if let upper = domain.predictions.upper { #expect(point.prediction <= upper) }
            }
        }
    }
}
