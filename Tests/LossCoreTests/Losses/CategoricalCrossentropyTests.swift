import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("CategoricalCrossentropy")
struct CategoricalCrossentropyTests {
    @Test("probabilities: -sum_j y_j log p_j, a sum over classes")
    func handValues() {
        let loss = CategoricalCrossentropy()
        // p = [0.7, 0.2, 0.1], y = [1, 0, 0]: -log 0.7 = 0.35667494 (a sum, not a mean over 3).
        expectClose(lossValue(loss, predicted: [0.7, 0.2, 0.1], expected: [1, 0, 0]), 0.356_674_94,
                    relative: handRelative, "one-hot")
        // dL/dp_m = (g_m - sum_j g_j r_j) / S with g = [-1/0.7, 0, 0], sum g r = -1, S = 1:
        // [-1/0.7 + 1, 1, 1] = [-0.42857143, 1, 1].
        expectClose(lossGradient(loss, predicted: [0.7, 0.2, 0.1], expected: [1, 0, 0]), [-0.428_571_43, 1, 1],
                    relative: handRelative, "gradient")
    }

    @Test("rows are renormalised first: p and 2p give the same value")
    func renormalised() {
        let loss = CategoricalCrossentropy()
        #expect(lossValue(loss, predicted: [1.4, 0.4, 0.2], expected: [1, 0, 0])
            == lossValue(loss, predicted: [0.7, 0.2, 0.1], expected: [1, 0, 0]))
        // The gradient is orthogonal to p: scaling the row does not change the loss.
        let g = lossGradient(loss, predicted: [1.4, 0.4, 0.2], expected: [1, 0, 0])
        let radial = g[0] * 1.4 + g[1] * 0.4 + g[2] * 0.2
        expectClose(radial, 0, relative: 0, absolute: 1e-6, "d/dt L(t p) at t = 1")
    }

    @Test("label smoothing: y (1 - s) + s / K")
    func smoothing() {
        // s = 0.1, K = 3: y = [0.93333, 0.03333, 0.03333];
        // 0.93333 (-log 0.7) + 0.03333 (-log 0.2 - log 0.1) = 0.46329738.
        expectClose(lossValue(CategoricalCrossentropy(labelSmoothing: 0.1), predicted: [0.7, 0.2, 0.1],
                              expected: [1, 0, 0]), 0.463_297_38, relative: handRelative, "smoothed")
        let smoothed = smoothCategoricalLabels(Matrix([[1, 0, 0, 0]]), 0.2)
        #expect(smoothed == Matrix([[0.85, 0.05, 0.05, 0.05]]))
    }

    @Test("integer labels in one column mean one-hot rows (Keras's sparse form)")
    func integerLabels() {
        let loss = CategoricalCrossentropy(labelSmoothing: 0.1)
        let p: [[Float]] = [[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]]
        #expect(lossValues(loss, predicted: p, expected: [[0], [2]])
            == lossValues(loss, predicted: p, expected: [[1, 0, 0], [0, 0, 1]]))
        #expect(oneHotTargets(Matrix(column: [2, 0, 1]), classes: 3) == Matrix([[0, 0, 1], [1, 0, 0], [0, 1, 0]]))
        // A label outside 0..<K gives an all-zero row (Keras's one_hot does the same): loss 0.
        #expect(oneHotTargets(Matrix(column: [3, -1]), classes: 3) == Matrix(rows: 2, columns: 3))
        // Rows that are already K wide are left alone.
        let oneHot = Matrix([[0, 1, 0]])
        #expect(oneHotTargets(oneHot, classes: 3) == oneHot)
    }

    @Test("logits: log-softmax; gradient softmax(x) sum(y) - y")
    func logits() {
        let loss = CategoricalCrossentropy(fromLogits: true)
        // x = [2, 1, 0], y = [1, 0, 0]: log(e^2 + e + 1) - 2 = 0.40760596.
        expectClose(lossValue(loss, predicted: [2, 1, 0], expected: [1, 0, 0]), 0.407_605_96, relative: handRelative,
                    "logits")
        // softmax([2, 1, 0]) = [0.66524096, 0.24472847, 0.09003057]; minus y.
        expectClose(lossGradient(loss, predicted: [2, 1, 0], expected: [1, 0, 0]),
                    [0.665_240_96 - 1, 0.244_728_47, 0.090_030_57], relative: handRelative, "gradient")
        // With smoothing 0.1: 0.50760596 (the -sum y_j x_j + lse form).
        expectClose(lossValue(CategoricalCrossentropy(fromLogits: true, labelSmoothing: 0.1), predicted: [2, 1, 0],
                              expected: [1, 0, 0]), 0.507_605_96, relative: handRelative, "logits smoothed")
    }

    @Test("edges: probabilities of exactly 0 and 1, logits of +-500")
    func edges() {
        let loss = CategoricalCrossentropy()
        // p = [0, 1, 0], y = [1, 0, 0]: q = eps, -log(1e-7) = 16.118096; the clip's gradient is 0.
        expectClose(lossValue(loss, predicted: [0, 1, 0], expected: [1, 0, 0]), 16.118_096, relative: handRelative,
                    "p = 0")
        expectFinite(loss, predicted: [[0, 1, 0], [1, 0, 0], [1e-7, 0.5, 0.5]], expected: [[1, 0, 0], [1, 0, 0], [1, 0, 0]])
        let logits = CategoricalCrossentropy(fromLogits: true, labelSmoothing: 0.1)
        expectFinite(logits, predicted: [[500, -500, 0], [-500, 500, 499], [1e30, -1e30, 0]],
                     expected: [[0, 1, 0], [1, 0, 0], [0, 1, 0]])
        // x = [-500, 500, 499], y = [0, 1, 0]: log(1 + e^-1) = 0.31326169.
        expectClose(lossValue(CategoricalCrossentropy(fromLogits: true), predicted: [-500, 500, 499],
                              expected: [0, 1, 0]), 0.313_261_69, relative: 1e-4,
                    "logits +-500 (log-sum-exp of 500: ulp(500) = 3e-5)")
    }

    @Test("fused with softmax: the logits form, options kept; nil otherwise")
    func fused() throws {
        let loss = CategoricalCrossentropy(labelSmoothing: 0.2)
        let fused = try #require(loss.fused(with: .softmax) as? CategoricalCrossentropy)
        #expect(fused.fromLogits && fused.labelSmoothing == 0.2)
        for activation in Activation.allCases where activation != .softmax {
            #expect(loss.fused(with: activation) == nil, "\(activation)")
        }
        #expect(fused.fused(with: .softmax) == nil)
    }

    @Test("fused loss on logits equals the loss on softmax(logits)")
    func fusedAgrees() {
        let logits: [[Float]] = [[2, -1, 0.5], [-3, 0, 3]]
        expectFusedMatchesUnfused(CategoricalCrossentropy(), .softmax, logits: logits, expected: [[1, 0, 0], [0, 1, 0]])
        expectFusedMatchesUnfused(CategoricalCrossentropy(labelSmoothing: 0.1), .softmax, logits: logits,
                                  expected: [[0.5, 0.25, 0.25], [0, 0.5, 0.5]])
        expectFusedMatchesUnfused(CategoricalCrossentropy(), .softmax, logits: logits, expected: [[2], [0]])
    }
}
