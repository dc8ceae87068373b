extension LossDefinition {
    /// A loss written as a formula, as a definition like a built-in loss's, so that it trains, draws
    /// and is claimed about like one: `name` is its Keras name and alias, it has one number
    /// parameter per parameter of the formula (default: the value in `defaults`, which must give
    /// one for each), and it is meant for the `activation` and `encoding` given (its natural
    /// pairing). It compares values when `encoding` is `values`, classes otherwise.
    ///
    /// Building it with parameter values binds them (``FormulaLoss``); a value that is not a
    /// float32 number throws ``ParameterError`` naming the parameter, as any loss's out-of-range
    /// value does.
    public static func formula(_ formula: Formula, name: String, defaults: [String: Double], activation: Activation,
                               encoding: TargetEncoding) -> LossDefinition {
        let parameters = formula.parameters.map { parameter in
            ParameterInfo(parameter, .number(defaults[parameter] ?? 0), "a parameter of the formula: a finite float32 number")
        }
        return LossDefinition(
            name: name, alias: name, summary: formula.canonicalText, parameters: parameters,
            targets: encoding == .values ? .values : .classes, activation: activation, encoding: encoding,
            build: { given in
                var values: [String: Double] = [:]
                for info in parameters { values[info.name] = try given.number(info) }
                do throws(FormulaError) {
                    return try FormulaLoss(formula, parameters: values, name: name)
                } catch {
                    let culprit = error.parameter ?? "formula"
                    throw ParameterError(parameter: culprit, value: values[culprit].map(formatNumber) ?? formula.text,
                                         expected: error.expected)
                }
            })
    }
}
