#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numerically stable scalar functions shared by the losses and activations.
///
/// Each is written so that no intermediate overflows for arguments of any magnitude; the tests
/// evaluate them at +-500 and beyond.
public enum StableMath {
    /// Keras's fuzz factor `backend.epsilon()`, 1e-7: probabilities are clipped to [eps, 1 - eps]
    /// and logs of predictions take `+ eps` or `max(., eps)` where Keras does.
    public static let epsilon: Float = 1e-7

    /// sigmoid(x) = 1 / (1 + e^-x), evaluated through e^x for negative x so that neither branch
    /// overflows.
    @inlinable
    public static func sigmoid(_ x: Float) -> Float {
        if x >= 0 {
            return 1 / (1 + expf(-x))
        }
        let e = expf(x)
        return e / (1 + e)
    }

    /// softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^-|x|): the second form never overflows
    /// and keeps full precision for large negative x.
    @inlinable
    public static func softplus(_ x: Float) -> Float {
        max(x, 0) + log1pf(expf(-abs(x)))
    }

    /// log(sigmoid(x)) = -softplus(-x).
    @inlinable
    public static func logSigmoid(_ x: Float) -> Float {
        -softplus(-x)
    }

    /// log(cosh(x)) = x + softplus(-2x) - log 2 (Keras's form), finite for every finite x.
    @inlinable
    public static func logCosh(_ x: Float) -> Float {
        x + softplus(-2 * x) - 0.693_147_18
    }

    /// log(sum_j e^{x_j}) over a row, shifted by the row maximum so that no exponential overflows.
    @inlinable
    public static func logSumExp(_ row: UnsafeBufferPointer<Float>) -> Float {
        var maximum = -Float.infinity
        for value in row { maximum = max(maximum, value) }
        if !maximum.isFinite { return maximum }
        var sum: Float = 0
        for value in row { sum += expf(value - maximum) }
        return maximum + logf(sum)
    }

    /// Clips `x` to [lower, upper] (NaN stays NaN, so divergence is never hidden).
    @inlinable
    public static func clip(_ x: Float, _ lower: Float, _ upper: Float) -> Float {
        x.isNaN ? x : min(max(x, lower), upper)
    }
}
