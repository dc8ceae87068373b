import Foundation

/// The tolerance of every measure: the default of its kind (``Tolerance/standard(for:)``),
/// overridden per measure name, first by a thresholds file, then by `--tolerance` entries (the
/// command line wins).
///
/// A thresholds file is a JSON5 object from measure name to tolerance, a string in the written
/// forms of ``Tolerance/init(parsing:)`` or a plain number (absolute):
///
///     { "mse": "2%", "accuracy": 0.01, "train_seconds": "25%" }
///
/// Names are the CSV column names that ``Measure/named(_:)`` knows.
public struct Tolerances: Sendable, Equatable {
    /// Measure name to its tolerance, where one was given.
    public private(set) var overrides: [String: Tolerance] = [:]

    public init() {}

    /// The tolerance that applies to `measure`.
    public func tolerance(for measure: Measure) -> Tolerance {
        overrides[measure.name] ?? .standard(for: measure.kind)
    }

    /// Applies one `METRIC=VALUE[%]` entry of `--tolerance`.
    public mutating func apply(entry: String, source: String = "--tolerance") throws(TrackingError) {
        guard let equals = entry.firstIndex(of: "=") else {
            throw .invalidTolerance(source: source, entry: entry, value: "(no '=')",
                                    expected: "METRIC=VALUE, e.g. mse=0.5% or accuracy=0.002")
        }
        let name = entry[..<equals].trimmingCharacters(in: .whitespaces)
        let text = String(entry[entry.index(after: equals)...])
        try set(name: name, text: text, shown: text, source: source)
    }

    /// Sets the tolerance of the measure `name` from its written form; `shown` is the value as
    /// messages quote it.
    private mutating func set(name: String, text: String, shown: String, source: String) throws(TrackingError) {
        try Self.checkName(name, source: source, value: shown)
        guard let tolerance = Tolerance(parsing: text) else {
            throw .invalidTolerance(source: source, entry: name, value: shown, expected: Tolerance.writtenForms)
        }
        overrides[name] = tolerance
    }

    /// Applies every entry of the thresholds file at `path`; every invalid entry is reported.
    public mutating func apply(thresholdsFile path: String) throws(TrackingError) {
        guard FileManager.default.fileExists(atPath: path) else { throw .notFound(path: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot be read")
        }
        try apply(thresholds: data, file: path)
    }

    /// Applies the entries of a thresholds file's bytes; `file` names it in messages.
    public mutating func apply(thresholds data: Data, file: String) throws(TrackingError) {
        let root: JSONValue
        do { root = try JSONValue.parse(data) } catch {
            throw .invalidTolerance(source: file, entry: "(file)", value: "(not JSON5)",
                                    expected: "a JSON5 object such as { \"mse\": \"2%\", \"accuracy\": 0.01 }")
        }
        guard case .object(let members) = root else {
            throw .invalidTolerance(source: file, entry: "(top level)", value: root.description,
                                    expected: "an object from metric name to tolerance, e.g. { \"mse\": \"2%\", \"accuracy\": 0.01 }")
        }
        var problems: [TrackingError] = []
        for name in members.keys.sorted() {
            do throws(TrackingError) {
                switch members[name]! {
                case .string(let text):
                    try set(name: name, text: text, shown: quoteJSON(text), source: file)
                case .number(let value):
                    try set(name: name, text: value.isFinite ? "\(value)" : "nan", shown: JSONValue.number(value).description, source: file)
                case let other:
                    try Self.checkName(name, source: file, value: other.description)
                    throw .invalidTolerance(source: file, entry: name, value: other.description,
                                            expected: "\(Tolerance.writtenForms), not \(other.kindDescription)")
                }
            } catch {
                problems.append(error)
            }
        }
        if problems.count == 1 { throw problems[0] }
        if !problems.isEmpty { throw .several(problems) }
    }

    private static func checkName(_ name: String, source: String, value: String) throws(TrackingError) {
        guard Measure.named(name) == nil else { return }
        let hint = closestMatch(to: name, among: Measure.knownNames).map { " (did you mean \($0)?)" } ?? ""
        throw .invalidTolerance(source: source, entry: name.isEmpty ? "(no name)" : name, value: value,
                                expected: "a metric id such as mse or accuracy, train_seconds, or a bench column (seconds, *_seconds, *_per_second, gflops)\(hint)")
    }
}
