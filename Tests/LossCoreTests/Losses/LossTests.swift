import Testing
@testable import LossCore
import LossLabTestSupport

/// Every loss with its options, for the tests that apply to all of them.
let allLossConfigurations: [any Loss] = LossRegistry.builtIn.map { try! $0.make() } + [
    Huber(delta: 0.5),
    BinaryCrossentropy(fromLogits: true), BinaryCrossentropy(labelSmoothing: 0.1),
    BinaryFocalCrossentropy(fromLogits: true),
    BinaryFocalCrossentropy(gamma: 0.5, applyClassBalancing: true, labelSmoothing: 0.1),
    CategoricalCrossentropy(fromLogits: true), CategoricalCrossentropy(labelSmoothing: 0.1),
    CategoricalFocalCrossentropy(fromLogits: true),
    CategoricalFocalCrossentropy(gamma: 0.5, labelSmoothing: 0.1),
    SparseCategoricalCrossentropy(fromLogits: true),
] + formulaLossConfigurations

/// Formula losses with their parameters, named so that the tables can tell them apart.
let formulaLossConfigurations: [any Loss] = [
    formulaLoss("log(1 + ((p - y) / c)^2)", ["c": 0.5], name: "formula_cauchy"),
    formulaLoss("max(tau * (y - p), (tau - 1) * (y - p))", ["tau": 0.9], name: "formula_pinball"),
    formulaLoss("-(y * log(p) + (1 - y) * log(1 - p))", name: "formula_bce"),
    formulaLoss("where(abs(p - y) <= d, 0.5 * (p - y)^2, d * (abs(p - y) - 0.5 * d))", ["d": 0.5], name: "formula_huber"),
]

@Suite("Loss protocol")
struct LossTests {
    /// The (loss, activation) pairs that have a fused logits form; every other pair has none.
    static func hasFusedForm(_ loss: any Loss, _ activation: Activation) -> Bool {
        switch loss {
        case let bce as BinaryCrossentropy: activation == .sigmoid && !bce.fromLogits
        case let focal as BinaryFocalCrossentropy: activation == .sigmoid && !focal.fromLogits
        case let cce as CategoricalCrossentropy: activation == .softmax && !cce.fromLogits
        case let focal as CategoricalFocalCrossentropy: activation == .softmax && !focal.fromLogits
        case let sparse as SparseCategoricalCrossentropy: activation == .softmax && !sparse.fromLogits
        default: false
        }
    }

    @Test("fused(with:) exists exactly for sigmoid + binary and softmax + categorical losses on probabilities",
          arguments: Activation.allCases)
    func fusedPairs(_ activation: Activation) {
        for loss in allLossConfigurations {
            let fused = loss.fused(with: activation)
            #expect((fused != nil) == Self.hasFusedForm(loss, activation), "\(loss.name) with \(activation)")
            if let fused {
                #expect(fused.name == loss.name, "the fused form is the same loss on logits")
                #expect(fused.fused(with: activation) == nil, "\(loss.name): fused twice")
            }
        }
    }

    @Test("elementwise losses take the mean over the row: k copies of a column cost what one does")
    func elementwiseMean() {
        let single: [Float] = [0.3], double: [Float] = [0.3, 0.3]
        for loss in allLossConfigurations where loss is any ElementwiseLoss {
            // 0.3 against 1 is a valid input for every elementwise loss (probability, rate, score).
            let one = lossValue(loss, predicted: single, expected: [1])
            let two = lossValue(loss, predicted: double, expected: [1, 1])
            expectClose(two, one, relative: handRelative, "\(loss.name) mean over columns")
            // ... and each column gets half the gradient.
            let g1 = lossGradient(loss, predicted: single, expected: [1])[0]
            expectClose(lossGradient(loss, predicted: double, expected: [1, 1]), [g1 / 2, g1 / 2],
                        relative: handRelative, "\(loss.name) gradient / k")
        }
    }

    @Test("values() prepares the targets over the batch; preparedValues() does not")
    func preparation() {
        let p = Matrix([[0.3], [0.3]]), y = Matrix([[1], [0]])
        // Hinge with 0/1 targets: prepared, y = 0 becomes -1 (1.3); unprepared, it stays 0 (1).
        #expect(Hinge().values(predicted: p, expected: y) == Hinge().preparedValues(predicted: p, expected: Matrix([[1], [-1]])))
        #expect(Hinge().preparedValues(predicted: p, expected: y)[1] == 1)
    }

    @Test("preparedGradients scales each row by its row scale")
    func rowScales() {
        let loss = MeanSquaredError()
        let p = Matrix([[1, 2], [3, 4]]), y = Matrix([[0, 0], [0, 0]])
        var gradient = Matrix(rows: 0, columns: 0)
        loss.preparedGradients(predicted: p, expected: y, rowScale: [0.5, -2], into: &gradient)
        // Unscaled: 2 (p - y) / 2 = p. Scaled by 0.5 and -2.
        #expect(gradient == Matrix([[0.5, 1], [-6, -8]]))
        // The buffer is reshaped to fit, whatever it held.
        var reused = Matrix(rows: 5, columns: 1, repeating: 9)
        loss.preparedGradients(predicted: p, expected: y, rowScale: [1, 1], into: &reused)
        #expect(reused == Matrix([[1, 2], [3, 4]]))
    }

    @Test("every loss has a distinct Keras name")
    func names() {
        let names = LossRegistry.builtIn.map { try! $0.make().name }
        #expect(Set(names).count == names.count)
        #expect(names.contains("binary_crossentropy") && names.contains("categorical_focal_crossentropy"))
    }
}
