import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("MeanAbsolutePercentageError")
struct MeanAbsolutePercentageErrorTests {
    let loss = MeanAbsolutePercentageError()

    @Test("100 |y - p| / |y|, mean over outputs; gradient 100 sign(p - y) / (|y| k)")
    func handValues() {
        // y = [2, -4], p = [1, -1]: 1/2 and 3/4, mean 0.625, times 100 = 62.5.
        expectClose(lossValue(loss, predicted: [1, -1], expected: [2, -4]), 62.5, relative: handRelative, "mape")
        // -100 / 2 / 2 = -25; +100 / 4 / 2 = 12.5.
        #expect(lossGradient(loss, predicted: [1, -1], expected: [2, -4]) == [-25, 12.5])
        #expect(lossGradient(loss, predicted: [3, -4], expected: [3, -4]) == [0, 0])
    }

    @Test("a target of 0 is divided by eps = 1e-7")
    func zeroTarget() {
        // |0 - 1e-6| / 1e-7 = 10, times 100 = 1000; gradient 100 / 1e-7 = 1e9.
        expectClose(lossValue(loss, predicted: [1e-6], expected: [0]), 1000, relative: handRelative, "y = 0")
        expectClose(lossGradient(loss, predicted: [1e-6], expected: [0]), [1e9], relative: handRelative, "gradient")
        // 1e20 / eps * 100 = 1e29, within float32 (1e30 would overflow, in Keras too).
        expectFinite(loss, predicted: [[1e20, -500], [0, 500]], expected: [[0, 500], [1e-30, -1e30]])
    }

    @Test("has no fused form", arguments: Activation.allCases)
    func noFusedForm(_ activation: Activation) {
        #expect(loss.fused(with: activation) == nil)
    }
}
