import Foundation
import Testing
@testable import LossCore
import LossLabTestSupport

@Suite struct ProbabilityScoresTests {
    @Test func logLossOfAHandCase() {
        // Rows [0.7, 0.2, 0.1] true 0 and [0.25, 0.5, 0.25] true 1: (-log 0.7 - log 0.5) / 2.
        let probabilities = Matrix([[0.7, 0.2, 0.1], [0.25, 0.5, 0.25]])
        #expect(isClose(logLoss(probabilities: probabilities, trueLabels: [0, 1]), (-log(0.7) + log(2)) / 2))
    }

    @Test func logLossClipsProbabilitiesOfExactlyZeroAndOne() {
        // True class with probability 1: -log(1 - 1e-7) ~ 1e-7. With probability 0: -log(1e-7) = 7 log 10.
        let certainRight = logLoss(probabilities: Matrix([[0, 1]]), trueLabels: [1])
        let certainWrong = logLoss(probabilities: Matrix([[0, 1]]), trueLabels: [0])
        #expect(isClose(certainRight, -log(1 - 1e-7)))
        #expect(isClose(certainWrong, 7 * log(10)))
        // Mean of both: (-log(1 - 1e-7) + 7 log 10) / 2.
        let both = logLoss(probabilities: Matrix([[0, 1], [0, 1]]), trueLabels: [1, 0])
        #expect(isClose(both, (-log(1 - 1e-7) + 7 * log(10)) / 2))
    }

    @Test func logLossOfNaNIsNaN() {
        #expect(logLoss(probabilities: Matrix([[.nan, .nan]]), trueLabels: [0]).isNaN)
    }

    @Test func brierScoreOfMultipleClassesSumsOverClasses() {
        // [0.7, 0.2, 0.1] true 0: 0.09 + 0.04 + 0.01 = 0.14.
        // [0.25, 0.5, 0.25] true 1: 0.0625 + 0.25 + 0.0625 = 0.375. Mean 0.515 / 2 = 0.2575.
        let probabilities = Matrix([[0.7, 0.2, 0.1], [0.25, 0.5, 0.25]])
        #expect(isClose(brierScore(probabilities: probabilities, trueLabels: [0, 1]), 0.2575))
    }

    @Test func brierScoreOfTwoClassesIsTheBinaryForm() {
        // p1 = 0.8 true 1: 0.04; p1 = 0.4 true 0: 0.16. Mean 0.1 (the two-class sum would give 0.2).
        let probabilities = Matrix([[0.2, 0.8], [0.6, 0.4]])
        #expect(isClose(brierScore(probabilities: probabilities, trueLabels: [1, 0]), 0.1))
    }

    @Test func brierScoreExtremes() {
        #expect(brierScore(probabilities: Matrix([[0, 1, 0]]), trueLabels: [1]) == 0)
        // All mass on a wrong class: 1 + 1 = 2.
        #expect(brierScore(probabilities: Matrix([[1, 0, 0]]), trueLabels: [1]) == 2)
        #expect(brierScore(probabilities: Matrix([[1, 0]]), trueLabels: [1]) == 1)
    }
}
