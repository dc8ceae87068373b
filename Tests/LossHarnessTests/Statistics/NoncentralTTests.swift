import Testing
@testable import LossHarness
import LossLabTestSupport

// Reference values: Tests/Reference/multiple_comparisons.py (stats.nct.cdf).
@Suite struct NoncentralTTests {
    @Test func matchesSciPy() {
        for (nu, delta, t, expected) in MultipleComparisonsReference.noncentralT {
            let distribution = NoncentralT(degreesOfFreedom: nu, noncentrality: delta)
            #expect(isClose(distribution.cumulativeProbability(at: t), expected, relative: 1e-10, absolute: 1e-13),
                    "F(\(t); \(nu), \(delta))")
            #expect(isClose(distribution.survivalProbability(at: t), 1 - expected, relative: 1e-10, absolute: 1e-13))
        }
    }

    /// With δ = 0 it is Student's t.
    @Test func zeroNoncentralityIsStudentT() {
        for t in [-3.0, -0.4, 0, 1.1, 6] {
            #expect(isClose(NoncentralT(degreesOfFreedom: 7, noncentrality: 0).cumulativeProbability(at: t),
                            StudentT(degreesOfFreedom: 7).cumulativeProbability(at: t), relative: 1e-12, absolute: 1e-15))
        }
    }
}
