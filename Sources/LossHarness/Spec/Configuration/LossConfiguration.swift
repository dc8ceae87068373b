import LossCore

/// One loss of a trial: the loss entry's definition with one value of each of its swept
/// parameters, the loss already built, and its pairing overrides. Built and checked once, when the
/// file is validated.
public struct LossConfiguration: Sendable {
    public var definition: LossDefinition
    /// The entry's label (``LossEntry/label``).
    public var label: String
    /// Every parameter of the loss: as written, or its default.
    public var parameters: Parameters
    public var loss: any Loss
    /// `loss.activation` and `loss.encoding` when the entry overrides the natural pairing.
    public var activation: Activation?
    public var encoding: TargetEncoding?

    /// Whether the loss was configured to take logits (`from_logits`).
    public var takesLogits: Bool {
        (try? parameters.bool(SharedLossParameters.fromLogits)) ?? false
    }

    /// The output activation for a model whose section names `modelActivation` (or none).
    public func outputActivation(model modelActivation: Activation?) -> Activation {
        activation ?? modelActivation ?? definition.naturalActivation
    }

    public var targetEncoding: TargetEncoding { encoding ?? definition.naturalEncoding }

    /// The section name of loss fields in paths (`loss.gamma`).
    public static let sectionName = "loss"

    /// Every value as trial ids write it: the name, every parameter, and the overrides written.
    var canonicalValues: [String: JSONValue] {
        var values: [String: JSONValue] = [Self.sectionName + ".name": .string(definition.name)]
        for info in definition.parameters {
            values[Self.sectionName + "." + info.name] = JSONValue(parameters.values[info.name] ?? info.defaultValue)
        }
        if let activation { values[Self.sectionName + ".activation"] = .string(activation.rawValue) }
        if let encoding { values[Self.sectionName + ".encoding"] = .string(encoding.rawValue) }
        if let formula = loss as? FormulaLoss {
            // A formula loss is its formula and pairing: editing either redoes its trials.
            values[Self.sectionName + ".formula"] = .string(formula.formula.canonicalText)
            values[Self.sectionName + ".activation"] = values[Self.sectionName + ".activation"] ?? .string(definition.naturalActivation.rawValue)
            values[Self.sectionName + ".encoding"] = values[Self.sectionName + ".encoding"] ?? .string(definition.naturalEncoding.rawValue)
        }
        return values
    }
}
