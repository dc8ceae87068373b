import Testing
@testable import LossHarness
import LossLabTestSupport

// Reference values: Tests/Reference/multiple_comparisons.py (statsmodels TTestPower and
// TTestIndPower: power and solve_power).
@Suite struct TTestPowerTests {
    @Test func powerMatchesStatsmodels() {
        for (effect, n, alpha, one, two) in MultipleComparisonsReference.power {
            #expect(isClose(TTestPower(design: .oneSample, alpha: alpha).power(effect: effect, count: n), one, relative: 1e-9, absolute: 1e-12),
                    "one sample d = \(effect), n = \(n), alpha = \(alpha)")
            #expect(isClose(TTestPower(design: .twoSample, alpha: alpha).power(effect: effect, count: n), two, relative: 1e-9, absolute: 1e-12),
                    "two samples d = \(effect), n = \(n), alpha = \(alpha)")
        }
    }

    @Test func sampleSizeMatchesStatsmodels() throws {
        for (effect, alpha, one, two) in MultipleComparisonsReference.sampleSizes {
            let paired = try #require(TTestPower(design: .oneSample, alpha: alpha).solveCount(effect: effect))
            let independent = try #require(TTestPower(design: .twoSample, alpha: alpha).solveCount(effect: effect))
            #expect(isClose(paired, one, relative: 1e-9), "one sample d = \(effect), alpha = \(alpha)")
            #expect(isClose(independent, two, relative: 1e-9), "two samples d = \(effect), alpha = \(alpha)")
            #expect(TTestPower(design: .oneSample, alpha: alpha).sampleSize(effect: effect) == Int(one.rounded(.up)))
        }
    }

    /// d = 0.5 at α = 0.05 needs 33.4 pairs (statsmodels), so 34 seeds; no effect needs infinitely
    /// many (nil), no spread needs 2.
    @Test func seedsToAskFor() {
        let power = TTestPower()
        #expect(power.sampleSize(effect: 0.5) == 34)
        #expect(power.sampleSize(effect: 0) == nil)
        #expect(power.sampleSize(effect: .infinity) == 2)
        #expect(power.power(effect: 0.5, count: 34) >= 0.8 && power.power(effect: 0.5, count: 33) < 0.8)
    }

    /// The corrected resampled design with n₂/n₁ = 1/9 tops out at the power of δ = d·3: for d = 0.2
    /// (δ at most 0.6), 80% is out of reach at any number of splits; d = 2 reaches it.
    @Test func correctedResampledPowerIsBounded() {
        let resampled = TTestPower(design: .correctedResampled(testToTrainRatio: 1.0 / 9))
        #expect(resampled.sampleSize(effect: 0.2) == nil)
        let n = resampled.sampleSize(effect: 2)
        #expect(n != nil && n! >= 2 && resampled.power(effect: 2, count: Double(n!)) >= 0.8)
        #expect(resampled.power(effect: 2, count: 10) < TTestPower().power(effect: 2, count: 10))
    }
}
