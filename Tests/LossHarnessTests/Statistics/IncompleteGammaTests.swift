import Testing
@testable import LossHarness
import LossLabTestSupport

// Reference values: Tests/Reference/multiple_comparisons.py (scipy.special.gammainc / gammaincc,
// stats.chi2.sf, stats.f.sf; the incomplete gamma checked with mpmath at 40 digits).
@Suite struct IncompleteGammaTests {
    @Test func matchesSciPy() {
        for (a, x, lower, upper) in MultipleComparisonsReference.incompleteGamma {
            #expect(isClose(IncompleteGamma.lower(a: a, x: x), lower, relative: 1e-12), "P(\(a), \(x))")
            #expect(isClose(IncompleteGamma.upper(a: a, x: x), upper, relative: 1e-12), "Q(\(a), \(x))")
        }
    }

    @Test func chiSquaredAndFisherTails() {
        for (nu, x, expected) in MultipleComparisonsReference.chiSquaredSurvival {
            #expect(isClose(ChiSquared(degreesOfFreedom: nu).survivalProbability(at: x), expected, relative: 1e-12), "chi2(\(nu)) > \(x)")
        }
        for (d1, d2, f, expected) in MultipleComparisonsReference.fisherSurvival {
            #expect(isClose(FisherF(numeratorDegreesOfFreedom: d1, denominatorDegreesOfFreedom: d2).survivalProbability(at: f),
                            expected, relative: 1e-12), "F(\(d1), \(d2)) > \(f)")
        }
    }

    /// Q(1, x) = e^(-x) exactly (the exponential distribution); the χ²(2) tail is the same.
    @Test func exponentialCase() {
        #expect(isClose(IncompleteGamma.upper(a: 1, x: 3), 0.049787068367863944, relative: 1e-14))
        #expect(isClose(ChiSquared(degreesOfFreedom: 2).survivalProbability(at: 6), 0.049787068367863944, relative: 1e-14))
        #expect(IncompleteGamma.lower(a: 2, x: 0) == 0 && IncompleteGamma.upper(a: 2, x: .infinity) == 0)
        #expect(FisherF(numeratorDegreesOfFreedom: 2, denominatorDegreesOfFreedom: 3).survivalProbability(at: .infinity) == 0)
    }
}
