/// What training minimises: a loss applied to a network's output activation, mean-reduced over the
/// batch with optional per-sample weights (``LossReduction/mean``).
///
/// When the loss has a fused form for the output activation (sigmoid with BCE or binary focal,
/// softmax with CCE or focal; see ``Loss/fused(with:)``), the loss is applied to the logits and its
/// gradient is `dL/dlogits` directly: the stable path that Keras also takes. Otherwise the loss sees
/// the activation's output and its gradient is carried back through ``Activation/backward``.
/// Either way the result of ``valueAndGradient(workspace:targets:weights:)`` is `dL/dlogits` in
/// `workspace.gradLogits`.
public struct Objective: Sendable {
    public let loss: any Loss
    public let outputActivation: Activation
    let fusedLoss: (any Loss)?
    private var scales: [Float] = []
    private var gradOutputs = Matrix(rows: 0, columns: 0)

    public init(loss: any Loss, outputActivation: Activation) {
        self.loss = loss
        self.outputActivation = outputActivation
        fusedLoss = loss.fused(with: outputActivation)
    }

    /// Whether training goes through the fused, from-logits form of the loss.
    public var isFused: Bool { fusedLoss != nil }

    /// Targets in the form the loss expects (``Loss/prepareTargets(_:predictedColumns:)``), for a
    /// whole dataset at once.
    public func prepare(targets: Matrix, outputs: Int) -> Matrix {
        loss.prepareTargets(targets, predictedColumns: outputs)
    }

    /// Per-sample losses of a forward pass held in `workspace`.
    public func values(workspace: Workspace, targets: Matrix) -> [Float] {
        if let fusedLoss {
            return fusedLoss.preparedValues(predicted: workspace.logits, expected: targets)
        }
        return loss.preparedValues(predicted: workspace.outputs, expected: targets)
    }

    /// The batch loss `sum_i w_i l_i / n` of the last forward pass in `workspace`, and its gradient
    /// with respect to the logits written into `workspace.gradLogits`. `targets` are prepared.
    public mutating func valueAndGradient(workspace: inout Workspace, targets: Matrix, weights: [Float]?) -> Float {
        let rows = targets.rows
        let lossValues = values(workspace: workspace, targets: targets)
        let value = LossReduction.mean.reduce(lossValues, weights: weights)
        if scales.count != rows || weights != nil {
            scales = LossReduction.mean.rowScales(weights: weights, count: rows)
        }
        if let fusedLoss {
            fusedLoss.preparedGradients(predicted: workspace.logits, expected: targets, rowScale: scales,
                                        into: &workspace.gradLogits)
        } else {
            loss.preparedGradients(predicted: workspace.outputs, expected: targets, rowScale: scales,
                                   into: &gradOutputs)
            outputActivation.backward(z: workspace.logits, a: workspace.outputs, gradOutput: gradOutputs,
                                      into: &workspace.gradLogits)
        }
        return value
    }
}
