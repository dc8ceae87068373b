import LossCore
import LossHarness

/// `losslab list`: everything an experiment file can name, with parameters and defaults.
enum ListCommand: Subcommand {
    static let name = "list"
    static let summary = "list losses, activations, models, optimizers, generators, metrics and file fields"
    static let help = """
    Usage: losslab list [losses|activations|models|optimizers|generators|metrics|encodings|fields]

    Prints every component an experiment file can name, one line of explanation each, with its
    parameters and their defaults. With a section name, prints only that section.

    Examples:
      losslab list
      losslab list losses
      losslab list fields
    """

    static let sections = ["losses", "activations", "models", "optimizers", "generators", "metrics", "encodings", "fields"]

    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode {
        let wanted = try arguments.positionals()
        for section in wanted where !sections.contains(section) {
            throw CommandError("list: unknown section '\(section)'; expected one of " + sections.joined(separator: ", "))
        }
        for section in sections where wanted.isEmpty || wanted.contains(section) {
            console.print(text(section))
        }
        return .success
    }

    static func parameters(_ infos: [ParameterInfo]) -> [String] {
        infos.map { info in
            let accepts = info.kind == .checkedByComponent ? "" : " (\(info.expectation))"
            return "      \(info.name) = \(info.defaultValue)  \(info.summary)\(accepts)"
        }
    }

    static func text(_ section: String) -> String {
        var lines: [String] = []
        switch section {
        case "losses":
            lines.append("Losses (Keras 3 names; the alias works everywhere):")
            for kind in LossRegistry.all {
                let pairing = kind.naturalPairing
                lines.append("  \(kind.name) (\(([kind.alias] + kind.otherNames).joined(separator: ", "))): \(kind.summary)")
                lines.append("      pairing: \(pairing.activation.rawValue) output, \(pairing.encoding.rawValue) targets")
                lines += parameters(kind.parameters)
            }
        case "activations":
            lines.append("Activations (output_activation, hidden_activation, loss activation override):")
            for activation in Activation.allCases { lines.append("  \(activation.rawValue): \(activation.summary)") }
        case "models":
            lines.append("Models (model.type):")
            lines.append("  linear: one dense layer and the output activation (a GLM)")
            lines.append("  mlp: dense layers of model.hidden sizes with model.hidden_activation, then the output layer")
            lines.append("  initializers (model.initializer): " + Initializer.allCases.map(\.rawValue).joined(separator: ", "))
        case "optimizers":
            lines.append("Optimizers (training.optimizer), Keras 3 update rules and defaults:")
            lines.append("  sgd: learning_rate = 0.01, momentum = 0, nesterov = false")
            lines.append("  adam: learning_rate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7")
            lines.append("  rmsprop: learning_rate = 0.001, rho = 0.9, momentum = 0, epsilon = 1e-7")
            lines.append("  all: weight_decay = 0 (L2 penalty on weights)")
        case "generators":
            lines.append("Data generators (dataset.generator):")
            for generator in DataGenerators.all {
                lines.append("  \(generator.name): \(generator.summary)")
                lines += parameters(generator.parameters)
            }
        case "metrics":
            lines.append("Metrics (metrics), computed on the test set:")
            for metric in Metric.allCases {
                lines.append("  \(metric.rawValue) (\(metric.higherIsBetter ? "higher" : "lower") is better): \(metric.summary)")
            }
        case "encodings":
            lines.append("Target encodings (loss encoding override):")
            for encoding in TargetEncoding.allCases { lines.append("  \(encoding.rawValue)") }
        case "fields":
            lines.append("Experiment file fields (version 1), with defaults:")
            for (title, fields) in Schema.fieldReference {
                lines.append("  \(title):")
                for field in fields { lines.append("      \(field.name) = \(field.defaultText)  \(field.summary)") }
            }
        default:
            break
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
