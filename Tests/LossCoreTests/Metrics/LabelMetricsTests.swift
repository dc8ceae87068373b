import Testing
@testable import LossCore
import LossLabTestSupport

@Suite struct LabelMetricsTests {
    @Test func accuracyOfAHandCase() {
        // 3 of 4 right.
        #expect(accuracy(predictedLabels: [0, 1, 1, 2], trueLabels: [0, 1, 2, 2]) == 0.75)
        #expect(accuracy(predictedLabels: [], trueLabels: []).isNaN)
    }

    @Test func balancedAccuracyOnAnImbalancedConfusionMatrix() {
        // 8 samples of class 0 (7 right, 1 predicted as 1), 2 of class 1 (1 right):
        //            predicted 0  1
        //   true 0             7  1
        //   true 1             1  1
        // Recalls 7/8 and 1/2: balanced accuracy (0.875 + 0.5) / 2 = 0.6875; accuracy 8/10.
        let trueLabels = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1]
        let predicted = [0, 0, 0, 0, 0, 0, 0, 1, 1, 0]
        #expect(balancedAccuracy(predictedLabels: predicted, trueLabels: trueLabels, classes: 2) == 0.6875)
        #expect(accuracy(predictedLabels: predicted, trueLabels: trueLabels) == 0.8)
    }

    @Test func balancedAccuracyOfTheMajorityGuessIsOneOverK() {
        // Always class 0 on 9 zeros and 1 one: accuracy 0.9, balanced (1 + 0) / 2 = 0.5.
        let trueLabels = [Int](repeating: 0, count: 9) + [1]
        let predicted = [Int](repeating: 0, count: 10)
        #expect(balancedAccuracy(predictedLabels: predicted, trueLabels: trueLabels, classes: 2) == 0.5)
    }

    @Test func balancedAccuracyLeavesOutClassesOnlyPredicted() {
        // Class 0 recall 1/2, class 1 recall 1; class 2 is predicted but absent: (0.5 + 1) / 2.
        #expect(balancedAccuracy(predictedLabels: [0, 2, 1, 1], trueLabels: [0, 0, 1, 1], classes: 3) == 0.75)
    }

    @Test func macroF1WithAClassNeverPredicted() {
        // True [0, 0, 1, 1, 2, 2], predicted [0, 0, 1, 1, 1, 1]:
        // F1 class 0 = 1; class 1 = 2*2 / (2*2 + 2 + 0) = 2/3; class 2 (never predicted) = 0.
        // Macro (1 + 2/3 + 0) / 3 = 5/9.
        let value = macroF1(predictedLabels: [0, 0, 1, 1, 1, 1], trueLabels: [0, 0, 1, 1, 2, 2], classes: 3)
        #expect(isClose(value, 5.0 / 9))
    }

    @Test func macroF1IgnoresClassesNeitherPresentNorPredicted() {
        // As above with a fourth class that never appears: still 5/9.
        let value = macroF1(predictedLabels: [0, 0, 1, 1, 1, 1], trueLabels: [0, 0, 1, 1, 2, 2], classes: 4)
        #expect(isClose(value, 5.0 / 9))
    }

    @Test func macroF1CountsAPredictedButAbsentClassAsZero() {
        // True [0, 0], predicted [0, 1]: class 0 F1 = 2 / (2 + 0 + 1) = 2/3; class 1 F1 = 0. Mean 1/3.
        #expect(isClose(macroF1(predictedLabels: [0, 1], trueLabels: [0, 0], classes: 2), 1.0 / 3))
    }

    @Test func minorityRecallBreaksTiesTowardsTheLowestIndex() {
        // Supports: class 0 three, classes 1 and 2 two each: class 1 is the minority.
        // Class 1 samples predicted [1, 0]: recall 1/2.
        let value = minorityRecall(predictedLabels: [0, 0, 0, 1, 0, 2, 2], trueLabels: [0, 0, 0, 1, 1, 2, 2], classes: 3)
        #expect(value == 0.5)
    }

    @Test func minorityRecallIgnoresAbsentClasses() {
        // Class 2 is absent; class 1 (one sample, predicted 0) is the minority: recall 0.
        let value = minorityRecall(predictedLabels: [0, 0, 0], trueLabels: [0, 0, 1], classes: 3)
        #expect(value == 0)
        #expect(minorityRecall(predictedLabels: [], trueLabels: [], classes: 2).isNaN)
    }
}
