import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

/// `run --quick`: caps on train experiments only, sweeps kept free of duplicates.
@Suite struct QuickSettingsTests {
    static func experiment(_ text: String, quick: Bool = false, seeds: Int? = nil) throws -> Experiment {
        try ExperimentLoader.load(data: Data(text.utf8), file: "test.json5", seeds: seeds, quick: quick)
    }

    static func quick(_ text: String, seeds: Int? = nil) throws -> Experiment {
        try experiment(text, quick: true, seeds: seeds)
    }

    static func values(_ experiment: Experiment, _ path: String) -> [JSONValue]? {
        experiment.field(path)?.values
    }

    @Test func trainExperimentsAreReduced() throws {
        let text = """
        { version: 1, name: "q", dataset: { generator: "gaussian", train_size: 1000, test_size: 300 },
          loss: ["mse"], training: { epochs: 20 }, seeds: 10 }
        """
        let quick = try Self.quick(text)
        #expect(quick.seeds == 2)
        #expect(Self.values(quick, "training.epochs") == [.number(3)])
        #expect(Self.values(quick, "dataset.train_size") == [.number(400)])
        #expect(Self.values(quick, "dataset.test_size") == [.number(300)])
        #expect(try Self.quick(text, seeds: 5).seeds == 5)
        #expect(quick.base.training.epochs == 3 && quick.base.dataset.trainSize == 400)
        #expect(Grid(quick).count == 2)
    }

    @Test func defaultsAreCappedToo() throws {
        let quick = try Self.quick("""
        { version: 1, name: "q", dataset: { generator: "gaussian" }, loss: ["mse"] }
        """)
        #expect(Self.values(quick, "training.epochs") == [.number(3)])
        #expect(Self.values(quick, "dataset.train_size") == [.number(400)])
        #expect(Self.values(quick, "dataset.test_size") == [.number(400)])
    }

    @Test func sweepsThatMeetUnderACapKeepOneOfEach() throws {
        let quick = try Self.quick("""
        { version: 1, name: "q", dataset: { generator: "gaussian", train_size: [100, 500, 1000], noise: [0.1, 0.2, 0.3] },
          loss: ["mse"], training: { epochs: [1, 5, 10] }, zip: [["dataset.noise", "training.epochs"]] }
        """)
        #expect(Self.values(quick, "dataset.train_size") == [.number(100), .number(400)])
        // Zipped: (0.1, 1), (0.2, 3), (0.3, 3) are three different combinations.
        #expect(Self.values(quick, "training.epochs") == [.number(1), .number(3), .number(3)])
        #expect(Self.values(quick, "dataset.noise") == [.number(0.1), .number(0.2), .number(0.3)])
        let grid = Grid(quick)
        #expect(Set(grid.trials.map(\.id)).count == grid.count)
        #expect(grid.count == 2 * 3 * 2)
    }

    @Test func zippedCombinationsThatMeetKeepOne() throws {
        let quick = try Self.quick("""
        { version: 1, name: "q", dataset: { generator: "gaussian", train_size: [500, 1000] },
          loss: ["mse"], training: { epochs: [5, 10] }, zip: [["dataset.train_size", "training.epochs"]] }
        """)
        #expect(Self.values(quick, "dataset.train_size") == [.number(400)])
        #expect(Self.values(quick, "training.epochs") == [.number(3)])
    }

    @Test func curvesExperimentsAreLeftAsWritten() throws {
        let text = """
        { version: 1, name: "c", kind: "curves", loss: ["mse", "mae"], curves: { points: 11 } }
        """
        let curves = try Self.experiment(text)
        let quick = try Self.quick(text)
        #expect(quick.seeds == curves.seeds)
        #expect(quick.fields == curves.fields)
        #expect(quick.source == curves.source)
    }
}
