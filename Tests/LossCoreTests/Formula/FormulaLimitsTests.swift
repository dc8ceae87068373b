import Testing
@testable import LossCore
import LossLabTestSupport

/// Hostile formulas end in a message, never a trap, a stack overflow or a hang. (The CLI's tests
/// run the same inputs through the release build.)
@Suite("Hostile formulas")
struct FormulaLimitsTests {
    @Test("nesting: within the limit it works; beyond it, an error at the place")
    func nesting() throws {
        let fine = String(repeating: "(", count: 60) + "p" + String(repeating: ")", count: 60)
        #expect(formulaError(fine) == nil)
        for text in [String(repeating: "(", count: 100_000) + "p", String(repeating: "-", count: 1_000) + "p",
                     String(repeating: "exp(", count: 300) + "p" + String(repeating: ")", count: 300),
                     String(repeating: "2^", count: 600) + "p"] {
            let error = formulaError(text)
            #expect(error?.kind == .tooLarge, "\(text.prefix(20))...: \(String(describing: error))")
        }
    }

    @Test("length and size")
    func size() throws {
        let megabyte = String(repeating: "p+", count: 500_000) + "p"
        let long = try #require(formulaError(megabyte))
        #expect(long.kind == .tooLarge && long.problem == "the formula is 1000001 characters long")
        let terms = (0..<300).map { _ in "p" }.joined(separator: "+")
        #expect(formulaError(terms)?.kind == .tooLarge)
        // 60 terms in a balanced tree stay within the depth and the operation count.
        #expect(formulaError("(" + (0..<30).map { "p*\($0)" }.joined(separator: "+") + ")") == nil)
    }

    @Test("huge constants and exponents")
    func constants() {
        #expect(formulaError("p * 1" + String(repeating: "0", count: 500))?.kind == .constant)
        #expect(formulaError("p ^ 99999999999999999999") == nil)
        #expect(formulaError("exp(exp(exp(100))) * p")?.kind == .constant)
        #expect(formulaError("p * 1e-400")?.kind == .constant)
    }

    @Test("binary junk and control characters")
    func junk() {
        for text in ["\u{0}", "p\u{7}", "\u{FEFF}p", "p;rm -rf /", "p\"", "`p`", "p + y)))))", "((((", ",", "p,y"] {
            let error = formulaError(text)
            #expect(error != nil && error?.kind != .tooLarge, "\(text.debugDescription)")
        }
    }
}
