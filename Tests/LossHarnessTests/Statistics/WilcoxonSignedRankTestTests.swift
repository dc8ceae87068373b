import Testing
@testable import LossHarness
import LossLabTestSupport

// SciPy comparisons are in PairedComparisonTests; these check the method rule and the exact counts.

struct WilcoxonSignedRankTestTests {
    /// Ranks 1, 2, 3 (doubled 2, 4, 6): the 8 sign patterns give T⁺ = 0, 1, 2, 3, 3, 4, 5, 6.
    @Test func signFlipCountsOfThreeRanks() {
        let counts = WilcoxonSignedRankTest.signFlipCounts(doubledRanks: [2, 4, 6])
        #expect(counts == [1, 0, 1, 0, 1, 0, 2, 0, 1, 0, 1, 0, 1])
    }

    /// Five positive distinct differences: T⁺ = 15 is the most extreme of 2⁵ patterns, p = 2/32.
    @Test func allPositiveExact() {
        let test = WilcoxonSignedRankTest(differences: [0.5, 1.5, 2.5, 3.5, 4.5])
        #expect(test.method == .exact)
        #expect(test.positiveRankSum == 15)
        #expect(test.statistic == 0)
        #expect(test.pValue == 0.0625)
    }

    @Test func methodFollowsSciPysRule() {
        let distinct = (1...50).map { Double($0) * (($0 % 3 == 0) ? -1 : 1) }
        #expect(WilcoxonSignedRankTest(differences: distinct).method == .exact)
        #expect(WilcoxonSignedRankTest(differences: distinct + [51]).method == .normalApproximation)
        let withZero = Array(distinct.prefix(12)) + [0]
        #expect(WilcoxonSignedRankTest(differences: withZero).method == .exactWithTies)
        #expect(WilcoxonSignedRankTest(differences: withZero + [13]).method == .normalApproximation)
        let withTie = Array(distinct.prefix(12)) + [-1]
        #expect(WilcoxonSignedRankTest(differences: withTie).method == .exactWithTies)
    }

    /// Zero differences are dropped from the ranking but still count towards n for the method.
    @Test func zerosAreDropped() {
        let test = WilcoxonSignedRankTest(differences: [0, 0, 2, -1, 3])
        #expect(test.count == 5)
        #expect(test.zeroCount == 2)
        #expect(test.positiveRankSum == 5)
        #expect(test.negativeRankSum == 1)
    }

    /// All zeros with n > 13: SciPy gives NaN; here p = 1.
    @Test func allZeroDifferencesGiveOne() {
        let test = WilcoxonSignedRankTest(differences: Array(repeating: 0, count: 20))
        #expect(test.method == .normalApproximation)
        #expect(test.pValue == 1)
        #expect(WilcoxonSignedRankTest(differences: []).pValue == 1)
    }
}
