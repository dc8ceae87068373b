import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("MeanAbsoluteError")
struct MeanAbsoluteErrorTests {
    let loss = MeanAbsoluteError()

    @Test("mean of absolute errors; gradient sign / k")
    func handValues() {
        // p = [1, -2], y = [0.5, 1]: |0.5| + |-3| = 3.5, / 2 = 1.75.
        expectClose(lossValue(loss, predicted: [1, -2], expected: [0.5, 1]), 1.75, relative: handRelative, "mae")
        // sign(p - y) / 2 = [0.5, -0.5], whatever the size of the error.
        #expect(lossGradient(loss, predicted: [1, -2], expected: [0.5, 1]) == [0.5, -0.5])
        #expect(lossGradient(loss, predicted: [1e6, -1e6], expected: [0, 0]) == [0.5, -0.5])
    }

    @Test("subgradient 0 at an exact fit (TensorFlow's and PyTorch's convention)")
    func kink() {
        #expect(lossGradient(loss, predicted: [0.5, 3], expected: [0.5, 3]) == [0, 0])
    }

    @Test("extremes stay finite")
    func extremes() {
        expectFinite(loss, predicted: [[1e30, -500], [0, 500]], expected: [[-1e30, 500], [0, -500]])
    }

    @Test("has no fused form", arguments: Activation.allCases)
    func noFusedForm(_ activation: Activation) {
        #expect(loss.fused(with: activation) == nil)
    }
}
