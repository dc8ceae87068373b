#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Binary crossentropy, Keras `binary_crossentropy` (`bce`).
///
/// Targets are first smoothed, `y <- y (1 - s) + s/2` for `label_smoothing = s`. Then per element:
/// - probabilities (`fromLogits == false`): `q = clip(p, eps, 1 - eps)`, `eps = 1e-7`,
///   `e = -(y log q + (1 - y) log(1 - q))`; `de/dp = -y/q + (1 - y)/(1 - q)` inside the clip range
///   and 0 outside it (the clip's gradient), as in Keras 3's backends.
/// - logits `x` (`fromLogits == true`): `e = max(x, 0) - x y + log(1 + e^{-|x|})`, TensorFlow's
///   `sigmoid_cross_entropy_with_logits`, exact for any `x`; `de/dx = sigmoid(x) - y`.
///
/// The per-sample loss is the mean over the last axis, so on multi-label rows it is the average of
/// `k` two-class crossentropies, as the document says; the document's formula misplaces the minus
/// sign's parentheses (it applies only to the first term).
public struct BinaryCrossentropy: ElementwiseLoss {
    public var fromLogits: Bool
    public var labelSmoothing: Float

    public init(fromLogits: Bool = false, labelSmoothing: Float = 0) {
        self.fromLogits = fromLogits
        self.labelSmoothing = labelSmoothing
    }

    public var name: String { "binary_crossentropy" }

    public func prepareTargets(_ expected: Matrix, predictedColumns: Int) -> Matrix {
        smoothBinaryLabels(expected, labelSmoothing)
    }

    public func fused(with activation: Activation) -> (any Loss)? {
        guard activation == .sigmoid, !fromLogits else { return nil }
        return BinaryCrossentropy(fromLogits: true, labelSmoothing: labelSmoothing)
    }

    @inlinable
    public func elementValue(predicted p: Float, expected y: Float) -> Float {
        if fromLogits {
            return max(p, 0) - p * y + log1pf(expf(-abs(p)))
        }
        let q = StableMath.clip(p, StableMath.epsilon, 1 - StableMath.epsilon)
        return -(y * logf(q) + (1 - y) * logf(1 - q))
    }

    @inlinable
    public func elementDerivative(predicted p: Float, expected y: Float) -> Float {
        if fromLogits {
            return StableMath.sigmoid(p) - y
        }
        guard p > StableMath.epsilon, p < 1 - StableMath.epsilon else { return 0 }
        return -y / p + (1 - y) / (1 - p)
    }

    /// From logits, value and derivative share `t = e^{-|x|}`: `log1p(t)` for the value and
    /// `sigmoid(x) = 1/(1+t)` (x >= 0) or `t/(1+t)` (x < 0), as in ``StableMath/sigmoid(_:)``, with
    /// one exponential per element instead of two, taken 8 at a time (``VectorMath``, within an ulp
    /// or two of the scalar path).
    public func batchValuesAndGradients(predicted: UnsafePointer<Float>, expected: UnsafePointer<Float>, rows: Int,
                                        columns width: Int, rowScale: UnsafePointer<Float>,
                                        values: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>) {
        guard fromLogits else {
            elementwiseBatchValuesAndGradients(predicted: predicted, expected: expected, rows: rows, columns: width,
                                               rowScale: rowScale, values: values, gradient: gradient)
            return
        }
        let count = rows * width
        withUnsafeTemporaryAllocation(of: Float.self, capacity: count) { elements in
            let elementValues = elements.baseAddress!
            var i = 0
            @inline(__always) func lanes(_ i: Int) {
                let x = VectorMath.load(predicted + i), y = VectorMath.load(expected + i)
                let negativeMagnitude = unsafeBitCast(unsafeBitCast(x, to: SIMD8<UInt32>.self) | 0x8000_0000,
                                                      to: VectorMath.Lanes.self)
                let t = VectorMath.exp(negativeMagnitude)
                let positive = x .>= 0
                let value = x.replacing(with: 0, where: .!positive) - x * y + VectorMath.log1p(t)
                let sigmoid = (1 as Float) / (1 + t)
                let derivative = sigmoid.replacing(with: t * sigmoid, where: .!positive) - y
                VectorMath.store(value, elementValues + i)
                VectorMath.store(derivative, gradient + i)
            }
            while i + 8 <= count {
                lanes(i)
                i += 8
            }
            while i < count {
                let x = predicted[i], y = expected[i]
                let t = expf(-abs(x))
                elementValues[i] = max(x, 0) - x * y + log1pf(t)
                gradient[i] = (x >= 0 ? 1 / (1 + t) : t / (1 + t)) - y
                i += 1
            }
            reduceElementRows(elementValues: elementValues, rows: rows, columns: width, rowScale: rowScale,
                              values: values, gradient: gradient)
        }
    }
}

/// Keras's binary label smoothing: `y (1 - s) + s / 2`.
public func smoothBinaryLabels(_ expected: Matrix, _ smoothing: Float) -> Matrix {
    smoothing == 0 ? expected : expected.map { $0 * (1 - smoothing) + 0.5 * smoothing }
}

extension BinaryCrossentropy {
    public static let definition = LossDefinition(
        name: "binary_crossentropy", alias: "bce", otherNames: ["BCE"],
        summary: "-(y log p + (1-y) log(1-p)), mean over outputs; binary and multi-label",
        parameters: [SharedLossParameters.fromLogits, SharedLossParameters.labelSmoothing],
        targets: .classes, activation: .sigmoid, encoding: .binary) { parameters in
        BinaryCrossentropy(fromLogits: try parameters.bool(SharedLossParameters.fromLogits),
                           labelSmoothing: Float(try parameters.number(SharedLossParameters.labelSmoothing)))
    }
}
