import LossCore

extension Validator {
    /// At most this many combinations of one loss entry's own swept fields.
    static let maximumEntryCombinations = 100_000

    /// The items of the `loss` field (one item when a single name or object is written).
    func lossItems(_ value: JSONValue?) -> [JSONValue] {
        switch value {
        case .array(let list)?: return list
        case .string?, .object?: return [value!]
        default: return []
        }
    }

    mutating func lossEntries(_ value: JSONValue?, kind experimentKind: Experiment.Kind, globalGenerators: [String]) -> [LossEntry] {
        guard let value else {
            fail("loss", nil, "a list of losses, e.g. [\"mse\", \"mae\"]", suggestion: "The loss list is required")
            return []
        }
        let items: [JSONValue]
        switch value {
        case .array(let list) where list.isEmpty:
            fail("loss", value, "at least one loss")
            return []
        case .array(let list): items = list
        case .string, .object: items = [value]
        default:
            fail("loss", value, "a list of loss names or objects such as {name: \"focal\", gamma: [0, 2]}")
            return []
        }
        var entries: [LossEntry] = []
        for (index, item) in items.enumerated() {
            guard let entry = lossEntry(item, path: "loss[\(index)]", kind: experimentKind, globalGenerators: globalGenerators) else { continue }
            if entries.contains(where: { $0.label == entry.label }) {
                fail("loss[\(index)].label", .string(entry.label), "a label different from the other losses'",
                     suggestion: "Two loss entries are both called \"\(entry.label)\"; give one a label: \"...\"")
            }
            entries.append(entry)
        }
        return entries
    }

    /// One entry: its loss, label, own fields and, per combination of its swept fields, the built
    /// loss and the assignments.
    private mutating func lossEntry(_ item: JSONValue, path: String, kind experimentKind: Experiment.Kind,
                                    globalGenerators: [String]) -> LossEntry? {
        var members: [String: JSONValue]
        switch item {
        case .string(let s): members = ["name": .string(s)]
        case .object(let m): members = m
        default:
            fail(path, item, "a loss name or an object {name: ..., parameter: value}")
            return nil
        }
        let aliases = LossRegistry.all.map(\.alias).joined(separator: ", ")
        guard case .string(let name)? = members["name"] else {
            fail("\(path).name", members["name"], "a loss name: " + aliases)
            return nil
        }
        let definition: LossDefinition
        let isFormula = members["formula"] != nil
        if isFormula {
            rejectUnknown(members, known: Schema.lossEntry.map(\.name), section: path)
            guard let built = formulaDefinition(&members, name: name, path: path) else { return nil }
            definition = built
        } else {
            guard let known = LossRegistry.named(name) else {
                fail("\(path).name", .string(name), "a known loss: " + aliases + ", or a loss of one's own with a formula: {name: \"\(name)\", formula: \"...\"}",
                     suggestion: didYouMean(name, LossRegistry.allNames))
                return nil
            }
            definition = known
            rejectUnknown(members, known: Schema.lossEntry.filter { !Self.formulaFields.contains($0.name) }.map(\.name)
                              + definition.parameters.map(\.name), section: path)
        }
        var own = SectionParse()
        if let dataset = members[DatasetConfiguration.sectionName] {
            if experimentKind == .curves {
                fail("\(path).dataset", nil, "no dataset in a curves experiment")
            } else {
                own.append(datasetSection(dataset, display: "\(path).dataset", includeDefaults: false, generatorRequired: false,
                                          otherGenerators: globalGenerators).0)
            }
        }
        let lossFields = lossFields(members, definition: definition, path: path,
                                    parameterPath: isFormula ? "\(path).parameters" : path)
        let label = entryLabel(members, definition: definition, path: path)
        let combinations = self.combinations(definition: definition, label: label, fields: lossFields, dataset: own.swept, path: path)
        return LossEntry(definition: definition, label: label, fields: own.fields + lossFields.map(\.written),
                         fixedAssignments: own.fixed, combinations: combinations)
    }

    /// A loss field (a parameter, `activation` or `encoding`) as written, with its values.
    struct LossField {
        var name: String
        var written: WrittenField
    }

    /// The entry's parameters, activation and encoding, each value checked (a parameter's messages
    /// name it under `parameterPath`: a formula's are written in its `parameters`).
    private mutating func lossFields(_ members: [String: JSONValue], definition: LossDefinition, path: String,
                                     parameterPath: String) -> [LossField] {
        let overrides = Schema.lossEntry.filter { $0.sweepable }
        var fields: [LossField] = []
        for name in (overrides.map(\.name) + definition.parameters.map(\.name)) {
            guard let written = members[name] else { continue }
            let isOverride = overrides.contains { $0.name == name }
            let shown = "\(isOverride ? path : parameterPath).\(name)"
            guard let (values, swept) = self.values(of: written, listValued: false, path: shown) else { continue }
            for item in values {
                if let field = overrides.first(where: { $0.name == name }) {
                    if let expected = field.check(item) { fail(shown, item, expected) }
                } else if let parameter = parameterValue(item) {
                    do { _ = try definition.make(Parameters([name: parameter])) } catch let error as ParameterError {
                        fail(shown, item, error.expected)
                    } catch {}
                } else {
                    fail(shown, item, "a number or true/false")
                }
            }
            fields.append(LossField(name: name, written: WrittenField(path: LossConfiguration.sectionName + "." + name, values: values,
                                                                      isSwept: swept)))
        }
        return fields
    }

    private mutating func entryLabel(_ members: [String: JSONValue], definition: LossDefinition, path: String) -> String {
        var label = definition.alias
        if case .string(let s)? = members["activation"] { label += "+" + s }
        if case .string(let s)? = members["encoding"] { label += "+" + s }
        if let written = members["label"] {
            if case .string(let s) = written, !s.isEmpty, s.count <= 64 { label = s } else {
                fail("\(path).label", written, "a non-empty string of at most 64 characters")
            }
        }
        return label
    }

    /// Every combination of the entry's swept fields (sorted by path, the last varying fastest),
    /// each with its loss built.
    private mutating func combinations(definition: LossDefinition, label: String, fields: [LossField], dataset: [SweptField],
                                       path: String) -> [(loss: LossConfiguration, assignments: [Assignment])] {
        let lossAxes: [SweptField] = fields.filter(\.written.isSwept).map { SweptField(path: $0.written.path, values: $0.written.values, setters: []) }
        let axes = (dataset + lossAxes).sorted { $0.path < $1.path }
        let count = axes.reduce(1) { multiplyClamped($0, $1.values.count) }
        guard count <= Self.maximumEntryCombinations else {
            fail(path, nil, "at most \(Self.maximumEntryCombinations) combinations of one loss entry's own swept fields",
                 suggestion: "This entry sweeps \(count); sweep fewer values")
            return []
        }
        var fixedValues: [String: JSONValue] = [:]
        for field in fields where !field.written.isSwept { fixedValues[field.name] = field.written.values[0] }
        var result: [(loss: LossConfiguration, assignments: [Assignment])] = []
        for combination in 0..<count {
            var remainder = combination
            var values = fixedValues
            var assignments: [Assignment] = []
            for axis in axes.reversed() {
                let position = remainder % axis.values.count
                remainder /= axis.values.count
                if axis.setters.isEmpty {
                    values[String(axis.path.dropFirst(LossConfiguration.sectionName.count + 1))] = axis.values[position]
                    assignments.append(Assignment(path: axis.path, value: axis.values[position], apply: { _ in }))
                } else if position < axis.setters.count {
                    assignments.append(axis.assignment(position))
                }
            }
            assignments.reverse()
            guard let loss = lossConfiguration(definition: definition, label: label, values: values),
                  checkFormulaDomain(loss, path: path) else { return [] }
            result.append((loss, assignments))
        }
        return result
    }

    /// The loss with these written values (names without the `loss.` prefix), built; `nil` when a
    /// value was refused (already reported).
    private func lossConfiguration(definition: LossDefinition, label: String, values: [String: JSONValue]) -> LossConfiguration? {
        var parameters: [String: ParameterValue] = [:]
        for info in definition.parameters {
            if let value = values[info.name].flatMap(parameterValue) { parameters[info.name] = value }
        }
        let resolved = Parameters(parameters)
        guard let loss = try? definition.make(resolved) else { return nil }
        let activation = values["activation"].flatMap { if case .string(let s) = $0 { Activation(rawValue: s) } else { nil } }
        let encoding = values["encoding"].flatMap { if case .string(let s) = $0 { TargetEncoding(rawValue: s) } else { nil } }
        return LossConfiguration(definition: definition, label: label, parameters: resolved, loss: loss, activation: activation,
                                 encoding: encoding)
    }
}
