import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("Huber")
struct HuberTests {
    @Test("quadratic inside delta, linear outside")
    func handValues() {
        let loss = Huber()
        // delta = 1. e = 0.5: 0.5 * 0.25 = 0.125. e = 3: 1 * 3 - 0.5 = 2.5. Row mean 1.3125.
        expectClose(lossValue(loss, predicted: [0.5], expected: [0]), 0.125, relative: handRelative, "inside")
        expectClose(lossValue(loss, predicted: [3], expected: [0]), 2.5, relative: handRelative, "outside")
        expectClose(lossValue(loss, predicted: [0.5, 3], expected: [0, 0]), 1.3125, relative: handRelative, "row")
        // de/dp = e inside, delta sign(e) outside; / 2 for the row mean.
        #expect(lossGradient(loss, predicted: [0.5, 3], expected: [0, 0]) == [0.25, 0.5])
    }

    @Test("delta other than 1")
    func otherDelta() {
        let loss = Huber(delta: 2)
        // e = -3, delta = 2: 2 * 3 - 0.5 * 4 = 4; gradient -delta = -2.
        expectClose(lossValue(loss, predicted: [-3], expected: [0]), 4, relative: handRelative, "delta 2")
        #expect(lossGradient(loss, predicted: [-3], expected: [0]) == [-2])
        // Inside the wider delta: e = 1.5: 1.125.
        expectClose(lossValue(loss, predicted: [1.5], expected: [0]), 1.125, relative: handRelative, "delta 2 inside")
    }

    @Test("continuous at |e| = delta, where the inside branch is taken (as Keras's <=)")
    func atDelta() {
        let loss = Huber(delta: 0.5)
        // 0.5 * 0.25 = 0.125 from both branches: 0.5 * 0.5 - 0.5 * 0.25.
        expectClose(lossValue(loss, predicted: [0.5], expected: [0]), 0.125, relative: handRelative, "at delta")
        #expect(lossGradient(loss, predicted: [0.5], expected: [0]) == [0.5])
    }

    @Test("huge errors stay finite (no square of the error outside delta)")
    func extremes() {
        expectFinite(Huber(), predicted: [[1e30, -1e30]], expected: [[-1e30, 1e30]])
    }

    @Test("has no fused form", arguments: Activation.allCases)
    func noFusedForm(_ activation: Activation) {
        #expect(Huber().fused(with: activation) == nil)
    }
}
