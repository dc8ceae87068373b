import Testing
@testable import LossHarness
import LossLabTestSupport

struct GridTests {
    /// A trial as a short line: the swept values in grid column order, the series and the repetition.
    static func describe(_ trial: Trial, _ grid: Grid) -> String {
        let values = grid.sweptPaths.filter { !$0.hasPrefix("loss.") }.map { "\($0.split(separator: ".").last!)=\(trial.swept[$0]!)" }
        return (values + [trial.series, "r\(trial.repetition)"]).joined(separator: " ")
    }

    /// The file writes learning_rate before epochs; the documented order sorts the axes by path
    /// (epochs before learning_rate), then loss entries in file order with their own parameters,
    /// then repetitions, the last varying fastest.
    @Test func orderIsTheDocumentedOne() throws {
        let experiment = try loadExperiment("""
        {name: "order", dataset: {generator: "gaussian"},
         training: {learning_rate: [0.01, 0.1], epochs: [1, 2]},
         loss: ["mse", {name: "huber", delta: [1, 2]}], seeds: 2}
        """)
        let grid = Grid(experiment)
        #expect(grid.count == 24)
        #expect(grid.sweptPaths == ["training.epochs", "training.learning_rate", "loss.delta"])
        let expected = """
        epochs=1 learning_rate=0.01 mse r0
        epochs=1 learning_rate=0.01 mse r1
        epochs=1 learning_rate=0.01 huber(delta=1) r0
        epochs=1 learning_rate=0.01 huber(delta=1) r1
        epochs=1 learning_rate=0.01 huber(delta=2) r0
        epochs=1 learning_rate=0.01 huber(delta=2) r1
        epochs=1 learning_rate=0.1 mse r0
        epochs=1 learning_rate=0.1 mse r1
        epochs=1 learning_rate=0.1 huber(delta=1) r0
        epochs=1 learning_rate=0.1 huber(delta=1) r1
        epochs=1 learning_rate=0.1 huber(delta=2) r0
        epochs=1 learning_rate=0.1 huber(delta=2) r1
        epochs=2 learning_rate=0.01 mse r0
        epochs=2 learning_rate=0.01 mse r1
        epochs=2 learning_rate=0.01 huber(delta=1) r0
        epochs=2 learning_rate=0.01 huber(delta=1) r1
        epochs=2 learning_rate=0.01 huber(delta=2) r0
        epochs=2 learning_rate=0.01 huber(delta=2) r1
        epochs=2 learning_rate=0.1 mse r0
        epochs=2 learning_rate=0.1 mse r1
        epochs=2 learning_rate=0.1 huber(delta=1) r0
        epochs=2 learning_rate=0.1 huber(delta=1) r1
        epochs=2 learning_rate=0.1 huber(delta=2) r0
        epochs=2 learning_rate=0.1 huber(delta=2) r1
        """.split(separator: "\n").map(String.init)
        #expect(grid.trials.map { Self.describe($0, grid) } == expected)
        #expect(grid.trials.map(\.index) == Array(0..<24))
    }

    /// Sections sort by name too: curves < dataset < model < training.
    @Test func sectionsSortByPath() throws {
        let experiment = try loadExperiment("""
        {name: "s", training: {epochs: [1, 2]}, model: {type: "mlp", hidden: [[4], [8]]},
         dataset: {generator: "gaussian", noise: [0.5, 1]}, loss: ["mse"], seeds: 1}
        """)
        let grid = Grid(experiment)
        #expect(grid.sweptPaths == ["dataset.noise", "model.hidden", "training.epochs"])
        #expect(grid.trials.map { Self.describe($0, grid) }.prefix(3) == [
            "noise=0.5 hidden=[4] epochs=1 mse r0", "noise=0.5 hidden=[4] epochs=2 mse r0", "noise=0.5 hidden=[8] epochs=1 mse r0",
        ])
    }

    /// A zip group is one axis, at the place of its first path in sorted order, its values taken
    /// together; the file may list the group's paths in any order.
    @Test func zipGroupVariesJointly() throws {
        let experiment = try loadExperiment("""
        {name: "z", dataset: {generator: "gaussian", noise: [0.1, 1, 10], features: [1, 2]},
         training: {epochs: [1, 2, 3]}, loss: ["mse"], seeds: 1,
         zip: [["training.epochs", "dataset.noise"]]}
        """)
        let grid = Grid(experiment)
        #expect(grid.count == 6)
        let expected = [
            "features=1 noise=0.1 epochs=1 mse r0", "features=1 noise=1 epochs=2 mse r0", "features=1 noise=10 epochs=3 mse r0",
            "features=2 noise=0.1 epochs=1 mse r0", "features=2 noise=1 epochs=2 mse r0", "features=2 noise=10 epochs=3 mse r0",
        ]
        #expect(grid.trials.map { Self.describe($0, grid) } == expected)
    }

    @Test func zipGroupsOfUnequalLengthAreRejected() throws {
        #expect(throws: SpecErrors.self) {
            try loadExperiment("""
            {name: "z", dataset: {generator: "gaussian", noise: [0.1, 1]}, training: {epochs: [1, 2, 3]},
             loss: ["mse"], zip: [["dataset.noise", "training.epochs"]]}
            """)
        }
    }

    /// A union of loss entries, each crossed with its own parameter grid only.
    @Test func lossEntriesCarryTheirOwnGrids() throws {
        let experiment = try loadExperiment("""
        {name: "u", dataset: {generator: "classes", separation: [1, 3]},
         loss: ["cce", {name: "focal", gamma: [0, 0.5, 1, 2, 5]}], seeds: 2}
        """)
        let grid = Grid(experiment)
        #expect(grid.count == 2 * (1 + 5) * 2)
        let series = Array(grid.trials.filter { $0.repetition == 0 && $0.swept["dataset.separation"] == .number(1) }.map(\.series))
        #expect(series == ["cce", "focal(gamma=0)", "focal(gamma=0.5)", "focal(gamma=1)", "focal(gamma=2)", "focal(gamma=5)"])
        let cce = grid.trials.first { $0.label == "cce" }!
        #expect(cce.swept["loss.gamma"] == nil)
        #expect(grid.sweptPaths == ["dataset.separation", "loss.gamma"])
    }

    /// Grid arithmetic saturates instead of overflowing, and the count is known without expanding.
    @Test func hugeGridsAreCountedWithoutExpansion() throws {
        let values = "[" + (2...101).map(String.init).joined(separator: ",") + "]"
        let experiment = try loadExperiment("""
        {name: "h", dataset: {generator: "gaussian", train_size: \(values), test_size: \(values), features: \(values)},
         training: {epochs: \(values), batch_size: \(values)}, loss: ["mse"], seeds: 10000}
        """)
        let grid = Grid(experiment)
        #expect(grid.count == 10_000_000_000 * 10_000)
        #expect(grid.trial(at: grid.count - 1).swept["training.epochs"] == .number(101))
    }
}
