import Foundation
import Testing
@testable import LossCore
import LossLabTestSupport

@Suite struct MetricEvaluationTests {
    /// Three regression samples: predictions [1, 2, 4], targets [1, 3, 1], noiseless truth [1, 2, 2],
    /// true coefficients [1, 1, 3].
    private func regressionInputs(outputs: [Float] = [1, 2, 4], task: Task = .regression,
                                  truth: GroundTruth = GroundTruth(coefficients: [1, 1, 3], conditionalMean: [1, 2, 2]),
                                  fittedCoefficients: [Double]? = [1, 4, -1]) -> MetricInputs {
        let dataset = Dataset(features: Matrix(rows: 3, columns: 3), targets: Matrix(column: [1, 3, 1]),
                              task: task, truth: truth)
        return MetricInputs(outputs: Matrix(column: outputs), dataset: dataset, outputActivation: .identity,
                            fittedCoefficients: fittedCoefficients)
    }

    private func classificationInputs(outputs: Matrix, labels: [Float], classes: Int,
                                      activation: Activation) -> MetricInputs {
        let dataset = Dataset(features: Matrix(rows: labels.count, columns: 1), targets: Matrix(column: labels),
                              task: .classification(classes: classes))
        return MetricInputs(outputs: outputs, dataset: dataset, outputActivation: activation)
    }

    @Test func regressionMetricsFromOutputColumnZero() {
        let inputs = regressionInputs()
        // Differences [0, -1, 3]: MSE 10/3, MAE 4/3, median absolute error 1.
        #expect(isClose(evaluate(.meanSquaredError, inputs), 10.0 / 3))
        #expect(isClose(evaluate(.rootMeanSquaredError, inputs), (10.0 / 3).squareRoot()))
        #expect(isClose(evaluate(.meanAbsoluteError, inputs), 4.0 / 3))
        #expect(evaluate(.medianAbsoluteError, inputs) == 1)
        // Targets mean 5/3: SS_tot = 4/9 + 16/9 + 4/9 = 24/9 = 8/3; SS_res = 10: R^2 = 1 - 30/8 = -2.75.
        #expect(isClose(evaluate(.coefficientOfDetermination, inputs), -2.75))
        // Relative errors 0, 1/3, 3: median 1/3.
        #expect(isClose(evaluate(.medianRelativeError, inputs), 1.0 / 3))
    }

    @Test func truthMetrics() {
        let inputs = regressionInputs()
        // Against the truth [1, 2, 2]: differences [0, 0, 2], RMSE sqrt(4/3).
        #expect(isClose(evaluate(.truthRootMeanSquaredError, inputs), (4.0 / 3).squareRoot()))
        // Relative to the truth: 0, 0, 1: mean 1/3.
        #expect(isClose(evaluate(.rateError, inputs), 1.0 / 3))
        // Fitted [1, 4, -1] against [1, 1, 3]: sqrt(0 + 9 + 16) = 5.
        #expect(evaluate(.coefficientError, inputs) == 5)
    }

    @Test func countMetrics() {
        // y = [1, 3, 1], mu = [1, 2, 4]:
        // 2 (1 log 1 - 0) = 0; 2 (3 log 1.5 - 1); 2 (log 0.25 + 3). Mean of the three.
        let inputs = regressionInputs(task: .counts)
        let expected = (0 + 2 * (3 * log(1.5) - 1) + 2 * (log(0.25) + 3)) / 3
        #expect(isClose(evaluate(.poissonDeviance, inputs), expected))
        // (log 2 - log 2)^2 = 0, (log 3 - log 4)^2, (log 5 - log 2)^2.
        let logError = (pow(log(3.0) - log(4.0), 2) + pow(log(5.0) - log(2.0), 2)) / 3
        #expect(isClose(evaluate(.meanSquaredLogarithmicError, inputs), logError))
    }

    @Test func missingTruthOrCoefficientsGiveNil() {
        let noTruth = regressionInputs(truth: GroundTruth())
        #expect(evaluate(.truthRootMeanSquaredError, noTruth) == nil)
        #expect(evaluate(.rateError, noTruth) == nil)
        #expect(evaluate(.coefficientError, noTruth) == nil)
        #expect(evaluate(.coefficientError, regressionInputs(fittedCoefficients: nil)) == nil)
        #expect(evaluate(.coefficientError, regressionInputs(fittedCoefficients: [1, 2])) == nil)
    }

    @Test func inapplicableMetricsGiveNil() {
        let inputs = regressionInputs()
        #expect(evaluate(.accuracy, inputs) == nil)
        #expect(evaluate(.hammingLoss, inputs) == nil)
        let multiclass = classificationInputs(outputs: Matrix([[0.2, 0.3, 0.5]]), labels: [2], classes: 3,
                                              activation: .softmax)
        #expect(evaluate(.meanSquaredError, multiclass) == nil)
        #expect(evaluate(.areaUnderROCCurve, multiclass) == nil)
    }

    @Test func nonFiniteOutputsGiveNaN() {
        let diverged = regressionInputs(outputs: [1, .infinity, 4])
        #expect(evaluate(.meanSquaredError, diverged)?.isNaN == true)
        #expect(evaluate(.medianAbsoluteError, diverged)?.isNaN == true)
        #expect(evaluate(.truthRootMeanSquaredError, diverged)?.isNaN == true)
        // Still nil when the metric cannot be computed anyway, and coefficients do not read outputs.
        #expect(evaluate(.truthRootMeanSquaredError, regressionInputs(outputs: [.nan, 1, 1], truth: GroundTruth())) == nil)
        #expect(evaluate(.coefficientError, diverged) == 5)

        // An argmax of NaN would be class 0, which is right here; the accuracy must still be NaN.
        let classification = classificationInputs(outputs: Matrix([[.nan, .nan], [.nan, .nan]]), labels: [0, 1],
                                                  classes: 2, activation: .softmax)
        for metric in Metric.allCases where metric.applies(to: .classification(classes: 2)) {
            #expect(evaluate(metric, classification)?.isNaN == true, "\(metric)")
        }
    }

    @Test func binaryClassificationWithOneSigmoidOutput() {
        // p1 = [0.1, 0.4, 0.35, 0.8], labels [0, 0, 1, 1]: predicted [0, 0, 0, 1].
        let inputs = classificationInputs(outputs: Matrix(column: [0.1, 0.4, 0.35, 0.8]), labels: [0, 0, 1, 1],
                                          classes: 2, activation: .sigmoid)
        #expect(evaluate(.accuracy, inputs) == 0.75)
        // Recalls 1 and 1/2; two samples of each class, so the minority is class 0 (the lower index).
        #expect(evaluate(.balancedAccuracy, inputs) == 0.75)
        #expect(evaluate(.minorityRecall, inputs) == 1)
        #expect(evaluate(.areaUnderROCCurve, inputs) == 0.75)
        // -log of 0.9, 0.6, 0.35, 0.8.
        let logLossValue = -(log(0.9) + log(0.6) + log(0.35) + log(0.8)) / 4
        #expect(isClose(evaluate(.logLoss, inputs), logLossValue))
        // (p1 - y)^2: 0.01, 0.16, 0.4225, 0.04: mean 0.6325 / 4.
        #expect(isClose(evaluate(.brierScore, inputs), 0.6325 / 4))
    }

    @Test func multiclassMatchesThePureFunctions() {
        // Logits from an identity output; probabilities are their softmax.
        let outputs = Matrix([[2, 0, 0], [0, 1, 3], [1, 1, 0], [0, 4, 1], [3, 0, 1]])
        let labels: [Float] = [0, 2, 1, 1, 2]
        let inputs = classificationInputs(outputs: outputs, labels: labels, classes: 3, activation: .identity)
        let probabilities = classProbabilities(outputs: outputs, activation: .identity, task: .classification(classes: 3))
        let predicted = predictedLabels(probabilities: probabilities)
        let trueLabels = labels.map { Int($0) }
        #expect(predicted == [0, 2, 0, 1, 0])
        #expect(evaluate(.accuracy, inputs) == accuracy(predictedLabels: predicted, trueLabels: trueLabels))
        #expect(evaluate(.macroF1, inputs) == macroF1(predictedLabels: predicted, trueLabels: trueLabels, classes: 3))
        #expect(evaluate(.logLoss, inputs) == logLoss(probabilities: probabilities, trueLabels: trueLabels))
        #expect(evaluate(.brierScore, inputs) == brierScore(probabilities: probabilities, trueLabels: trueLabels))
        #expect(evaluate(.expectedCalibrationError, inputs)
                == expectedCalibrationError(probabilities: probabilities, trueLabels: trueLabels))
    }

    @Test func multilabelThresholdsProbabilities() {
        // Sigmoid outputs thresholded at 0.5 give the hand case of MultilabelMetricsTests.
        let outputs = Matrix([[0.9, 0.2, 0.8], [0.1, 0.7, 0.5], [0.3, 0.4, 0.6]])
        let targets = Matrix([[1, 1, 1], [0, 1, 1], [0, 0, 1]])
        let dataset = Dataset(features: Matrix(rows: 3, columns: 1), targets: targets, task: .multilabel(labels: 3))
        let inputs = MetricInputs(outputs: outputs, dataset: dataset, outputActivation: .sigmoid)
        let values = evaluate([.hammingLoss, .subsetAccuracy, .microF1, .accuracy], inputs)
        #expect(isClose(values[0], 2.0 / 9))
        #expect(isClose(values[1], 1.0 / 3))
        #expect(isClose(values[2], 0.8))
        #expect(values[3] == nil)
    }

    @Test func emptyDatasetGivesNil() {
        let dataset = Dataset(features: Matrix(rows: 0, columns: 1), targets: Matrix(rows: 0, columns: 1), task: .regression)
        let inputs = MetricInputs(outputs: Matrix(rows: 0, columns: 1), dataset: dataset, outputActivation: .identity)
        #expect(evaluate(Metric.allCases, inputs).allSatisfy { $0 == nil })
    }

    @Test(arguments: [Task.regression, .counts, .classification(classes: 2), .classification(classes: 3),
                      .multilabel(labels: 2)])
    func batchEvaluationEqualsOneAtATime(task: Task) {
        let outputs: Matrix
        let targets: Matrix
        let activation: Activation
        switch task {
        case .regression, .counts:
            outputs = Matrix(column: [0.5, 2, 3.5, 1])
            targets = Matrix(column: [1, 2, 4, 0])
            activation = .softplus
        case .classification(2):
            outputs = Matrix(column: [0.2, 0.9, 0.6, 0.4])
            targets = Matrix(column: [0, 1, 0, 1])
            activation = .sigmoid
        case .classification:
            outputs = Matrix([[1, 2, 0], [0, 0, 3], [2, 1, 1], [0, 1, 0]])
            targets = Matrix(column: [1, 2, 0, 0])
            activation = .relu
        case .multilabel:
            outputs = Matrix([[0.9, -0.5], [0.2, 0.7], [-1, 1], [0, 0]])
            targets = Matrix([[1, 0], [1, 1], [0, 1], [0, 0]])
            activation = .tanh
        }
        let truth = GroundTruth(coefficients: [1], conditionalMean: [1, 2, 3, 4])
        let dataset = Dataset(features: Matrix(rows: 4, columns: 1), targets: targets, task: task, truth: truth)
        let inputs = MetricInputs(outputs: outputs, dataset: dataset, outputActivation: activation, fittedCoefficients: [2])
        let batch = evaluate(Metric.allCases, inputs)
        for (metric, value) in zip(Metric.allCases, batch) {
            let single = evaluate(metric, inputs)
            #expect(single == value || (single?.isNaN == true && value?.isNaN == true), "\(metric)")
            #expect((value != nil) == metric.applies(to: task), "\(metric)")
        }
    }
}
