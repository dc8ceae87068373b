import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("KLDivergence")
struct KLDivergenceTests {
    let loss = KLDivergence()

    @Test("sum_j y_j log(y_j / p_j), a sum over classes; gradient -y_j / p_j")
    func handValues() {
        // y = [0.5, 0.25, 0.25], p = [0.7, 0.2, 0.1]:
        // 0.5 ln(5/7) + 0.25 ln(1.25) + 0.25 ln(2.5) = 0.11662245.
        expectClose(lossValue(loss, predicted: [0.7, 0.2, 0.1], expected: [0.5, 0.25, 0.25]), 0.116_622_45,
                    relative: handRelative, "soft targets")
        expectClose(lossGradient(loss, predicted: [0.7, 0.2, 0.1], expected: [0.5, 0.25, 0.25]),
                    [-0.5 / 0.7, -1.25, -2.5], relative: handRelative, "gradient")
        // Equal distributions: 0.
        expectClose(lossValue(loss, predicted: [0.3, 0.7], expected: [0.3, 0.7]), 0, relative: 0, absolute: handAbsolute,
                    "p = y")
    }

    @Test("one-hot targets are clipped to eps: the crossentropy plus eps log(eps / p_j) terms")
    func oneHot() {
        // ln(1/0.7) + 1e-7 ln(1e-7/0.2) + 1e-7 ln(1e-7/0.1) = 0.35667211 (CCE alone: 0.35667494).
        expectClose(lossValue(loss, predicted: [0.7, 0.2, 0.1], expected: [1, 0, 0]), 0.356_672_11,
                    relative: handRelative, "one-hot")
        #expect(lossValue(loss, predicted: [0.7, 0.2, 0.1], expected: [0]) == lossValue(loss, predicted: [0.7, 0.2, 0.1],
                                                                                        expected: [1, 0, 0]))
    }

    @Test("predictions are clipped to [eps, 1]: finite at 0, no gradient where clipped; no renormalisation")
    func clipping() {
        // p = [0, 1], y = [1, 0]: 1 ln(1 / eps) + eps ln(eps / 1) = 16.118095 (to 1e-6).
        expectClose(lossValue(loss, predicted: [0, 1], expected: [1, 0]), 16.118_095, relative: handRelative, "p = 0")
        #expect(lossGradient(loss, predicted: [0, 1.5], expected: [1, 0]) == [0, 0])
        // 2p is not p: the row is not renormalised (unlike categorical crossentropy).
        #expect(lossValue(loss, predicted: [0.4, 0.1], expected: [1, 0]) != lossValue(loss, predicted: [0.8, 0.2],
                                                                                      expected: [1, 0]))
        expectFinite(loss, predicted: [[0, 1e-30, 1], [1e30, -5, 0.5]], expected: [[1, 0, 0], [0.5, 0.5, 0]])
    }

    @Test("has no fused form", arguments: Activation.allCases)
    func noFusedForm(_ activation: Activation) {
        #expect(loss.fused(with: activation) == nil)
    }
}
