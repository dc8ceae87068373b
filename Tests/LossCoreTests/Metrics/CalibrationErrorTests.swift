import Testing
@testable import LossCore
import LossLabTestSupport

@Suite struct CalibrationErrorTests {
    @Test func handComputedCase() {
        // 15 bins of width 1/15; confidence c falls in bin ceil(15 c) - 1.
        //   [0.10, 0.90] true 1: confidence 0.90, bin 13 (13.5 -> 14 - 1), right.
        //   [0.88, 0.12] true 1: confidence 0.88, bin 13 (13.2 -> 14 - 1), wrong.
        //   [0.38, 0.62] true 1: confidence 0.62, bin 9 (9.3 -> 10 - 1), right.
        //   [0.55, 0.45] true 0: confidence 0.55, bin 8 (8.25 -> 9 - 1), right.
        // Bin 13: 2/4 |0.5 - 0.89| = 0.195; bin 9: 1/4 |1 - 0.62| = 0.095; bin 8: 1/4 |1 - 0.55| = 0.1125.
        // ECE = 0.4025.
        let probabilities = Matrix([[0.10, 0.90], [0.88, 0.12], [0.38, 0.62], [0.55, 0.45]])
        let value = expectedCalibrationError(probabilities: probabilities, trueLabels: [1, 1, 1, 0])
        #expect(isClose(value, 0.4025))
    }

    @Test func confidentAndRightIsCalibrated() {
        let probabilities = Matrix([[1, 0, 0], [0, 0, 1]])
        #expect(expectedCalibrationError(probabilities: probabilities, trueLabels: [0, 2]) == 0)
    }

    @Test func confidentAndWrongIsMaximallyMiscalibrated() {
        // One bin (the last, closed at 1) with accuracy 0 and confidence 1.
        #expect(expectedCalibrationError(probabilities: Matrix([[1, 0]]), trueLabels: [1]) == 1)
    }

    @Test func singleBinIsTheGapBetweenMeanConfidenceAndAccuracy() {
        // bins: 1: confidences 0.9 and 0.7 (mean 0.8), one right: |0.5 - 0.8| = 0.3.
        let probabilities = Matrix([[0.9, 0.1], [0.3, 0.7]])
        let value = expectedCalibrationError(probabilities: probabilities, trueLabels: [0, 0], bins: 1)
        #expect(isClose(value, 0.3))
    }

    @Test func uniformProbabilitiesFallInTheirBin() {
        // Three classes at 1/3: prediction class 0 (lowest index), confidence 1/3.
        // Half right: |0.5 - 1/3| = 1/6.
        let third: Float = 1.0 / 3
        let probabilities = Matrix([[third, third, third], [third, third, third]])
        let value = expectedCalibrationError(probabilities: probabilities, trueLabels: [0, 1])
        #expect(isClose(value, 1.0 / 6))
    }

    @Test func nanAndEmptyGiveNaN() {
        #expect(expectedCalibrationError(probabilities: Matrix([[.nan, .nan]]), trueLabels: [0]).isNaN)
        #expect(expectedCalibrationError(probabilities: Matrix(rows: 0, columns: 2), trueLabels: []).isNaN)
    }
}
