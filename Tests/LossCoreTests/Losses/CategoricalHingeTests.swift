import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("CategoricalHinge")
struct CategoricalHingeTests {
    let loss = CategoricalHinge()

    @Test("max(best other score - true score + 1, 0); gradient +1 on the best other class, -1 on the true one")
    func handValues() {
        // y = [0, 1, 0], p = [0.3, 0.5, 0.9]: pos 0.5, neg 0.9: 1.4.
        expectClose(lossValue(loss, predicted: [0.3, 0.5, 0.9], expected: [0, 1, 0]), 1.4, relative: handRelative,
                    "violated")
        #expect(lossGradient(loss, predicted: [0.3, 0.5, 0.9], expected: [0, 1, 0]) == [0, -1, 1])
        // A margin of 1 is met: pos 2.5, neg 0.1: max(-1.4, 0) = 0, no gradient.
        #expect(lossValue(loss, predicted: [0.1, 2.5, -0.3], expected: [0, 1, 0]) == 0)
        #expect(lossGradient(loss, predicted: [0.1, 2.5, -0.3], expected: [0, 1, 0]) == [0, 0, 0])
    }

    @Test("the true class's entry counts as 0 in the maximum: negative other scores give neg = 0")
    func negativeScores() {
        // p = [-0.5, 0.4, -0.2], y = [0, 1, 0]: neg = max(-0.5, 0, -0.2) = 0: 0 - 0.4 + 1 = 0.6.
        expectClose(lossValue(loss, predicted: [-0.5, 0.4, -0.2], expected: [0, 1, 0]), 0.6, relative: handRelative,
                    "neg = 0")
        #expect(lossGradient(loss, predicted: [-0.5, 0.4, -0.2], expected: [0, 1, 0]) == [0, -1, 0])
    }

    @Test("ties for the maximum take the first index; the kink takes 0; integer labels are one-hot")
    func conventions() {
        #expect(lossGradient(loss, predicted: [0.7, 0.2, 0.7], expected: [0, 1, 0]) == [1, -1, 0])
        // pos 1, neg 0: exactly at the margin.
        #expect(lossGradient(loss, predicted: [0, 1, 0], expected: [0, 1, 0]) == [0, 0, 0])
        #expect(lossValues(loss, predicted: [[0.3, 0.5, 0.9]], expected: [[1]])
            == lossValues(loss, predicted: [[0.3, 0.5, 0.9]], expected: [[0, 1, 0]]))
        expectFinite(loss, predicted: [[1e30, -1e30, 0], [-500, 500, 499]], expected: [[0, 1, 0], [1, 0, 0]])
    }

    @Test("has no fused form", arguments: Activation.allCases)
    func noFusedForm(_ activation: Activation) {
        #expect(loss.fused(with: activation) == nil)
    }
}
