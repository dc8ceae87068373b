/// Why a formula was refused, located in its text: what is wrong, what was expected there, and a
/// fix when one is likely. LossCore raises it; the harness and the CLI turn it into their own
/// messages (the experiment file's field path, an exit code) around ``description``.
///
/// Positions are offsets in Unicode scalars of ``formula`` (what a terminal shows as characters),
/// 0-based in ``range``, 1-based in ``column``.
public struct FormulaError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// No expression at all.
        case empty
        /// Over a limit of ``FormulaLimits``: length, nesting depth or number of operations.
        case tooLarge
        /// Not the grammar: an unexpected character or token, a missing parenthesis or operator.
        case syntax
        /// A name that is not `p`, `y`, a declared parameter or a function.
        case unknownName
        /// A function called with the wrong number of arguments, a function used as a value, a
        /// value called as a function, a comparison outside `where`.
        case misuse
        /// A number, a parameter value or a constant part of the formula that is not a finite
        /// float32 (`1e39`, `exp(1000)`, `0/0`).
        case constant
        /// A declared parameter the formula does not use, a parameter without a value, or a
        /// parameter name that clashes with `p`, `y` or a function.
        case parameter
        /// The formula does not depend on `p`, so its gradient is zero everywhere.
        case constantInPrediction
        /// The value or the derivative is NaN or infinite at a point of the domain.
        case notFinite
        /// The formula jumps at a point of the domain: it is not continuous in `p` there.
        case discontinuous
        /// The symbolic derivative disagrees with central finite differences at a point (an
        /// internal error, or an infinite slope such as `sqrt` at 0).
        case derivativeMismatch
    }

    public var kind: Kind
    /// The formula as written.
    public var formula: String
    /// Where in ``formula`` the problem is, when it is somewhere in particular.
    public var range: Range<Int>?
    /// What is wrong, e.g. "unknown name 'cc'".
    public var problem: String
    /// What was expected instead, e.g. "p, y, a declared parameter (c) or a function".
    public var expected: String
    /// A likely fix, e.g. "Did you mean c?".
    public var suggestion: String?
    /// For the domain checks: the prediction and target at which the formula fails.
    public var point: FormulaPoint?
    /// For a parameter's problem (a missing or non-float32 value): the parameter's name.
    public var parameter: String?

    public init(_ kind: Kind, formula: String, range: Range<Int>? = nil, problem: String, expected: String,
                suggestion: String? = nil, point: FormulaPoint? = nil) {
        self.kind = kind
        self.formula = formula
        self.range = range
        self.problem = problem
        self.expected = expected
        self.suggestion = suggestion
        self.point = point
    }

    /// The 1-based column where the problem starts.
    public var column: Int? { range.map { $0.lowerBound + 1 } }

    /// One line: `column 20: unknown name 'cc': expected p, y, ... Did you mean c?`.
    public var description: String {
        var text = column.map { "column \($0): " } ?? ""
        text += "\(problem): expected \(expected)."
        if let suggestion { text += " " + suggestion }
        return text
    }

    /// The formula with a line of carets under ``range`` (for a terminal), or `nil` without a range
    /// or for a formula of more than one line or 200 characters.
    public var caret: String? {
        guard let range else { return nil }
        let scalars = Array(formula.unicodeScalars)
        guard scalars.count <= 200, !scalars.contains(where: { $0 == "\n" || $0 == "\r" }) else { return nil }
        let width = max(1, min(range.upperBound, scalars.count + 1) - range.lowerBound)
        return formula + "\n" + String(repeating: " ", count: range.lowerBound) + String(repeating: "^", count: width)
    }
}

/// A point of a formula's domain: a prediction `p` and a target `y`.
public struct FormulaPoint: Sendable, Hashable, CustomStringConvertible {
    public var prediction: Float
    public var target: Float

    public init(prediction: Float, target: Float) {
        self.prediction = prediction
        self.target = target
    }

    public var description: String { "p = \(formatFloat(prediction)), y = \(formatFloat(target))" }
}

/// The shortest text that reads back as the same float32: `2` for 2.0, `0.1`, `1e-07`.
public func formatFloat(_ x: Float) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    var text = x.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
}
