import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("Formula parser")
struct FormulaParserTests {
    @Test("precedence and associativity, read off the values",
          arguments: [
              ("2 + 3 * p", 2 + 3 * 2), ("(2 + 3) * p", 10), ("-p^2", -4), ("(-p)^2", 4), ("2^3^2 + p", 512 + 2),
              ("2^-p", 0.25), ("8 / 4 / p", 1), ("8 - 4 - p", 2), ("--p", 2), ("+p", 2), ("p * -y", -6),
              ("2 * p^2 / 4", 2), ("y - p * p", -1), ("-p + y", 1),
          ] as [(String, Float)])
    func precedence(_ text: String, _ expected: Float) {
        #expect(formulaValue(text, p: 2, y: 3) == expected, "\(text)")
    }

    @Test("unknown names: the position, what is allowed, and the closest name",
          arguments: [
              ("log(1 + ((p - y) / cc)^2)", ["c"], 19..<21, "unknown name 'cc'", "Did you mean c?"),
              ("abs(x - y)", [], 4..<5, "unknown name 'x'", "Did you mean p (the prediction)?"),
              ("(p - target)^2", [], 5..<11, "unknown name 'target'", "Did you mean y (the target)?"),
              ("sigmiod(p) - y", [], 0..<7, "unknown function 'sigmiod'", "Did you mean sigmoid?"),
              ("lg(p)", [], 0..<2, "unknown function 'lg'", "Did you mean log?"),
              ("p * delta", ["delt"], 4..<9, "unknown name 'delta'", "Did you mean delt?"),
              ("p * zzz", [], 4..<7, "unknown name 'zzz'", "Declare a parameter to give it a value."),
          ] as [(String, [String], Range<Int>, String, String)])
    func unknownNames(_ text: String, _ parameters: [String], _ range: Range<Int>, _ problem: String, _ suggestion: String) {
        let error = formulaError(text, parameters: parameters)
        #expect(error?.kind == .unknownName)
        #expect(error?.range == range, "\(text): \(String(describing: error))")
        #expect(error?.problem == problem)
        #expect(error?.suggestion == suggestion)
    }

    @Test("the message of an unknown name names p, y, the parameters and the functions")
    func unknownNameMessage() throws {
        let error = try #require(formulaError("log(1 + ((p - y) / cc)^2)", parameters: ["c"]))
        #expect(error.description == "column 20: unknown name 'cc': expected p (the prediction), y (the target), "
            + "a declared parameter (c) or a function call such as log(p). Did you mean c?")
        #expect(error.caret == "log(1 + ((p - y) / cc)^2)\n                   ^^")
        #expect(FormulaError(.syntax, formula: "p", problem: "x", expected: "y").caret == nil)
    }

    @Test("misuses: arity, functions as values, values as functions, comparisons out of place",
          arguments: [
              ("min(p)", FormulaError.Kind.misuse, 0..<6, "min takes 2 arguments, got 1"),
              ("exp(p, y)", .misuse, 0..<9, "exp takes 1 argument, got 2"),
              ("exp()", .misuse, 0..<5, "exp takes 1 argument, got 0"),
              ("log + p", .misuse, 0..<3, "log is a function"),
              ("p(2 + y)", .misuse, 0..<1, "p is not a function"),
              ("p > y", .misuse, 2..<3, "a comparison (>) outside a condition"),
              ("where(p, 1, p)", .misuse, 6..<7, "the condition of where is not a comparison"),
              ("if(p < y < 1, 1, p)", .misuse, 9..<10, "comparisons do not chain"),
              ("max(p > y, 1)", .misuse, 6..<7, "a comparison (>) outside a condition"),
          ] as [(String, FormulaError.Kind, Range<Int>, String)])
    func misuses(_ text: String, _ kind: FormulaError.Kind, _ range: Range<Int>, _ problem: String) {
        let error = formulaError(text)
        #expect(error?.kind == kind && error?.range == range && error?.problem == problem, "\(text): \(String(describing: error))")
    }

    @Test("syntax errors point at the token",
          arguments: [
              ("2p", 1..<2, "missing an operator before 'p'"),
              ("(p - y", 6..<6, "expected ')' to close the '(' at column 1, found the end of the formula"),
              ("p - y)", 5..<6, "unmatched ')'"),
              ("p +", 3..<3, "expected a number, a name or '(' but found the end of the formula"),
              ("p + * y", 4..<5, "expected a number, a name or '(' but found '*'"),
              ("log(p,)", 6..<7, "expected a number, a name or '(' but found ')'"),
              ("(p)(y)", 3..<4, "missing an operator before '('"),
          ] as [(String, Range<Int>, String)])
    func syntax(_ text: String, _ range: Range<Int>, _ problem: String) {
        let error = formulaError(text)
        #expect(error?.kind == .syntax && error?.range == range && error?.problem == problem, "\(text): \(String(describing: error))")
    }

    @Test("empty formulas, formulas without p, and parameter mistakes")
    func wholeFormula() {
        #expect(formulaError("")?.kind == .empty)
        #expect(formulaError("   \t ")?.problem == "the formula is empty")
        #expect(formulaError("(y - 1)^2")?.kind == .constantInPrediction)
        #expect(formulaError("step(p - y)")?.problem == "the derivative with respect to p is 0 everywhere")
        #expect(formulaError("p * c", parameters: ["c", "d"])?.problem == "the parameter d is declared but not used")
        #expect(formulaError("p * log", parameters: ["log"])?.problem == "the parameter name log is taken")
        #expect(formulaError("p * y", parameters: ["y"])?.kind == .parameter)
        #expect(formulaError { () throws(FormulaError) in _ = try Formula("p * c", parameters: ["c", "c"]) }?.problem
            == "the parameter c is declared twice")
        #expect(formulaError("p * c", parameters: ["2c"])?.problem == "'2c' is not a parameter name")
        #expect(formulaError { () throws(FormulaError) in _ = try FormulaLoss(Formula("p * c", parameters: ["c"])) }?.problem
            == "the parameter c has no value")
        #expect(formulaError { () throws(FormulaError) in _ = try FormulaLoss("p", parameters: ["c": 1]) }?.problem
            == "the parameter c is declared but not used")
        #expect(formulaError { () throws(FormulaError) in _ = try FormulaLoss(Formula("p"), parameters: ["c": 1]) }?.problem
            == "a value for c, which the formula does not declare")
        #expect(formulaError { () throws(FormulaError) in _ = try FormulaLoss("p * c", parameters: ["c": .infinity]) }?.kind
            == .parameter)
        #expect(formulaError { () throws(FormulaError) in _ = try FormulaLoss("p * c", parameters: ["c": 1e40]) }?.kind
            == .parameter)
        #expect(formulaError { () throws(FormulaError) in _ = try FormulaLoss("p * c", parameters: ["c": 1e-50]) }?.kind
            == .parameter)
    }

    @Test("constant parts must be finite float32: refused at the part, innermost first",
          arguments: [
              ("p + exp(1000)", 4..<13, "exp(1000) is inf in float32"),
              ("p * 1e38 * 10", nil, nil),
              ("p + 1e38 * 10", 4..<13, "1e+38 * 10 is inf in float32"),
              ("p / (1 / 0)", 4..<11, "1 / 0 is inf in float32"),
              ("p + 0 / 0", 4..<9, "0 / 0 is nan in float32"),
              ("p + log(-1)", 4..<11, "log(-1) is nan in float32"),
              ("p + 2^1000", 4..<10, "2^1000 is inf in float32"),
              ("p - sqrt(exp(100))", 9..<17, "exp(100) is inf in float32"),
          ] as [(String, Range<Int>?, String?)])
    func constants(_ text: String, _ range: Range<Int>?, _ problem: String?) {
        let error = formulaError(text)
        if let problem {
            #expect(error?.kind == .constant && error?.range == range && error?.problem == problem, "\(text): \(String(describing: error))")
        } else {
            // p * 1e38 * 10 is (p * 1e38) * 10: no constant part overflows.
            #expect(error == nil, "\(text): \(String(describing: error))")
        }
    }

    @Test("a parameter that makes a constant part infinite names its value")
    func parameterConstant() {
        // A division by a constant 0 is not a constant part: the domain checks refuse it.
        #expect(formulaError { () throws(FormulaError) in _ = try FormulaLoss("(p - y)^2 / (c - 1)", parameters: ["c": 1]) } == nil)
        let divide = formulaError { () throws(FormulaError) in _ = try FormulaLoss("(p - y)^2 + 1 / c", parameters: ["c": 0]) }
        #expect(divide?.kind == .constant && divide?.problem == "1 / c is inf in float32 with c = 0" && divide?.range == 12..<17)
    }
}
