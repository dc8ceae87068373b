import Foundation
import LossCore

/// A parsed JSON or JSON5 document as a tree, before any meaning is given to it. Experiment files
/// are read into this form first so that validation can name the exact field path of every problem
/// and report unknown fields, which a `Codable` decode would silently drop.
public indirect enum JSONValue: Sendable, Hashable, Decodable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            while !array.isAtEnd { items.append(try array.decode(JSONValue.self)) }
            self = .array(items)
            return
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            var members: [String: JSONValue] = [:]
            for key in object.allKeys { members[key.stringValue] = try object.decode(JSONValue.self, forKey: key) }
            self = .object(members)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let b = try? single.decode(Bool.self) {
            self = .bool(b)
        } else if let x = try? single.decode(Double.self) {
            self = .number(x)
        } else {
            do {
                self = .string(try single.decode(String.self))
                return
            } catch DecodingError.typeMismatch {
                // Nothing else is left but a number the decoder cannot hold (1e400): below.
            }
            let path = decoder.codingPath.map(\.pathComponent).joined()
            throw JSONParseError(line: nil, column: nil, path: path.hasPrefix(".") ? String(path.dropFirst()) : path,
                                 message: "a number within the range of a 64-bit float (magnitude below 1.8e308)")
        }
    }

    /// A component parameter's value as it would be written in a file.
    public init(_ parameter: ParameterValue) {
        switch parameter {
        case .number(let x): self = .number(x)
        case .bool(let b): self = .bool(b)
        case .text(let s): self = .string(s)
        case .list(let xs): self = .array(xs.map { .number($0) })
        }
    }

    /// Parses JSON5 (comments, trailing commas, unquoted keys, single quotes), which includes JSON.
    /// An object that repeats a key is an error (``JSON5Scanner``), as is a number too large for a
    /// `Double`; syntax errors are located by line and column.
    ///
    /// The scanner reads the text first and JSONDecoder only sees text the scanner found sound:
    /// Foundation's JSON5 reader traps on some malformed input (bytes that are not UTF-8 in an
    /// unquoted key; numbers such as `1e-`), crashes that the fuzzer (Fuzz/run.sh) found. The
    /// fuzzer also checks the other direction: whatever the decoder accepts, the scanner accepts.
    public static func parse(_ data: Data) throws -> JSONValue {
        let bytes = Array(data)
        if let offset = JSON5Scanner.firstInvalidUTF8(in: bytes) {
            let (line, column) = JSON5Scanner.position(of: offset, in: bytes)
            throw JSONParseError(line: line, column: column, path: "", message: "UTF-8 text (the file holds bytes that are not UTF-8)")
        }
        switch JSON5Scanner.firstProblem(in: bytes) {
        case .syntax(let line, let column, let message)?:
            throw JSONParseError(line: line, column: column, path: "", message: message)
        case .duplicateKey(let path, let key, let line, let column, let firstLine)?:
            throw JSONParseError(line: line, column: column, path: path,
                                 message: "each key once per object: \(quoteJSON(key)) at line \(line), column \(column) repeats line \(firstLine)",
                                 isDuplicateKey: true)
        case nil:
            break
        }
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        do {
            return try decoder.decode(JSONValue.self, from: data)
        } catch let error as JSONParseError {
            throw error
        } catch {
            throw JSONParseError(line: nil, column: nil, path: "", message: "valid JSON5 (\(describeDecodingError(error)))")
        }
    }

    public static func parse(_ text: String) throws -> JSONValue {
        try parse(Data(text.utf8))
    }

    /// The value as compact JSON text (keys sorted), as it is quoted in messages and written to
    /// `spec.json` and CSV cells.
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let x): return formatJSONNumber(x)
        case .string(let s): return quoteJSON(s)
        case .array(let items): return "[" + items.map(\.description).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.keys.sorted().map { quoteJSON($0) + ":" + members[$0]!.description }.joined(separator: ",") + "}"
        }
    }

    /// The value as it appears in CSV cells and series names: a string as it is (no quotes),
    /// anything else as compact JSON.
    public var text: String {
        if case .string(let s) = self { return s }
        return description
    }

    /// A short description of the value's type, for messages ("a string", "a list").
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }
}

/// Text that is not a JSON5 document LossLab can use: where (line and column, or the field path)
/// and what was expected there.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int?
    public var column: Int?
    /// The field path of the problem, when it is inside a value (`dataset.noise`), else "".
    public var path: String
    /// What was expected, and what was found.
    public var message: String
    public var isDuplicateKey = false

    public var location: String {
        guard let line, let column else { return "" }
        return "line \(line), column \(column)"
    }

    /// What was expected, with the place unless the message already gives it (duplicate keys).
    public var expectation: String {
        location.isEmpty || isDuplicateKey ? message : "\(message) at \(location)"
    }

    public var description: String {
        [location, path, message].filter { !$0.isEmpty }.joined(separator: ": ")
    }
}

/// The message of a decoding error without Foundation's boilerplate.
func describeDecodingError(_ error: Error) -> String {
    switch error {
    case DecodingError.dataCorrupted(let context):
        return (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String ?? context.debugDescription
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
         DecodingError.keyNotFound(_, let context):
        return context.debugDescription
    default:
        return "\(error)"
    }
}

private extension CodingKey {
    var pathComponent: String { intValue.map { "[\($0)]" } ?? ".\(stringValue)" }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}

/// Shortest text that reads back to the same `Double`: integers up to 2^53 without a decimal point
/// or exponent, and the JSON5 words `NaN`, `Infinity` and `-Infinity` for the non-finite.
func formatJSONNumber(_ x: Double) -> String {
    if x.isNaN { return "NaN" }
    if x.isInfinite { return x > 0 ? "Infinity" : "-Infinity" }
    if x == x.rounded(), abs(x) <= 9_007_199_254_740_992 { return String(Int64(x)) }
    return "\(x)"
}

/// A JSON string literal with every character that could end or alter it escaped.
public func quoteJSON(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F:
            out += String(format: "\\u%04x", scalar.value)
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
