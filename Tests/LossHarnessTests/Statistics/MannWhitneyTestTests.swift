import Testing
@testable import LossHarness
import LossLabTestSupport

// Reference values: Tests/Reference/scipy_statistics.py with SciPy 1.17.1
// (stats.mannwhitneyu(first, second) with its defaults).

struct WhitneyReference: Sendable, CustomTestStringConvertible {
    var name: String
    var first: [Double]
    var second: [Double]
    var uStatistic: Double
    var pValue: Double

    var testDescription: String { name }
}

/// 1 + 0.001 · ((37 i) mod 400) + 1e-7 · i for i = 0 ..< 400, evaluated in the same order as the
/// reference script so that the doubles are identical.
private let hundredValues: [Double] = (0..<400).map { (i: Int) -> Double in
    let step: Double = 0.001 * Double((37 * i) % 400)
    return 1.0 + step + 1e-7 * Double(i)
}

private let whitneyReferences: [WhitneyReference] = [
    WhitneyReference(
        name: "5 vs 7, exact",
        first: [1.912, 2.034, 1.877, 2.101, 1.958],
        second: [2.045, 2.187, 1.999, 2.23, 2.076, 2.154, 2.119],
        uStatistic: 4.0, pValue: 0.030303030303030304),
    WhitneyReference(
        name: "3 vs 20, exact",
        first: [0.61, 0.93, 0.7],
        second: [0.5, 0.67811, 0.8562200000000001, 0.63703, 0.81514, 0.59595, 0.77406, 0.55487, 0.73298, 0.5137900000000001, 0.6919, 0.8700100000000001, 0.6508200000000001, 0.82893, 0.6097400000000001, 0.78785, 0.56866, 0.74677, 0.5275799999999999, 0.70569],
        uStatistic: 38.0, pValue: 0.5138339920948616),
    WhitneyReference(
        name: "8 vs 8, exact",
        first: [3.1, 2.7, 3.4, 2.9, 3.3, 2.8, 3.6, 3.0],
        second: [3.25, 3.5, 3.15, 3.7, 3.45, 3.05, 3.8, 3.35],
        uStatistic: 14.0, pValue: 0.06495726495726495),
    WhitneyReference(
        name: "1 vs 4, exact",
        first: [2.5],
        second: [1.0, 2.0, 3.0, 4.0],
        uStatistic: 2.0, pValue: 1.0),
    WhitneyReference(
        name: "6 vs 6 separated, exact",
        first: [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
        second: [7.0, 8.0, 9.0, 10.0, 11.0, 12.0],
        uStatistic: 0.0, pValue: 0.0021645021645021645),
    WhitneyReference(
        name: "8 vs 400, exact with counts past 2^53",
        first: [1.05, 1.0031, 1.2, 1.333, 1.01, 1.39, 1.111, 1.0007],
        second: hundredValues,
        uStatistic: 1099.0, pValue: 0.13147731141554456),
    WhitneyReference(
        name: "9 vs 10, normal approximation",
        first: [2.1, 2.4, 1.9, 2.6, 2.2, 2.8, 2.0, 2.5, 2.3],
        second: [2.65, 2.95, 2.45, 3.1, 2.75, 2.55, 3.3, 2.85, 3.0, 2.7],
        uStatistic: 8.0, pValue: 0.0028804846690270907),
    WhitneyReference(
        name: "12 vs 15 with ties, normal approximation",
        first: [3.0, 4.0, 4.0, 5.0, 2.0, 3.0, 6.0, 4.0, 5.0, 3.0, 4.0, 7.0],
        second: [5.0, 6.0, 4.0, 7.0, 6.0, 5.0, 8.0, 6.0, 7.0, 5.0, 6.0, 9.0, 4.0, 6.0, 7.0],
        uStatistic: 30.0, pValue: 0.0031724568006762576),
    WhitneyReference(
        name: "4 vs 6 with ties, normal approximation",
        first: [1.0, 2.0, 2.0, 3.0],
        second: [2.0, 3.0, 4.0, 4.0, 5.0, 6.0],
        uStatistic: 2.5, pValue: 0.05062143177511651),
    WhitneyReference(
        name: "all equal, normal approximation",
        first: [1.5, 1.5, 1.5],
        second: [1.5, 1.5, 1.5, 1.5],
        uStatistic: 6.0, pValue: 1.0),
]

struct MannWhitneyTestTests {
    @Test func generatedSampleMatchesTheScript() {
        // The script's left-to-right sum of the same values.
        #expect(hundredValues.reduce(0, +) == 479.8079799999999)
    }

    @Test(arguments: whitneyReferences)
    func matchesSciPy(reference: WhitneyReference) throws {
        let test = try #require(MannWhitneyTest(first: reference.first, second: reference.second))
        #expect(test.uStatistic == reference.uStatistic)
        #expect(isClose(test.pValue, reference.pValue, relative: 1e-10), "p = \(test.pValue)")
        let effect = reference.uStatistic / Double(reference.first.count * reference.second.count)
        #expect(isClose(test.commonLanguageEffect, effect, relative: 1e-15))
    }

    /// U for samples of 2 and 2 takes 0, 1, 2, 2, 3, 4 over the C(4, 2) = 6 arrangements.
    @Test func frequenciesOfTwoAndTwo() {
        #expect(MannWhitneyTest.frequencies(smaller: 2, larger: 2) == [1, 1, 2, 1, 1])
    }

    /// Frequencies sum to C(m + n, m) and are symmetric about mn / 2.
    @Test(arguments: [(1, 5), (3, 4), (8, 8), (6, 30)])
    func frequenciesAreAGaussianBinomial(smaller: Int, larger: Int) {
        let counts = MannWhitneyTest.frequencies(smaller: smaller, larger: larger)
        var binomial = 1.0
        for i in 1...smaller { binomial = binomial * Double(larger + i) / Double(i) }
        #expect(counts.reduce(0, +) == binomial)
        #expect(counts == counts.reversed())
        #expect(counts.allSatisfy { $0 >= 1 })
    }

    @Test func methodFollowsSciPysRule() throws {
        let nine = (0..<9).map { Double($0) }, tenth = (0..<10).map { Double($0) + 0.5 }
        #expect(try #require(MannWhitneyTest(first: Array(nine.prefix(8)), second: tenth)).method == .exact)
        #expect(try #require(MannWhitneyTest(first: nine, second: tenth)).method == .normalApproximation)
        #expect(try #require(MannWhitneyTest(first: [1, 2], second: [2, 3])).method == .normalApproximation)
    }

    @Test func swappingTheSamplesComplementsU() throws {
        let a = [1.2, 3.4, 2.2, 5.1, 0.7], b = [2.9, 4.4, 6.0, 3.8]
        let forward = try #require(MannWhitneyTest(first: a, second: b))
        let backward = try #require(MannWhitneyTest(first: b, second: a))
        #expect(forward.uStatistic + backward.uStatistic == 20)
        #expect(forward.pValue == backward.pValue)
        #expect(forward.commonLanguageEffect + backward.commonLanguageEffect == 1)
    }

    @Test func nonFiniteValuesAreDroppedAndCounted() throws {
        let test = try #require(MannWhitneyTest(first: [1, .nan, 2, 3], second: [4, .infinity, 5]))
        let reference = try #require(MannWhitneyTest(first: [1, 2, 3], second: [4, 5]))
        #expect(test.firstCount == 3)
        #expect(test.secondCount == 2)
        #expect(test.nonFiniteCount == 2)
        #expect(test.pValue == reference.pValue)
        #expect(MannWhitneyTest(first: [.nan], second: [1, 2]) == nil)
        #expect(MannWhitneyTest(first: [], second: [1, 2]) == nil)
    }
}
