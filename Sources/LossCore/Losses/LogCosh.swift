#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Log-cosh loss, Keras `log_cosh`.
///
/// Per element with `e = p - y`: `log(cosh(e))`, computed as `e + softplus(-2e) - log 2` (Keras's
/// form; `cosh` itself overflows float32 beyond |e| = 89). Mean over the last axis.
/// `de/dp = tanh(e)`: about `e` near 0 (like MSE's half) and about `sign(e)` far away (like MAE).
public struct LogCosh: ElementwiseLoss {
    public init() {}
    public var name: String { "log_cosh" }

    @inlinable
    public func elementValue(predicted p: Float, expected y: Float) -> Float {
        StableMath.logCosh(p - y)
    }

    @inlinable
    public func elementDerivative(predicted p: Float, expected y: Float) -> Float {
        tanhf(p - y)
    }
}

extension LogCosh {
    public static let definition = LossDefinition(
        name: "log_cosh", alias: "log_cosh", summary: "mean log cosh(p - y); smooth MAE-like regression loss",
        targets: .values, activation: .identity, encoding: .values) { _ in LogCosh() }
}
