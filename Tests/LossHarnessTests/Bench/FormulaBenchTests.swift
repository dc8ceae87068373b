import Testing
@testable import LossCore
@testable import LossHarness
import LossLabTestSupport

/// The formula comparison of `losslab bench --compare-formula`: W1 with another loss, the same
/// path for the built-in and the formula.
struct FormulaBenchTests {
    @Test func everyVariantIsW1WithItsLoss() {
        let w1 = BenchWorkload.logistic.definition!
        for variant in FormulaBenchVariant.allCases {
            let definition = variant.definition
            #expect(definition.layerSizes == w1.layerSizes && definition.epochs == w1.epochs
                && definition.batchSize == w1.batchSize && definition.dataSeed == w1.dataSeed)
            let fused = Objective(loss: definition.loss, outputActivation: definition.outputActivation).isFused
            #expect(fused == (variant == .builtinFused), "\(variant)")
        }
        #expect(FormulaBenchVariant.formula.definition.loss is FormulaLoss)
    }

    @Test func unfusedLossIsItsBaseWithoutTheFusedForm() {
        let loss = UnfusedLoss(BinaryCrossentropy())
        #expect(loss.fused(with: .sigmoid) == nil && loss.name == "binary_crossentropy")
        let p = Matrix([[0.8, 0.3], [0.1, 0.95]]), y = Matrix([[1, 0], [0, 1]])
        #expect(loss.values(predicted: p, expected: y) == BinaryCrossentropy().values(predicted: p, expected: y))
    }

    /// The clipped formula is the built-in's own: two epochs of W1 land on the same test metrics,
    /// up to the last bits of the vector logarithm.
    @Test func theFormulaTrainsLikeTheBuiltInLoss() {
        func outcome(_ variant: FormulaBenchVariant) -> InProcessBench.Outcome {
            var definition = variant.definition
            definition.epochs = 2
            return InProcessBench(definition).run()
        }
        let builtIn = outcome(.builtinUnfused), formula = outcome(.formula)
        #expect(builtIn.status == .completed && formula.status == .completed)
        #expect(abs(builtIn.metric - formula.metric) <= 1.0 / 2_000, "accuracy \(builtIn.metric) vs \(formula.metric)")
        #expect(abs(builtIn.testLoss - formula.testLoss) <= 1e-5 * builtIn.testLoss,
                "test loss \(builtIn.testLoss) vs \(formula.testLoss)")
    }
}
