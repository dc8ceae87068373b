import Testing
@testable import LossCore
import LossLabTestSupport

private typealias Stats = SampleStatistics

struct OutliersGeneratorTests {
    /// Without noise a clean target equals its conditional mean exactly, and a corrupted one
    /// differs by outlier_scale |z| (zero only with probability ~1e-8 at float32 resolution), so
    /// corruption is observable. Checks, each to 5 standard errors:
    /// - the corrupted fraction is Bernoulli(outlier_fraction): se sqrt(f (1 - f) / n);
    /// - one-sided errors are all positive; two-sided ones positive half the time;
    /// - |error| = scale |z| has mean scale sqrt(2/pi) and standard deviation scale sqrt(1 - 2/pi).
    @Test(arguments: [(0.0, false), (0.1, false), (0.3, true), (1.0, true)])
    func corruptionHasTheRequestedFractionSignAndSize(fraction: Double, twoSided: Bool) {
        let scale = 20.0
        let generator = OutliersGenerator(clean: GaussianGenerator(noise: 0), outlierFraction: fraction,
                                          outlierScale: scale, twoSided: twoSided)
        let n = 20_000
        let dataset = Stats.draw(generator, count: n, seed: 31)
        let mean = dataset.truth.conditionalMean!
        let errors = (0..<n).map { Double(dataset.targets[$0, 0]) - Double(mean[$0]) }.filter { $0 != 0 }
        let observed = Double(errors.count) / Double(n)
        #expect(abs(observed - fraction) <= 5 * Stats.proportionError(fraction, count: n))
        guard !errors.isEmpty else { return }
        let positive = Double(errors.filter { $0 > 0 }.count) / Double(errors.count)
        if twoSided {
            #expect(abs(positive - 0.5) < 5 * Stats.proportionError(0.5, count: errors.count))
        } else {
            #expect(positive == 1)
        }
        let magnitudes = errors.map(abs)
        let expectedMagnitude = scale * (2 / Double.pi).squareRoot()
        let spread = scale * (1 - 2 / Double.pi).squareRoot()
        #expect(abs(Stats.mean(magnitudes) - expectedMagnitude) < 5 * spread / Double(magnitudes.count).squareRoot())
    }

    /// Corruptions come from their own stream: at the same seed the features, truth and every
    /// uncorrupted target are exactly gaussian's.
    @Test func cleanPartIsTheGaussianData() {
        let base = GaussianGenerator(features: 3, noise: 1)
        let outliers = Stats.draw(OutliersGenerator(clean: base, outlierFraction: 0.2), count: 2000, seed: 32)
        let gaussian = Stats.draw(base, count: 2000, seed: 32)
        #expect(outliers.features == gaussian.features)
        #expect(outliers.truth == gaussian.truth)
        let differing = (0..<2000).filter { outliers.targets[$0, 0] != gaussian.targets[$0, 0] }
        #expect(differing.allSatisfy { outliers.targets[$0, 0] > gaussian.targets[$0, 0] })
        // Binomial(2000, 0.2): mean 400, standard deviation sqrt(2000 * 0.2 * 0.8) = 17.9.
        #expect(abs(Double(differing.count) - 400) < 5 * 17.9)
    }
}
