/// What training minimises: a loss applied to a network's output activation, mean-reduced over the
/// batch with optional per-sample weights (``LossReduction/mean``, which applies both).
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

    /// Buffers for ``batchValueAndGradient(rows:columns:logits:outputs:targets:weights:scratch:gradLogits:)``,
    /// sized for a batch; the trainer allocates them once.
    public struct Scratch {
        /// Per-sample values, `rows`.
        public var values: UnsafeMutablePointer<Float>
        /// The reduction's factor per row, `rows`.
        public var rowScales: UnsafeMutablePointer<Float>
        /// `dL/da` on the unfused path, `rows x columns`.
        public var gradOutputs: UnsafeMutablePointer<Float>

        public init(values: UnsafeMutablePointer<Float>, rowScales: UnsafeMutablePointer<Float>,
                    gradOutputs: UnsafeMutablePointer<Float>) {
            self.values = values
            self.rowScales = rowScales
            self.gradOutputs = gradOutputs
        }
    }

    /// The batch loss `sum_i w_i l_i / n` (``LossReduction/mean``, summed in `Double`) and its
    /// gradient with respect to the logits, written to `gradLogits`, on raw `rows x columns` buffers
    /// (prepared targets; `outputs` is the activation of `logits`, read only on the unfused path;
    /// `weights` per row or `nil`). Allocates nothing.
    public func batchValueAndGradient(rows: Int, columns: Int, logits: UnsafePointer<Float>, outputs: UnsafePointer<Float>,
                                      targets: UnsafePointer<Float>, weights: UnsafePointer<Float>?, scratch: Scratch,
                                      gradLogits: UnsafeMutablePointer<Float>) -> Float {
        LossReduction.mean.rowScales(rows: rows, weights: weights, into: scratch.rowScales)
        if let fusedLoss {
            fusedLoss.batchValuesAndGradients(predicted: logits, expected: targets, rows: rows, columns: columns,
                                              rowScale: scratch.rowScales, values: scratch.values, gradient: gradLogits)
        } else {
            loss.batchValuesAndGradients(predicted: outputs, expected: targets, rows: rows, columns: columns,
                                         rowScale: scratch.rowScales, values: scratch.values, gradient: scratch.gradOutputs)
            outputActivation.backward(rows: rows, columns: columns, z: logits, a: outputs, gradOutput: scratch.gradOutputs,
                                      into: gradLogits)
        }
        var total = 0.0
        LossReduction.accumulate(values: scratch.values, rows: rows, weights: weights, into: &total)
        return LossReduction.mean.finish(total, count: rows)
    }

    /// The batch loss `sum_i w_i l_i / n` of the last forward pass in `workspace`, and its gradient
    /// with respect to the logits written into `workspace.gradLogits`. `targets` are prepared.
    public func valueAndGradient(workspace: inout Workspace, targets: Matrix, weights: [Float]?) -> Float {
        let rows = targets.rows, columns = targets.columns
        precondition(workspace.logits.rows == rows && workspace.logits.columns == columns)
        precondition(weights == nil || weights!.count == rows)
        workspace.gradLogits.reshape(rows: rows, columns: columns)
        let count = max(rows * columns, 1)
        let buffer = UnsafeMutablePointer<Float>.allocate(capacity: 2 * max(rows, 1) + count)
        defer { buffer.deallocate() }
        let scratch = Scratch(values: buffer, rowScales: buffer + max(rows, 1), gradOutputs: buffer + 2 * max(rows, 1))
        let logits = workspace.logits, outputs = workspace.outputs
        return logits.storage.withUnsafeBufferPointer { z in
            outputs.storage.withUnsafeBufferPointer { a in
                targets.storage.withUnsafeBufferPointer { y in
                    workspace.gradLogits.storage.withUnsafeMutableBufferPointer { g in
                        guard rows > 0, columns > 0 else { return 0 }
                        if let weights {
                            return weights.withUnsafeBufferPointer { w in
                                batchValueAndGradient(rows: rows, columns: columns, logits: z.baseAddress!, outputs: a.baseAddress!,
                                                      targets: y.baseAddress!, weights: w.baseAddress!, scratch: scratch,
                                                      gradLogits: g.baseAddress!)
                            }
                        }
                        return batchValueAndGradient(rows: rows, columns: columns, logits: z.baseAddress!, outputs: a.baseAddress!,
                                                     targets: y.baseAddress!, weights: nil, scratch: scratch,
                                                     gradLogits: g.baseAddress!)
                    }
                }
            }
        }
    }
}
