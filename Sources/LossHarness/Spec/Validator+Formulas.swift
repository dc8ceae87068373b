import LossCore

/// Loss entries that define their loss by a formula:
/// `{name: "cauchy", formula: "log(1 + ((p - y) / c)^2)", parameters: {c: [0.5, 1, 2]},
/// activation: "identity", encoding: "values"}`.
///
/// The entry's `activation` and `encoding` are the formula's natural pairing (one of each; default
/// identity and values), not overrides, so they do not enter its label. Its parameters are written
/// in `parameters` and swept like any loss parameter (`loss.c` in `where`, `zip` and figures).
/// Every combination is checked on the pairing's domain (``FormulaLoss/check(on:)``) before
/// anything runs.
extension Validator {
    /// The entry fields only a formula entry has.
    static let formulaFields = ["formula", "parameters"]

    /// The definition of the formula entry `members`, its parameters moved to the top of `members`
    /// (where loss parameters are read) and its pairing removed from them; `nil` when the formula
    /// was refused (reported).
    mutating func formulaDefinition(_ members: inout [String: JSONValue], name: String, path: String) -> LossDefinition? {
        var valid = true
        if LossRegistry.named(name) != nil {
            fail("\(path).name", .string(name), "a name of the formula's own, not a built-in loss's",
                 suggestion: "\(name) is a built-in loss; call the formula \"my_\(name)\", say")
            valid = false
        } else if !Self.isValidFormulaName(name) {
            fail("\(path).name", .string(name), "a name of letters, digits, '-' and '_' (at most 64), starting with a letter")
            valid = false
        }
        guard case .string(let text)? = members["formula"] else {
            fail("\(path).formula", members["formula"], "a formula in p and y as a string, e.g. \"log(1 + ((p - y) / c)^2)\"")
            return nil
        }
        let activation: Activation? = pairingChoice(members["activation"], path: "\(path).activation", fallback: .identity)
        let encoding: TargetEncoding? = pairingChoice(members["encoding"], path: "\(path).encoding", fallback: .values)
        var defaults: [String: Double] = [:]
        var written: [String: JSONValue] = [:]
        var declared: [String] = []
        switch members["parameters"] {
        case nil: break
        case .object(let parameters)?:
            for key in parameters.keys.sorted() {
                let shown = "\(path).parameters.\(key)"
                if Schema.lossEntry.contains(where: { $0.name == key }) {
                    fail(shown, nil, "a parameter name that is not an entry field (\(Schema.lossEntry.map(\.name).joined(separator: ", ")))")
                    valid = false
                    continue
                }
                let value = parameters[key]!
                declared.append(key)
                let first = value.numbers?.first ?? { if case .number(let x) = value { x } else { nil } }()
                guard let first else {
                    fail(shown, value, "a number or a list of numbers to sweep, e.g. [0.5, 1, 2]")
                    valid = false
                    continue
                }
                defaults[key] = first
                written[key] = value
            }
        case let other?:
            fail("\(path).parameters", other, "an object of parameter values, e.g. {c: [0.5, 1, 2]}")
            valid = false
        }
        let formula: Formula
        do {
            formula = try Formula(text, parameters: declared)
        } catch {
            fail(formulaError: error, path: path)
            return nil
        }
        guard valid, let activation, let encoding else { return nil }
        for key in Self.formulaFields + ["activation", "encoding"] { members[key] = nil }
        members.merge(written) { _, new in new }
        return .formula(formula, name: name, defaults: defaults, activation: activation, encoding: encoding)
    }

    /// A formula refused: the field `formula`, what was expected, and where and why.
    mutating func fail(formulaError error: FormulaError, path: String) {
        var problem = error.column.map { "At column \($0): " + error.problem } ?? error.problem.prefix(1).uppercased() + error.problem.dropFirst()
        if let suggestion = error.suggestion { problem += ". " + suggestion }
        fail("\(path).formula", .string(error.formula), error.expected, suggestion: problem)
    }

    /// Checks the built formula loss on the domain of its pairing; `false` when it fails (reported).
    mutating func checkFormulaDomain(_ configuration: LossConfiguration, path: String) -> Bool {
        guard let loss = configuration.loss as? FormulaLoss else { return true }
        let definition = configuration.definition
        do {
            try loss.check(on: FormulaDomain(activation: definition.naturalActivation, encoding: definition.naturalEncoding))
            return true
        } catch {
            fail(formulaError: error, path: path)
            return false
        }
    }

    /// A formula's `activation` or `encoding`: one word of the choices (a sweep is refused: a
    /// formula has one pairing; write two entries to compare two).
    private mutating func pairingChoice<Choice: RawRepresentable & CaseIterable>(_ value: JSONValue?, path: String,
                                                                                 fallback: Choice) -> Choice?
        where Choice.RawValue == String {
        guard let value else { return fallback }
        let words = Choice.allCases.map(\.rawValue)
        guard case .string(let word) = value else {
            fail(path, value, "one of " + words.joined(separator: ", "),
                 suggestion: "A formula loss has one pairing; to compare two, write two entries with different names")
            return nil
        }
        guard let choice = Choice(rawValue: word) else {
            fail(path, value, "one of " + words.joined(separator: ", "), suggestion: didYouMean(word, words))
            return nil
        }
        return choice
    }

    /// Letters, digits, `-` and `_`, starting with a letter, at most 64 characters: it names the
    /// loss in CSV files, legends and figure files.
    static func isValidFormulaName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, scalars.count <= 64, first.isASCII, first.properties.isAlphabetic else { return false }
        return scalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }
}
