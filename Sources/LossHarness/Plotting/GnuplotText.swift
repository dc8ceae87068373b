/// Turns text from experiment files (titles, labels, captions, series names) into gnuplot string
/// expressions that cannot end the string, run a command or expand a macro, whatever the text.
///
/// The rules, each checked against gnuplot 5.4 (see `GnuplotTextTests`):
/// - Control characters (newlines above all: a newline would end the command and start another)
///   and Unicode line separators become spaces; a backslash at the end of a line would continue
///   it, and is never emitted there.
/// - Ordinary characters go inside single quotes, where gnuplot does no backslash processing and
///   no backtick command substitution.
/// - The characters gnuplot treats specially anywhere on a line, `'` `"` `` ` `` `@` `\` `#` `$`
///   `;` `{` `}`, are written as octal escapes in a double-quoted string (`"\047"`) concatenated
///   with `.`, so the script holds none of them literally inside user text.
///
/// Why not double the quote (`'it''s'`), gnuplot's documented escape: gnuplot 5.4's scanner does
/// not recognise a doubled quote at the very start of a string or right after another doubled
/// quote, so `'''a'` is the empty string followed by a syntax error and the figure fails to
/// render. And `"'"` cannot stand in for the apostrophe either: the macro expander's quote
/// tracking is thrown off by it, so a later `@name` in the line would be expanded.
///
/// Enhanced-text specials (`^ _ @ & ~ { }`) are left to the caller, which marks every label that
/// holds user text `noenhanced`.
public enum GnuplotText {
    /// Characters written as octal escapes rather than inside single quotes.
    static let special: Set<Unicode.Scalar> = ["'", "\"", "`", "@", "\\", "#", "$", ";", "{", "}"]

    /// `text` with control characters and line breaks replaced by spaces, runs of spaces
    /// collapsed, trimmed, and cut to `maximumLength` characters (with "...").
    public static func sanitized(_ text: String, maximumLength: Int = 500) -> String {
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let isBreak = scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .lineSeparator
                || scalar.properties.generalCategory == .paragraphSeparator || scalar.properties.generalCategory == .format
            let isSpace = isBreak || scalar == " " || scalar.properties.isWhitespace
            if isSpace {
                if !lastWasSpace { scalars.append(" ") }
                lastWasSpace = true
            } else {
                scalars.append(scalar)
                lastWasSpace = false
            }
        }
        var result = String(scalars)
        while result.hasSuffix(" ") { result.removeLast() }
        if result.count > maximumLength { result = String(result.prefix(maximumLength - 3)) + "..." }
        return result
    }

    /// A gnuplot string expression whose value is `sanitized(text)`: e.g. `it's` becomes
    /// `'it'."\047".'s'` and an empty text `''`. Valid wherever gnuplot takes a string expression
    /// (`set title`, `set xlabel`, `set label`, `set output`, tic labels, `title` of a plot).
    public static func quoted(_ text: String, maximumLength: Int = 500) -> String {
        let clean = sanitized(text, maximumLength: maximumLength)
        var pieces: [String] = []
        var plain = ""
        var escaped = ""
        func flushPlain() {
            if !plain.isEmpty { pieces.append("'" + plain + "'") }
            plain = ""
        }
        func flushEscaped() {
            if !escaped.isEmpty { pieces.append("\"" + escaped + "\"") }
            escaped = ""
        }
        for scalar in clean.unicodeScalars {
            if special.contains(scalar) {
                flushPlain()
                escaped += "\\" + octal(scalar.value)
            } else {
                flushEscaped()
                plain.unicodeScalars.append(scalar)
            }
        }
        flushPlain()
        flushEscaped()
        return pieces.isEmpty ? "''" : pieces.joined(separator: ".")
    }

    /// A path as a gnuplot string expression; unlike labels, paths are not shortened or trimmed
    /// (a path with a control character cannot be written safely and is refused by the caller).
    public static func quotedPath(_ path: String) -> String {
        quoted(path, maximumLength: Int.max)
    }

    /// Whether `path` can be written into a script unchanged (no control characters, no line
    /// breaks, no leading or trailing spaces).
    public static func isRepresentablePath(_ path: String) -> Bool {
        !path.isEmpty && sanitized(path, maximumLength: Int.max) == path
    }

    /// Text for a `#` comment line: sanitised, with no trailing backslash (which would continue
    /// the comment onto the next line).
    public static func comment(_ text: String, maximumLength: Int = 300) -> String {
        var clean = sanitized(text, maximumLength: maximumLength)
        while clean.hasSuffix("\\") || clean.hasSuffix(" ") { clean.removeLast() }
        return clean
    }

    private static func octal(_ value: UInt32) -> String {
        let digits = String(value, radix: 8)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }
}
