import Foundation
import Testing
@testable import LossCore
import LossLabTestSupport

@Suite struct RegressionErrorsTests {
    // Predictions [1, 2, 4] against targets [1, 3, 1]: differences [0, -1, 3].
    let predicted: [Float] = [1, 2, 4]
    let expected: [Float] = [1, 3, 1]

    @Test func meanSquaredErrorOfAHandCase() {
        // (0 + 1 + 9) / 3 = 10/3.
        #expect(isClose(meanSquaredError(predicted: predicted, expected: expected), 10.0 / 3))
    }

    @Test func rootMeanSquaredErrorOfAHandCase() {
        // sqrt(10/3).
        #expect(isClose(rootMeanSquaredError(predicted: predicted, expected: expected), (10.0 / 3).squareRoot()))
    }

    @Test func meanAbsoluteErrorOfAHandCase() {
        // (0 + 1 + 3) / 3 = 4/3.
        #expect(isClose(meanAbsoluteError(predicted: predicted, expected: expected), 4.0 / 3))
    }

    @Test func medianAbsoluteErrorOfOddAndEvenCounts() {
        // |differences| [0, 1, 3]: median 1.
        #expect(medianAbsoluteError(predicted: predicted, expected: expected) == 1)
        // |differences| [0, 1, 3, 10]: (1 + 3) / 2 = 2.
        #expect(medianAbsoluteError(predicted: [1, 2, 4, 10], expected: [1, 3, 1, 0]) == 2)
    }

    @Test func medianAbsoluteErrorIgnoresAMinorityOfOutliers() {
        // |differences| [1, 1, 1000]: median 1, where the mean is 334.
        #expect(medianAbsoluteError(predicted: [1, 2, 1003], expected: [0, 1, 3]) == 1)
    }

    @Test func meanSquaredLogarithmicErrorFloorsNegativesAtZero() {
        // Terms: (log1p 0 - log1p 0)^2 = 0; max(-5, 0) = 0 so again 0; (log 4 - log 2)^2 = (log 2)^2.
        // Mean (log 2)^2 / 3.
        let value = meanSquaredLogarithmicError(predicted: [0, -5, 3], expected: [0, 0, 1])
        #expect(isClose(value, log(2) * log(2) / 3))
    }

    @Test func perfectPredictionsHaveZeroError() {
        let values: [Float] = [-2, 0, 0.5, 7]
        #expect(meanSquaredError(predicted: values, expected: values) == 0)
        #expect(meanAbsoluteError(predicted: values, expected: values) == 0)
        #expect(medianAbsoluteError(predicted: values, expected: values) == 0)
    }

    @Test func arithmeticIsInDouble() {
        // 1e20^2 = 1e40 overflows Float but not Double.
        #expect(isClose(meanSquaredError(predicted: [1e20], expected: [0]), 1e40, relative: 1e-6))
    }

    @Test func nanPredictionsAndEmptyInputGiveNaN() {
        #expect(meanSquaredError(predicted: [.nan, 1], expected: [0, 1]).isNaN)
        #expect(rootMeanSquaredError(predicted: [.nan], expected: [0]).isNaN)
        #expect(meanAbsoluteError(predicted: [.nan], expected: [0]).isNaN)
        #expect(medianAbsoluteError(predicted: [.nan, 1, 2], expected: [0, 0, 0]).isNaN)
        #expect(meanSquaredLogarithmicError(predicted: [.nan], expected: [1]).isNaN)
        #expect(meanSquaredError(predicted: [], expected: []).isNaN)
    }
}
