/// Mean squared error, Keras `mean_squared_error` (`mse`).
///
/// Per sample with `k` outputs: `L = (1/k) sum_j (p_j - y_j)^2`; `dL/dp_j = 2 (p_j - y_j) / k`.
/// The document writes `(1/N) sum (y - p_i)^2`, with `y` for `y_i` and the mean over samples that
/// the `mean` reduction supplies.
public struct MeanSquaredError: ElementwiseLoss {
    public init() {}
    public var name: String { "mean_squared_error" }

    @inlinable
    public func elementValue(predicted p: Float, expected y: Float) -> Float {
        let d = p - y
        return d * d
    }

    @inlinable
    public func elementDerivative(predicted p: Float, expected y: Float) -> Float {
        2 * (p - y)
    }
}

extension MeanSquaredError {
    public static let definition = LossDefinition(
        name: "mean_squared_error", alias: "mse", otherNames: ["MSE"], summary: "mean (p - y)^2; regression under Gaussian noise, predicts the mean",
        targets: .values, activation: .identity, encoding: .values) { _ in MeanSquaredError() }
}
