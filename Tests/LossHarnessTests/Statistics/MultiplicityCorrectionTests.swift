import Testing
@testable import LossHarness
import LossLabTestSupport

// Reference values: Tests/Reference/multiple_comparisons.py (statsmodels multipletests).
@Suite struct MultiplicityCorrectionTests {
    @Test(arguments: MultipleComparisonsReference.adjustments.indices)
    func matchesStatsmodels(_ index: Int) {
        let reference = MultipleComparisonsReference.adjustments[index]
        let holm = MultiplicityCorrection.holm.adjusted(reference.pValues)
        let bh = MultiplicityCorrection.benjaminiHochberg.adjusted(reference.pValues)
        for (actual, expected) in zip(holm, reference.holm) { #expect(isClose(actual, expected, relative: 1e-14), "\(reference.name)") }
        for (actual, expected) in zip(bh, reference.benjaminiHochberg) { #expect(isClose(actual, expected, relative: 1e-14), "\(reference.name)") }
    }

    /// The count: under Holm over the 46 claims of the report, 7 of the 33 verdicts
    /// supported at p < 0.05 fall away.
    @Test func holmOverTheReportDropsSevenOfThirtyThree() {
        let raw = MultipleComparisonsReference.adjustments[0].pValues
        let holm = MultiplicityCorrection.holm.adjusted(raw)
        #expect(raw.count == 46)
        #expect(raw.filter { $0 < 0.05 }.count == 33)
        #expect(holm.filter { $0 < 0.05 }.count == 26)
    }

    /// By hand: p = (0.01, 0.04, 0.03), m = 3. Holm: 3·0.01 = 0.03, 2·0.03 = 0.06, max(0.06, 1·0.04)
    /// = 0.06. BH: 0.04·3/3 = 0.04, min(0.04, 0.03·3/2 = 0.045) = 0.04, 0.01·3/1 = 0.03.
    @Test func byHand() {
        #expect(MultiplicityCorrection.holm.adjusted([0.01, 0.04, 0.03]).map { ($0 * 1e12).rounded() / 1e12 } == [0.03, 0.06, 0.06])
        #expect(MultiplicityCorrection.benjaminiHochberg.adjusted([0.01, 0.04, 0.03]).map { ($0 * 1e12).rounded() / 1e12 } == [0.03, 0.04, 0.04])
        #expect(MultiplicityCorrection.holm.adjusted([]) == [])
    }
}
