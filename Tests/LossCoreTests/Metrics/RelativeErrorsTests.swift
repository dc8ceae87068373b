import Testing
@testable import LossCore
import LossLabTestSupport

@Suite struct RelativeErrorsTests {
    @Test func medianRelativeErrorSkipsZeroTargets() {
        // |2-1|/1 = 1, |5-4|/4 = 0.25, y = 0 skipped, |3-(-2)|/2 = 2.5: median of [0.25, 1, 2.5] = 1.
        #expect(medianRelativeError(predicted: [2, 5, 0, 3], expected: [1, 4, 0, -2]) == 1)
    }

    @Test func medianRelativeErrorOfAnEvenCount() {
        // Relative errors [0.5, 0.1]: (0.1 + 0.5) / 2 = 0.3.
        #expect(isClose(medianRelativeError(predicted: [1.5, 2.2], expected: [1, 2]), 0.3))
    }

    @Test func noNonZeroTargetMeansNoValue() {
        #expect(medianRelativeError(predicted: [1, 2], expected: [0, 0]) == nil)
        #expect(meanRelativeError(predicted: [1, 2], expected: [0, 0]) == nil)
        #expect(medianRelativeError(predicted: [], expected: []) == nil)
    }

    @Test func meanRelativeErrorAgainstRates() {
        // |1.5 - 1|/1 = 0.5, |2 - 4|/4 = 0.5, |9 - 10|/10 = 0.1: mean 1.1 / 3.
        #expect(isClose(meanRelativeError(predicted: [1.5, 2, 9], expected: [1, 4, 10]), 1.1 / 3))
    }

    @Test func nanPredictionGivesNaN() {
        #expect(medianRelativeError(predicted: [.nan, 1], expected: [1, 1])?.isNaN == true)
        #expect(meanRelativeError(predicted: [.nan], expected: [1])?.isNaN == true)
    }

    @Test func relativeErrorByQuantileSortsByTargetAndCutsEqualGroups() {
        // Sorted by target: y = 1 (p 1.5), 2 (p 2.2) | 4 (p 5), 5 (p 5) | 8 (p 6), 10 (p 13).
        // Relative errors: [0.5, 0.1] -> 0.3; [0.25, 0] -> 0.125; [0.25, 0.3] -> 0.275.
        let expected: [Float] = [10, 1, 5, 2, 8, 4]
        let predicted: [Float] = [13, 1.5, 5, 2.2, 6, 5]
        let errors = relativeErrorByQuantile(predicted: predicted, expected: expected, bins: 3)
        #expect(isClose(errors, [0.3, 0.125, 0.275]))
    }

    @Test func relativeErrorByQuantileWithUnequalGroups() {
        // n = 5, bins = 2: groups are sorted positions 0..<2 and 2..<5.
        // Targets [1, 2 | 3, 4, 5], predictions doubled for the first group (error 1 each) and
        // off by one for the second (1/3, 1/4, 1/5: median 1/4).
        let errors = relativeErrorByQuantile(predicted: [2, 4, 4, 5, 6], expected: [1, 2, 3, 4, 5], bins: 2)
        #expect(isClose(errors, [1, 0.25]))
    }

    @Test func relativeErrorByQuantileMarksEmptyAndAllZeroGroupsWithNaN() {
        // n = 2, bins = 3: group 0 is empty (0..<0), group 1 holds y = 0, group 2 holds y = 4.
        let errors = relativeErrorByQuantile(predicted: [1, 5], expected: [0, 4], bins: 3)
        #expect(errors.count == 3)
        #expect(errors[0].isNaN)
        #expect(errors[1].isNaN)
        #expect(isClose(errors[2], 0.25))
    }

    @Test func tenBinsAreDeciles() {
        // Targets 1...100 with 10% overprediction everywhere: every decile has error 0.1.
        let expected = (1...100).map(Float.init)
        let errors = relativeErrorByQuantile(predicted: expected.map { $0 * 1.1 }, expected: expected, bins: 10)
        #expect(errors.count == 10)
        #expect(errors.allSatisfy { isClose($0, 0.1, relative: 1e-5) })
    }
}
