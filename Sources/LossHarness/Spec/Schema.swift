import LossCore

/// The fields of an experiment file (version 1) that are not in a configuration section: the top
/// level, a loss entry's own fields and an expectation's. The sections' fields are declared beside
/// their typed values (``DatasetConfiguration/fields`` and its siblings, ``FigureSpec/fields``);
/// ``fieldReference`` lists them all, for `losslab list fields`.
public enum Schema {
    public static let version = 1
    /// Names of experiments become folder names: lower-case letters, digits, `-` and `_`.
    public static let namePattern = "lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters"
    /// Above this many trials a file is rejected (raise it with `--max-trials`).
    public static let defaultMaximumTrials = 200_000
    public static let defaultSeeds = 10
    public static let maximumSeeds = 10_000
    public static let maximumSeed: Double = 9_007_199_254_740_991

    public static let topLevel: [Field] = [
        Field("version", .number(1...1, integer: true), default: .number(1), sweepable: false, "file format version; 1"),
        Field("name", .text(maxLength: 64), default: nil, sweepable: false,
              "experiment name, also the folder under results/ and plots/ (\(namePattern))"),
        Field("title", .text(maxLength: 200), default: nil, sweepable: false, "title of figures and of the report section (default: the name)"),
        Field("description", .text(maxLength: 5000), default: .string(""), sweepable: false, "what the study shows, for the report"),
        Field("claim", .text(maxLength: 1000), default: .string(""), sweepable: false, "the document's claim in one sentence, for the report"),
        Field("kind", .choice(Experiment.Kind.allCases.map(\.rawValue)), default: .string("train"), sweepable: false,
              "\"train\": train models; \"curves\": evaluate losses on a grid of predictions, no training"),
        Field(DatasetConfiguration.sectionName, .structured, default: nil, sweepable: false, "the data generator and its parameters (kind train)"),
        Field(ModelConfiguration.sectionName, .structured, default: .object([:]), sweepable: false, "the model"),
        Field(LossConfiguration.sectionName, .structured, default: nil, sweepable: false, "list of losses: names or objects with parameters"),
        Field(TrainingConfiguration.sectionName, .structured, default: .object([:]), sweepable: false, "optimizer, learning rate, batch size, epochs..."),
        Field(CurveConfiguration.sectionName, .structured, default: .object([:]), sweepable: false, "the prediction grid (kind curves)"),
        Field("seeds", .number(1...Double(maximumSeeds), integer: true), default: .number(Double(defaultSeeds)), sweepable: false,
              "number of repetitions; repetition r uses seeds derived from (seed, r)"),
        Field("seed", .number(0...maximumSeed, integer: true), default: .number(0), sweepable: false, "the experiment's base seed"),
        Field("metrics", .structured, default: nil, sweepable: false,
              "metrics computed on the test set (default: every metric that applies to the task)"),
        Field("reference", .text(maxLength: 200), default: nil, sweepable: false,
              "the loss label that paired differences in summary.csv are taken against (default: the first loss)"),
        Field("zip", .structured, default: .array([]), sweepable: false,
              "groups of swept field paths varied jointly instead of crossed, e.g. [[\"dataset.noise\", \"training.epochs\"]]"),
        Field("expect", .structured, default: .array([]), sweepable: false, "claims checked after the run"),
        Field("plots", .structured, default: .array([]), sweepable: false, "figures to draw"),
    ]

    /// Fields a loss entry may carry besides the loss's own parameters.
    public static let lossEntry: [Field] = [
        Field("name", .text(maxLength: 64), default: nil, sweepable: false, "the loss (Keras name or alias)"),
        Field("label", .text(maxLength: 64), default: nil, sweepable: false, "name in results and legends (default: the alias, plus +activation when overridden)"),
        Field("activation", .choice(Activation.allCases.map(\.rawValue)), default: nil, "output activation override"),
        Field("encoding", .choice(TargetEncoding.allCases.map(\.rawValue)), default: nil, "target encoding override"),
        Field(DatasetConfiguration.sectionName, .structured, default: nil, sweepable: false,
              "dataset fields for this loss only, e.g. {generator: \"classes\", classes: 4}; they replace the top-level ones"),
        Field("formula", .text(maxLength: FormulaLimits.length), default: nil, sweepable: false,
              "a loss of one's own, element-wise in p (prediction) and y (target), e.g. \"log(1 + ((p - y) / c)^2)\"; "
                  + "name then names it, activation and encoding are its pairing (default identity, values); see docs/formulas.md"),
        Field("parameters", .structured, default: nil, sweepable: false,
              "a formula's parameters and their values, e.g. {c: [0.5, 1, 2]} (a list sweeps)"),
    ]

    /// The fields of an entry of `expect`.
    public static let expectation: [Field] = [
        Field("metric", .structured, default: nil, sweepable: false, "the metric compared"),
        Field("better", .text(maxLength: 64), default: nil, sweepable: false, "the loss label claimed better"),
        Field("than", .text(maxLength: 64), default: nil, sweepable: false, "the loss label claimed worse"),
        Field("where", .structured, default: .object([:]), sweepable: false, "field path to value: the setting compared"),
        Field("statement", .text(maxLength: 1000), default: nil, sweepable: false, "the claim in words (default: generated)"),
    ]

    /// The field reference `losslab list fields` prints: every section with its fields' defaults
    /// and summaries.
    public static var fieldReference: [(section: String, fields: [(name: String, defaultText: String, summary: String)])] {
        func plain(_ fields: [Field]) -> [(name: String, defaultText: String, summary: String)] {
            fields.map { ($0.name, $0.defaultValue?.description ?? "(none)", $0.summary) }
        }
        func typed<S: ConfigurationSection>(_ section: S.Type) -> [(name: String, defaultText: String, summary: String)] {
            S.fields.map { ($0.name, $0.defaultText, $0.summary + " (" + $0.accepts.phrase + ")") }
        }
        return [
            ("top level", plain(topLevel)),
            ("dataset (and the generator's parameters: losslab list generators)", typed(DatasetConfiguration.self)),
            ("dataset from a table of one's own (source: \"table\"; with validation_fraction and standardize)",
             plain(TableConfiguration.fields)),
            ("model", typed(ModelConfiguration.self)),
            ("training", typed(TrainingConfiguration.self)),
            ("curves", typed(CurveConfiguration.self)),
            ("loss entry (and the loss's parameters: losslab list losses)", plain(lossEntry)),
            ("expectation (an entry of expect)", plain(expectation)),
            ("figure (an entry of plots)", plain(FigureSpec.fields)),
        ]
    }

    /// `losslab run --quick`: the reduced value of each capped field (see ``QuickSettings``).
    public static let quickCaps: [(section: String, field: String, cap: Double)] = [
        (TrainingConfiguration.sectionName, "epochs", 3),
        (DatasetConfiguration.sectionName, "train_size", 400),
        (DatasetConfiguration.sectionName, "test_size", 400),
    ]
    public static let quickSeeds = 2

    /// The default of a field of a configuration section, as files write it.
    static func defaultValue(section: String, field: String) -> JSONValue? {
        func value<S: ConfigurationSection>(_ type: S.Type) -> JSONValue? { S.field(named: field)?.value(in: S()) }
        switch section {
        case DatasetConfiguration.sectionName: return value(DatasetConfiguration.self)
        case ModelConfiguration.sectionName: return value(ModelConfiguration.self)
        case TrainingConfiguration.sectionName: return value(TrainingConfiguration.self)
        case CurveConfiguration.sectionName: return value(CurveConfiguration.self)
        default: return nil
        }
    }
}

extension Field.Kind {
    /// What the kind accepts, as a short phrase.
    var phrase: String { Field("", self, default: nil, "").expectation }
}
