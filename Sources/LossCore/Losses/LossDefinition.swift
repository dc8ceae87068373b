/// Everything LossLab knows about one loss besides its formula: its names, its parameters (with
/// defaults and ranges), the targets it compares, the output activation and target encoding it is
/// meant for, and how to build it. Every place that lists, checks, pairs, styles or draws losses
/// reads these definitions from ``LossRegistry``; none switches over losses.
///
/// A built-in loss declares its definition beside its formula, in its own file
/// (`extension MeanSquaredError { public static let definition = ... }`), and is registered by one
/// line in ``LossRegistry/builtIn``. See `docs/extending.md`.
public struct LossDefinition: Sendable, CustomStringConvertible {
    /// What a loss compares predictions with.
    public enum Targets: String, Sendable {
        /// Class labels (one-hot, integer, 0/1 or -1/+1): crossentropies, focal and hinge losses.
        case classes
        /// Real values or counts: regression losses.
        case values
    }

    /// The Keras name (`mean_squared_error`), used in stored definitions and `losslab list`.
    public let name: String
    /// The short name of files, figures and CSV files (`mse`).
    public let alias: String
    /// Further names accepted in files and on the command line (`sqhinge`).
    public let otherNames: [String]
    /// One line for `losslab list`: the formula and what the loss is for.
    public let summary: String
    /// The parameters, with Keras's defaults and their ranges.
    public let parameters: [ParameterInfo]
    public let targets: Targets
    /// The output activation and target encoding the loss is meant for, used unless an
    /// experiment overrides them.
    public let naturalActivation: Activation
    public let naturalEncoding: TargetEncoding
    /// What varies along the x axis of the loss's curves (`curves.x: "auto"`).
    public let curveAxis: CurveAxis
    private let build: @Sendable (Parameters) throws -> any Loss

    /// What the x axis of a curve of the loss is: the prediction minus a fixed target (`error`,
    /// regression losses), the prediction itself for a fixed target (`prediction`), the predicted
    /// probability of the true class (`probability`, crossentropies) or the margin `y f` (`margin`,
    /// hinge losses).
    public enum CurveAxis: String, Sendable, CaseIterable {
        case error, prediction, probability, margin
    }

    /// `curveAxis` defaults from the targets and encoding: probability for class targets, margin
    /// for -1/+1 targets, error for values.
    public init(name: String, alias: String, otherNames: [String] = [], summary: String, parameters: [ParameterInfo] = [],
                targets: Targets, activation: Activation, encoding: TargetEncoding, curveAxis: CurveAxis? = nil,
                build: @escaping @Sendable (Parameters) throws -> any Loss) {
        self.name = name
        self.alias = alias
        self.otherNames = otherNames
        self.summary = summary
        self.parameters = parameters
        self.targets = targets
        naturalActivation = activation
        naturalEncoding = encoding
        self.curveAxis = curveAxis ?? (targets == .values ? .error : encoding == .signed ? .margin : .probability)
        self.build = build
    }

    /// Every name the loss answers to.
    public var names: [String] { [name, alias] + otherNames }

    /// Whether the loss compares classes (and so needs class labels), rather than values.
    public var isClassification: Bool { targets == .classes }

    /// The output activation and target encoding the loss is meant for.
    public var naturalPairing: (activation: Activation, encoding: TargetEncoding) { (naturalActivation, naturalEncoding) }

    /// Whether the loss's predictions are one column per class, read together (CCE, focal, KL
    /// divergence, categorical hinge...), rather than independent columns: its class targets are
    /// one-hot or integer labels.
    public var isCategorical: Bool { naturalEncoding == .oneHot || naturalEncoding == .integer }

    /// The loss with the given parameters (missing ones take their defaults); unknown names and
    /// out-of-range values throw ``ParameterError``.
    public func make(_ parameters: Parameters = Parameters()) throws -> any Loss {
        if let unknown = parameters.unknown(allowed: self.parameters).first {
            let known = self.parameters.map(\.name)
            throw ParameterError(parameter: unknown, value: parameters.values[unknown]!.description,
                                 expected: known.isEmpty ? "no parameters for \(name)"
                                     : "one of the parameters of \(name): " + known.joined(separator: ", "))
        }
        return try build(parameters)
    }

    /// The parameter called `name`, if the loss has one.
    public func parameter(_ name: String) -> ParameterInfo? {
        parameters.first { $0.name == name }
    }

    public var description: String { alias }
}

extension LossDefinition: Hashable {
    public static func == (a: LossDefinition, b: LossDefinition) -> Bool { a.name == b.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// The parameters several losses share, declared once.
public enum SharedLossParameters {
    public static let fromLogits = ParameterInfo.flag("from_logits", default: false, "predictions are logits, not probabilities")
    public static let labelSmoothing = ParameterInfo.number("label_smoothing", default: 0, in: 0...1,
                                                            "targets y(1-s) + s/2 (binary) or s/K (categorical)")
    public static let gamma = ParameterInfo.number("gamma", default: 2, in: 0...100, "focusing parameter; 0 gives crossentropy")
}
