import Testing
@testable import LossCore
import LossLabTestSupport

struct GaussianDesignTests {
    @Test func rescaledHasTheRequestedLengthAndDirection() {
        let vector = GaussianDesign.rescaled([3, -4], toLength: 2)
        #expect(vector == [1.2, -1.6])
        #expect(GaussianDesign.rescaled([0, 0], toLength: 2) == [0, 0])
    }

    /// Exactly representable values, so the dot product is exact.
    @Test func dotUsesTheStoredFeatures() {
        #expect(GaussianDesign.dot([1.5, -2, 0.25], [2, 0.5, 4]) == 3 - 1 + 1)
    }

    /// Coefficients N(0, scale^2): the sample variance over n draws is within 5 sqrt(2/n) scale^2.
    @Test func normalVectorHasTheRequestedScale() {
        var generator = SplitMix64(seed: 1)
        let n = 50_000
        let values = GaussianDesign.normalVector(count: n, scale: 3, generator: &generator)
        #expect(abs(SampleStatistics.variance(values) - 9) < 5 * 9 * (2 / Double(n)).squareRoot())
    }
}
