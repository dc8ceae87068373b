import LossCore
import Testing
@testable import LossHarness
import LossLabTestSupport

/// The one polarity table.
@Suite struct MeasureTests {
    @Test func metricsTakeTheirPolarityFromTheCatalogue() {
        for metric in Metric.allCases {
            let measure = Measure.named(metric.rawValue)
            #expect(measure?.kind == .quality)
            #expect(measure?.polarity == (metric.higherIsBetter ? .higherIsBetter : .lowerIsBetter))
        }
        #expect(Measure.named("mse")?.polarity == .lowerIsBetter)
        #expect(Measure.named("accuracy")?.polarity == .higherIsBetter)
    }

    @Test(arguments: ["train_seconds", "seconds", "min_seconds", "median_seconds"])
    func timingsAreBetterLower(name: String) {
        #expect(Measure.named(name) == Measure(name: name, kind: .timing, polarity: .lowerIsBetter))
    }

    @Test(arguments: ["samples_per_second", "gflops", "trials_per_second"])
    func throughputsAreBetterHigher(name: String) {
        #expect(Measure.named(name) == Measure(name: name, kind: .throughput, polarity: .higherIsBetter))
    }

    @Test(arguments: ["epochs_run", "seed", "loss", "dataset.noise", "threads", "secondsx"])
    func otherColumnsAreNotMeasures(name: String) {
        #expect(Measure.named(name) == nil)
    }

    @Test func improvementFollowsThePolarity() {
        #expect(Measure.named("mse")!.isImprovement(change: -1))
        #expect(!Measure.named("mse")!.isImprovement(change: 1))
        #expect(Measure.named("gflops")!.isImprovement(change: 1))
        #expect(Measure.knownNames.allSatisfy { Measure.named($0) != nil })
    }
}
