/// A problem in an experiment file, located precisely enough to fix without reading LossLab's code:
/// the file, the field path (`loss[2].gamma`), the offending value and what was expected.
public struct SpecError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var path: String
    public var value: String?
    public var expected: String
    public var suggestion: String?

    public init(file: String, path: String, value: String? = nil, expected: String, suggestion: String? = nil) {
        self.file = file
        self.path = path
        self.value = value.map { $0.count > 120 ? String($0.prefix(117)) + "..." : $0 }
        self.expected = expected
        self.suggestion = suggestion
    }

    public var description: String {
        var text = "\(file): \(path.isEmpty ? "(top level)" : path)"
        if let value { text += " = \(value)" }
        text += ": expected \(expected)"
        if let suggestion { text += ". \(suggestion)" }
        return text
    }
}

/// Every problem found in one file (validation goes on after the first, so that one run of
/// `losslab validate` lists them all).
public struct SpecErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [SpecError]

    public init(_ errors: [SpecError]) {
        self.errors = errors
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
