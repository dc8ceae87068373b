/// Mean absolute error, Keras `mean_absolute_error` (`mae`).
///
/// Per sample: `L = (1/k) sum_j |p_j - y_j|`; `dL/dp_j = sign(p_j - y_j) / k`, with the
/// subgradient 0 at `p_j = y_j`, as TensorFlow's and PyTorch's `abs` gradients (JAX's `abs` takes
/// `+1` at 0, so Keras on JAX gives `-1/k` there for `|y - p|`; any value in `[-1/k, 1/k]` is a
/// valid subgradient, and 0 is the one that leaves an exact fit where it is). The gradient's magnitude
/// never exceeds `1/k`, whatever the error: this is why outliers move MAE so little.
public struct MeanAbsoluteError: ElementwiseLoss {
    public init() {}
    public var name: String { "mean_absolute_error" }

    @inlinable
    public func elementValue(predicted p: Float, expected y: Float) -> Float {
        abs(p - y)
    }

    @inlinable
    public func elementDerivative(predicted p: Float, expected y: Float) -> Float {
        let d = p - y
        return d > 0 ? 1 : (d < 0 ? -1 : 0)
    }
}

extension MeanAbsoluteError {
    public static let definition = LossDefinition(
        name: "mean_absolute_error", alias: "mae", otherNames: ["MAE"], summary: "mean |p - y|; robust regression, predicts the median",
        targets: .values, activation: .identity, encoding: .values) { _ in MeanAbsoluteError() }
}
