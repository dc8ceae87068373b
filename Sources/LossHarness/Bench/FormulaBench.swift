import LossCore

/// W1 (logistic regression, `shared/peers/workloads.md`) trained with the formula for binary
/// crossentropy against the built-in BCE on the same unfused path, to show what a formula loss
/// costs (issue 14 asks for at most 2x the built-in loss with the same formula).
///
/// Every variant is W1's definition (data, model, Adam, batches, epochs) with another loss:
/// - `builtin-fused`: W1 as ``BenchWorkload/logistic`` runs it, BCE fused with the sigmoid (on logits);
/// - `builtin-unfused`: the built-in BCE on the sigmoid's output, its fused form withheld
///   (``UnfusedLoss``), the activation's backward applied after it: the path a formula takes;
/// - `formula`: ``clippedBinaryCrossentropy``, the built-in's own formula with Keras's clip,
///   on the same path;
/// - `formula-unclipped`: `-(y log p + (1 - y) log(1 - p))`, without the clip.
public enum FormulaBenchVariant: String, Sendable, CaseIterable {
    case builtinFused = "builtin-fused"
    case builtinUnfused = "builtin-unfused"
    case formula
    case formulaUnclipped = "formula-unclipped"

    /// Keras's binary crossentropy on probabilities, as ``BinaryCrossentropy`` computes it.
    public static let clippedBinaryCrossentropy =
        "-(y * log(min(max(p, 1e-7), 1 - 1e-7)) + (1 - y) * log(1 - min(max(p, 1e-7), 1 - 1e-7)))"
    public static let binaryCrossentropy = "-(y * log(p) + (1 - y) * log(1 - p))"

    /// W1's definition with this variant's loss.
    public var definition: BenchDefinition {
        var definition = BenchWorkload.logistic.definition!
        switch self {
        case .builtinFused:
            break
        case .builtinUnfused:
            definition.loss = UnfusedLoss(BinaryCrossentropy())
        case .formula:
            definition.loss = try! FormulaLoss(Self.clippedBinaryCrossentropy, name: "formula_bce")
        case .formulaUnclipped:
            definition.loss = try! FormulaLoss(Self.binaryCrossentropy, name: "formula_bce")
        }
        return definition
    }

    /// The one the others are compared with.
    public static let reference = FormulaBenchVariant.builtinUnfused
}

/// A loss with its fused form withheld, so that training applies it to the activation's output
/// and carries its gradient back through the activation, as it does for a formula loss.
public struct UnfusedLoss: Loss {
    public let base: any Loss

    public init(_ base: any Loss) {
        self.base = base
    }

    public var name: String { base.name }

    public func value(predicted: Row, expected: Row) -> Float {
        base.value(predicted: predicted, expected: expected)
    }

    public func gradient(predicted: Row, expected: Row, into gradient: MutableRow) {
        base.gradient(predicted: predicted, expected: expected, into: gradient)
    }

    public func prepareTargets(_ expected: Matrix, predictedColumns: Int) -> Matrix {
        base.prepareTargets(expected, predictedColumns: predictedColumns)
    }

    public func batchValuesAndGradients(predicted: UnsafePointer<Float>, expected: UnsafePointer<Float>, rows: Int,
                                        columns: Int, rowScale: UnsafePointer<Float>, values: UnsafeMutablePointer<Float>,
                                        gradient: UnsafeMutablePointer<Float>) {
        base.batchValuesAndGradients(predicted: predicted, expected: expected, rows: rows, columns: columns,
                                     rowScale: rowScale, values: values, gradient: gradient)
    }
}
