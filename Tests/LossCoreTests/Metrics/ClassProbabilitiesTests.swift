import Foundation
import Testing
@testable import LossCore
import LossLabTestSupport

@Suite struct ClassProbabilitiesTests {
    private func probabilities(_ rows: [[Float]], _ activation: Activation, _ task: Task) -> [[Double]] {
        let matrix = classProbabilities(outputs: Matrix(rows), activation: activation, task: task)
        return (0..<matrix.rows).map { r in matrix.row(r).map(Double.init) }
    }

    private func rowsAreClose(_ a: [[Double]], _ b: [[Double]]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { isClose($0, $1, absolute: 1e-7) }
    }

    // MARK: K outputs

    @Test func softmaxOutputsAreTakenAsTheyAre() {
        let outputs: [[Float]] = [[0.2, 0.3, 0.5]]
        #expect(classProbabilities(outputs: Matrix(outputs), activation: .softmax, task: .classification(classes: 3))
                == Matrix(outputs))
    }

    @Test func nonNegativeOutputsAreRenormalised() {
        // [0.8, 0.4, 0.4] / 1.6 = [0.5, 0.25, 0.25].
        #expect(rowsAreClose(probabilities([[0.8, 0.4, 0.4]], .sigmoid, .classification(classes: 3)), [[0.5, 0.25, 0.25]]))
        // [1, 3] / 4.
        #expect(rowsAreClose(probabilities([[1, 3]], .exp, .classification(classes: 2)), [[0.25, 0.75]]))
        #expect(rowsAreClose(probabilities([[2, 6]], .softplus, .classification(classes: 2)), [[0.25, 0.75]]))
        #expect(rowsAreClose(probabilities([[0, 5]], .relu, .classification(classes: 2)), [[0, 1]]))
    }

    @Test func zeroRowBecomesUniform() {
        #expect(rowsAreClose(probabilities([[0, 0, 0]], .relu, .classification(classes: 3)), [[1.0 / 3, 1.0 / 3, 1.0 / 3]]))
    }

    @Test func tanhOutputsAreShiftedThenRenormalised() {
        // (a + 1) / 2 = [1, 0.5, 0], sum 1.5: [2/3, 1/3, 0].
        #expect(rowsAreClose(probabilities([[1, 0, -1]], .tanh, .classification(classes: 3)), [[2.0 / 3, 1.0 / 3, 0]]))
        // All -1: all 0 after the shift, so uniform.
        #expect(rowsAreClose(probabilities([[-1, -1]], .tanh, .classification(classes: 2)), [[0.5, 0.5]]))
    }

    @Test func identityOutputsAreLogits() {
        // softmax([0, log 3]) = [1, 3] / 4.
        #expect(rowsAreClose(probabilities([[0, Float(log(3.0))]], .identity, .classification(classes: 2)), [[0.25, 0.75]]))
        // Large logits do not overflow.
        #expect(rowsAreClose(probabilities([[500, 0]], .identity, .classification(classes: 2)), [[1, 0]]))
    }

    // MARK: One output, two classes

    @Test func oneSigmoidOutputIsTheProbabilityOfClassOne() {
        #expect(rowsAreClose(probabilities([[0.8], [0]], .sigmoid, .classification(classes: 2)), [[0.2, 0.8], [1, 0]]))
    }

    @Test func oneTanhOutputIsAScoreInMinusOneToOne() {
        // (0.5 + 1) / 2 = 0.75; (-1 + 1) / 2 = 0.
        #expect(rowsAreClose(probabilities([[0.5], [-1]], .tanh, .classification(classes: 2)), [[0.25, 0.75], [1, 0]]))
    }

    @Test func oneIdentityOutputIsALogit() {
        // sigmoid(0) = 0.5; sigmoid(log 3) = 3/4.
        let outputs: [[Float]] = [[0], [Float(log(3.0))]]
        #expect(rowsAreClose(probabilities(outputs, .identity, .classification(classes: 2)), [[0.5, 0.5], [0.25, 0.75]]))
    }

    @Test func otherOneOutputActivationsAreClipped() {
        #expect(rowsAreClose(probabilities([[1.7], [0.3]], .relu, .classification(classes: 2)), [[0, 1], [0.7, 0.3]]))
        #expect(rowsAreClose(probabilities([[0.3]], .softplus, .classification(classes: 2)), [[0.7, 0.3]]))
        #expect(rowsAreClose(probabilities([[2]], .exp, .classification(classes: 2)), [[0, 1]]))
        #expect(rowsAreClose(probabilities([[1]], .softmax, .classification(classes: 2)), [[0, 1]]))
    }

    // MARK: Multi-label

    @Test func multilabelColumnsFollowTheOneOutputRules() {
        #expect(rowsAreClose(probabilities([[0.9, 0.2]], .sigmoid, .multilabel(labels: 2)), [[0.9, 0.2]]))
        #expect(rowsAreClose(probabilities([[0.5, -1]], .tanh, .multilabel(labels: 2)), [[0.75, 0]]))
        #expect(rowsAreClose(probabilities([[0, Float(log(3.0))]], .identity, .multilabel(labels: 2)), [[0.5, 0.75]]))
        #expect(rowsAreClose(probabilities([[1.5, 0.4]], .relu, .multilabel(labels: 2)), [[1, 0.4]]))
    }

    @Test func nanStaysNaN() {
        let matrix = classProbabilities(outputs: Matrix([[.nan]]), activation: .identity, task: .classification(classes: 2))
        #expect(matrix.storage.allSatisfy { $0.isNaN })
        let clipped = classProbabilities(outputs: Matrix([[.nan]]), activation: .relu, task: .multilabel(labels: 1))
        #expect(clipped[0, 0].isNaN)
    }

    // MARK: Labels

    @Test func predictedLabelIsTheArgmaxWithTiesToTheLowestIndex() {
        let probabilities = Matrix([[0.1, 0.7, 0.2], [0.2, 0.4, 0.4], [0.5, 0.25, 0.25], [1.0 / 3, 1.0 / 3, 1.0 / 3]])
        #expect(predictedLabels(probabilities: probabilities) == [1, 1, 0, 0])
        #expect(predictedLabels(probabilities: Matrix([[0.5, 0.5]])) == [0])
    }

    @Test func predictedLabelSetsUseAStrictThresholdOfOneHalf() {
        let probabilities = Matrix([[0.9, 0.5, 0.500001, 0.1]])
        #expect(predictedLabelSets(probabilities: probabilities) == Matrix([[1, 0, 1, 0]]))
    }
}
