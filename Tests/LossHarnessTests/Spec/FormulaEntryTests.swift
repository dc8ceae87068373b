import Foundation
import Testing
import LossCore
@testable import LossHarness
import LossLabTestSupport

/// Loss entries written as formulas: they validate into a loss definition of their own, sweep their
/// parameters, identify their trials by the formula, and train like a built-in loss. (The refusals
/// are in the bad-file corpus, `Fixtures/bad/formula-*.json5`.)
struct FormulaEntryTests {
    static let cauchy = """
    {name: "f", dataset: {generator: "outliers", train_size: 200, test_size: 100}, training: {epochs: 3}, seeds: 2,
     loss: ["mae", {name: "cauchy", formula: "log(1 + ((p - y) / c)^2)", parameters: {c: [0.5, 2]}}]}
    """

    /// The entry is a definition named by the entry, with the parameter `c` swept over two values;
    /// each built loss is the Cauchy loss at its `c`: at p = 3, y = 1, c = 0.5 it is
    /// log(1 + (2 / 0.5)^2) = log 17, and its derivative 2 (p - y) / (c^2 + (p - y)^2) = 4 / 4.25.
    @Test func aFormulaEntryIsALossOfItsOwnWithSweptParameters() throws {
        let experiment = try loadExperiment(Self.cauchy)
        let entry = experiment.losses[1]
        #expect(entry.label == "cauchy")
        #expect(entry.definition.alias == "cauchy" && entry.definition.targets == .values)
        #expect(entry.definition.naturalActivation == .identity && entry.definition.naturalEncoding == .values)
        #expect(entry.sweptPaths == ["loss.c"])
        let losses = entry.combinations.map(\.loss.loss)
        #expect(losses.count == 2)
        let first = try #require(losses[0] as? FormulaLoss)
        #expect(isClose(Double(first.elementValue(predicted: 3, expected: 1)), log(17.0), relative: 1e-6))
        #expect(isClose(Double(first.elementDerivative(predicted: 3, expected: 1)), 4 / 4.25, relative: 1e-6))
        let second = try #require(losses[1] as? FormulaLoss)
        // c = 2: log(1 + 1) and 2 * 2 / (4 + 4).
        #expect(isClose(Double(second.elementValue(predicted: 3, expected: 1)), log(2.0), relative: 1e-6))
        #expect(isClose(Double(second.elementDerivative(predicted: 3, expected: 1)), 0.5, relative: 1e-6))
        #expect(Grid(experiment).trials.map(\.series).suffix(2) == ["cauchy(c=2)", "cauchy(c=2)"])
    }

    /// The trial id hashes the formula's canonical text and pairing: a respelling keeps the trials,
    /// an edit of the formula or of its activation redoes them.
    @Test func theTrialIdFollowsTheFormula() throws {
        func ids(_ text: String) throws -> [String] { Grid(try loadExperiment(text)).trials.map(\.id) }
        let original = try ids(Self.cauchy)
        let respelled = try ids(Self.cauchy.replacingOccurrences(of: "log(1 + ((p - y) / c)^2)", with: "log(1+((p-y)/c)^2)"))
        let edited = try ids(Self.cauchy.replacingOccurrences(of: "log(1 + ((p - y) / c)^2)", with: "log(1 + ((p - y) / c)^2) / 2"))
        let softplus = try ids(Self.cauchy.replacingOccurrences(of: "parameters: {c: [0.5, 2]}",
                                                                with: "parameters: {c: [0.5, 2]}, activation: \"softplus\""))
        #expect(respelled == original)
        #expect(edited.prefix(2) == original.prefix(2), "the MAE trials stay")
        #expect(Set(edited.suffix(4)).isDisjoint(with: original))
        #expect(Set(softplus.suffix(4)).isDisjoint(with: original))
    }

    /// `(p - y)^2` written as a formula trains as MSE does: the same data, initial weights and
    /// updates, so the same test metrics (to float32 rounding of a different evaluation order).
    @Test func aFormulaForMSETrainsLikeMSE() throws {
        let experiment = try loadExperiment("""
        {name: "m", dataset: {generator: "gaussian", train_size: 300, test_size: 200, noise: 0.5}, training: {epochs: 5}, seeds: 1,
         loss: ["mse", {name: "square", formula: "(p - y)^2"}], metrics: ["mse", "mae"]}
        """)
        let results = Grid(experiment).trials.map { TrialExecutor.run($0, metrics: experiment.metrics, build: "test") }
        #expect(results.map(\.status) == [.completed, .completed])
        for metric in ["mse", "mae"] {
            let builtIn = try #require(results[0].metrics[metric] ?? nil)
            let formula = try #require(results[1].metrics[metric] ?? nil)
            #expect(isClose(formula, builtIn, relative: 1e-4), "\(metric): \(formula) against \(builtIn)")
        }
        #expect(results[0].id != results[1].id)
    }

    /// A formula's parameter is a loss parameter like any other: claims and `where` name it as
    /// `loss.c`, and a value outside float32 is refused under `parameters`.
    @Test func parametersAreSweptFieldsOfTheEntry() throws {
        let experiment = try loadExperiment(Self.cauchy.replacingOccurrences(
            of: "seeds: 2,", with: #"seeds: 2, expect: [{metric: "mae", better: "cauchy", than: "mae", where: {"loss.c": 2}}],"#))
        #expect(experiment.expectations.first?.conditions["loss.c"] == .number(2))
        let refused = try #require(throws: SpecErrors.self) {
            try loadExperiment(Self.cauchy.replacingOccurrences(of: "{c: [0.5, 2]}", with: "{c: [0.5, 1e39]}"))
        }
        #expect(refused.errors.map(\.path) == ["loss[1].parameters.c"])
    }
}
