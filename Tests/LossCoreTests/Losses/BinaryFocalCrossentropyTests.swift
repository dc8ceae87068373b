import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("BinaryFocalCrossentropy")
struct BinaryFocalCrossentropyTests {
    @Test("focal factor (1 - p_t)^gamma times BCE")
    func handValues() {
        let loss = BinaryFocalCrossentropy() // gamma 2, no balancing
        // p = 0.8, y = 1: p_t = 0.8, (0.2)^2 (-log 0.8) = 0.04 * 0.22314355 = 0.0089257421.
        expectClose(lossValue(loss, predicted: [0.8], expected: [1]), 0.008_925_742_1, relative: handRelative, "y = 1")
        // y = 0: p_t = 0.2, (0.8)^2 (-log 0.2) = 0.64 * 1.6094379 = 1.0300403: the hard example dominates.
        expectClose(lossValue(loss, predicted: [0.8], expected: [0]), 1.030_040_3, relative: handRelative, "y = 0")
        // gamma = 0.5: sqrt(0.2) (-log 0.8) = 0.09979283.
        expectClose(lossValue(BinaryFocalCrossentropy(gamma: 0.5), predicted: [0.8], expected: [1]), 0.099_792_83,
                    relative: handRelative, "gamma 0.5")
    }

    @Test("class balancing: alpha for class 1, 1 - alpha for class 0")
    func balancing() {
        let loss = BinaryFocalCrossentropy(alpha: 0.25, applyClassBalancing: true)
        // 0.25 * 0.0089257421 = 0.0022314355; 0.75 * 1.0300403 = 0.77253020.
        expectClose(lossValues(loss, predicted: [[0.8], [0.8]], expected: [[1], [0]]), [0.002_231_435_5, 0.772_530_20],
                    relative: handRelative, "balanced")
        // Without balancing alpha is ignored.
        #expect(lossValue(BinaryFocalCrossentropy(alpha: 0.9), predicted: [0.8], expected: [0])
            == lossValue(BinaryFocalCrossentropy(alpha: 0.1), predicted: [0.8], expected: [0]))
    }

    @Test("label smoothing enters p_t and the BCE")
    func smoothing() {
        // y = 1 -> 0.95: p_t = 0.95 * 0.8 + 0.05 * 0.2 = 0.77; 0.23^2 * 0.29245827 = 0.015471042.
        expectClose(lossValue(BinaryFocalCrossentropy(labelSmoothing: 0.1), predicted: [0.8], expected: [1]),
                    0.015_471_042, relative: handRelative, "smoothed")
    }

    @Test("gamma 0 without balancing is BCE exactly", arguments: [false, true])
    func gammaZeroIsBCE(_ fromLogits: Bool) {
        let p: [[Float]] = fromLogits ? [[-2, 0.5], [3, -0.25]] : [[0.1, 0.6], [0.95, 0.3]]
        let y: [[Float]] = [[0, 1], [1, 0.2]]
        let focal = BinaryFocalCrossentropy(gamma: 0, fromLogits: fromLogits, labelSmoothing: 0.1)
        let bce = BinaryCrossentropy(fromLogits: fromLogits, labelSmoothing: 0.1)
        // On logits focal goes through the sigmoid and the clip, BCE through log-sigmoid: equal
        // away from the clip, up to the rounding of sigmoid (see `fusedRelative`).
        expectClose(lossValues(focal, predicted: p, expected: y), lossValues(bce, predicted: p, expected: y),
                    relative: fusedRelative, absolute: fusedAbsolute, "gamma 0 values")
        expectClose(lossGradients(focal, predicted: p, expected: y).flatMap { $0 },
                    lossGradients(bce, predicted: p, expected: y).flatMap { $0 },
                    relative: fusedRelative, absolute: fusedAbsolute, "gamma 0 gradients")
    }

    @Test("logits: the sigmoid is applied first")
    func logits() {
        // x = 2, y = 1: s = sigmoid(2) = 0.88079708; (1 - s)^2 (-log s) = 0.0018035628. Keras
        // computes 1 - s from the rounded s, so 1 - s = 0.119 carries ulp(0.88) / 0.119 = 5e-7
        // relative error, doubled by the square: the tolerance of the unfused path.
        expectClose(lossValue(BinaryFocalCrossentropy(fromLogits: true), predicted: [2], expected: [1]),
                    0.001_803_562_8, relative: fusedRelative, "logits")
    }

    @Test("edges stay finite: p of 0 and 1, logits of +-100 and +-500, gamma below 1",
          arguments: [Float(2), 0.5, 0])
    func edges(_ gamma: Float) {
        let probabilities = BinaryFocalCrossentropy(gamma: gamma, applyClassBalancing: true)
        expectFinite(probabilities, predicted: [[0, 1], [1, 0], [1e-7, 1 - 1e-7]], expected: [[0, 1], [0, 1], [1, 0]])
        let logits = BinaryFocalCrossentropy(gamma: gamma, fromLogits: true, labelSmoothing: 0.1)
        expectFinite(logits, predicted: [[500, -500], [-500, 500], [100, -100]], expected: [[1, 0], [1, 0], [0, 1]])
        // A confident right answer costs (close to) nothing; a confident wrong one costs the
        // clipped BCE, -log eps = 16.118096 (for y = 1, p = 0).
        #expect(lossValue(BinaryFocalCrossentropy(gamma: gamma), predicted: [1], expected: [1]) < 2e-7)
        expectClose(lossValue(BinaryFocalCrossentropy(gamma: gamma), predicted: [0], expected: [1]), 16.118_096,
                    relative: handRelative, "p = 0, y = 1")
    }

    @Test("fused with sigmoid: the logits form, options kept; nil otherwise")
    func fused() throws {
        let loss = BinaryFocalCrossentropy(gamma: 3, alpha: 0.4, applyClassBalancing: true, labelSmoothing: 0.1)
        let fused = try #require(loss.fused(with: .sigmoid) as? BinaryFocalCrossentropy)
        #expect(fused.fromLogits && fused.gamma == 3 && fused.alpha == 0.4 && fused.applyClassBalancing
            && fused.labelSmoothing == 0.1)
        for activation in Activation.allCases where activation != .sigmoid {
            #expect(loss.fused(with: activation) == nil, "\(activation)")
        }
        #expect(fused.fused(with: .sigmoid) == nil)
    }

    @Test("fused loss on logits equals the loss on sigmoid(logits)")
    func fusedAgrees() {
        let logits: [[Float]] = [[-3, -0.5, 0], [0.7, 2, 3]]
        let expected: [[Float]] = [[1, 0, 1], [0, 1, 0]]
        expectFusedMatchesUnfused(BinaryFocalCrossentropy(), .sigmoid, logits: logits, expected: expected)
        expectFusedMatchesUnfused(BinaryFocalCrossentropy(gamma: 0.5, applyClassBalancing: true, labelSmoothing: 0.2),
                                  .sigmoid, logits: logits, expected: expected)
    }
}
