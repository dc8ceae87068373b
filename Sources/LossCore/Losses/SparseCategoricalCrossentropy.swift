/// Sparse categorical crossentropy, Keras `sparse_categorical_crossentropy` (`sparse_cce`): the
/// categorical crossentropy of integer class labels, one per row in a single column.
///
/// The numbers are exactly ``CategoricalCrossentropy``'s, which already accepts integer labels
/// (Keras's sparse function turns them into one-hot rows too, `jax.nn.one_hot`, then takes the
/// same sum): per sample `L = -log q_c` for label `c`, with `q = clip(p / sum p, eps, 1 - eps)` on
/// probabilities or the log-softmax on logits. This type exists so that the Keras name is accepted
/// and reported as itself. Keras's sparse loss has no `label_smoothing`; its `ignore_class` is not
/// supported. One-hot rows are accepted as well (as ``CategoricalCrossentropy`` takes them), where
/// Keras would refuse their shape.
public struct SparseCategoricalCrossentropy: Loss {
    public var fromLogits: Bool
    let categorical: CategoricalCrossentropy

    public init(fromLogits: Bool = false) {
        self.fromLogits = fromLogits
        categorical = CategoricalCrossentropy(fromLogits: fromLogits)
    }

    public var name: String { "sparse_categorical_crossentropy" }

    public func prepareTargets(_ expected: Matrix, predictedColumns: Int) -> Matrix {
        categorical.prepareTargets(expected, predictedColumns: predictedColumns)
    }

    public func fused(with activation: Activation) -> (any Loss)? {
        guard activation == .softmax, !fromLogits else { return nil }
        return SparseCategoricalCrossentropy(fromLogits: true)
    }

    public func value(predicted: Row, expected: Row) -> Float {
        categorical.value(predicted: predicted, expected: expected)
    }

    public func gradient(predicted: Row, expected: Row, into gradient: MutableRow) {
        categorical.gradient(predicted: predicted, expected: expected, into: gradient)
    }

    public func batchValuesAndGradients(predicted: UnsafePointer<Float>, expected: UnsafePointer<Float>, rows: Int,
                                        columns: Int, rowScale: UnsafePointer<Float>, values: UnsafeMutablePointer<Float>,
                                        gradient: UnsafeMutablePointer<Float>) {
        categorical.batchValuesAndGradients(predicted: predicted, expected: expected, rows: rows, columns: columns,
                                            rowScale: rowScale, values: values, gradient: gradient)
    }
}

extension SparseCategoricalCrossentropy {
    public static let definition = LossDefinition(
        name: "sparse_categorical_crossentropy", alias: "sparse_cce",
        summary: "-log p_c for integer labels c; categorical crossentropy by Keras's sparse name",
        parameters: [SharedLossParameters.fromLogits], targets: .classes, activation: .softmax, encoding: .integer) { parameters in
        SparseCategoricalCrossentropy(fromLogits: try parameters.bool(SharedLossParameters.fromLogits))
    }
}
