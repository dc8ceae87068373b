import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

/// Numeric extremes: every trial ends with a status and a message, never a crash of the run.
struct TrialExecutorTests {
    static func results(_ text: String) throws -> [TrialResult] {
        let experiment = try loadExperiment(text)
        let grid = Grid(experiment)
        return grid.trials.map { TrialExecutor.run($0, metrics: experiment.metrics, build: "test") }
    }

    /// A learning rate of 1000 (in range) makes SGD on MSE blow up: diverged, with where it happened.
    @Test func divergingLearningRateIsAStatus() throws {
        let results = try Self.results("""
        {name: "d", dataset: {generator: "gaussian", train_size: 100, test_size: 50}, loss: ["mse"],
         training: {optimizer: "sgd", learning_rate: 1000, epochs: 5}, seeds: 2}
        """)
        #expect(results.map(\.status) == [.diverged, .diverged])
        #expect(results.allSatisfy { $0.message.hasPrefix("loss became ") && $0.message.contains(" at epoch ") })
        #expect(results.allSatisfy { $0.metrics.isEmpty && $0.epochsRun < 5 })
    }

    /// The largest targets the schema allows (intercept and coefficient scale 1e6; 1e30 is refused
    /// by the schema) and log-normal targets near e^30 train to finite numbers or a clean status.
    @Test func hugeTargetsEndWithAStatus() throws {
        let results = try Self.results("""
        {name: "h", dataset: {generator: ["gaussian", "wide_range"], intercept: 1e6, coefficient_scale: 1e6, log_mean: 30, log_spread: 6,
         train_size: 100, test_size: 50}, loss: ["mse", "mae", "msle", "poisson", "log_cosh", "huber"], training: {epochs: 3}, seeds: 1}
        """)
        #expect(results.count == 12)
        for result in results {
            #expect([.completed, .diverged].contains(result.status), "\(result.label): \(result.status) \(result.message)")
            if result.status == .completed { #expect(result.metrics["rmse"]??.isFinite == true, "\(result.label)") }
            if result.status == .diverged { #expect(!result.message.isEmpty) }
        }
        let refused = try #require(throws: SpecErrors.self) {
            try loadExperiment(#"{name: "h", dataset: {generator: "gaussian", intercept: 1e30}, loss: ["mse"]}"#)
        }
        #expect(refused.description == "test.json5: dataset.intercept = 1e+30: expected a number in [-1000000, 1000000]")
    }

    /// Almost all one class (the generator refuses a zero proportion: proportions [1, 0] is a
    /// validation error): the classifiers still train and report their metrics.
    @Test func nearlySingleClassData() throws {
        let results = try Self.results("""
        {name: "c", dataset: {generator: "classes", classes: 2, proportions: [1, 1e-9], train_size: 50, test_size: 30},
         loss: ["cce", "bce", "hinge", "focal"], training: {epochs: 2}, seeds: 1}
        """)
        #expect(results.map(\.status) == [.completed, .completed, .completed, .completed])
        #expect(results.allSatisfy { $0.metrics["accuracy"]??.isFinite == true })
    }

    /// Targets that do not vary (no noise, coefficients near zero), standardised: no crash, and
    /// MSLE's log of a constant is fine.
    @Test func constantTargets() throws {
        let results = try Self.results("""
        {name: "k", dataset: {generator: "gaussian", noise: 0, coefficient_scale: 1e-300, train_size: 40, test_size: 20, standardize: true},
         loss: ["mse", "msle", "poisson"], training: {epochs: 2}, seeds: 1}
        """)
        #expect(results.allSatisfy { [.completed, .diverged].contains($0.status) })
        #expect(results[0].status == .completed)
    }

    /// A trial too large for the machine is skipped with the numbers, before any allocation.
    @Test func memoryHogsAreSkipped() throws {
        let experiment = try loadExperiment("""
        {name: "m", dataset: {generator: "gaussian", train_size: [100, 10000000], features: 1000}, loss: ["mse"], seeds: 1}
        """)
        let grid = Grid(experiment)
        let skipped = TrialExecutor.run(grid.trial(at: 1), metrics: nil, build: "test")
        #expect(skipped.status == .skipped)
        #expect(skipped.message.hasPrefix("the trial would need about 187 GiB of memory (train_size + test_size = 10001000, layer sizes 1000-1)"))
        #expect(PairingCheck.problems(in: grid).isEmpty)
    }

    /// A trial past its time limit is recorded as a timeout.
    @Test func timeLimitIsAStatus() throws {
        let results = try Self.results("""
        {name: "t", dataset: {generator: "gaussian", train_size: 2000, test_size: 10}, loss: ["mse"],
         training: {epochs: 100000, time_limit: 0.05, batch_size: 1}, seeds: 1}
        """)
        #expect(results[0].status == .timeout)
        #expect(results[0].epochsRun < 100_000)
    }
}
