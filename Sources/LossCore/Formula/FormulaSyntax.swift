/// A parsed formula as written: a tree whose every node knows its place in the text, so that later
/// stages (constant checks, the domain checks) can point at the part that fails. Names are
/// resolved: `p`, `y`, a declared parameter, or a function of the right arity.
struct FormulaSyntax: Sendable, Equatable {
    indirect enum Kind: Sendable, Equatable {
        case number(Float)
        case prediction
        case target
        case parameter(String)
        case negate(FormulaSyntax)
        case binary(Operator, FormulaSyntax, FormulaSyntax)
        case call(FormulaFunction, [FormulaSyntax])
        /// Only as the condition of `where`.
        case comparison(FormulaComparison, FormulaSyntax, FormulaSyntax)
    }

    enum Operator: String, Sendable, Equatable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    }

    var kind: Kind
    /// Unicode scalar offsets in the formula's text.
    var range: Range<Int>
    /// 1 for a number or a name, 1 + the deepest child otherwise.
    var depth: Int

    init(_ kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
        depth = 1 + (kind.children.map(\.depth).max() ?? 0)
    }

    /// Whether the tree mentions `p`.
    var mentionsPrediction: Bool {
        if case .prediction = kind { return true }
        return kind.children.contains { $0.mentionsPrediction }
    }

    /// The parameters the tree mentions.
    var parameters: Set<String> {
        if case .parameter(let name) = kind { return [name] }
        return kind.children.reduce(into: Set<String>()) { $0.formUnion($1.parameters) }
    }
}

extension FormulaSyntax.Kind {
    var children: [FormulaSyntax] {
        switch self {
        case .number, .prediction, .target, .parameter: []
        case .negate(let x): [x]
        case .binary(_, let a, let b), .comparison(_, let a, let b): [a, b]
        case .call(_, let arguments): arguments
        }
    }
}
