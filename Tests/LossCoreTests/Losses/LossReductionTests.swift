import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("LossReduction")
struct LossReductionTests {
    let values: [Float] = [1, 2, 3, 6]
    let weights: [Float] = [0.5, 2, 0, 1]

    @Test("unweighted: mean = sum / N, sum, none")
    func unweighted() {
        #expect(LossReduction.mean.reduce(values) == 3)
        #expect(LossReduction.sum.reduce(values) == 12)
        #expect(LossReduction.none.weighted(values, weights: nil) == values)
        // `none` has no scalar of its own; its summary is the mean.
        #expect(LossReduction.none.reduce(values) == 3)
        #expect(LossReduction.mean.reduce([]) == 0)
    }

    @Test("weighted: mean divides by N, not by the sum of the weights (Keras 3)")
    func weighted() {
        // w l = [0.5, 4, 0, 6]: sum 10.5, mean 10.5 / 4 = 2.625 (not 10.5 / 3.5 = 3).
        #expect(LossReduction.none.weighted(values, weights: weights) == [0.5, 4, 0, 6])
        #expect(LossReduction.sum.reduce(values, weights: weights) == 10.5)
        #expect(LossReduction.mean.reduce(values, weights: weights) == 2.625)
        // Weights of 0.5 halve the loss.
        #expect(LossReduction.mean.reduce(values, weights: [0.5, 0.5, 0.5, 0.5]) == 1.5)
    }

    @Test("row scales are d reduced / d l_i: w_i / N for mean, w_i for sum and none")
    func rowScales() {
        #expect(LossReduction.mean.rowScales(weights: nil, count: 4) == [0.25, 0.25, 0.25, 0.25])
        #expect(LossReduction.sum.rowScales(weights: nil, count: 3) == [1, 1, 1])
        #expect(LossReduction.none.rowScales(weights: nil, count: 2) == [0.5, 0.5])
        #expect(LossReduction.mean.rowScales(weights: weights, count: 4) == [0.125, 0.5, 0, 0.25])
        #expect(LossReduction.sum.rowScales(weights: weights, count: 4) == weights)
        #expect(LossReduction.mean.rowScales(weights: nil, count: 0) == [])
    }

    @Test("row scales are the derivative of reduce", arguments: [LossReduction.mean, .sum])
    func rowScalesDifferentiateReduce(_ reduction: LossReduction) {
        // reduce is linear in the values, so a unit step in l_i moves it by exactly rowScale_i.
        let scales = reduction.rowScales(weights: weights, count: values.count)
        for i in values.indices {
            var stepped = values
            stepped[i] += 1
            let change = reduction.reduce(stepped, weights: weights) - reduction.reduce(values, weights: weights)
            expectClose(change, scales[i], relative: 1e-6, "\(reduction) d/dl_\(i)")
        }
    }

    @Test("sums are accumulated in Double")
    func doubleAccumulation() {
        // 1e8 + 1 + ... + 1 - 1e8 in float32 loses every 1; in Double it keeps them.
        let values: [Float] = [1e8] + [Float](repeating: 1, count: 100) + [-1e8]
        #expect(LossReduction.sum.reduce(values) == 100)
    }

    @Test("class weights: one-hot rows by argmax, integer labels, binary columns by threshold 0.5")
    func classWeights() {
        let classWeights: [Float] = [0.5, 2, 3]
        #expect(sampleWeights(classWeights: classWeights, expected: Matrix([[0, 1, 0], [1, 0, 0], [0.1, 0.2, 0.7]]),
                              predictedColumns: 3) == [2, 0.5, 3])
        #expect(sampleWeights(classWeights: classWeights, expected: Matrix(column: [2, 0, 1]), predictedColumns: 3)
            == [3, 0.5, 2])
        #expect(sampleWeights(classWeights: classWeights, expected: Matrix(column: [0, 1, 0.7, 0.2]), predictedColumns: 1)
            == [0.5, 2, 2, 0.5])
        // A class without a weight gets 1.
        #expect(sampleWeights(classWeights: [0.5], expected: Matrix([[0, 1], [1, 0]]), predictedColumns: 2) == [1, 0.5])
    }

    @Test("class weights of signed binary targets: -1 is class 0 (LossLab's extension of Keras)")
    func signedClassWeights() {
        // Keras rounds -1 to class -1, which has no weight, so it gets 1; LossLab reads a single
        // binary column by the 0.5 threshold so that hinge targets in {-1, +1} are weighted as
        // their {0, 1} form would be. On {0, 1} targets the two agree (KerasAgreementTests).
        #expect(sampleWeights(classWeights: [0.5, 2], expected: Matrix(column: [-1, 1, -1]), predictedColumns: 1)
            == [0.5, 2, 0.5])
        #expect(classIndex(expectedRow: [-1], predictedColumns: 1) == 0)
        #expect(classIndex(expectedRow: [2], predictedColumns: 4) == 2)
        // Ties in a row go to the first class, as numpy's argmax.
        #expect(classIndex(expectedRow: [0.5, 0.5, 0], predictedColumns: 3) == 0)
    }

    @Test("weights that change a reduced loss change its gradient the same way")
    func weightedGradientMatchesReduction() {
        // Sum of w_i l_i over the batch, differentiated through preparedGradients with rowScales,
        // equals the reduction of the per-sample gradients: checked on MSE by linearity.
        let loss = MeanSquaredError()
        let p = Matrix([[1, 2], [3, 4]]), y = Matrix(rows: 2, columns: 2)
        var gradient = Matrix(rows: 0, columns: 0)
        loss.preparedGradients(predicted: p, expected: y, rowScale: LossReduction.mean.rowScales(weights: [2, 0.5], count: 2),
                               into: &gradient)
        // Per-sample gradient p; times w_i / 2.
        #expect(gradient == Matrix([[1, 2], [0.75, 1]]))
    }
}
