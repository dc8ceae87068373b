import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("CategoricalFocalCrossentropy")
struct CategoricalFocalCrossentropyTests {
    @Test("alpha (1 - q_j)^gamma (-y_j log q_j), summed over classes")
    func handValues() {
        // p = [0.7, 0.2, 0.1], y = [1, 0, 0], gamma 2, alpha 0.25:
        // 0.25 * 0.3^2 * (-log 0.7) = 0.25 * 0.09 * 0.35667494 = 0.0080251862.
        expectClose(lossValue(CategoricalFocalCrossentropy(), predicted: [0.7, 0.2, 0.1], expected: [1, 0, 0]),
                    0.008_025_186_2, relative: handRelative, "default")
        // Rows are renormalised as for CCE.
        expectClose(lossValue(CategoricalFocalCrossentropy(), predicted: [1.4, 0.4, 0.2], expected: [1, 0, 0]),
                    0.008_025_186_2, relative: handRelative, "unnormalised row")
    }

    @Test("gamma 0 and alpha 1 is CCE exactly", arguments: [false, true])
    func gammaZeroIsCCE(_ fromLogits: Bool) {
        let p: [[Float]] = fromLogits ? [[2, -1, 0.5], [-3, 0, 3]] : [[0.7, 0.2, 0.1], [0.05, 0.15, 0.3]]
        let y: [[Float]] = [[1, 0, 0], [0, 0.6, 0.4]]
        let focal = CategoricalFocalCrossentropy(gamma: 0, alpha: 1, fromLogits: fromLogits, labelSmoothing: 0.1)
        let cce = CategoricalCrossentropy(fromLogits: fromLogits, labelSmoothing: 0.1)
        // On logits focal softmaxes then clips, CCE uses log-softmax: equal up to the rounding of
        // the softmax (see `fusedRelative`).
        expectClose(lossValues(focal, predicted: p, expected: y), lossValues(cce, predicted: p, expected: y),
                    relative: fusedRelative, absolute: fusedAbsolute, "gamma 0 values")
        expectClose(lossGradients(focal, predicted: p, expected: y).flatMap { $0 },
                    lossGradients(cce, predicted: p, expected: y).flatMap { $0 },
                    relative: fusedRelative, absolute: fusedAbsolute, "gamma 0 gradients")
    }

    @Test("logits, smoothing and integer labels")
    func options() {
        // x = [2, 1, 0]: q_0 = 0.66524096; 0.25 * (1 - q_0)^2 (-log q_0) = 0.011419450.
        expectClose(lossValue(CategoricalFocalCrossentropy(fromLogits: true), predicted: [2, 1, 0], expected: [1, 0, 0]),
                    0.011_419_450, relative: handRelative, "logits")
        let loss = CategoricalFocalCrossentropy(gamma: 0.5, labelSmoothing: 0.1)
        let p: [[Float]] = [[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]]
        #expect(lossValues(loss, predicted: p, expected: [[0], [2]])
            == lossValues(loss, predicted: p, expected: [[1, 0, 0], [0, 0, 1]]))
        // Smoothing puts mass on the other classes, each weighted by its own (1 - q_j)^gamma.
        #expect(lossValue(loss, predicted: p[0], expected: [1, 0, 0])
            > lossValue(CategoricalFocalCrossentropy(gamma: 0.5), predicted: p[0], expected: [1, 0, 0]))
    }

    @Test("edges stay finite: probabilities of 0 and 1, logits of +-100 and +-500, gamma below 1",
          arguments: [Float(2), 0.5, 0])
    func edges(_ gamma: Float) {
        let probabilities = CategoricalFocalCrossentropy(gamma: gamma)
        expectFinite(probabilities, predicted: [[1, 0, 0], [0, 0, 1], [1e-7, 0.5, 0.5]],
                     expected: [[1, 0, 0], [1, 0, 0], [1, 0, 0]])
        let logits = CategoricalFocalCrossentropy(gamma: gamma, fromLogits: true, labelSmoothing: 0.1)
        expectFinite(logits, predicted: [[500, -500, 0], [-500, 500, 499], [100, -100, 0]],
                     expected: [[1, 0, 0], [1, 0, 0], [0, 1, 0]])
        // p = [0, 0, 1], y = [1, 0, 0]: q = eps, 0.25 (1 - eps)^gamma (-log eps) = 0.25 * 16.118096.
        expectClose(lossValue(probabilities, predicted: [0, 0, 1], expected: [1, 0, 0]), 0.25 * 16.118_096,
                    relative: handRelative, "p = 0")
    }

    @Test("fused with softmax: the logits form, options kept; nil otherwise")
    func fused() throws {
        let loss = CategoricalFocalCrossentropy(gamma: 3, alpha: 0.6, labelSmoothing: 0.1)
        let fused = try #require(loss.fused(with: .softmax) as? CategoricalFocalCrossentropy)
        #expect(fused.fromLogits && fused.gamma == 3 && fused.alpha == 0.6 && fused.labelSmoothing == 0.1)
        for activation in Activation.allCases where activation != .softmax {
            #expect(loss.fused(with: activation) == nil, "\(activation)")
        }
        #expect(fused.fused(with: .softmax) == nil)
    }

    @Test("fused loss on logits equals the loss on softmax(logits)")
    func fusedAgrees() {
        let logits: [[Float]] = [[2, -1, 0.5], [-3, 0, 3]]
        expectFusedMatchesUnfused(CategoricalFocalCrossentropy(), .softmax, logits: logits,
                                  expected: [[1, 0, 0], [0, 1, 0]])
        expectFusedMatchesUnfused(CategoricalFocalCrossentropy(gamma: 0.5, alpha: 0.8, labelSmoothing: 0.2), .softmax,
                                  logits: logits, expected: [[2], [1]])
    }
}
