import Testing
@testable import LossHarness
import LossLabTestSupport

// Reference values: Tests/Reference/multiple_comparisons.py (scipy.stats.friedmanchisquare and
// rankdata, stats.f.sf, scikit-posthocs posthoc_nemenyi_friedman and posthoc_siegel_friedman with
// Holm, stats.studentized_range, autorank).
@Suite struct FriedmanTestTests {
    @Test(arguments: MultipleComparisonsReference.friedman.indices)
    func matchesSciPyAndScikitPosthocs(_ index: Int) {
        let reference = MultipleComparisonsReference.friedman[index]
        let test = FriedmanTest(values: reference.values, lowerIsBetter: reference.lowerIsBetter)
        #expect(zip(test.meanRanks, reference.meanRanks).allSatisfy { isClose($0, $1, relative: 1e-14) }, "\(reference.name)")
        #expect(isClose(test.chiSquared, reference.chiSquared, relative: 1e-12), "\(reference.name)")
        #expect(isClose(test.pValue, reference.pValue, relative: 1e-11), "\(reference.name)")
        #expect(isClose(test.imanDavenport, reference.imanDavenport, relative: 1e-12), "\(reference.name)")
        #expect(isClose(test.imanDavenportPValue, reference.imanDavenportPValue, relative: 1e-11), "\(reference.name)")

        let posthoc = FriedmanPostHoc(meanRanks: test.meanRanks, blocks: test.blocks)
        #expect(posthoc.pairs.count == reference.nemenyiPValues.count)
        for (pair, (nemenyi, holm)) in zip(posthoc.pairs, zip(reference.nemenyiPValues, reference.holmPValues)) {
            #expect(isClose(pair.nemenyiPValue, nemenyi, relative: 1e-8, absolute: 1e-13), "\(reference.name) \(pair.first)-\(pair.second)")
            #expect(isClose(pair.holmPValue, holm, relative: 1e-12), "\(reference.name) \(pair.first)-\(pair.second)")
        }
        #expect(isClose(posthoc.criticalDifference, reference.criticalDifference, relative: 1e-9), "\(reference.name)")
        // autorank gives no CD for two methods (it compares them with a Wilcoxon test instead).
        if !reference.autorankCriticalDifference.isNaN {
            #expect(isClose(posthoc.criticalDifference, reference.autorankCriticalDifference, relative: 2e-3), "\(reference.name)")
        }
    }

    /// The numbers for the committed outliers settings: mean ranks huber 2.0, mae 2.2,
    /// log_cosh 2.4, mse 3.4, Friedman p = 0.32; no pair is separable (every pair inside the CD,
    /// 2.10 for k = 4, N = 5: q = 2.569 by Demšar's Table 5).
    @Test func outliersSettingsSeparateNoPair() {
        let reference = MultipleComparisonsReference.friedman[0]
        let test = FriedmanTest(values: reference.values, lowerIsBetter: true)
        #expect(test.meanRanks == [2.0, 2.4, 2.2, 3.4])
        #expect(String(format: "%.2f", test.pValue) == "0.32")
        let posthoc = FriedmanPostHoc(meanRanks: test.meanRanks, blocks: 5)
        #expect(String(format: "%.3f", posthoc.criticalRange) == "2.569")
        #expect(posthoc.pairs.allSatisfy { !$0.exceedsCriticalDifference && $0.holmPValue >= 0.05 })
        #expect(posthoc.cliques == [[0, 2, 1, 3]])
    }

    /// Cliques: ranks 1, 1.5, 3, 3.2 with CD 1: {0, 1} and {2, 3}; with CD 1.6 {0, 1}, {1, 2, 3}.
    @Test func cliquesAreMaximalRuns() {
        let ranks = [1.0, 1.5, 3.0, 3.2]
        var posthoc = FriedmanPostHoc(meanRanks: ranks, blocks: 4)
        // CD for k = 4, N = 4 is 2.569 · √(20/24) = 2.345: everything but 0-3 (2.2 < CD) is joined.
        #expect(posthoc.cliques == [[0, 1, 2, 3]])
        posthoc = FriedmanPostHoc(meanRanks: ranks, blocks: 40)
        // CD = 2.569 · √(20/240) = 0.742: {0, 1}, {2, 3}.
        #expect(posthoc.cliques == [[0, 1], [2, 3]])
    }

    /// Every block in the same order: χ²_F = N(k - 1), F_F infinite, p = 0.
    @Test func unanimousBlocks() {
        let test = FriedmanTest(values: [[1, 2, 3], [4, 5, 6], [0.1, 0.2, 0.3]], lowerIsBetter: true)
        #expect(test.meanRanks == [1, 2, 3])
        #expect(isClose(test.chiSquared, 6, relative: 1e-14))
        #expect(test.imanDavenport == .infinity && test.imanDavenportPValue == 0)
        #expect(FriedmanTest(values: [[1, 2, 3], [4, 5, 6]], lowerIsBetter: false).meanRanks == [3, 2, 1])
    }
}
