import LossCore

/// Turns a parsed experiment file into an ``Experiment``, collecting every problem it finds.
struct Validator {
    let file: String
    private var errors: [SpecError] = []

    init(file: String) {
        self.file = file
    }

    mutating func fail(_ path: String, _ value: JSONValue?, _ expected: String, suggestion: String? = nil) {
        errors.append(SpecError(file: file, path: path, value: value?.description, expected: expected, suggestion: suggestion))
    }

    /// Reports keys of `members` that are not among `known`, with a "did you mean" suggestion.
    mutating func rejectUnknown(_ members: [String: JSONValue], known: [String], section: String) {
        for key in members.keys.sorted() where !known.contains(key) {
            let path = section.isEmpty ? key : "\(section).\(key)"
            let suggestion = closestMatch(to: key, among: known).map { "Did you mean \"\($0)\"?" }
                ?? "Known fields: " + known.joined(separator: ", ")
            fail(path, nil, "a known field", suggestion: "Unknown field. " + suggestion)
        }
    }

    func validate(_ root: JSONValue) throws -> Experiment {
        var validator = self
        validator.rejectNonFinite(root, path: "")
        let experiment = validator.build(root)
        if !validator.errors.isEmpty {
            // One problem can be seen by two checks (a field's type and its generator's range, say):
            // report each field and value once, with the first, most specific message.
            var seen: Set<String> = []
            throw SpecErrors(validator.errors.filter { seen.insert($0.path + "\u{0}" + ($0.value ?? "")).inserted })
        }
        return experiment!
    }

    /// JSON5 allows `NaN` and `Infinity`; no field accepts them, and `spec.json` (plain JSON) could
    /// not hold them, so they are reported wherever they are, structured sections included.
    private mutating func rejectNonFinite(_ value: JSONValue, path: String) {
        switch value {
        case .number(let x) where !x.isFinite:
            fail(path, value, "a finite number (NaN and Infinity are valid JSON5, but no field accepts them)")
        case .array(let items):
            for (index, item) in items.enumerated() { rejectNonFinite(item, path: "\(path)[\(index)]") }
        case .object(let members):
            for key in members.keys.sorted() { rejectNonFinite(members[key]!, path: path.isEmpty ? key : "\(path).\(key)") }
        default:
            break
        }
    }

    private mutating func build(_ root: JSONValue) -> Experiment? {
        guard case .object(let top) = root else {
            fail("", root, "an object { name: ..., dataset: ..., loss: [...] } at the top level")
            return nil
        }
        rejectUnknown(top, known: Schema.topLevel.map(\.name), section: "")
        for field in Schema.topLevel {
            if let value = top[field.name], let expected = field.check(value) { fail(field.name, value, expected) }
        }
        func text(_ key: String) -> String? {
            if case .string(let s)? = top[key] { return s }
            return nil
        }
        let name = text("name") ?? ""
        if top["name"] == nil {
            fail("name", nil, "a name (\(Schema.namePattern))", suggestion: "The name is required: it names results/<name>/ and plots/<name>/")
        } else if !isValidName(name) {
            fail("name", top["name"], Schema.namePattern)
        }
        let kind = Experiment.Kind(rawValue: text("kind") ?? "train") ?? .train
        let entryDatasets = lossItems(top["loss"]).compactMap { item -> JSONValue? in
            if case .object(let members) = item { return members["dataset"] }
            return nil
        }
        let everyEntryHasGenerator = !lossItems(top["loss"]).isEmpty && lossItems(top["loss"]).allSatisfy { item in
            if case .object(let members) = item, case .object(let dataset)? = members["dataset"] { return dataset["generator"] != nil }
            return false
        }
        let entryGenerators = entryDatasets.flatMap { generatorNames($0) }
        var settings: [Setting] = []
        var task: Task?
        if kind == .train {
            if let dataset = top["dataset"] {
                (settings, task) = datasetSettings(dataset, generatorRequired: !everyEntryHasGenerator, otherGenerators: entryGenerators)
                if !entryGenerators.isEmpty { task = nil }
            } else if !everyEntryHasGenerator {
                fail("dataset", nil, "an object with a generator, e.g. { generator: \"gaussian\" }",
                     suggestion: "Training experiments need a dataset")
            }
            settings += sectionSettings("model", top["model"] ?? .object([:]))
            settings += sectionSettings("training", top["training"] ?? .object([:]))
        } else {
            for section in ["dataset", "model", "training"] where top[section] != nil {
                fail(section, nil, "no \(section) in a curves experiment (kind \"curves\" trains nothing)")
            }
            settings += sectionSettings("curves", top["curves"] ?? .object([:]))
        }
        if kind == .train, top["curves"] != nil {
            fail("curves", nil, "no curves section in a train experiment", suggestion: "Set kind: \"curves\" to evaluate losses without training")
        }
        let globalGenerators = generatorNames(top["dataset"])
        let losses = lossEntries(top["loss"], kind: kind, globalGenerators: globalGenerators)
        let labels = losses.map(\.label)
        let metrics = metricList(top["metrics"], task: task, kind: kind)
        var reference = labels.first ?? ""
        if let value = top["reference"], case .string(let s) = value {
            if labels.contains(s) { reference = s } else {
                fail("reference", value, "one of the loss labels: " + labels.joined(separator: ", "),
                     suggestion: closestMatch(to: s, among: labels).map { "Did you mean \"\($0)\"?" })
            }
        }
        let allSettings = settings + losses.flatMap(\.settings)
        let zipGroups = zipList(top["zip"] ?? .array([]), settings: allSettings)
        let expectations = expectationList(top["expect"] ?? .array([]), losses: losses, settings: allSettings)
        if kind == .curves, case .array(let items)? = top["expect"], !items.isEmpty {
            fail("expect", nil, "no expectations in a curves experiment (nothing is trained, so there is nothing to test across seeds)")
        }
        var plots: [JSONValue] = []
        if let value = top["plots"] {
            if case .array(let items) = value { plots = items } else { fail("plots", value, "a list of figures") }
        }
        // Only values that passed their field's check (reported above otherwise) are converted.
        func number(_ key: String, _ fallback: Double) -> Double {
            if let value = top[key], case .number(let x) = value,
               Schema.topLevel.first(where: { $0.name == key })?.check(value) == nil { return x }
            return fallback
        }
        return Experiment(
            file: file, name: name, title: text("title") ?? name, description: text("description") ?? "",
            claim: text("claim") ?? "", kind: kind, seeds: Int(number("seeds", 10)),
            seed: UInt64(max(0, min(number("seed", 0), 9_007_199_254_740_991))),
            settings: settings, losses: losses, metrics: metrics, reference: reference,
            zipGroups: zipGroups, expectations: expectations, plots: plots, source: root)
    }

    /// Whether `name` can be a folder name that stays inside results/ and plots/.
    func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.count <= 64 else { return false }
        let allowed = { (c: Unicode.Scalar) in ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "-" || c == "_" }
        return name.unicodeScalars.allSatisfy(allowed) && first != "-" && first != "_"
    }

    // MARK: Sections

    /// Splits a written value into the values of a setting; a list (of lists for list-valued
    /// fields) is an axis. Empty sweeps are errors.
    private mutating func values(of value: JSONValue, listValued: Bool, path: String) -> (values: [JSONValue], swept: Bool)? {
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

    /// The settings of a section. `displayPath` is where the section sits in the file (for
    /// messages: `dataset` or `loss[2].dataset`); setting paths are always `section.field`.
    private mutating func sectionSettings(_ section: String, _ value: JSONValue, extraFields: [Field] = [],
                                          displayPath: String? = nil, includeDefaults: Bool = true) -> [Setting] {
        let display = displayPath ?? section
        guard case .object(let members) = value else {
            fail(display, value, "an object")
            return []
        }
        let fields = Schema.fields(ofSection: section) + extraFields
        rejectUnknown(members, known: fields.map(\.name), section: display)
        var settings: [Setting] = []
        for field in fields {
            let path = "\(section).\(field.name)"
            if let written = members[field.name] {
                let shown = "\(display).\(field.name)"
                guard let (values, swept) = self.values(of: written, listValued: field.isListValued, path: shown) else { continue }
                for item in values {
                    if let expected = field.check(item) { fail(shown, item, expected) }
                }
                settings.append(Setting(path: path, values: values, isSwept: swept))
            } else if includeDefaults, let defaultValue = field.defaultValue {
                settings.append(Setting(path: path, values: [defaultValue], isSwept: false))
            }
        }
        return settings
    }

    /// The generator names written in a dataset section (one, or a sweep).
    private func generatorNames(_ value: JSONValue?) -> [String] {
        guard case .object(let members)? = value else { return [] }
        switch members["generator"] {
        case .string(let s)?: return [s]
        case .array(let items)?: return items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
        default: return []
        }
    }

    /// The settings of a dataset section: the top-level one (`displayPath` "dataset", defaults
    /// filled in) or a loss entry's override (`loss[i].dataset`, only what is written).
    /// `otherGenerators` are generators named elsewhere whose parameters may appear here.
    private mutating func datasetSettings(_ value: JSONValue, displayPath: String = "dataset", includeDefaults: Bool = true,
                                          generatorRequired: Bool = true, otherGenerators: [String] = []) -> ([Setting], Task?) {
        guard case .object(let members) = value else {
            fail(displayPath, value, "an object with a generator, e.g. { generator: \"gaussian\" }")
            return ([], nil)
        }
        let names = generatorNames(value)
        if members["generator"] == nil && generatorRequired {
            fail("\(displayPath).generator", nil, "a generator: " + Schema.generatorNames.joined(separator: ", "),
                 suggestion: "Name it here, or in every loss entry's own dataset")
        }
        if let written = members["generator"] {
            let items: [JSONValue] = if case .array(let list) = written { list } else { [written] }
            for item in items {
                if case .string = item { continue }
                fail("\(displayPath).generator", item, "a generator name: " + Schema.generatorNames.joined(separator: ", "))
            }
        }
        for name in names where DataGenerators.named(name) == nil {
            fail("\(displayPath).generator", .string(name), "one of " + Schema.generatorNames.joined(separator: ", "),
                 suggestion: closestMatch(to: name, among: Schema.generatorNames).map { "Did you mean \"\($0)\"?" })
        }
        let generators = names.compactMap { DataGenerators.named($0) }
        let candidates = generators + otherGenerators.compactMap { DataGenerators.named($0) }
        let unknownGenerator = names.contains { DataGenerators.named($0) == nil }
        var parameterFields: [Field] = []
        for generator in candidates {
            for info in generator.parameters where !parameterFields.contains(where: { $0.name == info.name }) {
                var field = Field(info.name, .structured, default: nil, info.summary)
                // A parameter that takes a list (class proportions) is swept with a list of lists.
                field.isListValued = Self.takesList(generator, info)
                parameterFields.append(field)
            }
        }
        // Without a known generator its parameters cannot be judged: accept them, and let the
        // generator's own error say what to fix rather than one "unknown field" per parameter.
        if unknownGenerator || candidates.isEmpty {
            let known = Set(Schema.dataset.map(\.name) + parameterFields.map(\.name))
            for key in members.keys where !known.contains(key) {
                parameterFields.append(Field(key, .structured, default: nil, ""))
            }
        }
        var settings = sectionSettings("dataset", value, extraFields: parameterFields, displayPath: displayPath,
                                       includeDefaults: includeDefaults)
        // Each generator parameter value must be accepted by a generator that has the parameter,
        // together with the section's other fixed parameters (proportions need the class count).
        let fixed = fixedParameters(settings, prefix: "dataset.")
        for index in settings.indices where parameterFields.contains(where: { "dataset.\($0.name)" == settings[index].path }) {
            let name = String(settings[index].path.dropFirst("dataset.".count))
            let shown = "\(displayPath).\(name)"
            for item in settings[index].values {
                guard let parameter = parameterValue(item) else {
                    fail(shown, item, "a number, true/false, a word or a list of numbers")
                    continue
                }
                var problems: [ParameterError] = []
                for generator in candidates where generator.parameters.contains(where: { $0.name == name }) {
                    let names = Set(generator.parameters.map(\.name))
                    var context = fixed.values.filter { names.contains($0.key) }
                    context[name] = parameter
                    // When another parameter is at fault, it is reported on its own; drop it and
                    // judge this one with the rest.
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
        }
        settings.sort { $0.path < $1.path }
        let task: Task? = generators.count == 1 ? (try? generators[0].init(parameters: fixedParameters(settings, prefix: "dataset.")))?.task : nil
        return (settings, task)
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

    /// The parameters under `prefix` that take a single value.
    func fixedParameters(_ settings: [Setting], prefix: String) -> Parameters {
        var values: [String: ParameterValue] = [:]
        for setting in settings where setting.path.hasPrefix(prefix) && !setting.isSwept {
            if let value = parameterValue(setting.values[0]) { values[String(setting.path.dropFirst(prefix.count))] = value }
        }
        return Parameters(values)
    }

    // MARK: Losses

    /// The items of the `loss` field (one item when a single name or object is written).
    private func lossItems(_ value: JSONValue?) -> [JSONValue] {
        switch value {
        case .array(let list)?: return list
        case .string?, .object?: return [value!]
        default: return []
        }
    }

    private mutating func lossEntries(_ value: JSONValue?, kind experimentKind: Experiment.Kind, globalGenerators: [String]) -> [LossEntry] {
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
        let knownNames = LossKind.allCases.flatMap { [$0.rawValue, $0.alias] }
        for (index, item) in items.enumerated() {
            let path = "loss[\(index)]"
            var members: [String: JSONValue]
            switch item {
            case .string(let s): members = ["name": .string(s)]
            case .object(let m): members = m
            default:
                fail(path, item, "a loss name or an object {name: ..., parameter: value}")
                continue
            }
            guard case .string(let name)? = members["name"] else {
                fail("\(path).name", members["name"], "a loss name: " + LossKind.allCases.map(\.alias).joined(separator: ", "))
                continue
            }
            guard let kind = LossKind.named(name) else {
                fail("\(path).name", .string(name), "a known loss: " + LossKind.allCases.map(\.alias).joined(separator: ", "),
                     suggestion: closestMatch(to: name, among: knownNames).map { "Did you mean \"\($0)\"?" })
                continue
            }
            let parameterFields = kind.parameters.map { Field($0.name, .structured, default: nil, $0.summary) }
            let fields = Schema.lossEntry + parameterFields
            rejectUnknown(members, known: fields.map(\.name), section: path)
            var settings: [Setting] = []
            if let dataset = members["dataset"] {
                if experimentKind == .curves {
                    fail("\(path).dataset", nil, "no dataset in a curves experiment")
                } else {
                    settings += datasetSettings(dataset, displayPath: "\(path).dataset", includeDefaults: false,
                                                generatorRequired: false, otherGenerators: globalGenerators).0
                }
            }
            for field in fields where !["name", "label", "dataset"].contains(field.name) {
                guard let written = members[field.name] else { continue }
                let settingPath = "loss.\(field.name)"
                guard let (values, swept) = self.values(of: written, listValued: false, path: "\(path).\(field.name)") else { continue }
                for item in values {
                    if let expected = field.check(item) {
                        fail("\(path).\(field.name)", item, expected)
                    } else if parameterFields.contains(where: { $0.name == field.name }) {
                        guard let parameter = parameterValue(item) else {
                            fail("\(path).\(field.name)", item, "a number or true/false")
                            continue
                        }
                        do { _ = try kind.make(Parameters([field.name: parameter])) } catch let error as ParameterError {
                            fail("\(path).\(field.name)", item, error.expected)
                        } catch {}
                    }
                }
                settings.append(Setting(path: settingPath, values: values, isSwept: swept))
            }
            var label = kind.alias
            if case .string(let s)? = members["activation"] { label += "+" + s }
            if case .string(let s)? = members["encoding"] { label += "+" + s }
            if let written = members["label"] {
                if case .string(let s) = written, !s.isEmpty, s.count <= 64 { label = s } else {
                    fail("\(path).label", written, "a non-empty string of at most 64 characters")
                }
            }
            if entries.contains(where: { $0.label == label }) {
                fail("\(path).label", .string(label), "a label different from the other losses'",
                     suggestion: "Two loss entries are both called \"\(label)\"; give one a label: \"...\"")
            }
            entries.append(LossEntry(kind: kind, label: label, settings: settings))
        }
        return entries
    }

    // MARK: Metrics, zips and expectations

    private mutating func metricList(_ value: JSONValue?, task: Task?, kind: Experiment.Kind) -> [Metric]? {
        guard let value else { return nil }
        if kind == .curves {
            fail("metrics", value, "no metrics in a curves experiment (nothing is trained)")
            return nil
        }
        let items: [JSONValue]
        if case .array(let list) = value { items = list } else { items = [value] }
        if items.isEmpty {
            fail("metrics", value, "at least one metric (or leave the field out for every metric that applies)")
        }
        var metrics: [Metric] = []
        let names = Metric.allCases.map(\.rawValue)
        for (index, item) in items.enumerated() {
            guard case .string(let s) = item, let metric = Metric(rawValue: s) else {
                let word: String = if case .string(let s) = item { s } else { "" }
                fail("metrics[\(index)]", item, "a metric: " + names.joined(separator: ", "),
                     suggestion: closestMatch(to: word, among: names).map { "Did you mean \"\($0)\"?" })
                continue
            }
            if let task, !metric.applies(to: task) {
                fail("metrics[\(index)]", item, "a metric that applies to a \(task.name) task")
            }
            if metrics.contains(metric) {
                fail("metrics[\(index)]", item, "each metric once")
            }
            metrics.append(metric)
        }
        return metrics
    }

    private mutating func zipList(_ value: JSONValue, settings: [Setting]) -> [[String]] {
        guard case .array(let groups) = value else {
            fail("zip", value, "a list of groups of field paths, e.g. [[\"dataset.noise\", \"training.epochs\"]]")
            return []
        }
        var result: [[String]] = []
        var seen: Set<String> = []
        for (index, group) in groups.enumerated() {
            guard case .array(let items) = group, items.count >= 2 else {
                fail("zip[\(index)]", group, "a list of at least two swept field paths")
                continue
            }
            var paths: [String] = []
            var length: Int?
            for item in items {
                guard case .string(let path) = item, let setting = settings.first(where: { $0.path == path }), setting.isSwept else {
                    fail("zip[\(index)]", item, "the path of a swept field (written as a list), e.g. \"dataset.noise\"",
                         suggestion: closestMatch(to: item.description, among: settings.filter(\.isSwept).map(\.path)).map { "Did you mean \"\($0)\"?" })
                    continue
                }
                if path.hasPrefix("loss.") {
                    fail("zip[\(index)]", item, "a dataset, model, training or curves field (loss parameters are crossed within their entry)")
                    continue
                }
                if seen.contains(path) { fail("zip[\(index)]", item, "each path in one zip group only") }
                seen.insert(path)
                if let length, length != setting.values.count {
                    fail("zip[\(index)]", item, "lists of the same length (\(length) values) in one zip group")
                }
                length = setting.values.count
                paths.append(path)
            }
            result.append(paths)
        }
        return result
    }

    private mutating func expectationList(_ value: JSONValue, losses: [LossEntry], settings: [Setting]) -> [Expectation] {
        let labels = losses.map(\.label)
        guard case .array(let items) = value else {
            fail("expect", value, "a list of claims such as {metric: \"mae\", better: \"mae\", than: \"mse\"}")
            return []
        }
        var result: [Expectation] = []
        for (index, item) in items.enumerated() {
            let path = "expect[\(index)]"
            guard case .object(let members) = item else {
                fail(path, item, "an object {metric: ..., better: ..., than: ..., where: {...}}")
                continue
            }
            rejectUnknown(members, known: ["metric", "better", "than", "where", "statement"], section: path)
            var metric: Metric?
            if case .string(let s)? = members["metric"], let m = Metric(rawValue: s) { metric = m } else {
                let word: String = if case .string(let s)? = members["metric"] { s } else { "" }
                fail("\(path).metric", members["metric"], "a metric name",
                     suggestion: closestMatch(to: word, among: Metric.allCases.map(\.rawValue)).map { "Did you mean \"\($0)\"?" })
            }
            var pair: [String] = []
            for key in ["better", "than"] {
                if case .string(let s)? = members[key], labels.contains(s) { pair.append(s) } else {
                    let word: String = if case .string(let s)? = members[key] { s } else { "" }
                    fail("\(path).\(key)", members[key], "a loss label: " + labels.joined(separator: ", "),
                         suggestion: closestMatch(to: word, among: labels).map { "Did you mean \"\($0)\"?" })
                }
            }
            if pair.count == 2, pair[0] == pair[1] { fail("\(path).than", members["than"], "a loss other than \"better\"") }
            var conditions: [String: JSONValue] = [:]
            if let written = members["where"] {
                if case .object(let wheres) = written {
                    for (key, condition) in wheres.sorted(by: { $0.key < $1.key }) {
                        guard let setting = settings.first(where: { $0.path == key }) else {
                            fail("\(path).where.\(key)", nil, "a field path of this file such as dataset.noise",
                                 suggestion: closestMatch(to: key, among: settings.map(\.path)).map { "Did you mean \"\($0)\"?" })
                            continue
                        }
                        if !setting.values.contains(condition) {
                            fail("\(path).where.\(key)", condition, "one of the values of \(key): " + setting.values.map(\.description).joined(separator: ", "))
                        }
                        conditions[key] = condition
                    }
                } else {
                    fail("\(path).where", written, "an object of field path: value, e.g. {\"dataset.outlier_fraction\": 0.2}")
                }
            }
            var statement = ""
            if case .string(let s)? = members["statement"] { statement = s }
            guard let metric, pair.count == 2 else { continue }
            // Each side must be one series: its loss's swept parameters must be pinned by `where`.
            for (key, label) in zip(["better", "than"], pair) {
                guard let entry = losses.first(where: { $0.label == label }) else { continue }
                let loose = entry.settings.filter { $0.isSwept && $0.values.count > 1 && conditions[$0.path] == nil }.map(\.path)
                if !loose.isEmpty {
                    fail("\(path).where", members["where"], "a value for " + loose.joined(separator: ", "),
                         suggestion: "\"\(label)\" (the \(key) side) sweeps \(loose.joined(separator: ", ")); pick one value, e.g. where: {\"\(loose[0])\": \(entry.settings.first { $0.path == loose[0] }!.values[0])}")
                }
            }
            if statement.isEmpty {
                let direction = metric.higherIsBetter ? "higher" : "lower"
                let context = conditions.keys.sorted().map { "\($0) = \(conditions[$0]!)" }.joined(separator: ", ")
                statement = "\(pair[0]) has a \(direction) \(metric.rawValue) than \(pair[1])" + (context.isEmpty ? "" : " at \(context)")
            }
            result.append(Expectation(metric: metric, better: pair[0], than: pair[1], conditions: conditions, statement: statement))
        }
        return result
    }
}

/// A JSON value as a component parameter, or `nil` when it has no parameter form.
func parameterValue(_ value: JSONValue) -> ParameterValue? {
    switch value {
    case .number(let x): return .number(x)
    case .bool(let b): return .bool(b)
    case .string(let s): return .text(s)
    case .array(let items):
        var numbers: [Double] = []
        for item in items {
            guard case .number(let x) = item else { return nil }
            numbers.append(x)
        }
        return .list(numbers)
    default: return nil
    }
}
