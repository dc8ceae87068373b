/// Squared hinge loss, Keras `squared_hinge`: `(1/k) sum_j max(0, 1 - y_j p_j)^2` with targets in
/// {-1, +1} (0/1 batches converted by ``hingeLabels(_:)``, as Keras does).
/// `dL/dp_j = -2 y_j max(0, 1 - y_j p_j) / k`.
///
/// Zero once the score is on the right side with a margin (`y p >= 1`), quadratic otherwise; it is
/// meant for a tanh output (the document's advice). The document writes a sum over samples where
/// Keras takes the mean.
public struct SquaredHinge: ElementwiseLoss {
    public init() {}
    public var name: String { "squared_hinge" }

    public func prepareTargets(_ expected: Matrix, predictedColumns: Int) -> Matrix {
        hingeLabels(expected)
    }

    @inlinable
    public func elementValue(predicted p: Float, expected y: Float) -> Float {
        let margin = max(0, 1 - y * p)
        return margin * margin
    }

    @inlinable
    public func elementDerivative(predicted p: Float, expected y: Float) -> Float {
        -2 * y * max(0, 1 - y * p)
    }
}

extension SquaredHinge {
    public static let definition = LossDefinition(
        name: "squared_hinge", alias: "squared_hinge", otherNames: ["sqhinge"],
        summary: "mean max(0, 1 - y p)^2, y in {-1,+1}; margin classification",
        targets: .classes, activation: .tanh, encoding: .signed) { _ in SquaredHinge() }
}
