import Foundation
import Testing
@testable import LossCore
import LossLabTestSupport

@Suite struct PoissonDevianceTests {
    @Test func handCaseWithAZeroCount() {
        // y = 0, mu = 0.5: y log y := 0, term 2 (0 - (0 - 0.5)) = 1.
        // y = 1, mu = 1:   2 (1 log 1 - 0) = 0.
        // y = 2, mu = 4:   2 (2 log(1/2) - (2 - 4)) = 4 - 4 log 2.
        // Mean (5 - 4 log 2) / 3.
        let value = meanPoissonDeviance(predicted: [0.5, 1, 4], expected: [0, 1, 2])
        #expect(isClose(value, (5 - 4 * log(2)) / 3))
    }

    @Test func perfectRatesHaveZeroDeviance() {
        #expect(isClose(meanPoissonDeviance(predicted: [3, 7, 0.25], expected: [3, 7, 0.25]), 0, absolute: 1e-12))
    }

    @Test func nonPositivePredictionsAreClampedAtTheFloor() {
        // y = 0, p = 0 -> mu = 1e-8: 2e-8.
        #expect(isClose(meanPoissonDeviance(predicted: [0], expected: [0]), 2e-8))
        // y = 1, p = -3 -> mu = 1e-8: 2 (log(1e8) - 1 + 1e-8), large but finite.
        #expect(isClose(meanPoissonDeviance(predicted: [-3], expected: [1]), 2 * (log(1e8) - 1 + 1e-8)))
    }

    @Test func negativeCountsAndNaNGiveNaN() {
        #expect(meanPoissonDeviance(predicted: [1], expected: [-1]).isNaN)
        #expect(meanPoissonDeviance(predicted: [.nan], expected: [1]).isNaN)
        #expect(meanPoissonDeviance(predicted: [.nan], expected: [0]).isNaN)
    }
}
