/// Hinge loss, Keras `hinge`: `(1/k) sum_j max(0, 1 - y_j p_j)` with targets in {-1, +1}
/// (a batch whose targets are all 0 or 1 is converted by `2y - 1`, see ``hingeLabels(_:)``).
/// `dL/dp_j = -y_j / k` where `y_j p_j < 1`, else 0 (0 at the kink).
public struct Hinge: ElementwiseLoss {
    public init() {}
    public var name: String { "hinge" }

    public func prepareTargets(_ expected: Matrix, predictedColumns: Int) -> Matrix {
        hingeLabels(expected)
    }

    @inlinable
    public func elementValue(predicted p: Float, expected y: Float) -> Float {
        max(0, 1 - y * p)
    }

    @inlinable
    public func elementDerivative(predicted p: Float, expected y: Float) -> Float {
        1 - y * p > 0 ? -y : 0
    }
}

/// Keras 3's `convert_binary_labels_to_hinge`: when every target of the batch is exactly 0 or 1,
/// the batch is mapped to {-1, +1} by `2y - 1`; otherwise it is left as it is.
public func hingeLabels(_ expected: Matrix) -> Matrix {
    let isBinary = expected.storage.allSatisfy { $0 == 0 || $0 == 1 }
    return isBinary ? expected.map { 2 * $0 - 1 } : expected
}

extension Hinge {
    public static let definition = LossDefinition(
        name: "hinge", alias: "hinge", summary: "mean max(0, 1 - y p), y in {-1,+1}; SVM margin loss",
        targets: .classes, activation: .tanh, encoding: .signed) { _ in Hinge() }
}
