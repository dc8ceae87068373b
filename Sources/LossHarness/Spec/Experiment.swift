import LossCore

/// A field of a sweepable section and the value or values it takes. A field written as a list
/// (a list of lists for list-valued fields such as `model.hidden`) is a sweep axis.
public struct Setting: Sendable, Hashable {
    /// The field path, `section.field`, e.g. `dataset.outlier_fraction` or `loss.gamma`.
    public var path: String
    public var values: [JSONValue]
    /// Whether the file wrote a list of values (an axis, even of one value).
    public var isSwept: Bool

    public init(path: String, values: [JSONValue], isSwept: Bool) {
        self.path = path
        self.values = values
        self.isSwept = isSwept
    }
}

/// One entry of the `loss` list: a loss with its own parameters (possibly swept), label and
/// pairing overrides.
public struct LossEntry: Sendable, Hashable {
    public var kind: LossKind
    /// The name in results and legends.
    public var label: String
    /// `loss.<parameter>`, `loss.activation`, `loss.encoding`.
    public var settings: [Setting]
}

/// A claim to check after the run: at the given values of other fields, `better` has a better
/// `metric` than `than` (lower or higher, as the metric's polarity says), tested across seeds.
public struct Expectation: Sendable, Hashable {
    public var metric: Metric
    public var better: String
    public var than: String
    /// Field path to value; trials whose resolved values match all of these are compared.
    public var conditions: [String: JSONValue]
    /// The claim in words, for the report (default: generated).
    public var statement: String
}

/// A validated experiment file.
public struct Experiment: Sendable {
    public enum Kind: String, Sendable {
        case train
        case curves
    }

    /// The path the experiment was read from, as given (used in messages).
    public var file: String
    public var name: String
    public var title: String
    public var description: String
    public var claim: String
    public var kind: Kind
    public var seeds: Int
    public var seed: UInt64
    /// Dataset, model, training and curves settings, with defaults filled in.
    public var settings: [Setting]
    public var losses: [LossEntry]
    /// `nil`: every metric that applies to the dataset's task.
    public var metrics: [Metric]?
    public var reference: String
    public var zipGroups: [[String]]
    public var expectations: [Expectation]
    /// The `plots` list as written; ``FigureSpec`` gives it meaning.
    public var plots: [JSONValue]
    /// The whole file after parsing, for `spec.json`.
    public var source: JSONValue

    /// The setting at `path`, if any.
    public func setting(_ path: String) -> Setting? {
        settings.first { $0.path == path }
    }

    /// The value of a setting that is not swept, if set.
    public func fixedValue(_ path: String) -> JSONValue? {
        guard let setting = setting(path), !setting.isSwept else { return nil }
        return setting.values.first
    }
}
