import Testing
@testable import LossCore
import LossLabTestSupport

/// The two metrics of the quantile and reconstruction studies, on cases counted by hand.
struct CoverageAndBlurTests {
    /// y <= p for (p, y) = (1, 0), (1, 1), (1, 2), (0, -5), (-1, 3): yes, yes (equal), no, yes, no.
    @Test func coverageCountsTargetsAtOrBelowThePrediction() {
        #expect(coverage(predicted: [1, 1, 1, 0, -1], expected: [0, 1, 2, -5, 3]) == 3.0 / 5)
        #expect(coverage(predicted: [], expected: []).isNaN)
    }

    /// Mean prediction 3 against mean target 2: |3 - 2| / 2; a mean target of 0 has no relative bias.
    @Test func meanBiasIsTheRelativeDistanceOfTheMeans() {
        #expect(relativeMeanBias(predicted: [1, 5], expected: [2, 2]) == 0.5)
        #expect(relativeMeanBias(predicted: [1, 5], expected: [-1, 1]) == nil)
    }

    /// [0.1, 0.25, 0.5, 0.75, 0.9, 1]: 0.25, 0.5 and 0.75 are mid-grey (the ends count).
    @Test func midGreyShareCountsPredictionsBetweenAQuarterAndThreeQuarters() {
        #expect(midGreyShare(predicted: [0.1, 0.25, 0.5, 0.75, 0.9, 1]) == 0.5)
        #expect(midGreyShare(predicted: [0, 1, 0.24, 0.76]) == 0)
    }
}
