/// Splits a formula into tokens: numbers (`2`, `0.5`, `.5`, `1e-7`), names (`p`, `y`, parameters,
/// functions: a letter or `_`, then letters, digits and `_`), `+ - * / ^ ( ) ,` and the
/// comparisons `< <= > >= == !=`. Spaces and tabs separate tokens; anything else is an error at
/// its column, with the ASCII spelling when a look-alike was typed (`−`, `×`, `÷`, `**`, `=`).
///
/// Numbers are float32, as the whole formula is: a literal beyond float32's range (`1e39`), or one
/// that is not 0 but rounds to 0 (`1e-50`), is refused.
struct FormulaLexer {
    let formula: String
    let scalars: [Unicode.Scalar]

    init(_ formula: String) {
        self.formula = formula
        scalars = Array(formula.unicodeScalars)
    }

    func tokens() throws(FormulaError) -> [FormulaToken] {
        var tokens: [FormulaToken] = []
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" {
                i += 1
                continue
            }
            let start = i
            if isDigit(c) || (c == "." && i + 1 < scalars.count && isDigit(scalars[i + 1])) {
                tokens.append(try number(from: &i))
                continue
            }
            if isNameStart(c) {
                while i < scalars.count && (isNameStart(scalars[i]) || isDigit(scalars[i])) { i += 1 }
                tokens.append(FormulaToken(kind: .name(String(String.UnicodeScalarView(scalars[start..<i]))), range: start..<i))
                continue
            }
            let next: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
            let kind: FormulaToken.Kind
            var width = 1
            switch c {
            case "+": kind = .plus
            case "-": kind = .minus
            case "*" where next == "*":
                throw error(start..<(start + 2), "'**' is not an operator", suggestion: "Write ^ for a power: p^2.")
            case "*": kind = .times
            case "/": kind = .divide
            case "^": kind = .power
            case "(": kind = .leftParenthesis
            case ")": kind = .rightParenthesis
            case ",": kind = .comma
            case "<", ">", "=", "!":
                (kind, width) = try comparison(c, next, at: start)
            default:
                throw unexpected(c, at: start)
            }
            tokens.append(FormulaToken(kind: kind, range: start..<(start + width)))
            i += width
        }
        tokens.append(FormulaToken(kind: .end, range: scalars.count..<scalars.count))
        return tokens
    }

    private func comparison(_ c: Unicode.Scalar, _ next: Unicode.Scalar?, at start: Int) throws(FormulaError)
        -> (FormulaToken.Kind, Int) {
        switch (c, next) {
        case ("<", "="): return (.comparison(.lessOrEqual), 2)
        case (">", "="): return (.comparison(.greaterOrEqual), 2)
        case ("=", "="): return (.comparison(.equal), 2)
        case ("!", "="): return (.comparison(.notEqual), 2)
        case ("<", _): return (.comparison(.less), 1)
        case (">", _): return (.comparison(.greater), 1)
        case ("=", _):
            throw error(start..<(start + 1), "'=' is not an operator", suggestion: "Write == to compare, inside where(p == y, ...).")
        default:
            throw error(start..<(start + 1), "'!' is not an operator", suggestion: "Write != to compare.")
        }
    }

    private func number(from i: inout Int) throws(FormulaError) -> FormulaToken {
        let start = i
        while i < scalars.count && isDigit(scalars[i]) { i += 1 }
        if i < scalars.count && scalars[i] == "." {
            i += 1
            while i < scalars.count && isDigit(scalars[i]) { i += 1 }
        }
        if i < scalars.count && (scalars[i] == "e" || scalars[i] == "E") {
            var j = i + 1
            if j < scalars.count && (scalars[j] == "+" || scalars[j] == "-") { j += 1 }
            if j < scalars.count && isDigit(scalars[j]) {
                i = j
                while i < scalars.count && isDigit(scalars[i]) { i += 1 }
            }
        }
        let text = String(String.UnicodeScalarView(scalars[start..<i]))
        let range = start..<i
        guard let value = Double(text) else {
            throw error(range, "'\(text)' is not a number")
        }
        let single = Float(value)
        if !single.isFinite || Swift.abs(value) > Double(Float.greatestFiniteMagnitude) {
            throw FormulaError(.constant, formula: formula, range: range, problem: "the number \(text) is too large for float32",
                               expected: "a number of magnitude at most 3.4e38")
        }
        let mantissa = text.prefix { $0 != "e" && $0 != "E" }
        if single == 0 && mantissa.contains(where: { $0 >= "1" && $0 <= "9" }) {
            throw FormulaError(.constant, formula: formula, range: range,
                               problem: "the number \(text) is too small for float32 and would be 0",
                               expected: "0, or a number of magnitude at least 1.4e-45")
        }
        return FormulaToken(kind: .number(single), range: range)
    }

    private func unexpected(_ c: Unicode.Scalar, at start: Int) -> FormulaError {
        let lookalikes: [Unicode.Scalar: String] = [
            "\u{2212}": "-", "\u{2013}": "-", "\u{00D7}": "*", "\u{22C5}": "*", "\u{00B7}": "*", "\u{00F7}": "/",
            "\u{00B2}": "^2", "\u{00B3}": "^3", "[": "(", "]": ")", "{": "(", "}": ")",
        ]
        let shown = c.isASCII && c.value >= 32 && c.value < 127 ? "'\(c)'" : "U+\(String(c.value, radix: 16, uppercase: true))"
        var suggestion: String?
        if let ascii = lookalikes[c] { suggestion = "Write \(ascii) instead." }
        if c == "&" || c == "|" {
            suggestion = "Conditions are single comparisons: nest where(...) for 'and' and 'or'."
        }
        return error(start..<(start + 1), "unexpected character \(shown)", suggestion: suggestion)
    }

    private func error(_ range: Range<Int>, _ problem: String, suggestion: String? = nil) -> FormulaError {
        FormulaError(.syntax, formula: formula, range: range, problem: problem,
                     expected: "numbers, names, + - * / ^, parentheses, commas and comparisons (< <= > >= == !=)",
                     suggestion: suggestion)
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    private func isNameStart(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122) || c == "_"
    }
}
