#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Categorical focal crossentropy, Keras `categorical_focal_crossentropy` (`focal`), after Lin et
/// al. 2017.
///
/// Targets as for ``CategoricalCrossentropy`` (one-hot or integer, smoothed `y (1 - s) + s/K`). With
/// `p = softmax(x)` when `fromLogits` (Keras softmaxes and then clips; it does not use log-softmax
/// here), `q_j = clip(p_j / sum_k p_k, eps, 1 - eps)`, per sample, a sum over classes:
/// `L = sum_j alpha (1 - q_j)^gamma (-y_j log q_j)`.
///
/// Gradient with respect to `q_j`, inside the clip range:
/// `h_j = alpha y_j (gamma (1 - q_j)^(gamma-1) log q_j - (1 - q_j)^gamma / q_j)`, then through the
/// renormalisation, `dL/dp_m = (h_m - sum_j h_j r_j) / S`, and through the softmax when `fromLogits`,
/// `dL/dx_m = p_m (G_m - sum_j G_j p_j)` with `G = dL/dp`.
///
/// The document writes the weighting factor as `(1 - y)^gamma`, means `(1 - p_hat)^gamma`, and drops
/// the minus sign and `alpha`; with `gamma = 0` and `alpha = 1` this is CCE exactly.
public struct CategoricalFocalCrossentropy: Loss {
    public var gamma: Float
    public var alpha: Float
    public var fromLogits: Bool
    public var labelSmoothing: Float

    public init(gamma: Float = 2, alpha: Float = 0.25, fromLogits: Bool = false, labelSmoothing: Float = 0) {
        self.gamma = gamma
        self.alpha = alpha
        self.fromLogits = fromLogits
        self.labelSmoothing = labelSmoothing
    }

    public var name: String { "categorical_focal_crossentropy" }

    public func prepareTargets(_ expected: Matrix, predictedColumns: Int) -> Matrix {
        smoothCategoricalLabels(oneHotTargets(expected, classes: predictedColumns), labelSmoothing)
    }

    public func fused(with activation: Activation) -> (any Loss)? {
        guard activation == .softmax, !fromLogits else { return nil }
        var copy = self
        copy.fromLogits = true
        return copy
    }

    /// Runs `body` with the probabilities of the row (softmax of the logits, or the row itself).
    private func withProbabilities<R>(_ predicted: Row, _ body: (Row) -> R) -> R {
        guard fromLogits else { return body(predicted) }
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: predicted.count) { buffer in
            Activation.softmax(predicted, into: buffer)
            return body(Row(buffer))
        }
    }

    public func value(predicted: Row, expected: Row) -> Float {
        withProbabilities(predicted) { p in
            let sum = rowSum(p)
            var loss: Float = 0
            for j in 0..<p.count where expected[j] != 0 {
                let q = StableMath.clip(p[j] / sum, StableMath.epsilon, 1 - StableMath.epsilon)
                loss += alpha * powf(1 - q, gamma) * (-expected[j] * logf(q))
            }
            return loss
        }
    }

    public func gradient(predicted: Row, expected: Row, into gradient: MutableRow) {
        withProbabilities(predicted) { p in
            let sum = rowSum(p)
            var weighted: Float = 0
            for j in 0..<p.count {
                let r = p[j] / sum
                var h: Float = 0
                if expected[j] != 0, r > StableMath.epsilon, r < 1 - StableMath.epsilon {
                    let modulating = powf(1 - r, gamma)
                    let dModulating: Float = gamma == 0 ? 0 : gamma * powf(1 - r, gamma - 1)
                    h = alpha * expected[j] * (dModulating * logf(r) - modulating / r)
                }
                gradient[j] = h
                weighted += h * r
            }
            for j in 0..<p.count { gradient[j] = (gradient[j] - weighted) / sum }
            guard fromLogits else { return }
            var dot: Float = 0
            for j in 0..<p.count { dot += gradient[j] * p[j] }
            for j in 0..<p.count { gradient[j] = p[j] * (gradient[j] - dot) }
        }
    }
}

extension CategoricalFocalCrossentropy {
    public static let alphaParameter = ParameterInfo.number("alpha", default: 0.25, in: 0...1e12,
                                                            "weighting factor, multiplies every class")
    public static let definition = LossDefinition(
        name: "categorical_focal_crossentropy", alias: "focal",
        summary: "sum_j alpha (1-p_j)^gamma (-y_j log p_j); CCE that down-weights easy examples",
        parameters: [SharedLossParameters.gamma, alphaParameter, SharedLossParameters.fromLogits, SharedLossParameters.labelSmoothing],
        targets: .classes, activation: .softmax, encoding: .oneHot) { parameters in
        CategoricalFocalCrossentropy(gamma: Float(try parameters.number(SharedLossParameters.gamma)),
                                     alpha: Float(try parameters.number(alphaParameter)),
                                     fromLogits: try parameters.bool(SharedLossParameters.fromLogits),
                                     labelSmoothing: Float(try parameters.number(SharedLossParameters.labelSmoothing)))
    }
}
