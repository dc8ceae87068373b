import LossCore

/// The `dataset` section: a data generator, its parameters, and the sizes of the split.
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

    public init() {}

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
    ]

    /// The setter of a generator parameter.
    static func parameter(_ name: String, _ value: ParameterValue) -> ConfigurationField<DatasetConfiguration>.Setter {
        { $0.parameters[name] = value }
    }

    /// Every value as trial ids write it: the fields, the written parameters and, when
    /// `withDefaults`, the generator's defaults for the parameters not written.
    func canonicalValues(withDefaults: Bool) -> [String: JSONValue] {
        var values = writtenValues()
        for (name, value) in parameters { values[Self.sectionName + "." + name] = JSONValue(value) }
        if withDefaults, let generator {
            for info in generator.parameters where parameters[info.name] == nil {
                values[Self.sectionName + "." + info.name] = JSONValue(info.defaultValue)
            }
        }
        return values
    }
}
