/// A loss written as a formula in the prediction `p`, the target `y` and named parameters, parsed
/// and checked: every name is known, every call has its arity, every number is a finite float32.
/// It has no parameter values yet; ``FormulaLoss`` binds them.
///
/// The language (the grammar is ``FormulaParser``'s): numbers (`2`, `0.5`, `1e-7`), `p`, `y`, the
/// declared parameters, `+ - * / ^` (`^` binds tightest and to the right; `-p^2` is `-(p^2)`),
/// unary minus, parentheses, and the functions of ``FormulaFunction``: `abs exp log log1p sqrt tanh
/// sigmoid softplus cosh sinh sign step min max where if`, with
/// `where(condition, then, otherwise)` taking a comparison `< <= > >= == !=` as its condition.
/// Everything is computed in float32, as Keras's losses are.
///
/// Examples: `log(1 + ((p - y) / c)^2)` (Cauchy, parameter `c`), `max(tau * (y - p), (tau - 1) * (y - p))`
/// (pinball), `where(abs(p - y) <= d, 0.5 * (p - y)^2, d * (abs(p - y) - 0.5 * d))` (Huber).
///
/// Two formulas are equal when their ``canonicalText`` and parameters are: spelling does not count.
public struct Formula: Sendable, Hashable, CustomStringConvertible {
    /// The formula as written.
    public let text: String
    /// One spelling for each meaning (``FormulaPrinter``): what trial ids should hash.
    public let canonicalText: String
    /// The declared parameters, in the order given.
    public let parameters: [String]
    let syntax: FormulaSyntax

    /// Parses `text`. `parameters` are the names the formula may use besides `p` and `y`; each must
    /// be used. Throws a ``FormulaError`` that points at the problem.
    public init(_ text: String, parameters: [String] = []) throws(FormulaError) {
        let length = text.unicodeScalars.count
        if text.utf8.count > 4 * FormulaLimits.length || length > FormulaLimits.length {
            throw FormulaError(.tooLarge, formula: String(text.prefix(80)) + "...",
                               problem: "the formula is \(length) characters long",
                               expected: "at most \(FormulaLimits.length) characters")
        }
        try Self.checkParameterNames(parameters, formula: text)
        let tree = try FormulaParser.parse(text, parameters: parameters)
        let used = tree.parameters
        if let unused = parameters.first(where: { !used.contains($0) }) {
            throw FormulaError(.parameter, formula: text, problem: "the parameter \(unused) is declared but not used",
                               expected: "a formula that uses every declared parameter",
                               suggestion: "Remove \(unused), or use it in the formula.")
        }
        if !tree.mentionsPrediction {
            throw FormulaError(.constantInPrediction, formula: text, problem: "the formula does not depend on p",
                               expected: "a formula in p (the prediction), whose gradient moves the model",
                               suggestion: "Write the loss of a prediction p against its target y, e.g. (p - y)^2.")
        }
        self.text = text
        self.parameters = parameters
        syntax = tree
        canonicalText = FormulaPrinter.text(tree)
    }

    /// Parameter names are names (a letter or `_`, then letters, digits and `_`), distinct, and
    /// not `p`, `y` or a function.
    static func checkParameterNames(_ names: [String], formula: String) throws(FormulaError) {
        var seen: Set<String> = []
        for name in names {
            let scalars = Array(name.unicodeScalars)
            let isName = !scalars.isEmpty && scalars.count <= 64 && scalars.allSatisfy { $0.isASCII }
                && scalars.enumerated().allSatisfy { index, c in
                    c == "_" || (c.properties.isAlphabetic) || (index > 0 && c.properties.numericType != nil)
                }
            guard isName else {
                throw FormulaError(.parameter, formula: formula, problem: "'\(name)' is not a parameter name",
                                   expected: "a letter or _, then letters, digits and _ (at most 64)")
            }
            if name == "p" || name == "y" || FormulaFunction.named(name) != nil {
                throw FormulaError(.parameter, formula: formula, problem: "the parameter name \(name) is taken",
                                   expected: "a name other than p, y and the functions (\(FormulaFunction.names.joined(separator: ", ")))")
            }
            if !seen.insert(name).inserted {
                throw FormulaError(.parameter, formula: formula, problem: "the parameter \(name) is declared twice",
                                   expected: "distinct parameter names")
            }
        }
    }

    public var description: String { canonicalText }

    public static func == (a: Formula, b: Formula) -> Bool {
        a.canonicalText == b.canonicalText && a.parameters.sorted() == b.parameters.sorted()
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(canonicalText)
        hasher.combine(parameters.sorted())
    }
}
