import LossCore

/// A field of an experiment as the file wrote it: its path and value or values (a field written as
/// a list, a list of lists for list-valued fields, is swept). What figures' and claims' `where`
/// and `x` name and what CSV columns show; the typed values live in ``Experiment/base``, the axes
/// and the loss entries.
public struct WrittenField: Sendable, Hashable {
    /// `section.field`, e.g. `dataset.outlier_fraction` or `loss.gamma`.
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

/// One value of one swept field: the typed change it makes to a trial and the value as written
/// (for CSV columns, series names and `where` conditions).
public struct Assignment: Sendable {
    public var path: String
    public var value: JSONValue
    let apply: @Sendable (inout TrialConfiguration) -> Void
}

/// One axis of the grid: a swept field, or a `zip` group of fields varied jointly. `values[i]`
/// holds the assignments of position `i`, one per path.
public struct SweepAxis: Sendable {
    public var paths: [String]
    public var values: [[Assignment]]

    public var count: Int { values.count }
}

/// One entry of the `loss` list: a loss with its label and, one per combination of its own swept
/// fields (in grid order), a built ``LossConfiguration`` with the assignments of that combination.
public struct LossEntry: Sendable {
    public var definition: LossDefinition
    /// The name in results and legends.
    public var label: String
    /// The entry's fields as written (`loss.<parameter>`, `loss.activation`, `loss.encoding`, and
    /// `dataset.*` of its own dataset).
    public var fields: [WrittenField]
    /// Changes to the dataset the entry makes whatever its sweep (its own fixed dataset fields).
    var fixedAssignments: [Assignment]
    /// The entry's combinations in grid order: the loss of each, and the swept assignments.
    public var combinations: [(loss: LossConfiguration, assignments: [Assignment])]

    /// The paths the entry sweeps, sorted.
    public var sweptPaths: [String] { fields.filter(\.isSwept).map(\.path).sorted() }
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

/// A validated experiment file: typed configurations, the axes that sweep them and the loss
/// entries, built once by the validator. Only trial ids, CSV columns and `spec.json` turn it back
/// into text.
public struct Experiment: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
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
    /// Every field the file fixed, at its value or default: what every trial starts from.
    public var base: TrialConfiguration
    /// The axes of the global sweep, in grid order (see ``Grid``).
    public var axes: [SweepAxis]
    /// The dataset, model, training and curves fields as written, defaults included.
    public var fields: [WrittenField]
    public var losses: [LossEntry]
    /// `nil`: every metric that applies to the dataset's task.
    public var metrics: [Metric]?
    /// The task of the data when one fixed generator decides it (`nil` when loss entries name
    /// their own generators, or the generator is swept).
    public var task: Task?
    public var reference: String
    public var zipGroups: [[String]]
    public var expectations: [Expectation]
    /// The `plots` list as written; ``FigureSpec`` gives it meaning.
    public var plots: [JSONValue]
    /// The whole file after parsing (and `--set`, `--seeds`, `--quick`), for `spec.json` and
    /// `experiment.json`.
    public var source: JSONValue

    /// The written field at `path` (global, or of a loss entry), if any.
    public func field(_ path: String) -> WrittenField? {
        fields.first { $0.path == path } ?? losses.lazy.flatMap(\.fields).first { $0.path == path }
    }

    /// The curve axis every loss is drawn along, when `curves.x` is fixed to one (not `auto`).
    public var fixedCurveAxis: LossDefinition.CurveAxis? {
        let sweepsX = axes.contains { $0.paths.contains(CurveConfiguration.sectionName + ".x") }
        return sweepsX ? nil : LossDefinition.CurveAxis(rawValue: base.curves.x.rawValue)
    }

    /// Whether any curve of the experiment is drawn against a probability.
    public var hasProbabilityCurves: Bool {
        if let axis = fixedCurveAxis { return axis == .probability }
        if let swept = field(CurveConfiguration.sectionName + ".x"), swept.isSwept {
            return swept.values.contains(.string(LossDefinition.CurveAxis.probability.rawValue))
        }
        return losses.contains { $0.definition.curveAxis == .probability }
    }

    /// Every swept path with its values, the union over loss entries for their own fields, in
    /// grid order (global paths first).
    public var sweptFields: [WrittenField] {
        var swept = fields.filter(\.isSwept)
        for entry in losses {
            for field in entry.fields.sorted(by: { $0.path < $1.path }) where field.isSwept {
                if let index = swept.firstIndex(where: { $0.path == field.path }) {
                    for value in field.values where !swept[index].values.contains(value) { swept[index].values.append(value) }
                } else {
                    swept.append(field)
                }
            }
        }
        return swept
    }
}
