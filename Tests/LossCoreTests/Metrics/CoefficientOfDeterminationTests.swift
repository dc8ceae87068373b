import Testing
@testable import LossCore
import LossLabTestSupport

@Suite struct CoefficientOfDeterminationTests {
    @Test func knownCase() {
        // y = [1, 2, 3, 4], mean 2.5: SS_tot = 2.25 + 0.25 + 0.25 + 2.25 = 5.
        // p = [1, 2, 3, 5]: SS_res = 1. R^2 = 1 - 1/5 = 0.8.
        #expect(isClose(coefficientOfDetermination(predicted: [1, 2, 3, 5], expected: [1, 2, 3, 4]), 0.8))
    }

    @Test func perfectMeanAndWorseThanMean() {
        let expected: [Float] = [1, 2, 3, 4]
        #expect(coefficientOfDetermination(predicted: expected, expected: expected) == 1)
        // Always the mean 2.5: SS_res = SS_tot, R^2 = 0.
        #expect(isClose(coefficientOfDetermination(predicted: [2.5, 2.5, 2.5, 2.5], expected: expected), 0, absolute: 1e-12))
        // Reversed [4, 3, 2, 1]: SS_res = 9 + 1 + 1 + 9 = 20, R^2 = 1 - 20/5 = -3.
        #expect(isClose(coefficientOfDetermination(predicted: [4, 3, 2, 1], expected: expected), -3))
    }

    @Test func constantTargetsHaveNoValue() {
        #expect(coefficientOfDetermination(predicted: [1, 2], expected: [3, 3]) == nil)
        #expect(coefficientOfDetermination(predicted: [], expected: []) == nil)
    }

    @Test func nanPredictionGivesNaN() {
        #expect(coefficientOfDetermination(predicted: [.nan, 2], expected: [1, 2])?.isNaN == true)
    }
}
