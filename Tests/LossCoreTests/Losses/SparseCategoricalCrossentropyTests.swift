import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("SparseCategoricalCrossentropy")
struct SparseCategoricalCrossentropyTests {
    @Test("integer labels: -log p_c, the numbers of categorical crossentropy")
    func handValues() {
        let loss = SparseCategoricalCrossentropy()
        // p = [0.7, 0.2, 0.1], label 0: -log 0.7 = 0.35667494.
        expectClose(lossValue(loss, predicted: [0.7, 0.2, 0.1], expected: [0]), 0.356_674_94, relative: handRelative,
                    "label 0")
        // The same gradient as CCE on the one-hot row: [-1/0.7 + 1, 1, 1].
        expectClose(lossGradient(loss, predicted: [0.7, 0.2, 0.1], expected: [0]), [-0.428_571_43, 1, 1],
                    relative: handRelative, "gradient")
        let p: [[Float]] = [[1.4, 0.4, 0.2], [0.05, 0.15, 0.3]]
        #expect(lossValues(loss, predicted: p, expected: [[2], [1]])
            == lossValues(CategoricalCrossentropy(), predicted: p, expected: [[0, 0, 1], [0, 1, 0]]))
    }

    @Test("logits: log-softmax")
    func logits() {
        // x = [2, 1, 0], label 0: log(e^2 + e + 1) - 2 = 0.40760596.
        expectClose(lossValue(SparseCategoricalCrossentropy(fromLogits: true), predicted: [2, 1, 0], expected: [0]),
                    0.407_605_96, relative: handRelative, "logits")
        expectFinite(SparseCategoricalCrossentropy(fromLogits: true), predicted: [[500, -500, 0], [-500, 500, 499]],
                     expected: [[1], [2]])
    }

    @Test("its own Keras name, fused with softmax into its logits form and nothing else")
    func nameAndFusion() throws {
        let loss = SparseCategoricalCrossentropy()
        #expect(loss.name == "sparse_categorical_crossentropy")
        let fused = try #require(loss.fused(with: .softmax) as? SparseCategoricalCrossentropy)
        #expect(fused.fromLogits && fused.fused(with: .softmax) == nil)
        for activation in Activation.allCases where activation != .softmax {
            #expect(loss.fused(with: activation) == nil, "\(activation)")
        }
        expectFusedMatchesUnfused(loss, .softmax, logits: [[2, -1, 0.5], [-3, 0, 3]], expected: [[0], [2]])
    }
}
