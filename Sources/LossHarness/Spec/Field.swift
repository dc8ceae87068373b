/// One known field of an experiment file: its name, the values it accepts, its default and one
/// line of documentation. The tables of fields in ``Schema`` drive validation, "did you mean"
/// suggestions and the field reference that `losslab list --fields` prints.
public struct Field: Sendable {
    public enum Kind: Sendable {
        /// A finite number in a range, optionally whole.
        case number(ClosedRange<Double>, integer: Bool)
        case bool
        /// One of a fixed set of words.
        case choice([String])
        /// Free text of at most this many characters.
        case text(maxLength: Int)
        /// A list of finite numbers (for example hidden layer sizes).
        case numberList(ClosedRange<Double>, integer: Bool)
        /// A value checked elsewhere (loss entries, expectations, figures).
        case structured
    }

    public var name: String
    public var kind: Kind
    /// `nil` means required (or, for optional settings, absent).
    public var defaultValue: JSONValue?
    public var summary: String
    /// Whether a list of values makes the field a sweep axis.
    public var sweepable: Bool

    public init(_ name: String, _ kind: Kind, default defaultValue: JSONValue?, sweepable: Bool = true, _ summary: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
        self.sweepable = sweepable
        isListValued = if case .numberList = kind { true } else { false }
    }

    /// Whether a single value of this field is itself a list, so that a sweep is a list of lists
    /// (true for number lists; set for structured fields that take lists).
    public var isListValued: Bool

    /// What the field accepts, as a phrase for messages.
    public var expectation: String {
        switch kind {
        case .number(let range, let integer):
            let noun = integer ? "a whole number" : "a number"
            return "\(noun) from \(formatJSONNumber(range.lowerBound)) to \(formatJSONNumber(range.upperBound))"
        case .bool: return "true or false"
        case .choice(let words): return "one of " + words.map { "\"\($0)\"" }.joined(separator: ", ")
        case .text(let maxLength): return "a string of at most \(maxLength) characters"
        case .numberList(let range, let integer):
            return "a non-empty list of \(integer ? "whole numbers" : "numbers") from \(formatJSONNumber(range.lowerBound)) to \(formatJSONNumber(range.upperBound))"
        case .structured: return "see the README"
        }
    }

    /// `nil` when `value` is acceptable as one (non-swept) value of the field, else what was expected.
    public func check(_ value: JSONValue) -> String? {
        switch (kind, value) {
        case (.number(let range, let integer), .number(let x)):
            return x.isFinite && range.contains(x) && (!integer || x == x.rounded()) ? nil : expectation
        case (.bool, .bool): return nil
        case (.choice(let words), .string(let s)): return words.contains(s) ? nil : expectation
        case (.text(let maxLength), .string(let s)): return s.count <= maxLength ? nil : expectation
        case (.numberList(let range, let integer), .array(let items)):
            let ok = !items.isEmpty && items.allSatisfy {
                guard case .number(let x) = $0 else { return false }
                return x.isFinite && range.contains(x) && (!integer || x == x.rounded())
            }
            return ok ? nil : expectation
        case (.structured, _): return nil
        default: return expectation
        }
    }
}
