import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("LogCosh")
struct LogCoshTests {
    let loss = LogCosh()

    @Test("log cosh of the error; gradient tanh")
    func handValues() {
        // e = 1: log cosh 1 = 0.43378083; tanh 1 = 0.76159416. Symmetric in e.
        expectClose(lossValue(loss, predicted: [1], expected: [0]), 0.433_780_83, relative: handRelative, "e = 1")
        expectClose(lossValue(loss, predicted: [0], expected: [1]), 0.433_780_83, relative: handRelative, "e = -1")
        expectClose(lossGradient(loss, predicted: [1], expected: [0]), [0.761_594_16], relative: handRelative,
                    "gradient")
        // e = 0: log cosh 0 = 0 (computed as 0 + softplus(0) - log 2: a cancellation to one ulp of 1).
        expectClose(lossValue(loss, predicted: [2], expected: [2]), 0, relative: 0, absolute: handAbsolute, "e = 0")
    }

    @Test("errors of +-500 (cosh overflows float32 beyond 89): |e| - log 2")
    func extremes() {
        // 500 - log 2 = 499.30685.
        expectClose(lossValue(loss, predicted: [500], expected: [0]), 499.306_85, relative: handRelative, "+500")
        expectClose(lossValue(loss, predicted: [-500], expected: [0]), 499.306_85, relative: handRelative, "-500")
        #expect(lossGradient(loss, predicted: [500, -500], expected: [0, 0]) == [0.5, -0.5])
        expectFinite(loss, predicted: [[1e30, -1e30]], expected: [[0, 0]])
    }

    @Test("has no fused form", arguments: Activation.allCases)
    func noFusedForm(_ activation: Activation) {
        #expect(loss.fused(with: activation) == nil)
    }
}
