import LossCore

/// The `dataset` section: a data generator, its parameters, and the sizes of the split; or a table
/// of one's own (``TableConfiguration``), split by fractions.
///
/// The generator's own parameters are kept as the file wrote them (typed ``ParameterValue``s); the
/// generator checks them together when it is built for a trial (class proportions need the class
/// count), and a combination that a sweep makes impossible is recorded as `skipped`.
public struct DatasetConfiguration: ConfigurationSection {
    public static let sectionName = "dataset"

    /// `nil`: none named here (every loss entry names its own).
    public var generator: (any DataGenerator.Type)?
    /// Generator parameters written in the file, by name (a loss entry's own dataset fields
    /// included). A trial's id also holds the generator's defaults for those not written.
    public var parameters: [String: ParameterValue] = [:]
    public var trainSize = 1000
    public var testSize = 1000
    public var standardize = false
    /// The share held out for validation (early stopping watches it): of the rows of a table, or
    /// for a generator `round(fraction * train_size)` further samples. `nil`: no validation part.
    public var validationFraction: Double?
    /// A table of one's own instead of a generator.
    public var table: TableConfiguration?

    public init() {}

    /// The trial's data source: the table, or the generator built from its parameters.
    public func makeSource() throws(TrialSkip) -> any DataSource {
        if let table { return table.source(validationFraction: validationFraction ?? 0) }
        let generator = try makeGenerator()
        let validation = Int((Double(trainSize) * (validationFraction ?? 0)).rounded())
        return GeneratedSource(generator: generator, counts: SplitCounts(train: trainSize, validation: validation, test: testSize))
    }

    /// The generator built from the parameters that are its own, or the reason it cannot be.
    public func makeGenerator() throws(TrialSkip) -> any DataGenerator {
        guard let generator else { throw TrialSkip(reason: "no dataset generator") }
        let names = Set(generator.parameters.map(\.name))
        do {
            return try generator.init(parameters: Parameters(parameters.filter { names.contains($0.key) }))
        } catch let error as ParameterError {
            throw TrialSkip(reason: "\(Self.sectionName).\(error.parameter) = \(error.value): expected \(error.expected)")
        } catch {
            throw TrialSkip(reason: "\(error)")
        }
    }

    /// The fields every dataset section has; the generator's parameters come on top.
    public static let fields: [ConfigurationField<DatasetConfiguration>] = [
        ConfigurationField("generator", accepts: .choice(DataGenerators.all.map { $0.name }), "data generator",
                           convert: { value in
                               guard case .string(let name) = value, let generator = DataGenerators.named(name) else { return nil }
                               return { $0.generator = generator }
                           },
                           render: { $0.generator.map { .string($0.name) } }),
        .integer("train_size", \.trainSize, 2...10_000_000, "training samples"),
        .integer("test_size", \.testSize, 1...10_000_000, "test samples"),
        .flag("standardize", \.standardize, "standardise features with the training set's mean and deviation"),
        .optionalNumber("validation_fraction", \.validationFraction, 0.01...0.9, absent: "no validation part",
                        "share held out for validation, which early stopping watches (of a table's rows; for a generator, further samples as a share of train_size)"),
    ]

    /// The setter of a generator parameter.
    static func parameter(_ name: String, _ value: ParameterValue) -> ConfigurationField<DatasetConfiguration>.Setter {
        { $0.parameters[name] = value }
    }

    /// Every value as trial ids write it: the fields, the written parameters and, when
    /// `withDefaults`, the generator's defaults for the parameters not written.
    func canonicalValues(withDefaults: Bool) -> [String: JSONValue] {
        var values = writtenValues()
        if let table {
            values.merge(table.canonicalValues) { _, new in new }
            for name in ["generator", "train_size", "test_size"] { values[Self.sectionName + "." + name] = nil }
        }
        for (name, value) in parameters { values[Self.sectionName + "." + name] = JSONValue(value) }
        if withDefaults, let generator {
            for info in generator.parameters where parameters[info.name] == nil {
                values[Self.sectionName + "." + info.name] = JSONValue(info.defaultValue)
            }
        }
        return values
    }
}
