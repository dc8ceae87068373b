import Testing
@testable import LossCore
import LossLabTestSupport

@Suite struct MultilabelMetricsTests {
    // Predicted   Expected
    // [1, 0, 1]   [1, 1, 1]   wrong at label 1 (a false negative)
    // [0, 1, 0]   [0, 1, 1]   wrong at label 2 (a false negative)
    // [0, 0, 1]   [0, 0, 1]   exact
    let predicted = Matrix([[1, 0, 1], [0, 1, 0], [0, 0, 1]])
    let expected = Matrix([[1, 1, 1], [0, 1, 1], [0, 0, 1]])

    @Test func hammingLossOfAHandCase() {
        // 2 wrong cells of 9.
        #expect(isClose(hammingLoss(predicted: predicted, expected: expected), 2.0 / 9))
    }

    @Test func subsetAccuracyOfAHandCase() {
        // 1 exact row of 3.
        #expect(isClose(subsetAccuracy(predicted: predicted, expected: expected), 1.0 / 3))
    }

    @Test func microF1OfAHandCase() {
        // TP = 2 + 1 + 1 = 4, FP = 0, FN = 2: F1 = 8 / (8 + 0 + 2) = 0.8.
        #expect(isClose(microF1(predicted: predicted, expected: expected), 0.8))
    }

    @Test func probabilitiesAreThresholdedStrictlyAboveOneHalf() {
        // [0.9, 0.5, 0.7] reads as [1, 0, 1], the first row of the hand case.
        let probabilities = Matrix([[0.9, 0.5, 0.7]])
        let target = Matrix([[1, 1, 1]])
        #expect(isClose(hammingLoss(predicted: probabilities, expected: target), 1.0 / 3))
        #expect(subsetAccuracy(predicted: probabilities, expected: target) == 0)
        // TP 2, FN 1: 4 / 5.
        #expect(isClose(microF1(predicted: probabilities, expected: target), 0.8))
    }

    @Test func microF1WithNothingPositiveIsZero() {
        let zeros = Matrix(rows: 2, columns: 2)
        #expect(microF1(predicted: zeros, expected: zeros) == 0)
        #expect(hammingLoss(predicted: zeros, expected: zeros) == 0)
        #expect(subsetAccuracy(predicted: zeros, expected: zeros) == 1)
    }

    @Test func emptyGivesNaN() {
        let empty = Matrix(rows: 0, columns: 3)
        #expect(hammingLoss(predicted: empty, expected: empty).isNaN)
        #expect(subsetAccuracy(predicted: empty, expected: empty).isNaN)
        #expect(microF1(predicted: empty, expected: empty).isNaN)
    }
}
