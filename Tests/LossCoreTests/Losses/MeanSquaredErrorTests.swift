import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("MeanSquaredError")
struct MeanSquaredErrorTests {
    let loss = MeanSquaredError()

    @Test("mean of squared errors over the row")
    func handValues() {
        // p = [1, 2, 3], y = [0, 2, 5]: errors 1, 0, -2; (1 + 0 + 4) / 3 = 1.6666667.
        expectClose(lossValue(loss, predicted: [1, 2, 3], expected: [0, 2, 5]), 5.0 / 3,
                    relative: handRelative, "mse")
        // dL/dp_j = 2 (p_j - y_j) / 3 = [2/3, 0, -4/3].
        expectClose(lossGradient(loss, predicted: [1, 2, 3], expected: [0, 2, 5]), [2.0 / 3, 0, -4.0 / 3],
                    relative: handRelative, "mse gradient")
        // A perfect fit costs exactly 0 and has a zero gradient.
        #expect(lossValue(loss, predicted: [0.25, -7], expected: [0.25, -7]) == 0)
        #expect(lossGradient(loss, predicted: [0.25, -7], expected: [0.25, -7]) == [0, 0])
    }

    @Test("large errors stay finite")
    func extremes() {
        // 1e18 squared is 1e36 < Float.greatestFiniteMagnitude (3.4e38).
        expectFinite(loss, predicted: [[1e18, -500], [0, 500]], expected: [[0, 500], [-1e18, -500]])
        expectClose(lossValue(loss, predicted: [500], expected: [-500]), 1e6, relative: handRelative, "mse 1000^2")
    }

    @Test("has no fused form", arguments: Activation.allCases)
    func noFusedForm(_ activation: Activation) {
        #expect(loss.fused(with: activation) == nil)
    }
}
