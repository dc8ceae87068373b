import Testing
@testable import LossHarness
import LossLabTestSupport

struct ConfidenceIntervalTests {
    /// t(0.975, 9) = 2.262157162798205 (SciPy 1.17.1 stats.t.ppf, as in StudentTTests).
    @Test func studentIntervalForAMean() {
        let interval = ConfidenceInterval(mean: 10, standardError: 2, degreesOfFreedom: 9)
        #expect(isClose(interval.lower, 10 - 2 * 2.262157162798205, relative: 1e-14))
        #expect(isClose(interval.upper, 10 + 2 * 2.262157162798205, relative: 1e-14))
        #expect(isClose(interval.width, 4 * 2.262157162798205, relative: 1e-14))
        #expect(interval.contains(10))
        #expect(!interval.contains(20))
    }

    /// Infinitely many degrees of freedom give the normal interval, mean ± 1.959963984540054 · SE.
    @Test func normalLimitAndOtherLevels() {
        let normal = ConfidenceInterval(mean: 0, standardError: 1, degreesOfFreedom: .infinity)
        #expect(isClose(normal.upper, 1.959963984540054, relative: 1e-14))
        let narrower = ConfidenceInterval(mean: 0, standardError: 1, degreesOfFreedom: .infinity, level: 0.5)
        #expect(isClose(narrower.upper, 0.6744897501960817, relative: 1e-14))
    }
}
