import Testing
@testable import LossCore
import LossLabTestSupport

@Suite struct ConfusionMatrixTests {
    // True [0, 0, 1, 1, 2, 2], predicted [0, 0, 1, 1, 1, 1]:
    //            predicted 0  1  2
    //   true 0             2  0  0
    //   true 1             0  2  0
    //   true 2             0  2  0
    let matrix = ConfusionMatrix(predictedLabels: [0, 0, 1, 1, 1, 1], trueLabels: [0, 0, 1, 1, 2, 2], classes: 3)

    @Test func counts() {
        #expect(matrix.counts == [2, 0, 0,
                                  0, 2, 0,
                                  0, 2, 0])
        #expect(matrix.count(actual: 2, predicted: 1) == 2)
        #expect(matrix.total == 6)
        #expect(matrix.correct == 4)
        #expect((0..<3).map { matrix.support(of: $0) } == [2, 2, 2])
        #expect((0..<3).map { matrix.predictions(of: $0) } == [2, 4, 0])
    }

    @Test func recallPrecisionAndF1() {
        // Class 1: TP 2, FP 2, FN 0: precision 1/2, recall 1, F1 = 4 / (4 + 2 + 0) = 2/3.
        #expect(matrix.recall(of: 1) == 1)
        #expect(matrix.precision(of: 1) == 0.5)
        #expect(isClose(matrix.f1(of: 1), 2.0 / 3))
        // Class 2, never predicted: precision undefined, recall 0, F1 0.
        #expect(matrix.precision(of: 2) == nil)
        #expect(matrix.recall(of: 2) == 0)
        #expect(matrix.f1(of: 2) == 0)
    }

    @Test func absentClassHasNoRecallAndNoF1() {
        let fourClasses = ConfusionMatrix(predictedLabels: [0, 1], trueLabels: [0, 1], classes: 4)
        #expect(fourClasses.recall(of: 3) == nil)
        #expect(fourClasses.precision(of: 3) == nil)
        #expect(fourClasses.f1(of: 3) == nil)
    }

    @Test func predictedButAbsentClassHasZeroF1() {
        // Class 1 predicted once, never true: precision 0, recall undefined, F1 = 0 / (0 + 1 + 0) = 0.
        let matrix = ConfusionMatrix(predictedLabels: [0, 1], trueLabels: [0, 0], classes: 2)
        #expect(matrix.precision(of: 1) == 0)
        #expect(matrix.recall(of: 1) == nil)
        #expect(matrix.f1(of: 1) == 0)
    }

    @Test func perClassRecallMarksAbsentClasses() {
        // Class 0: 1 of 2 right; class 1: 1 of 1; class 2: absent.
        let recalls = perClassRecall(predictedLabels: [0, 1, 1], trueLabels: [0, 0, 1], classes: 3)
        #expect(recalls == [0.5, 1, nil])
    }
}
