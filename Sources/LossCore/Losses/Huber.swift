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
