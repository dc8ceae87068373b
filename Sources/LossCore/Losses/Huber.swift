/// Huber loss, Keras `huber` (`delta` defaults to 1).
///
/// Per element with `e = p - y`: `0.5 e^2` when `|e| <= delta`, else `delta |e| - 0.5 delta^2`;
/// mean over the last axis. `de/dp = e` inside, `delta * sign(e)` outside: quadratic near the
/// target like MSE, linear (a bounded gradient) far from it like MAE.
public struct Huber: ElementwiseLoss {
    public var delta: Float

    public init(delta: Float = 1) {
        self.delta = delta
    }

    public var name: String { "huber" }

    @inlinable
    public func elementValue(predicted p: Float, expected y: Float) -> Float {
        let e = p - y
        let absolute = abs(e)
        return absolute <= delta ? 0.5 * e * e : delta * absolute - 0.5 * delta * delta
    }

    @inlinable
    public func elementDerivative(predicted p: Float, expected y: Float) -> Float {
        let e = p - y
        if abs(e) <= delta { return e }
        return e > 0 ? delta : -delta
    }
}

extension Huber {
    public static let deltaParameter = ParameterInfo.number("delta", default: 1, in: 1e-12...1e12,
                                                            "where the loss turns from quadratic to linear")
    public static let definition = LossDefinition(
        name: "huber", alias: "huber", summary: "0.5 e^2 if |e| <= delta else delta(|e| - delta/2); MSE near 0, MAE far away",
        parameters: [deltaParameter], targets: .values, activation: .identity, encoding: .values) { parameters in
        Huber(delta: Float(try parameters.number(deltaParameter)))
    }
}
