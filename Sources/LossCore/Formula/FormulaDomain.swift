/// Where a formula loss will be evaluated: the values its predictions and its targets can take,
/// each as the points at which the checks (``FormulaLoss/check(on:)``) evaluate it and the bounds
/// that finite differences must stay within. ``init(activation:encoding:)`` derives it from a
/// loss entry's pairing; a harness that knows more (positive targets only, a range of a dataset's
/// values) builds its own.
public struct FormulaDomain: Sendable, Hashable, CustomStringConvertible {
    /// One side of the domain.
    public struct Values: Sendable, Hashable, CustomStringConvertible {
        /// How a message names it: "(0, 1) (sigmoid output)".
        public var description: String
        /// The points the checks visit, each inside the bounds.
        public var points: [Float]
        /// Bounds that a step may reach but not cross (`nil`: unbounded on that side). A point
        /// on a bound is differentiated one-sidedly.
        public var lower: Float?
        public var upper: Float?

        public init(_ description: String, points: [Float], lower: Float? = nil, upper: Float? = nil) {
            self.description = description
            self.points = points
            self.lower = lower
            self.upper = upper
        }

        static let reals = Values("any real number", points: [-10, -3, -1, -0.5, -0.1, 0, 0.1, 0.5, 1, 3, 10])
        static let realTargets = Values("any real number", points: [-10, -1, -0.5, 0, 0.5, 1, 10])
        static let unitInterval = Values("(0, 1)", points: [1e-6, 1e-3, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999, 0.999_999],
                                         lower: 0, upper: 1)
        static let signedInterval = Values("(-1, 1)", points: [-0.999_999, -0.9, -0.5, -0.1, 0, 0.1, 0.5, 0.9, 0.999_999],
                                           lower: -1, upper: 1)
        static let positive = Values("(0, inf)", points: [1e-6, 1e-3, 0.1, 0.5, 1, 2, 5, 10, 100, 1000], lower: 0)
        static let nonNegative = Values("[0, inf)", points: [0, 1e-3, 0.1, 0.5, 1, 2, 5, 10, 100, 1000], lower: 0)
    }

    public var predictions: Values
    public var targets: Values

    public init(predictions: Values, targets: Values) {
        self.predictions = predictions
        self.targets = targets
    }

    /// The domain of a loss trained behind `activation` on targets encoded as `encoding`:
    ///
    /// | activation | predictions | points |
    /// | --- | --- | --- |
    /// | identity | any real | -10, -3, -1, -0.5, -0.1, 0, 0.1, 0.5, 1, 3, 10 |
    /// | sigmoid, softmax | (0, 1) | 1e-6, 1e-3, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999, 1 - 1e-6 |
    /// | tanh | (-1, 1) | -1 + 1e-6, -0.9, -0.5, -0.1, 0, 0.1, 0.5, 0.9, 1 - 1e-6 |
    /// | softplus, exp | (0, inf) | 1e-6, 1e-3, 0.1, 0.5, 1, 2, 5, 10, 100, 1000 |
    /// | relu | [0, inf) | 0, 1e-3, 0.1, ..., 1000 |
    ///
    /// Targets: {0, 1} for `binary`, `one_hot` and `integer` (labels become one-hot rows), {-1, 1}
    /// for `signed`; for `values`, the range of the activation (any real: -10, -1, -0.5, 0, 0.5, 1,
    /// 10; [0, 1]: 0, 0.25, 0.5, 0.75, 1; [-1, 1]: -1, -0.5, 0, 0.5, 1; [0, inf) for a positive
    /// output: 0, 0.5, 1, 2, 5, 10, 100).
    ///
    /// The bounded outputs are sampled inside their open intervals: a sigmoid reaches exactly 0 or
    /// 1 in float32 only for logits beyond about 17 (or below -88), and a loss that is infinite
    /// there (`log(p)` unclipped) then ends its trial as `diverged`. Clip as Keras does,
    /// `log(max(p, 1e-7))`, to be safe there too.
    public init(activation: Activation, encoding: TargetEncoding) {
        switch activation {
        case .identity: predictions = .reals
        case .sigmoid, .softmax: predictions = .unitInterval
        case .tanh: predictions = .signedInterval
        case .softplus, .exp: predictions = .positive
        case .relu: predictions = .nonNegative
        }
        predictions.description += " (\(activation.rawValue) output)"
        switch encoding {
        case .binary, .oneHot, .integer:
            targets = Values("{0, 1}", points: [0, 1], lower: 0, upper: 1)
        case .signed:
            targets = Values("{-1, 1}", points: [-1, 1], lower: -1, upper: 1)
        case .values:
            switch activation {
            case .identity: targets = .realTargets
            case .sigmoid, .softmax: targets = Values("[0, 1]", points: [0, 0.25, 0.5, 0.75, 1], lower: 0, upper: 1)
            case .tanh: targets = Values("[-1, 1]", points: [-1, -0.5, 0, 0.5, 1], lower: -1, upper: 1)
            case .softplus, .exp, .relu: targets = Values("[0, inf)", points: [0, 0.5, 1, 2, 5, 10, 100], lower: 0)
            }
        }
        targets.description += " (\(encoding.rawValue) targets)"
    }

    /// Every point, predictions varying slowest.
    public var points: [FormulaPoint] {
        predictions.points.flatMap { p in targets.points.map { FormulaPoint(prediction: p, target: $0) } }
    }

    public var description: String { "predictions in \(predictions) and targets in \(targets)" }
}
