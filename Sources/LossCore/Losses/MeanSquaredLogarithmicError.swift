#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Mean squared logarithmic error, Keras `mean_squared_logarithmic_error` (`msle`).
///
/// Per sample: `L = (1/k) sum_j (log(max(p_j, eps) + 1) - log(max(y_j, eps) + 1))^2` with
/// `eps = 1e-7`: Keras clamps both values at `eps` before the log, so negative predictions cost as
/// much as a prediction of `eps` and get no gradient.
/// `dL/dp_j = 2 (log(p_j + 1) - log(max(y_j, eps) + 1)) / ((p_j + 1) k)` when `p_j > eps`, else 0.
///
/// The log of a ratio, `log((y + 1)/(p + 1))`, is what is squared, so an under-estimate costs more
/// than an over-estimate by the same absolute amount.
public struct MeanSquaredLogarithmicError: ElementwiseLoss {
    public init() {}
    public var name: String { "mean_squared_logarithmic_error" }

    @inlinable
    public func elementValue(predicted p: Float, expected y: Float) -> Float {
        let d = logf(max(p, StableMath.epsilon) + 1) - logf(max(y, StableMath.epsilon) + 1)
        return d * d
    }

    @inlinable
    public func elementDerivative(predicted p: Float, expected y: Float) -> Float {
        guard p > StableMath.epsilon else { return 0 }
        let d = logf(p + 1) - logf(max(y, StableMath.epsilon) + 1)
        return 2 * d / (p + 1)
    }
}

extension MeanSquaredLogarithmicError {
    /// Paired with softplus, not identity: Keras clamps negative predictions at `eps` before the log,
    /// so an identity output that starts negative gets no gradient and never recovers.
    public static let definition = LossDefinition(
        name: "mean_squared_logarithmic_error", alias: "msle", otherNames: ["MSLE"],
        summary: "mean (log(1+p) - log(1+y))^2; relative errors, wide-range targets",
        targets: .values, activation: .softplus, encoding: .values) { _ in MeanSquaredLogarithmicError() }
}
