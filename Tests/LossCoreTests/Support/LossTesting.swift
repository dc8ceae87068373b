import Testing
@testable import LossCore
import LossLabTestSupport

/// Tolerance for values derived by hand (in Double, from the float32 inputs' decimal forms) against
/// the float32 losses: `1e-6` relative, about 8 float32 ulps. The inputs' own rounding (0.8 is
/// stored as 0.800000012) moves a log by less than one ulp, and each loss is a few float32
/// operations; the absolute floor `1e-7` (one ulp at 1) covers results that cancel to near 0.
let handRelative = 1e-6
let handAbsolute = 1e-7

/// Per-sample values of `loss` on a batch given as rows, targets prepared over the whole batch (as
/// training does: hinge label conversion, one-hot, smoothing).
func lossValues(_ loss: any Loss, predicted: [[Float]], expected: [[Float]]) -> [Float] {
    loss.values(predicted: Matrix(predicted), expected: Matrix(expected))
}

/// The value of `loss` on a batch of one sample.
func lossValue(_ loss: any Loss, predicted: [Float], expected: [Float]) -> Float {
    lossValues(loss, predicted: [predicted], expected: [expected])[0]
}

/// Per-sample gradients `d l_i / d p_i` (no reduction scaling) of a batch given as rows, targets
/// prepared over the whole batch.
func lossGradients(_ loss: any Loss, predicted: [[Float]], expected: [[Float]]) -> [[Float]] {
    let p = Matrix(predicted)
    let prepared = loss.prepareTargets(Matrix(expected), predictedColumns: p.columns)
    var gradient = Matrix(rows: 0, columns: 0)
    loss.preparedGradients(predicted: p, expected: prepared,
                           rowScale: [Float](repeating: 1, count: p.rows), into: &gradient)
    return (0..<gradient.rows).map { gradient.row($0) }
}

/// The gradient of `loss` on a batch of one sample.
func lossGradient(_ loss: any Loss, predicted: [Float], expected: [Float]) -> [Float] {
    lossGradients(loss, predicted: [predicted], expected: [expected])[0]
}

/// Expects every value and gradient entry of `loss` on the batch to be finite (no NaN, no
/// infinity): the contract at extreme inputs.
func expectFinite(_ loss: any Loss, predicted: [[Float]], expected: [[Float]],
                  sourceLocation: SourceLocation = #_sourceLocation) {
    let values = lossValues(loss, predicted: predicted, expected: expected)
    #expect(values.allSatisfy { $0.isFinite }, "\(loss.name) values \(values) at \(predicted) vs \(expected)",
            sourceLocation: sourceLocation)
    let gradients = lossGradients(loss, predicted: predicted, expected: expected)
    #expect(gradients.joined().allSatisfy { $0.isFinite },
            "\(loss.name) gradients \(gradients) at \(predicted) vs \(expected)", sourceLocation: sourceLocation)
}

/// Tolerance for the fused loss on logits against the loss on `activation(logits)`, for logits in
/// [-3, 3]: the unfused path rounds `a = f(z)` to float32 (relative error `2^-24`) before taking
/// `log a` or `log(1 - a)`; for `a <= sigmoid(3) = 0.953`, `1 - a` amplifies that error at most
/// `a / (1 - a) = 20` times, so the logs differ by at most about `20 * 2^-24 = 1.2e-6` absolute.
let fusedRelative = 1e-5
let fusedAbsolute = 2e-6

/// Expects `loss.fused(with: activation)` to exist and to give, on `logits`, the values `loss`
/// gives on `activation(logits)`.
func expectFusedMatchesUnfused(_ loss: any Loss, _ activation: Activation, logits: [[Float]],
                               expected: [[Float]], sourceLocation: SourceLocation = #_sourceLocation) {
    guard let fused = loss.fused(with: activation) else {
        Issue.record("\(loss.name) has no fused form with \(activation)", sourceLocation: sourceLocation)
        return
    }
    let z = Matrix(logits)
    let onLogits = fused.values(predicted: z, expected: Matrix(expected))
    let onActivations = loss.values(predicted: activation(z), expected: Matrix(expected))
    expectClose(onLogits, onActivations, relative: fusedRelative, absolute: fusedAbsolute,
                "\(loss.name) fused with \(activation)", sourceLocation: sourceLocation)
}
