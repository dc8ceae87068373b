/// A structural pass over JSON5 text that builds no values: it finds what `JSONDecoder` does not
/// report.
///
/// - **Duplicate keys.** `JSONDecoder` (JSON5 mode) silently keeps the first of two equal keys in an
///   object, and other JSON5 readers keep the last, so `{noise: 1, noise: 2}` would mean different
///   things to different tools. The scanner reports the second key with its field path.
/// - **Where a syntax error is.** On Linux, `JSONDecoder` says only "The given data was not valid
///   JSON"; the scanner gives the line, the column and what it expected there.
///
/// `JSONDecoder` stays the parser of record: the scanner is run after it (for duplicates) or after
/// it failed (for a location), and a file the decoder accepts is never rejected for its syntax.
/// Nesting is tracked on an explicit stack, so hostile depth cannot overflow the call stack.
///
/// The file is over 400 lines on purpose: it is one hand-written scanner for one grammar (values,
/// strings with their escapes, numbers exactly as the decoder reads them, comments), whose states
/// share one cursor; split across files, its rules would be harder to check against the JSON5
/// specification than side by side.
public enum JSON5Scanner {
    public enum Problem: Sendable, Equatable {
        /// The text is not JSON5; `line` and `column` are 1-based (columns count characters).
        case syntax(line: Int, column: Int, message: String)
        /// `key` appears twice in one object: `path` is the field path of the second occurrence.
        case duplicateKey(path: String, key: String, line: Int, column: Int, firstLine: Int)
    }

    /// Containers nested deeper than this are reported (JSONDecoder refuses them too).
    public static let maximumDepth = 512

    private enum State {
        case keyOrEnd, colon, value, commaOrEnd
    }

    private struct Frame {
        var isObject: Bool
        var path: String
        var state: State
        var index = 0
        var keys: [String: Int] = [:]
        var pendingKey = ""
    }

    /// The first problem in `bytes` (UTF-8), or `nil` when the structure is sound and no object
    /// repeats a key.
    public static func firstProblem(in bytes: [UInt8]) -> Problem? {
        var scanner = Cursor(bytes: bytes)
        var stack: [Frame] = []
        var rootDone = false
        func childPath(_ frame: Frame) -> String {
            if frame.isObject {
                let key = isPlainIdentifier(frame.pendingKey) ? frame.pendingKey : quoteJSON(frame.pendingKey)
                return frame.path.isEmpty ? key : frame.path + "." + key
            }
            return frame.path + "[\(frame.index)]"
        }
        while true {
            if let problem = scanner.skipSpace() { return problem }
            guard let byte = scanner.peek() else {
                if rootDone { return nil }
                return scanner.syntax(stack.isEmpty ? "a value (the file is empty)" : "the rest of \(stack.last!.isObject ? "an object and its '}'" : "a list and its ']'")")
            }
            if rootDone { return scanner.syntax("the end of the file after the top-level value") }
            let top = stack.last
            // Object keys, colons, commas and closing brackets.
            if let top {
                switch top.state {
                case .keyOrEnd:
                    if byte == UInt8(ascii: "}") {
                        scanner.advance()
                        stack.removeLast()
                        finishValue(&stack, &rootDone)
                        continue
                    }
                    let keyOffset = scanner.offset
                    let key: String
                    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        guard let text = scanner.string() else {
                            return scanner.stringProblem(start: keyOffset)
                        }
                        key = text
                    } else if let word = scanner.identifier() {
                        key = word
                    } else {
                        scanner.offset = keyOffset
                        return scanner.syntax("a key (a name or a quoted string) or '}'")
                    }
                    stack[stack.count - 1].pendingKey = key
                    if let firstOffset = top.keys[key] {
                        let (l, c) = scanner.position(of: keyOffset)
                        return .duplicateKey(path: childPath(stack[stack.count - 1]), key: key, line: l, column: c,
                                             firstLine: scanner.position(of: firstOffset).line)
                    }
                    stack[stack.count - 1].keys[key] = keyOffset
                    stack[stack.count - 1].state = .colon
                    continue
                case .colon:
                    guard byte == UInt8(ascii: ":") else { return scanner.syntax("':' after the key") }
                    scanner.advance()
                    stack[stack.count - 1].state = .value
                    continue
                case .commaOrEnd:
                    let close = top.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    if byte == close {
                        scanner.advance()
                        stack.removeLast()
                        finishValue(&stack, &rootDone)
                    } else if byte == UInt8(ascii: ",") {
                        scanner.advance()
                        if top.isObject {
                            stack[stack.count - 1].state = .keyOrEnd
                        } else {
                            stack[stack.count - 1].index += 1
                            stack[stack.count - 1].state = .value
                        }
                    } else {
                        return scanner.syntax("',' or '\(Character(Unicode.Scalar(close)))'")
                    }
                    continue
                case .value:
                    if !top.isObject && byte == UInt8(ascii: "]") {
                        scanner.advance()
                        stack.removeLast()
                        finishValue(&stack, &rootDone)
                        continue
                    }
                }
            }
            // A value.
            let path = top.map(childPath) ?? ""
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if stack.count >= maximumDepth { return scanner.syntax("at most \(maximumDepth) nested lists and objects") }
                scanner.advance()
                let isObject = byte == UInt8(ascii: "{")
                stack.append(Frame(isObject: isObject, path: path, state: isObject ? .keyOrEnd : .value))
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let start = scanner.offset
                guard scanner.string() != nil else {
                    return scanner.stringProblem(start: start)
                }
                finishValue(&stack, &rootDone)
            default:
                let start = scanner.offset
                guard let word = scanner.word(), isLiteral(word) else {
                    scanner.offset = start
                    return scanner.syntax(top?.isObject == false ? "a value or ']'" : "a value (an object, a list, a string, a number, true, false or null)")
                }
                finishValue(&stack, &rootDone)
            }
        }
    }

    /// The offset of the first byte that is not part of valid UTF-8, or `nil` when all are.
    public static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    public static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        Cursor(bytes: bytes).position(of: offset)
    }

    /// After a value: its container now wants a comma or its end; at the top level, the file ends.
    private static func finishValue(_ stack: inout [Frame], _ rootDone: inout Bool) {
        if stack.isEmpty { rootDone = true } else { stack[stack.count - 1].state = .commaOrEnd }
    }

    /// Whether a key can be written without quotes in a field path.
    static func isPlainIdentifier(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// Literals and numbers exactly as JSON5 writes them: `[+-]` then `Infinity`, `NaN`, `0x` and
    /// hex digits, or a decimal `int[.frac][e[+-]digits]` with no leading zero, where either side of
    /// the point may be empty but not both (`5.`, `.5`). This must be exact, not loose: JSONDecoder
    /// traps on some malformed numbers (`1e-`), so they are refused before it sees them.
    static func isLiteral(_ word: String) -> Bool {
        if ["true", "false", "null"].contains(word) { return true }
        var body = Substring(word)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        if body == "Infinity" || body == "NaN" { return true }
        if body.hasPrefix("0x") || body.hasPrefix("0X") {
            return body.count > 2 && body.dropFirst(2).allSatisfy { $0.isASCII && $0.isHexDigit }
        }
        let bytes = Array(body.utf8)
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - start
        }
        let integer = digits()
        if integer > 1 && bytes[0] == UInt8(ascii: "0") { return false }
        var fraction = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            fraction = digits()
        }
        guard integer + fraction > 0 else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == bytes.count
    }

    /// A read position over the bytes, with the helpers that recognise tokens.
    private struct Cursor {
        let bytes: [UInt8]
        var offset = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        func peek(_ ahead: Int = 0) -> UInt8? {
            offset + ahead < bytes.count ? bytes[offset + ahead] : nil
        }

        mutating func advance(_ count: Int = 1) {
            offset = min(bytes.count, offset + count)
        }

        /// 1-based line and column (in characters) of a byte offset.
        func position(of target: Int) -> (line: Int, column: Int) {
            var line = 1, column = 1
            for byte in bytes[..<min(target, bytes.count)] {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
            return (line, column)
        }

        func syntax(_ expected: String) -> Problem {
            let (line, column) = position(of: offset)
            var found = "the end of the file"
            if offset < bytes.count {
                let end = min(bytes.count, offset + 12)
                let text = String(decoding: bytes[offset..<end], as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
                found = quoteJSON(text + (end < bytes.count && !text.isEmpty ? "..." : ""))
            }
            return .syntax(line: line, column: column, message: "\(expected), found \(found)")
        }

        /// Where a string that could not be read went wrong: a NUL character, or no closing quote.
        var nulOffset: Int?
        var controlOffset: Int?

        mutating func stringProblem(start: Int) -> Problem {
            if let nulOffset {
                offset = nulOffset
                return syntax("a string without NUL characters (\\u0000 is refused)")
            }
            if let controlOffset {
                offset = controlOffset
                return syntax("a string without control characters (write a tab or a line break as \\t or \\n)")
            }
            offset = start
            return syntax("a string closed on the line it starts")
        }

        /// Skips whitespace (JSON5's set) and comments; a comment left open is a problem.
        mutating func skipSpace() -> Problem? {
            while let byte = peek() {
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C:
                    advance()
                case 0xC2 where peek(1) == 0xA0:
                    advance(2)
                case 0xEF where peek(1) == 0xBB && peek(2) == 0xBF:
                    advance(3)
                case 0xE2 where peek(1) == 0x80 && (peek(2) == 0xA8 || peek(2) == 0xA9):
                    advance(3)
                case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                    while let b = peek(), b != 0x0A, b != 0x0D { advance() }
                case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                    let start = offset
                    advance(2)
                    while peek() != nil && !(peek() == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/")) { advance() }
                    if peek() == nil {
                        offset = start
                        return syntax("the end of a comment ('*/')")
                    }
                    advance(2)
                default:
                    return nil
                }
            }
            return nil
        }

        /// A quoted string (either quote), decoded; `nil` when it is not closed on its line.
        mutating func string() -> String? {
            let quote = bytes[offset]
            advance()
            var scalars = String.UnicodeScalarView()
            var raw: [UInt8] = []
            func flush() {
                scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
                raw.removeAll()
            }
            while let byte = peek() {
                if byte == quote {
                    advance()
                    flush()
                    return String(scalars)
                }
                if byte == 0x0A || byte == 0x0D { return nil }
                if byte < 0x20 {
                    controlOffset = offset
                    return nil
                }
                if byte == UInt8(ascii: "\\") {
                    flush()
                    advance()
                    guard let escaped = peek() else { return nil }
                    advance()
                    switch escaped {
                    case UInt8(ascii: "n"): scalars.append("\n")
                    case UInt8(ascii: "t"): scalars.append("\t")
                    case UInt8(ascii: "r"): scalars.append("\r")
                    case UInt8(ascii: "b"): scalars.append("\u{08}")
                    case UInt8(ascii: "f"): scalars.append("\u{0C}")
                    case UInt8(ascii: "v"): scalars.append("\u{0B}")
                    case UInt8(ascii: "0"):
                        nulOffset = offset - 2
                        return nil
                    case UInt8(ascii: "u"):
                        guard let unit = hex4() else { return nil }
                        if unit == 0 {
                            nulOffset = offset - 6
                            return nil
                        }
                        if (0xD800..<0xDC00).contains(unit), peek() == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") {
                            let saved = offset
                            advance(2)
                            if let low = hex4(), (0xDC00..<0xE000).contains(low) {
                                let value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                                continue
                            }
                            offset = saved
                        }
                        scalars.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
                    case UInt8(ascii: "x"):
                        guard offset + 2 <= bytes.count, let high = Character(Unicode.Scalar(bytes[offset])).hexDigitValue,
                              let low = Character(Unicode.Scalar(bytes[offset + 1])).hexDigitValue else { return nil }
                        advance(2)
                        if high == 0 && low == 0 {
                            nulOffset = offset - 4
                            return nil
                        }
                        scalars.append(Unicode.Scalar(UInt8(high * 16 + low)))
                    // A line continuation: JSONDecoder keeps the line break in the string.
                    case 0x0A: scalars.append("\n")
                    case 0x0D:
                        scalars.append("\r")
                        if peek() == 0x0A {
                            scalars.append("\n")
                            advance()
                        }
                    default: raw.append(escaped)
                    }
                    continue
                }
                raw.append(byte)
                advance()
            }
            return nil
        }

        private mutating func hex4() -> UInt32? {
            guard offset + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for byte in bytes[offset..<offset + 4] {
                guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else { return nil }
                value = value * 16 + UInt32(digit)
            }
            advance(4)
            return value
        }

        /// An unquoted key: letters, digits, `_`, `$`, non-ASCII characters and escapes (`\u0041`,
        /// and `\x41`, which JSONDecoder also takes), not starting with a digit. Escapes are kept as
        /// written, as `JSONDecoder` keeps them.
        mutating func identifier() -> String? {
            var raw: [UInt8] = []
            while let byte = peek() {
                let isWordByte = (byte >= 0x80) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
                    || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") && !raw.isEmpty)
                if isWordByte {
                    raw.append(byte)
                    advance()
                } else if byte == UInt8(ascii: "\\"), let escaped = peek(1), escaped > 0x20 {
                    raw.append(contentsOf: [byte, escaped])
                    advance(2)
                } else {
                    break
                }
            }
            return raw.isEmpty ? nil : String(decoding: raw, as: UTF8.self)
        }

        /// A bare word (a number or a literal): ASCII up to a delimiter, a space or a control
        /// character (JSON5's whitespace includes vertical tab and form feed).
        mutating func word() -> String? {
            let start = offset
            while let byte = peek(), byte > 0x20, byte < 0x80, !",:]}[{\"'/".utf8.contains(byte) { advance() }
            return offset > start ? String(decoding: bytes[start..<offset], as: UTF8.self) : nil
        }
    }
}
