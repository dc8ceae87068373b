/// Every loss LossLab knows, by its Keras name: the one place where the short names of
/// experiment files and CSV headers (`"mse"`, `"focal"`) are mapped to types.
public enum LossKind: String, Sendable, CaseIterable, Codable {
    case binaryCrossentropy = "binary_crossentropy"
    case categoricalCrossentropy = "categorical_crossentropy"
    case meanAbsoluteError = "mean_absolute_error"
    case meanSquaredLogarithmicError = "mean_squared_logarithmic_error"
    case meanSquaredError = "mean_squared_error"
    case poisson
    case squaredHinge = "squared_hinge"
    case categoricalFocalCrossentropy = "categorical_focal_crossentropy"
    case binaryFocalCrossentropy = "binary_focal_crossentropy"
    case huber
    case logCosh = "log_cosh"
    case hinge
    case sparseCategoricalCrossentropy = "sparse_categorical_crossentropy"
    case klDivergence = "kl_divergence"
    case meanAbsolutePercentageError = "mean_absolute_percentage_error"
    case categoricalHinge = "categorical_hinge"
    case cosineSimilarity = "cosine_similarity"

    /// The short name used in files, figures and CSV files.
    public var alias: String {
        switch self {
        case .binaryCrossentropy: "bce"
        case .categoricalCrossentropy: "cce"
        case .meanAbsoluteError: "mae"
        case .meanSquaredLogarithmicError: "msle"
        case .meanSquaredError: "mse"
        case .poisson: "poisson"
        case .squaredHinge: "squared_hinge"
        case .categoricalFocalCrossentropy: "focal"
        case .binaryFocalCrossentropy: "binary_focal"
        case .huber: "huber"
        case .logCosh: "log_cosh"
        case .hinge: "hinge"
        case .sparseCategoricalCrossentropy: "sparse_cce"
        case .klDivergence: "kld"
        case .meanAbsolutePercentageError: "mape"
        case .categoricalHinge: "categorical_hinge"
        case .cosineSimilarity: "cosine"
        }
    }

    /// Finds a loss by its Keras name or its alias (`sqhinge` is accepted for squared hinge, and
    /// Keras's upper-case aliases `BCE`, `KLD`, `MAE`, `MAPE`, `MSE`, `MSLE` for theirs).
    public static func named(_ name: String) -> LossKind? {
        if name == "sqhinge" { return .squaredHinge }
        if ["BCE", "KLD", "MAE", "MAPE", "MSE", "MSLE"].contains(name) { return named(name.lowercased()) }
        return LossKind(rawValue: name) ?? allCases.first { $0.alias == name }
    }

    public var summary: String {
        switch self {
        case .binaryCrossentropy: "-(y log p + (1-y) log(1-p)), mean over outputs; binary and multi-label"
        case .categoricalCrossentropy: "-sum_j y_j log p_j; single-label classes (one-hot or integer targets)"
        case .meanAbsoluteError: "mean |p - y|; robust regression, predicts the median"
        case .meanSquaredLogarithmicError: "mean (log(1+p) - log(1+y))^2; relative errors, wide-range targets"
        case .meanSquaredError: "mean (p - y)^2; regression under Gaussian noise, predicts the mean"
        case .poisson: "mean p - y log(p + eps); counts, p is a rate"
        case .squaredHinge: "mean max(0, 1 - y p)^2, y in {-1,+1}; margin classification"
        case .categoricalFocalCrossentropy: "sum_j alpha (1-p_j)^gamma (-y_j log p_j); CCE that down-weights easy examples"
        case .binaryFocalCrossentropy: "(1-p_t)^gamma BCE, optional alpha balancing; binary focal loss"
        case .huber: "0.5 e^2 if |e| <= delta else delta(|e| - delta/2); MSE near 0, MAE far away"
        case .logCosh: "mean log cosh(p - y); smooth MAE-like regression loss"
        case .hinge: "mean max(0, 1 - y p), y in {-1,+1}; SVM margin loss"
        case .sparseCategoricalCrossentropy: "-log p_c for integer labels c; categorical crossentropy by Keras's sparse name"
        case .klDivergence: "sum_j y_j log(y_j / p_j), clipped at eps; distance between distributions"
        case .meanAbsolutePercentageError: "100 mean |y - p| / |y|; relative errors, targets away from 0"
        case .categoricalHinge: "max(max_{j != c} p_j - p_c + 1, 0); multi-class margin on one-hot targets (Crammer-Singer)"
        case .cosineSimilarity: "-cos(p, y) per row; aligns the direction of the outputs with the target's"
        }
    }

    /// The parameters the loss accepts, with Keras's defaults.
    public var parameters: [ParameterInfo] {
        let fromLogits = ParameterInfo("from_logits", .bool(false), "predictions are logits, not probabilities")
        let smoothing = ParameterInfo("label_smoothing", .number(0), "in [0, 1]: targets y(1-s) + s/2 (binary) or s/K (categorical)")
        let gamma = ParameterInfo("gamma", .number(2), "focusing parameter >= 0; 0 gives crossentropy")
        switch self {
        case .binaryCrossentropy, .categoricalCrossentropy:
            return [fromLogits, smoothing]
        case .sparseCategoricalCrossentropy:
            return [fromLogits]
        case .categoricalFocalCrossentropy:
            return [gamma, ParameterInfo("alpha", .number(0.25), "weighting factor, multiplies every class"), fromLogits, smoothing]
        case .binaryFocalCrossentropy:
            return [gamma, ParameterInfo("alpha", .number(0.25), "weight of class 1 when apply_class_balancing"),
                    ParameterInfo("apply_class_balancing", .bool(false), "weight class 1 by alpha, class 0 by 1 - alpha"),
                    fromLogits, smoothing]
        case .huber:
            return [ParameterInfo("delta", .number(1), "> 0: where the loss turns from quadratic to linear")]
        case .meanAbsoluteError, .meanSquaredLogarithmicError, .meanSquaredError, .poisson, .squaredHinge, .logCosh, .hinge,
             .klDivergence, .meanAbsolutePercentageError, .categoricalHinge, .cosineSimilarity:
            return []
        }
    }

    /// Whether the loss compares classes (and so needs class labels), rather than values.
    public var isClassification: Bool {
        switch self {
        case .binaryCrossentropy, .categoricalCrossentropy, .squaredHinge, .categoricalFocalCrossentropy,
             .binaryFocalCrossentropy, .hinge, .sparseCategoricalCrossentropy, .klDivergence, .categoricalHinge,
             .cosineSimilarity: true
        default: false
        }
    }

    /// Whether the loss compares a row of class scores with a one-hot row (a sum over classes), so
    /// that integer labels in one column stand for one-hot rows and a probability is drawn as
    /// `[x, 1 - x]` against `[1, 0]`.
    public var takesClassRows: Bool {
        switch self {
        case .categoricalCrossentropy, .categoricalFocalCrossentropy, .sparseCategoricalCrossentropy, .klDivergence,
             .categoricalHinge, .cosineSimilarity: true
        default: false
        }
    }

    /// The loss with the given parameters; unknown names and out-of-range values throw.
    public func make(_ parameters: Parameters) throws -> any Loss {
        if let unknown = parameters.unknown(allowed: self.parameters).first {
            let known = self.parameters.map(\.name)
            throw ParameterError(parameter: unknown, value: parameters.values[unknown]!.description,
                                 expected: known.isEmpty ? "no parameters for \(rawValue)"
                                     : "one of the parameters of \(rawValue): " + known.joined(separator: ", "))
        }
        let fromLogits = try parameters.bool("from_logits", default: false)
        let smoothing = Float(try parameters.number("label_smoothing", default: 0, in: 0...1))
        switch self {
        case .binaryCrossentropy:
            return BinaryCrossentropy(fromLogits: fromLogits, labelSmoothing: smoothing)
        case .categoricalCrossentropy:
            return CategoricalCrossentropy(fromLogits: fromLogits, labelSmoothing: smoothing)
        case .meanAbsoluteError: return MeanAbsoluteError()
        case .meanSquaredLogarithmicError: return MeanSquaredLogarithmicError()
        case .meanSquaredError: return MeanSquaredError()
        case .poisson: return Poisson()
        case .squaredHinge: return SquaredHinge()
        case .hinge: return Hinge()
        case .logCosh: return LogCosh()
        case .sparseCategoricalCrossentropy: return SparseCategoricalCrossentropy(fromLogits: fromLogits)
        case .klDivergence: return KLDivergence()
        case .meanAbsolutePercentageError: return MeanAbsolutePercentageError()
        case .categoricalHinge: return CategoricalHinge()
        case .cosineSimilarity: return CosineSimilarity()
        case .huber:
            return Huber(delta: Float(try parameters.number("delta", default: 1, in: 1e-12...1e12, "a positive number")))
        case .categoricalFocalCrossentropy:
            return CategoricalFocalCrossentropy(
                gamma: Float(try parameters.number("gamma", default: 2, in: 0...100, "a number from 0 to 100")),
                alpha: Float(try parameters.number("alpha", default: 0.25, in: 0...1e6, "a non-negative number")),
                fromLogits: fromLogits, labelSmoothing: smoothing)
        case .binaryFocalCrossentropy:
            return BinaryFocalCrossentropy(
                gamma: Float(try parameters.number("gamma", default: 2, in: 0...100, "a number from 0 to 100")),
                alpha: Float(try parameters.number("alpha", default: 0.25, in: 0...1)),
                applyClassBalancing: try parameters.bool("apply_class_balancing", default: false),
                fromLogits: fromLogits, labelSmoothing: smoothing)
        }
    }

    /// The output activation and target encoding the loss is meant for, used unless an experiment
    /// overrides them: BCE and binary focal with sigmoid on 0/1 targets; CCE and focal with softmax
    /// on one-hot targets; hinge losses with tanh on -1/+1 targets; Poisson with exp (a log link);
    /// MSLE with softplus (a positive output); the other regression losses with identity; sparse
    /// categorical crossentropy with softmax on integer labels; KL divergence with softmax on
    /// one-hot targets (a distribution against a distribution); categorical hinge and cosine
    /// similarity with identity scores on one-hot targets (the margin and the angle need unbounded
    /// scores; classification metrics read such scores by their softmax).
    public var naturalPairing: (activation: Activation, encoding: TargetEncoding) {
        switch self {
        case .binaryCrossentropy, .binaryFocalCrossentropy: (.sigmoid, .binary)
        case .categoricalCrossentropy, .categoricalFocalCrossentropy: (.softmax, .oneHot)
        case .squaredHinge, .hinge: (.tanh, .signed)
        case .poisson: (.exp, .values)
        case .meanSquaredLogarithmicError: (.softplus, .values)
        case .meanAbsoluteError, .meanSquaredError, .huber, .logCosh, .meanAbsolutePercentageError: (.identity, .values)
        case .sparseCategoricalCrossentropy: (.softmax, .integer)
        case .klDivergence: (.softmax, .oneHot)
        case .categoricalHinge, .cosineSimilarity: (.identity, .oneHot)
        }
    }
}
