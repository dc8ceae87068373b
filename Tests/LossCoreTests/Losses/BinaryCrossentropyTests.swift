import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("BinaryCrossentropy")
struct BinaryCrossentropyTests {
    @Test("probabilities: -(y log p + (1 - y) log(1 - p))")
    func handValues() {
        let loss = BinaryCrossentropy()
        // p = 0.8, y = 1: -log 0.8 = 0.22314355. y = 0: -log 0.2 = 1.6094379.
        expectClose(lossValue(loss, predicted: [0.8], expected: [1]), 0.223_143_55, relative: handRelative, "y = 1")
        expectClose(lossValue(loss, predicted: [0.8], expected: [0]), 1.609_437_9, relative: handRelative, "y = 0")
        // Mean over the row: (0.22314355 + 1.6094379) / 2 = 0.91629073.
        expectClose(lossValue(loss, predicted: [0.8, 0.8], expected: [1, 0]), 0.916_290_73,
                    relative: handRelative, "row mean")
        // dL/dp = (-y/p + (1 - y)/(1 - p)) / k: -1.25 / 2 and 5 / 2.
        expectClose(lossGradient(loss, predicted: [0.8, 0.8], expected: [1, 0]), [-0.625, 2.5],
                    relative: handRelative, "gradient")
    }

    @Test("label smoothing: y (1 - s) + s/2")
    func smoothing() {
        let loss = BinaryCrossentropy(labelSmoothing: 0.1)
        // y = 1 -> 0.95: 0.95 (-log 0.8) + 0.05 (-log 0.2) = 0.29245827.
        expectClose(lossValue(loss, predicted: [0.8], expected: [1]), 0.292_458_27, relative: handRelative,
                    "smoothed")
        #expect(smoothBinaryLabels(Matrix([[1, 0]]), 0.1) == Matrix([[0.95, 0.05]]))
    }

    @Test("logits: max(x, 0) - x y + log(1 + e^-|x|); gradient sigmoid(x) - y")
    func logits() {
        let loss = BinaryCrossentropy(fromLogits: true)
        // x = 0: log 2 = 0.69314718. x = 2, y = 1: softplus(-2) = 0.12692801.
        expectClose(lossValue(loss, predicted: [0], expected: [1]), 0.693_147_18, relative: handRelative, "x = 0")
        expectClose(lossValue(loss, predicted: [2], expected: [1]), 0.126_928_01, relative: handRelative, "x = 2")
        // sigmoid(2) - 1 = -0.11920292.
        expectClose(lossGradient(loss, predicted: [2], expected: [1]), [-0.119_202_92], relative: handRelative,
                    "gradient")
    }

    @Test("edges: p of exactly 0 and 1 clip to eps; logits of +-500 stay exact")
    func edges() {
        let loss = BinaryCrossentropy()
        // p = 0, y = 1: -log(1e-7) = 16.118096; p = 1, y = 1: -log(1 - eps) = 1.1920929e-7
        // (1 - 1e-7 rounds to 1 - 2^-23 in float32).
        expectClose(lossValue(loss, predicted: [0], expected: [1]), 16.118_096, relative: handRelative, "p = 0")
        expectClose(lossValue(loss, predicted: [1], expected: [1]), 1.192_092_9e-7, relative: 1e-5, "p = 1")
        expectClose(lossValue(loss, predicted: [1], expected: [0]), 15.942_385, relative: handRelative, "p = 1, y = 0")
        // The clip's gradient is 0 outside [eps, 1 - eps].
        #expect(lossGradient(loss, predicted: [0, 1], expected: [1, 0]) == [0, 0])
        expectFinite(loss, predicted: [[0, 1], [1e-7, 1 - 1e-7], [-3, 4]], expected: [[0, 1], [1, 0], [1, 0]])

        let logits = BinaryCrossentropy(fromLogits: true)
        // x = 500, y = 0: 500 exactly; x = -500, y = 1: 500; the right side costs 0.
        #expect(lossValues(logits, predicted: [[500], [-500], [500]], expected: [[0], [1], [1]]) == [500, 500, 0])
        expectFinite(logits, predicted: [[500, -500], [100, -100], [1e30, -1e30]], expected: [[0, 1], [0.5, 1], [0, 1]])
    }

    @Test("fused with sigmoid: the logits form, options kept; nil otherwise")
    func fused() throws {
        let loss = BinaryCrossentropy(labelSmoothing: 0.2)
        let fused = try #require(loss.fused(with: .sigmoid) as? BinaryCrossentropy)
        #expect(fused.fromLogits && fused.labelSmoothing == 0.2)
        for activation in Activation.allCases where activation != .sigmoid {
            #expect(loss.fused(with: activation) == nil, "\(activation)")
        }
        // Already on logits: nothing left to fuse.
        #expect(BinaryCrossentropy(fromLogits: true).fused(with: .sigmoid) == nil)
    }

    @Test("fused loss on logits equals the loss on sigmoid(logits)")
    func fusedAgrees() {
        let logits: [[Float]] = [[-3, -0.5, 0], [0.7, 2, 3]]
        let expected: [[Float]] = [[1, 0, 1], [0, 1, 0.3]]
        expectFusedMatchesUnfused(BinaryCrossentropy(), .sigmoid, logits: logits, expected: expected)
        expectFusedMatchesUnfused(BinaryCrossentropy(labelSmoothing: 0.1), .sigmoid, logits: logits, expected: expected)
    }
}
