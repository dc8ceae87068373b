import Testing
@testable import LossCore
import LossLabTestSupport

private typealias Stats = SampleStatistics

struct BimodalGeneratorTests {
    /// y - x . w is +gap/2 + noise z with probability m and -gap/2 + noise z otherwise, so
    /// P(y > x . w) = m Phi(gap / (2 noise)) + (1 - m) Phi(-gap / (2 noise)), about m when the
    /// modes are well apart. Its mean is (2m - 1) gap / 2 and its variance
    /// noise^2 + gap^2 m (1 - m). Checked to 5 standard errors.
    @Test(arguments: [(4.0, 0.7, 0.3), (1.0, 0.5, 1.0), (4.0, 0.2, 0.3), (6.0, 1.0, 0.5)])
    func modesHaveTheirWeightsAroundTheLine(gap: Double, weight: Double, noise: Double) {
        let n = 50_000
        let dataset = Stats.draw(BimodalGenerator(features: 3, modeGap: gap, modeWeight: weight, noise: noise),
                                 count: n, seed: 61)
        let line = Stats.line(dataset.features, dataset.truth.coefficients!)
        let offsets = (0..<n).map { Double(dataset.targets[$0, 0]) - line[$0] }
        let above = Double(offsets.filter { $0 > 0 }.count) / Double(n)
        let half = gap / (2 * noise)
        let expected = weight * Stats.normalCDF(half) + (1 - weight) * Stats.normalCDF(-half)
        #expect(abs(above - expected) < 5 * Stats.proportionError(expected, count: n) + 1e-12)
        let meanOffset = (2 * weight - 1) * gap / 2
        let spread = (noise * noise + gap * gap * weight * (1 - weight)).squareRoot()
        #expect(abs(Stats.mean(offsets) - meanOffset) < 5 * spread / Double(n).squareRoot())
        #expect(dataset.truth.intercept == meanOffset)
        let mean = dataset.truth.conditionalMean!
        #expect((0..<n).allSatisfy { Stats.isClose(Double(mean[$0]), line[$0] + meanOffset, relative: 1e-6) })
    }
}
