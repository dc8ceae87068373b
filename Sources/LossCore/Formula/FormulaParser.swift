/// Parses a formula into a ``FormulaSyntax`` tree by recursive descent, resolving every name and
/// checking every call as it goes. The grammar, from the loosest binding to the tightest:
///
/// ```
/// formula     = expression END
/// expression  = additive                               (a comparison only as where's condition)
/// condition   = additive ("<" | "<=" | ">" | ">=" | "==" | "!=") additive
/// additive    = term { ("+" | "-") term }              left-associative
/// term        = unary { ("*" | "/") unary }            left-associative
/// unary       = ("-" | "+") unary | power              so -p^2 is -(p^2)
/// power       = primary [ "^" unary ]                  right-associative: 2^3^2 is 2^9; 2^-p works
/// primary     = NUMBER | NAME | NAME "(" arguments ")" | "(" expression ")"
/// arguments   = expression { "," expression }          where's first argument is a condition
/// ```
///
/// `NAME` is `p` (the prediction), `y` (the target), a declared parameter, or, before `(`, one of
/// ``FormulaFunction``'s names. Recursion is bounded by ``FormulaLimits/depth`` and the size of the
/// tree by ``FormulaLimits/operations``, so no input can exhaust the stack.
struct FormulaParser {
    let formula: String
    let tokens: [FormulaToken]
    let parameters: [String]
    private var position = 0
    private var nesting = 0
    private var operations = 0

    /// The tree of `text`, whose free names other than `p` and `y` must be among `parameters`.
    static func parse(_ text: String, parameters: [String]) throws(FormulaError) -> FormulaSyntax {
        var parser = FormulaParser(formula: text, tokens: try FormulaLexer(text).tokens(), parameters: parameters)
        return try parser.formulaTree()
    }

    private init(formula: String, tokens: [FormulaToken], parameters: [String]) {
        self.formula = formula
        self.tokens = tokens
        self.parameters = parameters
    }

    private var current: FormulaToken { tokens[position] }

    private mutating func advance() -> FormulaToken {
        defer { position += 1 }
        return tokens[position]
    }

    private mutating func formulaTree() throws(FormulaError) -> FormulaSyntax {
        if case .end = current.kind {
            throw FormulaError(.empty, formula: formula, problem: "the formula is empty",
                               expected: "an expression in p (the prediction) and y (the target), e.g. (p - y)^2")
        }
        let tree = try expression()
        switch current.kind {
        case .end:
            return tree
        case .rightParenthesis:
            throw syntax(current.range, "unmatched ')'", expected: "an operator or the end of the formula")
        case .number, .name, .leftParenthesis:
            throw syntax(current.range, "missing an operator before \(current.quoted)", expected: "+ - * / or ^",
                         suggestion: "Write 2 * p for a product.")
        default:
            throw syntax(current.range, "unexpected \(current.quoted)", expected: "an operator or the end of the formula")
        }
    }

    // MARK: Operators

    private mutating func expression(allowingCondition: Bool = false) throws(FormulaError) -> FormulaSyntax {
        let left = try additive()
        guard case .comparison(let comparison) = current.kind else { return left }
        let token = advance()
        guard allowingCondition else {
            throw FormulaError(.misuse, formula: formula, range: token.range,
                               problem: "a comparison (\(comparison.rawValue)) outside a condition",
                               expected: "comparisons only as the first argument of where(condition, then, otherwise)")
        }
        let right = try additive()
        if case .comparison = current.kind {
            throw FormulaError(.misuse, formula: formula, range: current.range, problem: "comparisons do not chain",
                               expected: "one comparison per condition", suggestion: "Nest where(...) for a range.")
        }
        return try node(.comparison(comparison, left, right), left.range.lowerBound..<right.range.upperBound)
    }

    private mutating func additive() throws(FormulaError) -> FormulaSyntax {
        var left = try term()
        while true {
            let op: FormulaSyntax.Operator
            switch current.kind {
            case .plus: op = .add
            case .minus: op = .subtract
            default: return left
            }
            _ = advance()
            let right = try term()
            left = try node(.binary(op, left, right), left.range.lowerBound..<right.range.upperBound)
        }
    }

    private mutating func term() throws(FormulaError) -> FormulaSyntax {
        var left = try unary()
        while true {
            let op: FormulaSyntax.Operator
            switch current.kind {
            case .times: op = .multiply
            case .divide: op = .divide
            default: return left
            }
            _ = advance()
            let right = try unary()
            left = try node(.binary(op, left, right), left.range.lowerBound..<right.range.upperBound)
        }
    }

    private mutating func unary() throws(FormulaError) -> FormulaSyntax {
        switch current.kind {
        case .minus, .plus:
            let sign = advance()
            try enter(sign.range)
            defer { nesting -= 1 }
            let operand = try unary()
            guard case .minus = sign.kind else { return operand }
            return try node(.negate(operand), sign.range.lowerBound..<operand.range.upperBound)
        default:
            return try power()
        }
    }

    private mutating func power() throws(FormulaError) -> FormulaSyntax {
        let base = try primary()
        guard case .power = current.kind else { return base }
        let caret = advance()
        try enter(caret.range)
        defer { nesting -= 1 }
        let exponent = try unary()
        return try node(.binary(.power, base, exponent), base.range.lowerBound..<exponent.range.upperBound)
    }

    // MARK: Operands

    private mutating func primary() throws(FormulaError) -> FormulaSyntax {
        let token = advance()
        switch token.kind {
        case .number(let x):
            return try node(.number(x), token.range)
        case .name(let name):
            if case .leftParenthesis = current.kind { return try call(name, at: token.range) }
            return try node(try resolve(name, at: token.range), token.range)
        case .leftParenthesis:
            try enter(token.range)
            defer { nesting -= 1 }
            var inner = try expression()
            let closing = current.range
            try close(token)
            // The parentheses belong to the part, so that a message points at all of it.
            inner.range = token.range.lowerBound..<closing.upperBound
            return inner
        default:
            position -= 1
            throw syntax(token.range, "expected a number, a name or '(' but found \(token.quoted)",
                         expected: "an operand such as p, y, 2, a parameter, log(...) or (...)")
        }
    }

    private mutating func call(_ name: String, at nameRange: Range<Int>) throws(FormulaError) -> FormulaSyntax {
        guard let function = FormulaFunction.named(name) else {
            if name == "p" || name == "y" || parameters.contains(name) {
                throw FormulaError(.misuse, formula: formula, range: nameRange, problem: "\(name) is not a function",
                                   expected: "an operator between \(name) and '('", suggestion: "Write \(name) * (...) for a product.")
            }
            let hint = FormulaSuggestion.closest(to: name, among: FormulaFunction.names)
            throw FormulaError(.unknownName, formula: formula, range: nameRange, problem: "unknown function '\(name)'",
                               expected: "one of " + FormulaFunction.names.joined(separator: ", "),
                               suggestion: hint.map { "Did you mean \($0)?" })
        }
        let open = advance()
        try enter(open.range)
        defer { nesting -= 1 }
        var arguments: [FormulaSyntax] = []
        if case .rightParenthesis = current.kind {} else {
            repeat {
                if !arguments.isEmpty { _ = advance() }
                arguments.append(try expression(allowingCondition: function == .conditional && arguments.isEmpty))
            } while current.kind == .comma
        }
        let closing = current.range
        try close(open)
        let range = nameRange.lowerBound..<closing.upperBound
        guard arguments.count == function.arity else {
            let count = function.arity == 1 ? "1 argument" : "\(function.arity) arguments"
            throw FormulaError(.misuse, formula: formula, range: range,
                               problem: "\(name) takes \(count), got \(arguments.count)", expected: function.signature)
        }
        if function == .conditional {
            guard case .comparison = arguments[0].kind else {
                throw FormulaError(.misuse, formula: formula, range: arguments[0].range,
                                   problem: "the condition of \(name) is not a comparison",
                                   expected: "where(condition, then, otherwise) with a condition such as p > y")
            }
        }
        return try node(.call(function, arguments), range)
    }

    private func resolve(_ name: String, at range: Range<Int>) throws(FormulaError) -> FormulaSyntax.Kind {
        if name == "p" { return .prediction }
        if name == "y" { return .target }
        if parameters.contains(name) { return .parameter(name) }
        if let function = FormulaFunction.named(name) {
            throw FormulaError(.misuse, formula: formula, range: range, problem: "\(name) is a function",
                               expected: function.signature)
        }
        let candidates = ["p", "y"] + parameters + FormulaFunction.names
        let hint = FormulaSuggestion.closest(to: name, among: candidates)
        let declared = parameters.isEmpty ? "" : ", a declared parameter (\(parameters.joined(separator: ", ")))"
        let meaning = hint == "p" ? " (the prediction)" : hint == "y" ? " (the target)" : ""
        throw FormulaError(.unknownName, formula: formula, range: range, problem: "unknown name '\(name)'",
                           expected: "p (the prediction), y (the target)\(declared) or a function call such as log(p)",
                           suggestion: hint.map { "Did you mean \($0)\(meaning)?" }
                               ?? (parameters.isEmpty ? "Declare a parameter to give it a value." : nil))
    }

    // MARK: Bounds and brackets

    private mutating func enter(_ range: Range<Int>) throws(FormulaError) {
        nesting += 1
        if nesting > FormulaLimits.depth { throw tooDeep(range) }
    }

    private mutating func close(_ open: FormulaToken) throws(FormulaError) {
        guard case .rightParenthesis = current.kind else {
            throw syntax(current.range, "expected ')' to close the '(' at column \(open.range.lowerBound + 1), found \(current.quoted)",
                         expected: "')'")
        }
        _ = advance()
    }

    private mutating func node(_ kind: FormulaSyntax.Kind, _ range: Range<Int>) throws(FormulaError) -> FormulaSyntax {
        operations += 1
        if operations > FormulaLimits.operations {
            throw FormulaError(.tooLarge, formula: formula, range: range,
                               problem: "the formula has more than \(FormulaLimits.operations) numbers, names and operations",
                               expected: "a formula of at most \(FormulaLimits.operations)")
        }
        let tree = FormulaSyntax(kind, range: range)
        if tree.depth > FormulaLimits.depth { throw tooDeep(range) }
        return tree
    }

    private func tooDeep(_ range: Range<Int>) -> FormulaError {
        FormulaError(.tooLarge, formula: formula, range: range,
                     problem: "the formula nests deeper than \(FormulaLimits.depth) levels",
                     expected: "at most \(FormulaLimits.depth) levels of parentheses, calls and operators")
    }

    private func syntax(_ range: Range<Int>, _ problem: String, expected: String, suggestion: String? = nil) -> FormulaError {
        FormulaError(.syntax, formula: formula, range: range, problem: problem, expected: expected, suggestion: suggestion)
    }
}
