import LossCore

/// Turns a parsed experiment file into a typed ``Experiment``, collecting every problem it finds.
///
/// Each field is checked once, here, against the table that declares it (``Schema``, the
/// configuration sections' `fields`, the loss definitions' parameters), and converted once into its
/// typed value; later stages only read typed values. The parts live in extensions: sections and
/// sweeps (`Validator+Sections`), the dataset and its generator (`Validator+Dataset`), the loss
/// entries (`Validator+Losses`), metrics, zips and expectations (`Validator+Claims`).
struct Validator {
    let file: String
    /// The folder that paths in the file (a table's) are relative to: the experiment file's.
    let directory: String?
    var errors: [SpecError] = []

    init(file: String, directory: String? = nil) {
        self.file = file
        self.directory = directory ?? Paths.parent(of: file)
    }

    mutating func fail(_ path: String, _ value: JSONValue?, _ expected: String, suggestion: String? = nil) {
        errors.append(SpecError(file: file, path: path, value: value?.description, expected: expected, suggestion: suggestion))
    }

    /// "Did you mean" for `word` among `candidates`.
    func didYouMean(_ word: String, _ candidates: [String]) -> String? {
        closestMatch(to: word, among: candidates).map { "Did you mean \"\($0)\"?" }
    }

    /// Reports keys of `members` that are not among `known`, with a "did you mean" suggestion.
    mutating func rejectUnknown(_ members: [String: JSONValue], known: [String], section: String) {
        for key in members.keys.sorted() where !known.contains(key) {
            let path = section.isEmpty ? key : "\(section).\(key)"
            let suggestion = didYouMean(key, known) ?? "Known fields: " + known.joined(separator: ", ")
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

    /// The top-level fields, checked, and the experiment they describe.
    private mutating func build(_ root: JSONValue) -> Experiment? {
        guard case .object(let top) = root else {
            fail("", root, "an object { name: ..., dataset: ..., loss: [...] } at the top level")
            return nil
        }
        rejectUnknown(top, known: Schema.topLevel.map(\.name), section: "")
        for field in Schema.topLevel {
            if let value = top[field.name], let expected = field.check(value) { fail(field.name, value, expected) }
        }
        let name = text(top, "name") ?? ""
        if top["name"] == nil {
            fail("name", nil, "a name (\(Schema.namePattern))", suggestion: "The name is required: it names results/<name>/ and plots/<name>/")
        } else if !Self.isValidName(name) {
            fail("name", top["name"], Schema.namePattern)
        }
        let kind = Experiment.Kind(rawValue: text(top, "kind") ?? Experiment.Kind.train.rawValue) ?? .train
        var sections = kind == .train ? trainingSections(top) : curveSections(top)
        let losses = lossEntries(top[LossConfiguration.sectionName], kind: kind, globalGenerators: generatorNames(top[DatasetConfiguration.sectionName]))
        let labels = losses.map(\.label)
        checkTableTargets(sections.base.dataset, losses: losses)
        if sections.base.training.earlyStoppingPatience != nil && sections.base.dataset.validationFraction == nil {
            fail("training.early_stopping_patience", nil, "a validation part to watch",
                 suggestion: "Early stopping watches the validation loss, never the test loss: set dataset.validation_fraction (e.g. 0.2)")
        }
        let metrics = metricList(top["metrics"], task: sections.task, kind: kind)
        var reference = labels.first ?? ""
        if let value = top["reference"], case .string(let s) = value {
            if labels.contains(s) { reference = s } else {
                fail("reference", value, "one of the loss labels: " + labels.joined(separator: ", "), suggestion: didYouMean(s, labels))
            }
        }
        let allFields = sections.fields + losses.flatMap(\.fields)
        let zipGroups = zipList(top["zip"] ?? .array([]), fields: allFields)
        let expectations = expectationList(top["expect"] ?? .array([]), losses: losses, fields: allFields)
        if kind == .curves, case .array(let items)? = top["expect"], !items.isEmpty {
            fail("expect", nil, "no expectations in a curves experiment (nothing is trained, so there is nothing to test across seeds)")
        }
        var plots: [JSONValue] = []
        if let value = top["plots"] {
            if case .array(let items) = value { plots = items } else { fail("plots", value, "a list of figures") }
        }
        sections.base.kind = kind
        return Experiment(
            file: file, name: name, title: text(top, "title") ?? name, description: text(top, "description") ?? "",
            claim: text(top, "claim") ?? "", kind: kind, seeds: Int(number(top, "seeds", Double(Schema.defaultSeeds))),
            seed: UInt64(max(0, min(number(top, "seed", 0), Schema.maximumSeed))),
            base: sections.base, axes: Self.axes(sections.swept, zipGroups: zipGroups), fields: sections.fields, losses: losses,
            metrics: metrics, task: sections.task, reference: reference, zipGroups: zipGroups, expectations: expectations,
            plots: plots, source: root)
    }

    private func text(_ top: [String: JSONValue], _ key: String) -> String? {
        if case .string(let s)? = top[key] { return s }
        return nil
    }

    /// A number of the top level that passed its field's check (reported otherwise), or `fallback`.
    private func number(_ top: [String: JSONValue], _ key: String, _ fallback: Double) -> Double {
        if let value = top[key], case .number(let x) = value,
           Schema.topLevel.first(where: { $0.name == key })?.check(value) == nil { return x }
        return fallback
    }

    /// Whether `name` can be a folder name that stays inside results/ and plots/.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.count <= 64 else { return false }
        let allowed = { (c: Unicode.Scalar) in ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "-" || c == "_" }
        return name.unicodeScalars.allSatisfy(allowed) && first != "-" && first != "_"
    }
}

/// A JSON value as a component parameter, or `nil` when it has no parameter form.
func parameterValue(_ value: JSONValue) -> ParameterValue? {
    switch value {
    case .number(let x): return .number(x)
    case .bool(let b): return .bool(b)
    case .string(let s): return .text(s)
    case .array:
        return value.numbers.map { .list($0) }
    default: return nil
    }
}
