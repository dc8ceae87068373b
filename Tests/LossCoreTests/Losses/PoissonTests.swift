import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("Poisson")
struct PoissonTests {
    let loss = Poisson()

    @Test("rate minus target times log rate")
    func handValues() {
        // p = 2, y = 3: 2 - 3 log(2 + 1e-7) = -0.07944169: a cancellation of terms near 2, so the
        // float32 result is good to a few ulps of 2 (2.4e-7 each), not of 0.08.
        expectClose(lossValue(loss, predicted: [2], expected: [3]), -0.079_441_69, relative: handRelative,
                    absolute: 4 * 2.4e-7, "poisson")
        // dL/dp = 1 - 3 / 2 = -0.5.
        expectClose(lossGradient(loss, predicted: [2], expected: [3]), [-0.5], relative: handRelative,
                    "poisson gradient")
        // Minimal at p = y: the gradient vanishes there (up to eps).
        expectClose(lossGradient(loss, predicted: [4], expected: [4]), [0], relative: 0, absolute: 1e-7,
                    "poisson gradient at p = y")
    }

    @Test("a zero rate is finite thanks to eps")
    func zeroRate() {
        // p = 0, y = 1: 0 - log(1e-7) = 16.118096; dL/dp = 1 - 1 / 1e-7 = -9999999.
        expectClose(lossValue(loss, predicted: [0], expected: [1]), 16.118_096, relative: handRelative,
                    "poisson at p = 0")
        expectClose(lossGradient(loss, predicted: [0], expected: [1]), [1 - 1 / 1e-7], relative: handRelative,
                    "poisson gradient at p = 0")
        // y = 0: the loss is the rate itself.
        #expect(lossValue(loss, predicted: [0], expected: [0]) == 0)
        expectFinite(loss, predicted: [[0, 1e30], [500, 1e-7]], expected: [[1e6, 0], [0, 3]])
    }

    @Test("has no fused form", arguments: Activation.allCases)
    func noFusedForm(_ activation: Activation) {
        #expect(loss.fused(with: activation) == nil)
    }
}
