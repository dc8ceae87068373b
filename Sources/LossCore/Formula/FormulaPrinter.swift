/// Writes a formula tree back as text with one spelling for each meaning: single spaces around
/// `+ - * /` and comparisons, none around `^`, numbers in their shortest float32 form (`.5`, `0.50`
/// and `5e-1` are all `0.5`), `where` for `if`, and only the parentheses the grammar needs
/// (``FormulaParser``'s precedences). Parsing the result gives the same tree, so two formulas that
/// differ only in spelling have the same canonical text: what trial ids use.
enum FormulaPrinter {
    /// Binding strength: comparison 0, `+ -` 1, `* /` 2, unary minus 3, `^` 4, operands 5.
    static func precedence(_ kind: FormulaSyntax.Kind) -> Int {
        switch kind {
        case .comparison: 0
        case .binary(.add, _, _), .binary(.subtract, _, _): 1
        case .binary(.multiply, _, _), .binary(.divide, _, _): 2
        case .negate: 3
        case .binary(.power, _, _): 4
        case .number(let x) where x < 0 || (x == 0 && x.sign == .minus): 3
        case .number, .prediction, .target, .parameter, .call: 5
        }
    }

    static func text(_ tree: FormulaSyntax) -> String {
        switch tree.kind {
        case .number(let x): return formatFloat(x)
        case .prediction: return "p"
        case .target: return "y"
        case .parameter(let name): return name
        case .negate(let operand):
            return "-" + wrapped(operand, above: 3)
        case .binary(let op, let left, let right):
            if op == .power {
                // Right-associative: the base needs parentheses at its own level, the exponent
                // only below unary minus (and gets them for a unary minus, for legibility).
                let exponent = precedence(right.kind) == 3 ? "(\(text(right)))" : wrapped(right, above: 3)
                return wrapped(left, above: 4, orEqual: true) + "^" + exponent
            }
            let level = precedence(tree.kind)
            return wrapped(left, above: level) + " \(op.rawValue) " + wrapped(right, above: level, orEqual: true)
        case .comparison(let comparison, let left, let right):
            return text(left) + " \(comparison.rawValue) " + text(right)
        case .call(let function, let arguments):
            return function.rawValue + "(" + arguments.map(text).joined(separator: ", ") + ")"
        }
    }

    /// `tree` in parentheses when it binds more loosely than `level` (or as loosely, `orEqual`).
    private static func wrapped(_ tree: FormulaSyntax, above level: Int, orEqual: Bool = false) -> String {
        let own = precedence(tree.kind)
        let needs = own < level || (orEqual && own == level)
        return needs ? "(\(text(tree)))" : text(tree)
    }
}
