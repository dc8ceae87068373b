import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("Formula canonical text")
struct FormulaPrinterTests {
    @Test("one spelling per meaning: spaces, numbers, if, parentheses",
          arguments: [
              ("log(1+((p-y)/c)^2)", "log(1 + ((p - y) / c)^2)"),
              (".5*p", "0.5 * p"), ("5e-1 * p", "0.5 * p"), ("0.50*p", "0.5 * p"),
              ("if(p>y, p, y)", "where(p > y, p, y)"), ("where( p>=y ,p,y )", "where(p >= y, p, y)"),
              ("p-(y-1)", "p - (y - 1)"), ("(p-y)-1", "p - y - 1"), ("p/(y*2)", "p / (y * 2)"), ("(p*y)/2", "p * y / 2"),
              ("-(p^2)", "-p^2"), ("(-p)^2", "(-p)^2"), ("2^-p", "2^(-p)"), ("(2^3)^p", "(2^3)^p"), ("2^(3^p)", "2^3^p"),
              ("- - p", "--p"), ("p - -y", "p - -y"), ("+p", "p"), ("-(p+y)", "-(p + y)"), ("(-p)*y", "-p * y"),
              ("max(p, 1e-7)", "max(p, 1e-07)"), ("((p))", "p"), ("p^(y+1)", "p^(y + 1)"),
          ] as [(String, String)])
    func canonical(_ text: String, _ canonical: String) throws {
        let formula = try Formula(text, parameters: text.contains("c") ? ["c"] : [])
        #expect(formula.canonicalText == canonical)
        // The canonical text is a fixed point and means the same.
        let again = try Formula(canonical, parameters: formula.parameters)
        #expect(again.canonicalText == canonical)
        #expect(again == formula)
        let values = [(0.3, 1.7), (-1.2, 0.4), (2.5, 2.5)] as [(Float, Float)]
        for (p, y) in values {
            let first = try FormulaLoss(formula, parameters: formula.parameters.isEmpty ? [:] : ["c": 0.7])
            let second = try FormulaLoss(again, parameters: formula.parameters.isEmpty ? [:] : ["c": 0.7])
            let a = first.elementValue(predicted: p, expected: y), b = second.elementValue(predicted: p, expected: y)
            #expect(a == b || (a.isNaN && b.isNaN), "\(text) at \(p), \(y)")
        }
    }

    @Test("formulas that differ only in spelling are equal and hash alike")
    func equality() throws {
        let a = try Formula("(p-y)^2"), b = try Formula(" ( p - y ) ^ 2.0 ")
        #expect(a == b && a.hashValue == b.hashValue && a.text != b.text)
        #expect(try Formula("(p - y)^2") != Formula("(y - p)^2"))
        #expect(try Formula("p * c", parameters: ["c"]) != Formula("p * d", parameters: ["d"]))
    }
}
