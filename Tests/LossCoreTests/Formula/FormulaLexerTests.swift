import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("Formula lexer")
struct FormulaLexerTests {
    func kinds(_ text: String) throws -> [FormulaToken.Kind] {
        try FormulaLexer(text).tokens().map(\.kind)
    }

    @Test("numbers, names, operators and comparisons, with their ranges")
    func tokens() throws {
        #expect(try kinds("2.5*p_1 <= .5e1") == [.number(2.5), .times, .name("p_1"), .comparison(.lessOrEqual), .number(5), .end])
        #expect(try kinds("a^-b != (c, d)") == [.name("a"), .power, .minus, .name("b"), .comparison(.notEqual),
                                                 .leftParenthesis, .name("c"), .comma, .name("d"), .rightParenthesis, .end])
        let ranges = try FormulaLexer("  log(p)").tokens().map(\.range)
        #expect(ranges == [2..<5, 5..<6, 6..<7, 7..<8, 8..<8])
        #expect(try kinds("1e-7 1E3 3.") == [.number(1e-7), .number(1000), .number(3), .end])
    }

    @Test("numbers beyond float32 are refused where they are")
    func numberRange() {
        let large = formulaError("p + 1e39")
        #expect(large?.kind == .constant && large?.range == 4..<8 && large?.problem == "the number 1e39 is too large for float32")
        let small = formulaError("p * 1e-50")
        #expect(small?.kind == .constant && small?.problem.contains("would be 0") == true)
        #expect(formulaError("p * 0.0")?.kind == .constantInPrediction)
        #expect(formulaError("p + 3.4e38") == nil)
    }

    @Test("look-alikes and other languages' operators get the ASCII spelling")
    func lookalikes() {
        let minus = formulaError("p \u{2212} y")
        #expect(minus?.kind == .syntax && minus?.column == 3 && minus?.suggestion == "Write - instead.")
        #expect(formulaError("p ** 2")?.suggestion == "Write ^ for a power: p^2.")
        #expect(formulaError("where(p = y, 1, p)")?.suggestion?.contains("==") == true)
        #expect(formulaError("p \u{00B2}")?.suggestion == "Write ^2 instead.")
        #expect(formulaError("p && y")?.suggestion?.contains("nest where") == true)
        #expect(formulaError("p # y")?.problem == "unexpected character '#'")
        #expect(formulaError("p + \u{00E9}")?.problem == "unexpected character U+E9")
    }
}
