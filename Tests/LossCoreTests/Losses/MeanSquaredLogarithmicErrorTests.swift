import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("MeanSquaredLogarithmicError")
struct MeanSquaredLogarithmicErrorTests {
    let loss = MeanSquaredLogarithmicError()

    @Test("squared log ratio")
    func handValues() {
        // p = 3, y = 1: (log 4 - log 2)^2 = (log 2)^2 = 0.48045301.
        expectClose(lossValue(loss, predicted: [3], expected: [1]), 0.480_453_01, relative: handRelative, "msle")
        // dL/dp = 2 (log 4 - log 2) / (3 + 1) = log(2) / 2 = 0.34657359.
        expectClose(lossGradient(loss, predicted: [3], expected: [1]), [0.346_573_59],
                    relative: handRelative, "msle gradient")
        // Under-estimating costs more than over-estimating by the same amount: p = 0 vs p = 2 for y = 1.
        #expect(lossValue(loss, predicted: [0], expected: [1]) > lossValue(loss, predicted: [2], expected: [1]))
    }

    @Test("negative predictions are clamped to eps: the value of p = eps and no gradient")
    func negativePredictions() {
        // p = -0.5, y = 1: (log(1 + 1e-7) - log 2)^2 = 0.48045288.
        expectClose(lossValue(loss, predicted: [-0.5], expected: [1]), 0.480_452_88, relative: handRelative,
                    "msle at p < 0")
        #expect(lossValue(loss, predicted: [-0.5], expected: [1]) == lossValue(loss, predicted: [-1e6], expected: [1]))
        #expect(lossGradient(loss, predicted: [-0.5, 0], expected: [1, 1]) == [0, 0])
    }

    @Test("negative targets are clamped to eps too")
    func negativeTargets() {
        #expect(lossValue(loss, predicted: [2], expected: [-3]) == lossValue(loss, predicted: [2], expected: [0]))
    }

    @Test("extremes stay finite")
    func extremes() {
        expectFinite(loss, predicted: [[0, 1e30], [-1e30, 1e-7]], expected: [[1e30, 0], [1, -1]])
    }

    @Test("has no fused form", arguments: Activation.allCases)
    func noFusedForm(_ activation: Activation) {
        #expect(loss.fused(with: activation) == nil)
    }
}
