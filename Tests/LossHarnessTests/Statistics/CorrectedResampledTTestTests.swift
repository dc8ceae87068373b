import Testing
@testable import LossHarness
import LossLabTestSupport

// Reference values: Tests/Reference/multiple_comparisons.py (the Nadeau-Bengio statistic by its
// formula, p-values and intervals from scipy.stats.t).
@Suite struct CorrectedResampledTTestTests {
    @Test func matchesTheFormulaWithSciPy() throws {
        for reference in MultipleComparisonsReference.correctedResampled {
            let test = try #require(CorrectedResampledTTest(differences: reference.differences, trainFraction: reference.train,
                                                            testFraction: reference.test))
            #expect(isClose(test.tStatistic, reference.t, relative: 1e-12), "\(reference.name)")
            #expect(isClose(test.pValue, reference.p, relative: 1e-10), "\(reference.name)")
            #expect(isClose(test.confidenceInterval95.lower, reference.lower95, relative: 1e-10), "\(reference.name)")
            #expect(isClose(test.confidenceInterval95.upper, reference.upper95, relative: 1e-10), "\(reference.name)")
        }
    }

    /// The correction only ever widens: the same differences are less significant than under the
    /// paired t-test, and with n₂/n₁ → 0 the two agree.
    @Test func correctionWidensThePairedTest() throws {
        let differences = [0.012, 0.018, 0.007, 0.021, 0.015, 0.009, 0.017, 0.011, 0.02, 0.013]
        let paired = try #require(PairedComparison(differences: differences))
        let corrected = try #require(CorrectedResampledTTest(differences: differences, trainFraction: 0.9, testFraction: 0.1))
        #expect(corrected.pValue > paired.pValue)
        let tiny = try #require(CorrectedResampledTTest(differences: differences, trainFraction: 1, testFraction: 1e-12))
        #expect(isClose(tiny.pValue, paired.pValue, relative: 1e-9))
        #expect(CorrectedResampledTTest(differences: [0.1], trainFraction: 0.8, testFraction: 0.2) == nil)
        #expect(CorrectedResampledTTest(differences: [0.1, 0.1], trainFraction: 0.8, testFraction: 0.2)?.pValue == 0)
    }
}
