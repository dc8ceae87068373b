/// A parameter value as written in an experiment file or on the command line.
public enum ParameterValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case number(Double)
    case bool(Bool)
    case text(String)
    case list([Double])

    public var description: String {
        switch self {
        case .number(let x): formatNumber(x)
        case .bool(let b): b ? "true" : "false"
        case .text(let s): s
        case .list(let xs): "[" + xs.map(formatNumber).joined(separator: ", ") + "]"
        }
    }
}

/// Shortest round-tripping text for a number: `2` rather than `2.0`, `0.1` rather than
/// `0.1000000000000000055`.
public func formatNumber(_ x: Double) -> String {
    if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
}

/// What a component (loss, generator, optimizer...) accepts: a name, a default, the values it takes
/// and one line of explanation, as `losslab list` prints it. The default and the range are written
/// here once; ``Parameters`` reads values through the info, so the check, the default used and the
/// documentation cannot disagree.
public struct ParameterInfo: Sendable, Hashable {
    /// The values a parameter takes.
    public enum Kind: Sendable, Hashable {
        /// A finite number within a range.
        case number(ClosedRange<Double>)
        case bool
        /// One of a fixed set of words.
        case choice([String])
        /// Checked by the component itself when it is built (generators whose parameters depend on
        /// one another: class proportions need the class count).
        case checkedByComponent
    }

    public var name: String
    public var defaultValue: ParameterValue
    public var summary: String
    public var kind: Kind

    public init(_ name: String, _ defaultValue: ParameterValue, _ summary: String, kind: Kind = .checkedByComponent) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
        self.kind = kind
    }

    /// A number parameter within `range`.
    public static func number(_ name: String, default value: Double, in range: ClosedRange<Double>, _ summary: String) -> ParameterInfo {
        ParameterInfo(name, .number(value), summary, kind: .number(range))
    }

    /// A true/false parameter.
    public static func flag(_ name: String, default value: Bool, _ summary: String) -> ParameterInfo {
        ParameterInfo(name, .bool(value), summary, kind: .bool)
    }

    /// What the parameter accepts, as a phrase for messages and `losslab list`.
    public var expectation: String {
        switch kind {
        case .number(let range):
            if range.upperBound >= 1e12 {
                return range.lowerBound > 0 ? "a positive number" : "a number of at least \(formatNumber(range.lowerBound))"
            }
            return "a number from \(formatNumber(range.lowerBound)) to \(formatNumber(range.upperBound))"
        case .bool: return "true or false"
        case .choice(let words): return "one of " + words.map { "\"\($0)\"" }.joined(separator: ", ")
        case .checkedByComponent: return "see the summary"
        }
    }
}

/// A parameter that is missing, of the wrong type or out of range. The harness adds the file and
/// the field path around it.
public struct ParameterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var parameter: String
    public var value: String
    public var expected: String

    public init(parameter: String, value: String, expected: String) {
        self.parameter = parameter
        self.value = value
        self.expected = expected
    }

    public var description: String { "\(parameter) = \(value): expected \(expected)" }
}

/// A set of named parameter values with typed, range-checked accessors that fall back to
/// documented defaults. Unknown names are reported by ``unknown(allowed:)``.
public struct Parameters: Sendable, Hashable {
    public var values: [String: ParameterValue]

    public init(_ values: [String: ParameterValue] = [:]) {
        self.values = values
    }

    /// The names that are not among `allowed`, sorted.
    public func unknown(allowed: [ParameterInfo]) -> [String] {
        let names = Set(allowed.map(\.name))
        return values.keys.filter { !names.contains($0) }.sorted()
    }

    /// The value of a number parameter (its default when absent), checked against its range.
    public func number(_ info: ParameterInfo) throws -> Double {
        guard case .number(let fallback) = info.defaultValue else {
            preconditionFailure("\(info.name) is not a number parameter")
        }
        guard case .number(let range) = info.kind else { return try number(info.name, default: fallback) }
        return try number(info.name, default: fallback, in: range, info.expectation)
    }

    /// The value of a true/false parameter (its default when absent).
    public func bool(_ info: ParameterInfo) throws -> Bool {
        guard case .bool(let fallback) = info.defaultValue else { preconditionFailure("\(info.name) is not a flag") }
        return try bool(info.name, default: fallback)
    }

    /// A finite number, within `range` when one is given.
    public func number(_ name: String, default defaultValue: Double,
                       in range: ClosedRange<Double>? = nil, _ rangeText: String? = nil) throws -> Double {
        guard let value = values[name] else { return defaultValue }
        guard case .number(let x) = value, x.isFinite else {
            throw ParameterError(parameter: name, value: value.description, expected: rangeText ?? "a finite number")
        }
        if let range, !range.contains(x) {
            throw ParameterError(parameter: name, value: value.description,
                                 expected: rangeText ?? "a number in [\(formatNumber(range.lowerBound)), \(formatNumber(range.upperBound))]")
        }
        return x
    }

    /// A whole number within `range`.
    public func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let value = values[name] else { return defaultValue }
        guard case .number(let x) = value, x.isFinite, x == x.rounded(),
              x >= Double(range.lowerBound), x <= Double(range.upperBound) else {
            throw ParameterError(parameter: name, value: value.description,
                                 expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return Int(x)
    }

    public func bool(_ name: String, default defaultValue: Bool) throws -> Bool {
        guard let value = values[name] else { return defaultValue }
        guard case .bool(let b) = value else {
            throw ParameterError(parameter: name, value: value.description, expected: "true or false")
        }
        return b
    }

    /// One of the listed words.
    public func choice(_ name: String, default defaultValue: String, among choices: [String]) throws -> String {
        guard let value = values[name] else { return defaultValue }
        guard case .text(let s) = value, choices.contains(s) else {
            throw ParameterError(parameter: name, value: value.description,
                                 expected: "one of " + choices.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        return s
    }

    /// A list of finite numbers (a single number counts as a list of one).
    public func numbers(_ name: String, default defaultValue: [Double]?) throws -> [Double]? {
        guard let value = values[name] else { return defaultValue }
        switch value {
        case .list(let xs) where xs.allSatisfy(\.isFinite): return xs
        case .number(let x) where x.isFinite: return [x]
        default:
            throw ParameterError(parameter: name, value: value.description, expected: "a list of finite numbers")
        }
    }
}
