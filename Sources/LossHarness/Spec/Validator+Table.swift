import LossCore

/// A `dataset` section that reads a table of one's own (``TableConfiguration``): the file is read,
/// checked and encoded here, once, so that a missing file, a missing value or an unknown column is
/// refused before anything runs, with the field and, for a cell, the file's line and column.
extension Validator {
    /// Every field a table section accepts.
    static var tableFieldNames: [String] { TableConfiguration.fields.map(\.name) + ["validation_fraction", "standardize"] }

    mutating func tableSection(_ members: [String: JSONValue], display: String) -> (SectionParse, Task?) {
        var parse = SectionParse()
        rejectUnknown(members, known: Self.tableFieldNames + ["generator", "train_size", "test_size"], section: display)
        for name in ["generator", "train_size", "test_size"] where members[name] != nil {
            fail("\(display).\(name)", members[name], "no \(name) in a table section",
                 suggestion: name == "generator" ? "A dataset is a generator or a table (source: \"table\"), not both"
                     : "A table is split by test_fraction (and validation_fraction), not by sizes")
        }
        guard case .string("table")? = members["source"] else {
            fail("\(display).source", members["source"], "\"table\" (or no source, and a generator)")
            return (parse, nil)
        }
        guard case .string(let path)? = members["path"], !path.isEmpty else {
            fail("\(display).path", members["path"], "the CSV file to read, e.g. \"data/diabetes.csv\" (relative to the experiment file)")
            return (parse, nil)
        }
        let targets = columnList(members["target"], path: "\(display).target", required: true)
        let features = members["features"].map { columnList($0, path: "\(display).features", required: true) }
        let exclude = columnList(members["exclude"], path: "\(display).exclude", required: false)
        var task = TableRequest.TaskChoice.auto
        if let written = members["task"] {
            if case .string(let word) = written, let choice = TableRequest.TaskChoice(rawValue: word) { task = choice } else {
                let words = TableRequest.TaskChoice.allCases.map(\.rawValue)
                fail("\(display).task", written, "one of " + words.joined(separator: ", "),
                     suggestion: { if case .string(let w) = written { didYouMean(w, words) } else { nil } }())
            }
        }
        let number = { (name: String) -> Double? in if case .number(let x)? = members[name] { x } else { nil } }
        for field in TableConfiguration.fields where ["test_fraction", "stratify", "reduce_class", "folds"].contains(field.name) {
            if let value = members[field.name], let expected = field.check(value) { fail("\(display).\(field.name)", value, expected) }
        }
        guard errors.isEmpty, let targets else { return (parse, nil) }
        let request = TableRequest(targets: targets, features: features ?? nil, exclude: exclude ?? [], task: task)
        let resolved = Paths.resolve(path, from: directory)
        let loaded: TableLoader.Loaded
        do {
            loaded = try TableLoader.load(path: resolved, shown: path, request: request)
        } catch {
            fail("\(display).\(error.field)", error.field == "path" ? .string(path) : error.value.map { .string(Self.unquoted($0)) },
                 error.expected, suggestion: error.suggestion)
            return (parse, nil)
        }
        var table = TableConfiguration(path: path, request: request, loaded: loaded)
        table.testFraction = number("test_fraction") ?? table.testFraction
        if let folds = number("folds") {
            table.folds = Int(folds)
            if members["test_fraction"] != nil {
                fail("\(display).test_fraction", members["test_fraction"], "no test_fraction with folds",
                     suggestion: "With folds: k each fold tests on 1/k of the rows")
            }
        }
        if case .bool(let b)? = members["stratify"] { table.stratify = b }
        if case .string(let name)? = members["reduce_class"] {
            if !loaded.data.classNames.contains(name) {
                fail("\(display).reduce_class", .string(name), loaded.data.classNames.isEmpty ? "no reduce_class: the targets are not classes"
                        : "a class of \(targets[0]): " + loaded.data.classNames.prefix(20).joined(separator: ", "),
                     suggestion: didYouMean(name, loaded.data.classNames))
            } else if !table.stratify {
                fail("\(display).reduce_class", .string(name), "stratify: true, which reduce_class needs (classes are split one by one)")
            }
            table.reducedClass = name
        }
        // validation_fraction and standardize are the dataset section's own fields: checked and
        // set by their table (DatasetConfiguration.fields), as for a generator.
        var dataset = DatasetConfiguration()
        for name in ["validation_fraction", "standardize"] {
            guard let value = members[name], let field = DatasetConfiguration.field(named: name) else { continue }
            switch field.setter(for: value) {
            case .success(let set): set(&dataset)
            case .failure(let problem): fail("\(display).\(name)", value, problem.expected)
            }
        }
        if (dataset.validationFraction ?? 0) + table.testFraction > 0.95 {
            fail("\(display).validation_fraction", members["validation_fraction"], "test_fraction + validation_fraction of at most 0.95",
                 suggestion: "Leave rows to train on")
        }
        let counts = table.source(validationFraction: dataset.validationFraction ?? 0).counts
        if counts.train < 2 || counts.test < 1 || (dataset.validationFraction != nil && counts.validation < 1) {
            fail("\(display).test_fraction", members["test_fraction"], "fractions that leave at least 2 training rows, 1 test row (and 1 validation row)",
                 suggestion: "\(path) has \(loaded.data.rowCount) rows: these fractions give \(counts.train) for training, \(counts.test) for testing, \(counts.validation) for validation")
        }
        for name in members.keys.sorted() where name != "reduced_share" {
            parse.fields.append(WrittenField(path: DatasetConfiguration.sectionName + "." + name, values: [members[name]!], isSwept: false))
        }
        dataset.generator = nil
        dataset.table = table
        let fixed = dataset
        parse.fixed.append(Assignment(path: DatasetConfiguration.sectionName + ".source", value: .string("table")) { trial in
            trial.dataset = fixed
        })
        if let written = members["reduced_share"] {
            let shown = "\(display).reduced_share"
            if members["reduce_class"] == nil { fail(shown, written, "a reduce_class to reduce", suggestion: "Name the class: reduce_class: \"...\"") }
            if let (values, swept) = self.values(of: written, listValued: false, path: shown) {
                var setters: [TrialSetter] = []
                for item in values {
                    guard case .number(let share) = item, (0.001...0.999).contains(share) else {
                        fail(shown, item, "a share from 0.001 to 0.999")
                        continue
                    }
                    setters.append { $0.dataset.table?.reducedShare = share }
                }
                let path = DatasetConfiguration.sectionName + ".reduced_share"
                parse.fields.append(WrittenField(path: path, values: values, isSwept: swept))
                if setters.count == values.count {
                    if swept { parse.swept.append(SweptField(path: path, values: values, setters: setters)) } else {
                        parse.fixed.append(Assignment(path: path, value: values[0], apply: setters[0]))
                    }
                }
            }
        }
        parse.fields.sort { $0.path < $1.path }
        return (parse, loaded.data.task)
    }

    /// A column name or a list of them.
    private mutating func columnList(_ value: JSONValue?, path: String, required: Bool) -> [String]? {
        switch value {
        case nil:
            if required { fail(path, nil, "a column name, or a list of them", suggestion: "The table's target column is required") }
            return nil
        case .string(let name)?: return [name]
        case .array(let items)?:
            let names = items.compactMap { if case .string(let s) = $0 { s } else { nil } }
            if names.count == items.count, !names.isEmpty || !required, Set(names).count == names.count { return names }
            fail(path, value, "a column name or a list of distinct column names")
            return nil
        case let other?:
            fail(path, other, "a column name or a list of column names")
            return nil
        }
    }

    private static func unquoted(_ text: String) -> String {
        text.hasPrefix("\"") && text.hasSuffix("\"") && text.count >= 2 ? String(text.dropFirst().dropLast()) : text
    }
}

extension Validator {
    /// Losses whose natural output is positive (Poisson, MSLE: exp and softplus outputs, a log of
    /// the target) need targets of at least 0; a table with a negative target is refused for them.
    mutating func checkTableTargets(_ dataset: DatasetConfiguration, losses: [LossEntry]) {
        guard let table = dataset.table, table.loaded.minimumTarget < 0 else { return }
        for (index, entry) in losses.enumerated() where [.exp, .softplus].contains(entry.definition.naturalActivation) {
            fail("loss[\(index)]", .string(entry.label), "a loss for targets of any sign, or a table whose targets are at least 0",
                 suggestion: "\(entry.definition.alias) needs y >= 0, and \(table.path)'s \(table.request.targets.joined(separator: ", ")) goes down to \(table.loaded.minimumTarget)")
        }
    }
}
