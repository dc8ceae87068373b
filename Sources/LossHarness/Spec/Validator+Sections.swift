import LossCore

/// A change to a trial's configuration, made by one written value.
typealias TrialSetter = @Sendable (inout TrialConfiguration) -> Void

/// A swept field: its values as written and, for each, the change it makes to a trial.
struct SweptField {
    var path: String
    var values: [JSONValue]
    var setters: [TrialSetter]

    func assignment(_ position: Int) -> Assignment {
        Assignment(path: path, value: values[position], apply: setters[position])
    }
}

/// What one section of a file sets: its fixed values (with their changes), its swept fields, and
/// every field as written or defaulted.
struct SectionParse {
    var fixed: [Assignment] = []
    var swept: [SweptField] = []
    var fields: [WrittenField] = []

    mutating func append(_ other: SectionParse) {
        fixed += other.fixed
        swept += other.swept
        fields += other.fields
    }
}

/// The global sections of an experiment, parsed.
struct ParsedSections {
    var base = TrialConfiguration()
    var swept: [SweptField] = []
    var fields: [WrittenField] = []
    /// The task of the data, when one fixed generator decides it.
    var task: Task?

    mutating func add(_ section: SectionParse) {
        for assignment in section.fixed { assignment.apply(&base) }
        swept += section.swept
        fields += section.fields
    }
}

extension Validator {
    /// The dataset, model and training sections of a `train` experiment.
    mutating func trainingSections(_ top: [String: JSONValue]) -> ParsedSections {
        var parsed = ParsedSections()
        let items = lossItems(top[LossConfiguration.sectionName])
        let entryDatasets = items.compactMap { item -> JSONValue? in
            if case .object(let members) = item { return members[DatasetConfiguration.sectionName] }
            return nil
        }
        let everyEntryHasGenerator = !items.isEmpty && items.allSatisfy { item in
            if case .object(let members) = item, case .object(let dataset)? = members[DatasetConfiguration.sectionName] {
                return dataset["generator"] != nil
            }
            return false
        }
        let entryGenerators = entryDatasets.flatMap { generatorNames($0) }
        if let dataset = top[DatasetConfiguration.sectionName] {
            let (section, task) = datasetSection(dataset, generatorRequired: !everyEntryHasGenerator, otherGenerators: entryGenerators)
            parsed.add(section)
            parsed.task = entryGenerators.isEmpty ? task : nil
        } else if !everyEntryHasGenerator {
            fail(DatasetConfiguration.sectionName, nil, "an object with a generator, e.g. { generator: \"gaussian\" }",
                 suggestion: "Training experiments need a dataset")
        }
        parsed.add(section(ModelConfiguration.self, top[ModelConfiguration.sectionName] ?? .object([:]), at: \.model))
        parsed.add(section(TrainingConfiguration.self, top[TrainingConfiguration.sectionName] ?? .object([:]), at: \.training))
        if top[CurveConfiguration.sectionName] != nil {
            fail(CurveConfiguration.sectionName, nil, "no curves section in a train experiment",
                 suggestion: "Set kind: \"curves\" to evaluate losses without training")
        }
        return parsed
    }

    /// The curves section of a `curves` experiment.
    mutating func curveSections(_ top: [String: JSONValue]) -> ParsedSections {
        var parsed = ParsedSections()
        for section in [DatasetConfiguration.sectionName, ModelConfiguration.sectionName, TrainingConfiguration.sectionName]
        where top[section] != nil {
            fail(section, nil, "no \(section) in a curves experiment (kind \"curves\" trains nothing)")
        }
        parsed.add(section(CurveConfiguration.self, top[CurveConfiguration.sectionName] ?? .object([:]), at: \.curves))
        return parsed
    }

    /// Splits a written value into the values of a field; a list (of lists for list-valued
    /// fields) is an axis. Empty sweeps are errors.
    mutating func values(of value: JSONValue, listValued: Bool, path: String) -> (values: [JSONValue], swept: Bool)? {
        if case .array(let items) = value {
            let isSweep = listValued ? items.contains { if case .array = $0 { return true } else { return false } } : true
            if isSweep {
                if items.isEmpty {
                    fail(path, value, "at least one value", suggestion: "An empty list would sweep over nothing")
                    return nil
                }
                return (items, true)
            }
        }
        return ([value], false)
    }

    /// The fields of section `S` written in `value`, checked and converted by the section's own
    /// field table. `display` is where the section sits in the file, for messages (`dataset`, or
    /// `loss[2].dataset`); paths are always `section.field`. Fields left out appear at their
    /// default when `includeDefaults`.
    mutating func section<S: ConfigurationSection>(_ type: S.Type, _ value: JSONValue,
                                                   at keyPath: WritableKeyPath<TrialConfiguration, S> & Sendable,
                                                   display: String? = nil, extraKnown: [String] = [],
                                                   includeDefaults: Bool = true) -> SectionParse {
        let display = display ?? S.sectionName
        guard case .object(let members) = value else {
            fail(display, value, "an object")
            return SectionParse()
        }
        rejectUnknown(members, known: S.fields.map(\.name) + extraKnown, section: display)
        var parse = SectionParse()
        let defaults = S()
        for field in S.fields {
            guard let written = members[field.name] else {
                if includeDefaults, let value = field.value(in: defaults) {
                    parse.fields.append(WrittenField(path: field.path, values: [value], isSwept: false))
                }
                continue
            }
            let shown = "\(display).\(field.name)"
            guard let (values, swept) = self.values(of: written, listValued: field.isListValued, path: shown) else { continue }
            var setters: [TrialSetter] = []
            for item in values {
                switch field.setter(for: item) {
                case .success(let setter): setters.append { setter(&$0[keyPath: keyPath]) }
                case .failure(let problem): fail(shown, item, problem.expected)
                }
            }
            parse.fields.append(WrittenField(path: field.path, values: values, isSwept: swept))
            guard setters.count == values.count else { continue }
            if swept {
                parse.swept.append(SweptField(path: field.path, values: values, setters: setters))
            } else {
                parse.fixed.append(Assignment(path: field.path, value: values[0], apply: setters[0]))
            }
        }
        return parse
    }

    /// The global sweep's axes in grid order: swept paths sorted, each zip group one axis at the
    /// place of its first path, its values taken position by position.
    static func axes(_ swept: [SweptField], zipGroups: [[String]]) -> [SweepAxis] {
        let sorted = swept.sorted { $0.path < $1.path }
        var axes: [SweepAxis] = []
        var zipped: Set<String> = []
        for field in sorted where !zipped.contains(field.path) {
            let group = zipGroups.first { $0.contains(field.path) } ?? [field.path]
            let members = group.compactMap { path in sorted.first { $0.path == path } }
            let count = members.map(\.values.count).min() ?? 0
            axes.append(SweepAxis(paths: members.map(\.path), values: (0..<count).map { position in members.map { $0.assignment(position) } }))
            zipped.formUnion(group)
        }
        return axes
    }
}
