#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Binary focal crossentropy, Keras `binary_focal_crossentropy` (Lin et al. 2017, "Focal Loss for
/// Dense Object Detection").
///
/// Targets smoothed as for BCE (`y (1 - s) + s/2`). With `p` the probability (the sigmoid of the
/// prediction when `fromLogits`), per element:
/// `e = w (1 - p_t)^gamma bce(y, p)`, where `p_t = y p + (1 - y)(1 - p)` (on the unclipped `p`),
/// `bce` is the clipped binary crossentropy of ``BinaryCrossentropy``, and the balancing weight `w` is
/// `y alpha + (1 - y)(1 - alpha)` when `applyClassBalancing`, else 1. Mean over the last axis.
///
/// Gradient, with `F = (1 - p_t)^gamma`: `de/dp = w (-gamma (1 - p_t)^(gamma-1) (2y - 1) bce + F dbce/dp)`
/// (the first term is taken as 0 where `1 - p_t = 0`); through the sigmoid, `de/dx = de/dp p (1 - p)`.
/// With `gamma = 0` and no balancing this is exactly BCE.
public struct BinaryFocalCrossentropy: ElementwiseLoss {
    public var gamma: Float
    public var alpha: Float
    public var applyClassBalancing: Bool
    public var fromLogits: Bool
    public var labelSmoothing: Float

    public init(gamma: Float = 2, alpha: Float = 0.25, applyClassBalancing: Bool = false,
                fromLogits: Bool = false, labelSmoothing: Float = 0) {
        self.gamma = gamma
        self.alpha = alpha
        self.applyClassBalancing = applyClassBalancing
        self.fromLogits = fromLogits
        self.labelSmoothing = labelSmoothing
    }

    public var name: String { "binary_focal_crossentropy" }

    public func prepareTargets(_ expected: Matrix, predictedColumns: Int) -> Matrix {
        smoothBinaryLabels(expected, labelSmoothing)
    }

    public func fused(with activation: Activation) -> (any Loss)? {
        guard activation == .sigmoid, !fromLogits else { return nil }
        var copy = self
        copy.fromLogits = true
        return copy
    }

    @inlinable
    func balance(_ y: Float) -> Float {
        applyClassBalancing ? y * alpha + (1 - y) * (1 - alpha) : 1
    }

    @inlinable
    public func elementValue(predicted: Float, expected y: Float) -> Float {
        let p = fromLogits ? StableMath.sigmoid(predicted) : predicted
        let q = StableMath.clip(p, StableMath.epsilon, 1 - StableMath.epsilon)
        let bce = -(y * logf(q) + (1 - y) * logf(1 - q))
        let pt = y * p + (1 - y) * (1 - p)
        return balance(y) * powf(1 - pt, gamma) * bce
    }

    @inlinable
    public func elementDerivative(predicted: Float, expected y: Float) -> Float {
        let p = fromLogits ? StableMath.sigmoid(predicted) : predicted
        let q = StableMath.clip(p, StableMath.epsilon, 1 - StableMath.epsilon)
        let bce = -(y * logf(q) + (1 - y) * logf(1 - q))
        let inside = p > StableMath.epsilon && p < 1 - StableMath.epsilon
        let dBce: Float = inside ? -y / q + (1 - y) / (1 - q) : 0
        let base = 1 - (y * p + (1 - y) * (1 - p))
        let focal = powf(base, gamma)
        let dFocal: Float = (gamma == 0 || base <= 0) ? 0 : -gamma * powf(base, gamma - 1) * (2 * y - 1)
        let dp = balance(y) * (dFocal * bce + focal * dBce)
        return fromLogits ? dp * p * (1 - p) : dp
    }
}

extension BinaryFocalCrossentropy {
    public static let alphaParameter = ParameterInfo.number("alpha", default: 0.25, in: 0...1, "weight of class 1 when apply_class_balancing")
    public static let balancingParameter = ParameterInfo.flag("apply_class_balancing", default: false,
                                                              "weight class 1 by alpha, class 0 by 1 - alpha")
    public static let definition = LossDefinition(
        name: "binary_focal_crossentropy", alias: "binary_focal",
        summary: "(1-p_t)^gamma BCE, optional alpha balancing; binary focal loss",
        parameters: [SharedLossParameters.gamma, alphaParameter, balancingParameter, SharedLossParameters.fromLogits,
                     SharedLossParameters.labelSmoothing],
        targets: .classes, activation: .sigmoid, encoding: .binary) { parameters in
        BinaryFocalCrossentropy(gamma: Float(try parameters.number(SharedLossParameters.gamma)),
                                alpha: Float(try parameters.number(alphaParameter)),
                                applyClassBalancing: try parameters.bool(balancingParameter),
                                fromLogits: try parameters.bool(SharedLossParameters.fromLogits),
                                labelSmoothing: Float(try parameters.number(SharedLossParameters.labelSmoothing)))
    }
}
