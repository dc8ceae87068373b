import LossCore

extension Validator {
    mutating func metricList(_ value: JSONValue?, task: Task?, kind: Experiment.Kind) -> [Metric]? {
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
                fail("metrics[\(index)]", item, "a metric: " + names.joined(separator: ", "), suggestion: didYouMean(word, names))
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

    mutating func zipList(_ value: JSONValue, fields: [WrittenField]) -> [[String]] {
        guard case .array(let groups) = value else {
            fail("zip", value, "a list of groups of field paths, e.g. [[\"dataset.noise\", \"training.epochs\"]]")
            return []
        }
        var result: [[String]] = []
        var seen: Set<String> = []
        let sweptPaths = fields.filter(\.isSwept).map(\.path)
        for (index, group) in groups.enumerated() {
            guard case .array(let items) = group, items.count >= 2 else {
                fail("zip[\(index)]", group, "a list of at least two swept field paths")
                continue
            }
            var paths: [String] = []
            var length: Int?
            for item in items {
                guard case .string(let path) = item, let field = fields.first(where: { $0.path == path }), field.isSwept else {
                    fail("zip[\(index)]", item, "the path of a swept field (written as a list), e.g. \"dataset.noise\"",
                         suggestion: didYouMean(item.description, sweptPaths))
                    continue
                }
                if path.hasPrefix(LossConfiguration.sectionName + ".") {
                    fail("zip[\(index)]", item, "a dataset, model, training or curves field (loss parameters are crossed within their entry)")
                    continue
                }
                if seen.contains(path) { fail("zip[\(index)]", item, "each path in one zip group only") }
                seen.insert(path)
                if let length, length != field.values.count {
                    fail("zip[\(index)]", item, "lists of the same length (\(length) values) in one zip group")
                }
                length = field.values.count
                paths.append(path)
            }
            result.append(paths)
        }
        return result
    }

    mutating func expectationList(_ value: JSONValue, losses: [LossEntry], fields: [WrittenField]) -> [Expectation] {
        guard case .array(let items) = value else {
            fail("expect", value, "a list of claims such as {metric: \"mae\", better: \"mae\", than: \"mse\"}")
            return []
        }
        var result: [Expectation] = []
        for (index, item) in items.enumerated() {
            if let expectation = self.expectation(item, path: "expect[\(index)]", losses: losses, fields: fields) { result.append(expectation) }
        }
        return result
    }

    private mutating func expectation(_ item: JSONValue, path: String, losses: [LossEntry], fields: [WrittenField]) -> Expectation? {
        let labels = losses.map(\.label)
        guard case .object(let members) = item else {
            fail(path, item, "an object {metric: ..., better: ..., than: ..., where: {...}}")
            return nil
        }
        rejectUnknown(members, known: Schema.expectation.map(\.name), section: path)
        var metric: Metric?
        if case .string(let s)? = members["metric"], let m = Metric(rawValue: s) { metric = m } else {
            let word: String = if case .string(let s)? = members["metric"] { s } else { "" }
            fail("\(path).metric", members["metric"], "a metric name", suggestion: didYouMean(word, Metric.allCases.map(\.rawValue)))
        }
        var pair: [String] = []
        for key in ["better", "than"] {
            if case .string(let s)? = members[key], labels.contains(s) { pair.append(s) } else {
                let word: String = if case .string(let s)? = members[key] { s } else { "" }
                fail("\(path).\(key)", members[key], "a loss label: " + labels.joined(separator: ", "), suggestion: didYouMean(word, labels))
            }
        }
        if pair.count == 2, pair[0] == pair[1] { fail("\(path).than", members["than"], "a loss other than \"better\"") }
        let conditions = self.conditions(members["where"], path: path, fields: fields)
        guard let metric, pair.count == 2 else { return nil }
        // Each side must be one series: its loss's swept parameters must be pinned by `where`.
        for (key, label) in zip(["better", "than"], pair) {
            guard let entry = losses.first(where: { $0.label == label }) else { continue }
            let loose = entry.fields.filter { $0.isSwept && $0.values.count > 1 && conditions[$0.path] == nil }
            if let first = loose.first {
                let paths = loose.map(\.path).joined(separator: ", ")
                fail("\(path).where", members["where"], "a value for " + paths,
                     suggestion: "\"\(label)\" (the \(key) side) sweeps \(paths); pick one value, e.g. where: {\"\(first.path)\": \(first.values[0])}")
            }
        }
        var statement = ""
        if case .string(let s)? = members["statement"] { statement = s }
        if statement.isEmpty {
            let direction = metric.higherIsBetter ? "higher" : "lower"
            let context = conditions.keys.sorted().map { "\($0) = \(conditions[$0]!)" }.joined(separator: ", ")
            statement = "\(pair[0]) has a \(direction) \(metric.rawValue) than \(pair[1])" + (context.isEmpty ? "" : " at \(context)")
        }
        return Expectation(metric: metric, better: pair[0], than: pair[1], conditions: conditions, statement: statement)
    }

    /// The `where` of an expectation: paths of this file's fields and values they take.
    private mutating func conditions(_ written: JSONValue?, path: String, fields: [WrittenField]) -> [String: JSONValue] {
        guard let written else { return [:] }
        guard case .object(let wheres) = written else {
            fail("\(path).where", written, "an object of field path: value, e.g. {\"dataset.outlier_fraction\": 0.2}")
            return [:]
        }
        var conditions: [String: JSONValue] = [:]
        for (key, condition) in wheres.sorted(by: { $0.key < $1.key }) {
            guard let field = fields.first(where: { $0.path == key }) else {
                fail("\(path).where.\(key)", nil, "a field path of this file such as dataset.noise", suggestion: didYouMean(key, fields.map(\.path)))
                continue
            }
            if !field.values.contains(condition) {
                fail("\(path).where.\(key)", condition, "one of the values of \(key): " + field.values.map(\.description).joined(separator: ", "))
            }
            conditions[key] = condition
        }
        return conditions
    }
}
