import Foundation
import Testing
@testable import LossCore
import LossLabTestSupport

private typealias Stats = SampleStatistics

struct WideRangeGeneratorTests {
    /// log y ~ N(log_mean, s^2) with s = sqrt(log_spread^2 + noise^2) = 1.5033 by default, so the
    /// 1st and 99th percentiles of log10 y are 2 * 2.3263 * s / ln 10 = 3.038 decades apart.
    /// The standard error of an estimated p-quantile is sqrt(p (1 - p) / n) / phi(z_p) standard
    /// deviations; the span is checked to 5 of them (times sqrt 2 for two quantiles).
    @Test func defaultTargetsSpanThreeOrdersOfMagnitude() throws {
        let n = 200_000
        let dataset = Stats.draw(try WideRangeGenerator(parameters: Parameters()), count: n, seed: 41)
        let decades = Stats.column(dataset.targets).map(log10).sorted()
        let span = Stats.quantile(sorted: decades, 0.99) - Stats.quantile(sorted: decades, 0.01)
        let spread = (1.5 * 1.5 + 0.1 * 0.1).squareRoot() / log(10)
        let z = 2.326_347_874
        let quantileError = (0.01 * 0.99 / Double(n)).squareRoot() / Stats.normalDensity(z) * spread
        #expect(span >= 3)
        #expect(abs(span - 2 * z * spread) < 5 * 2.0.squareRoot() * quantileError)
    }

    /// log y - log(median) is the log-space noise, N(0, noise^2): mean within 5 noise / sqrt(n),
    /// variance within 5 sqrt(2/n) noise^2. The coefficients have length log_spread and the
    /// median is exp(log_mean + x . w).
    @Test func logResidualsAreTheNoiseAroundTheMedian() {
        let generator = WideRangeGenerator(features: 4, logMean: 3, logSpread: 2, noise: 0.5)
        let n = 20_000
        let dataset = Stats.draw(generator, count: n, seed: 42)
        let coefficients = dataset.truth.coefficients!
        #expect(abs(coefficients.reduce(0) { $0 + $1 * $1 }.squareRoot() - 2) < 1e-12)
        #expect(dataset.truth.intercept == 3)
        let median = dataset.truth.conditionalMean!
        let line = Stats.line(dataset.features, coefficients)
        #expect((0..<n).allSatisfy { Stats.isClose(log(Double(median[$0])), 3 + line[$0], relative: 1e-6) })
        let residuals = (0..<n).map { log(Double(dataset.targets[$0, 0])) - log(Double(median[$0])) }
        #expect(abs(Stats.mean(residuals)) < 5 * 0.5 / Double(n).squareRoot())
        #expect(abs(Stats.variance(residuals) - 0.25) < 5 * 0.25 * (2 / Double(n)).squareRoot())
    }

    @Test func extremeParametersStayFiniteAndPositive() {
        for logMean in [-30.0, 30] {
            let dataset = Stats.draw(WideRangeGenerator(features: 1, logMean: logMean, logSpread: 6, noise: 3), count: 5000, seed: 43)
            #expect(dataset.targets.isFinite)
            #expect(dataset.targets.storage.allSatisfy { $0 >= 0 })
        }
    }
}
