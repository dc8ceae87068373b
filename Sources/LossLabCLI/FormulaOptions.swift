import LossCore

/// The formula options of `losslab loss`: `--formula TEXT`, `--parameter NAME=VALUE` (repeated),
/// `--activation A` and `--encoding E` (check the formula on that pairing's domain) and
/// `--show-derivative`. A ``FormulaError`` becomes a usage error that quotes the formula with a
/// caret under the problem.
struct FormulaOptions {
    var text: String
    var parameters: [String: Double]
    var domain: FormulaDomain?
    var showDerivative: Bool

    /// The options, or `nil` without `--formula` (then the others are refused).
    static func parse(_ arguments: inout Arguments) throws -> FormulaOptions? {
        let text = try arguments.value("formula")
        let parameterTexts = try arguments.values("parameter")
        let activationText = try arguments.value("activation")
        let encodingText = try arguments.value("encoding")
        let showDerivative = arguments.flag("show-derivative")
        guard let text else {
            if !parameterTexts.isEmpty || activationText != nil || encodingText != nil || showDerivative {
                throw CommandError("loss: --parameter, --activation, --encoding and --show-derivative go with --formula")
            }
            return nil
        }
        var parameters: [String: Double] = [:]
        for item in parameterTexts {
            let parts = item.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
            guard parts.count == 2, !parts[0].isEmpty, let value = Double(parts[1]), value.isFinite else {
                throw CommandError("loss: --parameter \(item): expected NAME=VALUE with a finite number, e.g. --parameter c=0.5")
            }
            if parameters[parts[0]] != nil { throw CommandError("loss: --parameter \(parts[0]) given twice") }
            parameters[parts[0]] = value
        }
        var domain: FormulaDomain?
        if activationText != nil || encodingText != nil {
            guard let activation = Activation(rawValue: activationText ?? "identity") else {
                throw CommandError("loss: --activation \(activationText!): expected one of "
                                   + Activation.allCases.map(\.rawValue).joined(separator: ", "))
            }
            guard let encoding = TargetEncoding(rawValue: encodingText ?? "values") else {
                throw CommandError("loss: --encoding \(encodingText!): expected one of "
                                   + TargetEncoding.allCases.map(\.rawValue).joined(separator: ", "))
            }
            domain = FormulaDomain(activation: activation, encoding: encoding)
        }
        return FormulaOptions(text: text, parameters: parameters, domain: domain, showDerivative: showDerivative)
    }

    /// The formula loss, checked on the domain when one was given.
    func loss() throws -> FormulaLoss {
        do {
            let loss = try FormulaLoss(text, parameters: parameters)
            if let domain { try loss.check(on: domain) }
            return loss
        } catch {
            throw CommandError(Self.message(error))
        }
    }

    /// `loss: --formula: column 20: unknown name 'cc': expected ... Did you mean c?`, then the
    /// formula and a caret line when the problem has a place.
    static func message(_ error: FormulaError) -> String {
        var message = "loss: --formula: " + error.description
        if let caret = error.caret {
            message += "\n" + caret.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
        }
        return message
    }
}

private extension String {
    func trimmingWhitespace() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
