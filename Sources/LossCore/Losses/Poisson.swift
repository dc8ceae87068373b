#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Poisson loss, Keras `poisson`: the negative log-likelihood of a count `y` under a Poisson rate
/// `p`, without the `log(y!)` term that does not depend on `p`.
///
/// Per sample: `L = (1/k) sum_j (p_j - y_j log(p_j + eps))`, `eps = 1e-7`;
/// `dL/dp_j = (1 - y_j / (p_j + eps)) / k`. The prediction must be a positive rate (pair it with
/// the `exp` or `softplus` output); it is minimal at `p = y` (up to `eps`).
/// The document writes `log p` without `eps`.
public struct Poisson: ElementwiseLoss {
    public init() {}
    public var name: String { "poisson" }

    @inlinable
    public func elementValue(predicted p: Float, expected y: Float) -> Float {
        p - y * logf(p + StableMath.epsilon)
    }

    @inlinable
    public func elementDerivative(predicted p: Float, expected y: Float) -> Float {
        1 - y / (p + StableMath.epsilon)
    }
}
