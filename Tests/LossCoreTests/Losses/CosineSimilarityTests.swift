import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("CosineSimilarity")
struct CosineSimilarityTests {
    let loss = CosineSimilarity()

    @Test("minus the cosine of the angle; gradient orthogonal to p")
    func handValues() {
        // y = [1, 0], p = [3, 4]: cos = 3/5.
        expectClose(lossValue(loss, predicted: [3, 4], expected: [1, 0]), -0.6, relative: handRelative, "3-4-5")
        // -a b (y - s b^2 p) with a = 1, b = 1/5, s = 3: -(1/5) ([1, 0] - (3/25) [3, 4]) = [-0.128, 0.096].
        let g = lossGradient(loss, predicted: [3, 4], expected: [1, 0])
        expectClose(g, [-0.128, 0.096], relative: handRelative, "gradient")
        expectClose(g[0] * 3 + g[1] * 4, 0, relative: 0, absolute: 1e-7, "g . p")
        // y = [0, 2], p = [1, 1]: -(2/2)(1/sqrt 2) = -0.70710678; only directions count.
        expectClose(lossValue(loss, predicted: [1, 1], expected: [0, 2]), -0.707_106_78, relative: handRelative, "45 degrees")
        expectClose(lossValue(loss, predicted: [10, 10], expected: [0, 0.5]), -0.707_106_78, relative: handRelative, "scaled")
        expectClose(lossValue(loss, predicted: [-1, -1], expected: [0, 2]), 0.707_106_78, relative: handRelative, "opposed")
    }

    @Test("rows of norm below eps are scaled by 1/eps: a zero row gives 0 and a finite gradient")
    func clampedNorm() {
        #expect(lossValue(loss, predicted: [0, 0], expected: [1, 0]) == 0)
        // b = 1e7 constant: dL/dp = -a b y = [-1e7, 0].
        #expect(lossGradient(loss, predicted: [0, 0], expected: [1, 0]) == [-1e7, 0])
        expectFinite(loss, predicted: [[1e-20, 0], [1e19, -1e19], [0, 0]], expected: [[1, 0], [0, 1], [0, 0]])
    }

    @Test("integer labels are one-hot rows")
    func integerLabels() {
        #expect(lossValues(loss, predicted: [[0.2, 0.5, 0.3]], expected: [[2]])
            == lossValues(loss, predicted: [[0.2, 0.5, 0.3]], expected: [[0, 0, 1]]))
    }

    @Test("has no fused form", arguments: Activation.allCases)
    func noFusedForm(_ activation: Activation) {
        #expect(loss.fused(with: activation) == nil)
    }
}
