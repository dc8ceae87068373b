/// Mean absolute percentage error, Keras `mean_absolute_percentage_error` (`mape`).
///
/// Per element `e = 100 |(y - p) / max(|y|, eps)|` (`eps = 1e-7`), mean over the last axis:
/// the absolute error as a percentage of the target. `de/dp = 100 sign(p - y) / max(|y|, eps)`,
/// with the subgradient 0 at `p = y` (as ``MeanAbsoluteError``). A target of 0 is divided by
/// `eps`, so its error counts 10^9 times: MAPE is for targets that stay away from 0 (prices,
/// wide-range positive quantities). Keras multiplies the mean by 100 rather than each term, which
/// changes at most the last bit.
public struct MeanAbsolutePercentageError: ElementwiseLoss {
    public init() {}
    public var name: String { "mean_absolute_percentage_error" }

    @inlinable
    public func elementValue(predicted p: Float, expected y: Float) -> Float {
        100 * abs((y - p) / max(abs(y), StableMath.epsilon))
    }

    @inlinable
    public func elementDerivative(predicted p: Float, expected y: Float) -> Float {
        let d = p - y
        let sign: Float = d > 0 ? 1 : (d < 0 ? -1 : 0)
        return 100 * sign / max(abs(y), StableMath.epsilon)
    }
}

extension MeanAbsolutePercentageError {
    public static let definition = LossDefinition(
        name: "mean_absolute_percentage_error", alias: "mape", otherNames: ["MAPE"],
        summary: "100 mean |y - p| / |y|; relative errors, targets away from 0",
        targets: .values, activation: .identity, encoding: .values) { _ in MeanAbsolutePercentageError() }
}
