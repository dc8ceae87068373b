import LossCore

extension Validator {
    static var generatorNames: [String] { DataGenerators.all.map { $0.name } }

    /// The generator names written in a dataset section (one, or a sweep).
    func generatorNames(_ value: JSONValue?) -> [String] {
        guard case .object(let members)? = value else { return [] }
        switch members["generator"] {
        case .string(let s)?: return [s]
        case .array(let items)?: return items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
        default: return []
        }
    }

    /// A dataset section: the top-level one (`display` "dataset", defaults filled in) or a loss
    /// entry's own (`loss[i].dataset`, only what is written). Besides the section's fields it holds
    /// the parameters of its generator, or of `otherGenerators` (those named in loss entries), each
    /// checked by building a generator that has it with the section's other fixed parameters. The
    /// task is returned when one generator decides it.
    mutating func datasetSection(_ value: JSONValue, display: String = DatasetConfiguration.sectionName, includeDefaults: Bool = true,
                                 generatorRequired: Bool = true, otherGenerators: [String] = []) -> (SectionParse, Task?) {
        guard case .object(let members) = value else {
            fail(display, value, "an object with a generator, e.g. { generator: \"gaussian\" }")
            return (SectionParse(), nil)
        }
        if members["source"] != nil {
            guard display == DatasetConfiguration.sectionName else {
                fail("\(display).source", members["source"], "no source in a loss entry's dataset",
                     suggestion: "A table is read by the top-level dataset section")
                return (SectionParse(), nil)
            }
            return tableSection(members, display: display)
        }
        let names = generatorNames(value)
        checkGeneratorNames(members, names: names, display: display, required: generatorRequired)
        let generators = names.compactMap { DataGenerators.named($0) }
        let candidates = generators + otherGenerators.compactMap { DataGenerators.named($0) }
        var parameters: [(name: String, listValued: Bool)] = []
        for generator in candidates {
            for info in generator.parameters where !parameters.contains(where: { $0.name == info.name }) {
                // A parameter that takes a list (class proportions) is swept with a list of lists.
                parameters.append((info.name, Self.takesList(generator, info)))
            }
        }
        // Without a known generator its parameters cannot be judged: accept them, and let the
        // generator's own error say what to fix rather than one "unknown field" per parameter.
        if names.contains(where: { DataGenerators.named($0) == nil }) || candidates.isEmpty {
            let known = Set(DatasetConfiguration.fields.map(\.name) + parameters.map(\.name))
            for key in members.keys where !known.contains(key) { parameters.append((key, false)) }
        }
        var parse = section(DatasetConfiguration.self, value, at: \.dataset, display: display, extraKnown: parameters.map(\.name),
                            includeDefaults: includeDefaults)
        let fixed = fixedParameters(members, parameters)
        for (name, listValued) in parameters {
            guard let written = members[name] else { continue }
            let shown = "\(display).\(name)"
            guard let (values, swept) = self.values(of: written, listValued: listValued, path: shown) else { continue }
            var setters: [TrialSetter] = []
            for item in values {
                guard let parameter = parameterValue(item) else {
                    fail(shown, item, "a number, true/false, a word or a list of numbers")
                    continue
                }
                checkGeneratorParameter(name, parameter, item: item, shown: shown, candidates: candidates, fixed: fixed)
                let setter = DatasetConfiguration.parameter(name, parameter)
                setters.append { setter(&$0.dataset) }
            }
            let path = DatasetConfiguration.sectionName + "." + name
            parse.fields.append(WrittenField(path: path, values: values, isSwept: swept))
            guard setters.count == values.count else { continue }
            if swept {
                parse.swept.append(SweptField(path: path, values: values, setters: setters))
            } else {
                parse.fixed.append(Assignment(path: path, value: values[0], apply: setters[0]))
            }
        }
        parse.fields.sort { $0.path < $1.path }
        let task: Task? = generators.count == 1 ? (try? generators[0].init(parameters: Parameters(fixed)))?.task : nil
        return (parse, task)
    }

    private mutating func checkGeneratorNames(_ members: [String: JSONValue], names: [String], display: String, required: Bool) {
        let known = Self.generatorNames.joined(separator: ", ")
        if members["generator"] == nil && required {
            fail("\(display).generator", nil, "a generator: " + known, suggestion: "Name it here, or in every loss entry's own dataset")
        }
        if let written = members["generator"] {
            let items: [JSONValue] = if case .array(let list) = written { list } else { [written] }
            for item in items {
                if case .string = item { continue }
                fail("\(display).generator", item, "a generator name: " + known)
            }
        }
        for name in names where DataGenerators.named(name) == nil {
            fail("\(display).generator", .string(name), "one of " + known, suggestion: didYouMean(name, Self.generatorNames))
        }
    }

    /// Each generator parameter value must be accepted by a generator that has the parameter,
    /// together with the section's other fixed parameters (proportions need the class count).
    /// When another parameter is at fault, it is reported on its own; this one is judged with the
    /// rest.
    private mutating func checkGeneratorParameter(_ name: String, _ parameter: ParameterValue, item: JSONValue, shown: String,
                                                  candidates: [any DataGenerator.Type], fixed: [String: ParameterValue]) {
        var problems: [ParameterError] = []
        for generator in candidates where generator.parameters.contains(where: { $0.name == name }) {
            let names = Set(generator.parameters.map(\.name))
            var context = fixed.filter { names.contains($0.key) }
            context[name] = parameter
            while true {
                do {
                    _ = try generator.init(parameters: Parameters(context))
                } catch let error as ParameterError {
                    if error.parameter == name {
                        problems.append(error)
                    } else if context.removeValue(forKey: error.parameter) != nil {
                        continue
                    }
                } catch {}
                break
            }
        }
        if let problem = problems.first { fail(shown, item, problem.expected) }
    }

    /// The generator parameters written with a single value.
    private func fixedParameters(_ members: [String: JSONValue], _ parameters: [(name: String, listValued: Bool)]) -> [String: ParameterValue] {
        var fixed: [String: ParameterValue] = [:]
        for (name, listValued) in parameters {
            guard let written = members[name] else { continue }
            if case .array(let items) = written, !listValued || items.contains(where: { if case .array = $0 { true } else { false } }) {
                continue
            }
            if let value = parameterValue(written) { fixed[name] = value }
        }
        return fixed
    }

    /// Whether `generator` takes a list for the parameter: its default is a list, or it accepts a
    /// list of ones of some length up to 100 (as `proportions` does, one weight per class) while
    /// its other parameters keep their defaults.
    static func takesList(_ generator: any DataGenerator.Type, _ info: ParameterInfo) -> Bool {
        if case .list = info.defaultValue { return true }
        for length in 1...100 {
            let ones = ParameterValue.list([Double](repeating: 1, count: length))
            if (try? generator.init(parameters: Parameters([info.name: ones]))) != nil { return true }
        }
        return false
    }
}
