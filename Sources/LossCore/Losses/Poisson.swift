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

    /// The element terms 8 at a time, the logarithm from ``VectorMath`` (within 1 ulp of `logf`).
    public func batchValuesAndGradients(predicted: UnsafePointer<Float>, expected: UnsafePointer<Float>, rows: Int,
                                        columns width: Int, rowScale: UnsafePointer<Float>,
                                        values: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>) {
        let count = rows * width
        withUnsafeTemporaryAllocation(of: Float.self, capacity: count) { elements in
            let elementValues = elements.baseAddress!
            let epsilon = VectorMath.Lanes(repeating: StableMath.epsilon)
            var i = 0
            while i + 8 <= count {
                let p = VectorMath.load(predicted + i), y = VectorMath.load(expected + i)
                let shifted = p + epsilon
                VectorMath.store(p - y * VectorMath.log(shifted), elementValues + i)
                VectorMath.store(1 - y / shifted, gradient + i)
                i += 8
            }
            while i < count {
                elementValues[i] = elementValue(predicted: predicted[i], expected: expected[i])
                gradient[i] = elementDerivative(predicted: predicted[i], expected: expected[i])
                i += 1
            }
            reduceElementRows(elementValues: elementValues, rows: rows, columns: width, rowScale: rowScale,
                              values: values, gradient: gradient)
        }
    }
}

extension Poisson {
    public static let definition = LossDefinition(
        name: "poisson", alias: "poisson", summary: "mean p - y log(p + eps); counts, p is a rate",
        targets: .values, activation: .exp, encoding: .values) { _ in Poisson() }
}
