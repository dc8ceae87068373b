import LossCore

/// A `dataset` section that reads a table of one's own:
/// `{source: "table", path: "data/diabetes.csv", target: "y"}`, validated and loaded once (the
/// table is parsed when the file is validated and shared by every trial, ``TableLoader``).
public struct TableConfiguration: Sendable {
    /// The path as the file wrote it (relative to the experiment file).
    public var path: String
    public var request: TableRequest
    public var loaded: TableLoader.Loaded
    /// The share of rows held out for testing.
    public var testFraction = 0.2
    /// Whether classes are split one by one, so that every part keeps their proportions.
    public var stratify = true
    /// A class (as the table writes it) cut down in the training part to `reducedShare` of it.
    public var reducedClass: String?
    public var reducedShare: Double?
    /// Repeated k-fold cross-validation: repetition `r` is fold `r mod k` of repeat `r / k`.
    public var folds: Int?

    /// The names of the fields a table section has, besides `validation_fraction` and
    /// `standardize`, which every dataset section has.
    public static let fields: [Field] = [
        Field("source", .text(maxLength: 16), default: nil, sweepable: false, "\"table\": read a CSV file of one's own instead of a generator"),
        Field("path", .text(maxLength: 4096), default: nil, sweepable: false, "the CSV file (header row; relative to the experiment file)"),
        Field("target", .structured, default: nil, sweepable: false, "the target column, or a list of them (multi-label, several outputs)"),
        Field("features", .structured, default: nil, sweepable: false, "the feature columns (default: every column but the targets and exclude)"),
        Field("exclude", .structured, default: .array([]), sweepable: false, "columns that are neither features nor targets (ids, leaks)"),
        Field("task", .choice(TableRequest.TaskChoice.allCases.map(\.rawValue)), default: .string("auto"), sweepable: false,
              "auto: words or one 0/1 column are classes, several 0/1 columns labels, other numbers regression; or regression, counts, classification, multilabel"),
        Field("test_fraction", .number(0.01...0.9, integer: false), default: .number(0.2), sweepable: false, "share of rows held out for testing"),
        Field("folds", .number(2...50, integer: true), default: nil, sweepable: false,
              "repeated k-fold cross-validation instead of random splits: repetition r is fold r mod k of repeat r / k (seeds: k times the repeats)"),
        Field("stratify", .bool, default: .bool(true), sweepable: false, "split each class on its own (classification)"),
        Field("reduce_class", .text(maxLength: 256), default: nil, sweepable: false,
              "a class cut down in the training part (to study imbalance), as the table writes it"),
        Field("reduced_share", .number(0.001...0.999, integer: false), default: nil, sweepable: true,
              "the share of the training part the reduced class keeps (a list sweeps)"),
    ]

    /// The source of a trial's data.
    func source(validationFraction: Double) -> TableSource {
        let reduced = reducedClass.flatMap { loaded.data.classNames.firstIndex(of: $0) }
        return TableSource(data: loaded.data, testFraction: testFraction, validationFraction: validationFraction, stratify: stratify,
                           reducedClass: reduced, reducedShare: reducedShare ?? 1, folds: folds)
    }

    /// What trial ids hold: every field as resolved, and the hash of the file's bytes, so that
    /// editing the data redoes the trials.
    var canonicalValues: [String: JSONValue] {
        let section = DatasetConfiguration.sectionName + "."
        var values: [String: JSONValue] = [
            section + "source": .string("table"),
            section + "path": .string(path),
            section + "target": .array(request.targets.map { .string($0) }),
            section + "exclude": .array(request.exclude.map { .string($0) }),
            section + "task": .string(request.task.rawValue),
            section + "test_fraction": .number(testFraction),
            section + "stratify": .bool(stratify),
            section + "table_hash": .string(String(loaded.hash, radix: 16)),
        ]
        if let features = request.features { values[section + "features"] = .array(features.map { .string($0) }) }
        if let reducedClass { values[section + "reduce_class"] = .string(reducedClass) }
        if let reducedShare { values[section + "reduced_share"] = .number(reducedShare) }
        if let folds {
            values[section + "folds"] = .number(Double(folds))
            values[section + "test_fraction"] = nil
        }
        return values
    }
}
