/// One token of a formula, with where it is (Unicode scalar offsets).
struct FormulaToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case number(Float)
        case name(String)
        case plus, minus, times, divide, power
        case leftParenthesis, rightParenthesis, comma
        case comparison(FormulaComparison)
        case end
    }

    var kind: Kind
    var range: Range<Int>

    /// How the token reads in a message: `'+'`, `'cc'`, `the number 2`, `the end of the formula`.
    var quoted: String {
        switch kind {
        case .number(let x): "the number \(formatFloat(x))"
        case .name(let name): "'\(name)'"
        case .plus: "'+'"
        case .minus: "'-'"
        case .times: "'*'"
        case .divide: "'/'"
        case .power: "'^'"
        case .leftParenthesis: "'('"
        case .rightParenthesis: "')'"
        case .comma: "','"
        case .comparison(let c): "'\(c.rawValue)'"
        case .end: "the end of the formula"
        }
    }
}
