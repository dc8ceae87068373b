import Foundation
import Testing
@testable import LossCore
import LossLabTestSupport

private typealias Stats = SampleStatistics

struct PoissonGeneratorTests {
    /// Given x, y ~ Poisson(rate), so y - rate has mean 0 and variance rate, and (y - rate)^2 has
    /// mean rate and variance rate + 2 rate^2 (fourth central moment rate (1 + 3 rate)). Over
    /// independent samples: mean(y) - mean(rate) has standard error sqrt(mean(rate) / n) and
    /// mean((y - rate)^2) - mean(rate) has sqrt(mean(rate + 2 rate^2) / n). A mean count of 60
    /// puts most rates in the PTRS branch of nextPoisson, 2 in Knuth's.
    @Test(arguments: [2.0, 60])
    func countsScatterAroundTheRateAsPoisson(meanCount: Double) {
        let n = 50_000
        let dataset = Stats.draw(PoissonGenerator(meanCount: meanCount), count: n, seed: 51)
        let counts = Stats.column(dataset.targets)
        let rates = dataset.truth.conditionalMean!.map(Double.init)
        let meanRate = Stats.mean(rates)
        #expect(abs(Stats.mean(counts) - meanRate) < 5 * (meanRate / Double(n)).squareRoot())
        let squared = zip(counts, rates).map { ($0 - $1) * ($0 - $1) }
        let squaredError = (Stats.mean(rates.map { $0 + 2 * $0 * $0 }) / Double(n)).squareRoot()
        #expect(abs(Stats.mean(squared) - meanRate) < 5 * squaredError)
    }

    @Test func rateIsTheExponentialOfTheLineOnTheStoredFeatures() {
        let dataset = Stats.draw(PoissonGenerator(features: 3, coefficientScale: 0.5, meanCount: 4), count: 2000, seed: 52)
        #expect(dataset.truth.intercept == log(4))
        let line = Stats.line(dataset.features, dataset.truth.coefficients!)
        let rates = dataset.truth.conditionalMean!
        #expect((0..<2000).allSatisfy { Stats.isClose(Double(rates[$0]), exp(line[$0] + log(4)), relative: 1e-6) })
    }

    @Test func ratesAreCappedSoCountsStayExact() {
        let dataset = Stats.draw(PoissonGenerator(features: 50, coefficientScale: 10, meanCount: 1e6), count: 200, seed: 53)
        #expect(dataset.truth.conditionalMean!.allSatisfy { Double($0) <= PoissonGenerator.maximumRate })
        #expect(dataset.targets.storage.allSatisfy { $0.isFinite && $0 < 16_777_216 })
    }
}
