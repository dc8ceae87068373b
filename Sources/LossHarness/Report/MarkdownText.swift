/// Escaping of file-provided text for the Markdown report (GitHub-flavoured Markdown).
public enum MarkdownText {
    /// One line: line breaks and control characters become spaces.
    public static func line(_ text: String) -> String {
        GnuplotText.sanitized(text, maximumLength: 5000)
    }

    /// A table cell: one line, with `\`, `|`, `<` and `>` escaped so the text cannot end the cell,
    /// the row or open raw HTML.
    public static func cell(_ text: String) -> String {
        var result = ""
        for character in line(text) {
            switch character {
            case "\\": result += "\\\\"
            case "|": result += "\\|"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }

    /// The text of an image's alt text or a link: one line, brackets and backslashes escaped.
    public static func linkText(_ text: String) -> String {
        var result = ""
        for character in line(text) {
            if "\\[]".contains(character) { result += "\\" }
            result.append(character)
        }
        return result
    }

    /// A relative path as a link destination: everything but unreserved characters and `/`
    /// percent-encoded (spaces and parentheses would end the destination).
    public static func destination(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~/".contains(c)) {
                result.append(c)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
