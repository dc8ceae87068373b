import Testing
@testable import LossHarness
import LossLabTestSupport

// Reference values: Tests/Reference/scipy_statistics.py with SciPy 1.17.1
// (stats.ttest_rel(candidate, baseline) with its confidence_interval(0.95), and
// stats.wilcoxon(candidate, baseline) with its defaults).

struct PairedReference: Sendable, CustomTestStringConvertible {
    var name: String
    var baseline: [Double]
    var candidate: [Double]
    var meanDifference: Double
    var standardDeviation: Double
    var tStatistic: Double
    var pValue: Double
    var lower95: Double
    var upper95: Double
    var wilcoxonStatistic: Double
    var wilcoxonPValue: Double

    var testDescription: String { name }
}

private let pairedReferences: [PairedReference] = [
    PairedReference(
        name: "losses, n = 10, exact",
        baseline: [0.2314, 0.2281, 0.2402, 0.2255, 0.2339, 0.2297, 0.2421, 0.2263, 0.2308, 0.2376],
        candidate: [0.2291, 0.2288, 0.2365, 0.224, 0.2301, 0.2299, 0.2398, 0.227, 0.2281, 0.2344],
        meanDifference: -0.00179, standardDeviation: 0.0017470292244582306,
        tStatistic: -3.240058570546674, pValue: 0.010157705457535537,
        lower95: -0.0030397494206487697, upper95: -0.0005402505793512303,
        wilcoxonStatistic: 6.0, wilcoxonPValue: 0.0234375),
    PairedReference(
        name: "n = 30, no ties, exact",
        baseline: [1.0, 1.0381, 1.0784, 1.1132, 1.1502, 1.1894, 1.2231, 1.259, 1.2971000000000001, 1.3374, 1.3722, 1.4092, 1.4484, 1.4821, 1.518, 1.5561, 1.5964, 1.6312, 1.6682, 1.7073999999999998, 1.7411, 1.777, 1.8151000000000002, 1.8554, 1.8901999999999999, 1.9271999999999998, 1.9664, 2.0001, 2.036, 2.0741],
        candidate: [0.95, 1.0798, 1.0688, 1.1953, 1.1809999999999998, 1.1689, 1.2943, 1.2789, 1.2657, 1.3977, 1.3812, 1.3669, 1.4977999999999998, 1.4802, 1.6078000000000001, 1.5946, 1.5836000000000001, 1.7101, 1.6958, 1.6836999999999998, 1.8091000000000002, 1.7936999999999999, 1.7805000000000002, 1.9124999999999999, 1.896, 2.0246999999999997, 2.0126, 1.995, 2.1226, 2.1094],
        meanDifference: 0.026016666666666643, standardDeviation: 0.04299211702669201,
        tStatistic: 3.3145414066441248, pValue: 0.0024722917214062457,
        lower95: 0.009963146336677449, upper95: 0.04207018699665584,
        wilcoxonStatistic: 99.0, wilcoxonPValue: 0.0050126127898693085),
    PairedReference(
        name: "n = 60, normal approximation",
        baseline: [2.0, 2.0223, 2.0471999999999997, 2.0747, 2.0879, 2.1206, 2.139, 2.16, 2.1836, 2.1929, 2.2217, 2.2361999999999997, 2.2533, 2.273, 2.2953, 2.3202, 2.3476999999999997, 2.3609, 2.3936, 2.412, 2.433, 2.4566, 2.4659, 2.4947, 2.5092, 2.5263, 2.5460000000000003, 2.5683000000000002, 2.5932, 2.6207, 2.6338999999999997, 2.6666, 2.685, 2.706, 2.7296, 2.7389, 2.7677, 2.7822, 2.7993, 2.819, 2.8413, 2.8662, 2.8937, 2.9069, 2.9396, 2.958, 2.979, 3.0026, 3.0119, 3.0406999999999997, 3.0551999999999997, 3.0723000000000003, 3.092, 3.1143, 3.1392, 3.1667, 3.1799, 3.2126, 3.231, 3.252],
        candidate: [1.93, 2.00761, 2.08782, 2.17063, 2.05214, 2.14015, 2.21386, 2.10317, 2.18208, 2.2466899999999996, 2.3308, 2.2136099999999996, 2.2860199999999997, 2.36103, 2.25164, 2.3318499999999998, 2.4146599999999996, 2.29617, 2.38418, 2.45789, 2.5342, 2.42611, 2.49072, 2.57483, 2.45764, 2.53005, 2.6050600000000004, 2.6826700000000003, 2.5758799999999997, 2.65869, 2.7272, 2.6282099999999997, 2.70192, 2.7782299999999998, 2.67014, 2.73475, 2.81886, 2.88867, 2.77408, 2.84909, 2.9267, 2.81991, 2.90272, 2.97123, 3.05924, 2.9459500000000003, 3.02226, 3.10117, 2.97878, 3.06289, 3.1327, 3.01811, 3.09312, 3.17073, 3.2509400000000004, 3.14675, 3.21526, 3.30327, 3.18998, 3.2662899999999997],
        meanDifference: 0.02512833333333332, standardDeviation: 0.054803100993749194,
        tStatistic: 3.5516828337523854, pValue: 0.0007598187479129199,
        lower95: 0.010971191152386307, upper95: 0.03928547551428033,
        wilcoxonStatistic: 506.0, wilcoxonPValue: 0.0026047837063895097),
    PairedReference(
        name: "ties and zeros, n = 12, exact with ties",
        baseline: [10.0, 12.0, 9.0, 11.0, 10.0, 13.0, 8.0, 12.0, 11.0, 10.0, 9.0, 12.0],
        candidate: [8.0, 12.0, 10.0, 10.0, 8.0, 13.0, 10.0, 9.0, 10.0, 8.0, 10.0, 10.0],
        meanDifference: -0.75, standardDeviation: 1.5447859516333116,
        tStatistic: -1.6818357317441643, pValue: 0.1207383276230351,
        lower95: -1.7315101670820219, upper95: 0.23151016708202188,
        wilcoxonStatistic: 12.0, wilcoxonPValue: 0.140625),
    PairedReference(
        name: "zeros without ties, n = 8, exact with ties",
        baseline: [10.0, 12.0, 9.0, 11.0, 10.0, 13.0, 8.0, 12.0],
        candidate: [10.0, 13.5, 8.75, 13.0, 13.5, 13.0, 12.0, 11.25],
        meanDifference: 1.25, standardDeviation: 1.7978161355218885,
        tStatistic: 1.9665714619400758, pValue: 0.08994451235797611,
        lower95: -0.2530119025397748, upper95: 2.753011902539775,
        wilcoxonStatistic: 3.0, wilcoxonPValue: 0.15625),
    PairedReference(
        name: "ties, n = 20, normal approximation",
        baseline: [10.0, 12.0, 9.0, 11.0, 10.0, 13.0, 8.0, 12.0, 11.0, 10.0, 9.0, 12.0, 14.0, 7.0, 10.0, 11.0, 12.0, 9.0, 10.0, 13.0],
        candidate: [11.0, 14.0, 8.0, 14.0, 12.0, 14.0, 12.0, 10.0, 13.0, 13.0, 10.0, 17.0, 13.0, 9.0, 13.0, 12.0, 14.0, 7.0, 14.0, 15.0],
        meanDifference: 1.6, standardDeviation: 1.930366749991743,
        tStatistic: 3.70676584023732, pValue: 0.0014964837161348908,
        lower95: 0.696560551329865, upper95: 2.503439448670135,
        wilcoxonStatistic: 28.0, wilcoxonPValue: 0.0036587357810991864),
    PairedReference(
        name: "zeros and ties, n = 20, normal approximation",
        baseline: [10.0, 12.0, 9.0, 11.0, 10.0, 13.0, 8.0, 12.0, 11.0, 10.0, 9.0, 12.0, 14.0, 7.0, 10.0, 11.0, 12.0, 9.0, 10.0, 13.0],
        candidate: [10.0, 14.0, 8.0, 14.0, 10.0, 14.0, 12.0, 10.0, 13.0, 10.0, 10.0, 17.0, 13.0, 9.0, 13.0, 11.0, 14.0, 7.0, 14.0, 15.0],
        meanDifference: 1.25, standardDeviation: 1.996707816698066,
        tStatistic: 2.799693524009876, pValue: 0.011431297501046283,
        lower95: 0.3155119763740408, upper95: 2.184488023625959,
        wilcoxonStatistic: 21.0, wilcoxonPValue: 0.013955407283824443),
    PairedReference(
        name: "constant non-zero difference, n = 5",
        baseline: [1.0, 2.0, 3.0, 4.0, 5.0],
        candidate: [1.5, 2.5, 3.5, 4.5, 5.5],
        meanDifference: 0.5, standardDeviation: 0.0,
        tStatistic: .infinity, pValue: 0.0,
        lower95: 0.5, upper95: 0.5,
        wilcoxonStatistic: 0.0, wilcoxonPValue: 0.0625),
    PairedReference(
        name: "two pairs",
        baseline: [1.0, 2.0],
        candidate: [1.25, 2.75],
        meanDifference: 0.5, standardDeviation: 0.3535533905932738,
        tStatistic: 2.0, pValue: 0.2951672353008665,
        lower95: -2.6765511840436735, upper95: 3.6765511840436735,
        wilcoxonStatistic: 0.0, wilcoxonPValue: 0.5),
]

struct PairedComparisonTests {
    /// p-values within 1e-8 relative as the brief asks; in practice they agree to about 1e-13.
    @Test(arguments: pairedReferences)
    func matchesSciPy(reference: PairedReference) throws {
        let comparison = try #require(PairedComparison(baseline: reference.baseline, candidate: reference.candidate))
        #expect(comparison.count == reference.baseline.count)
        #expect(comparison.nonFiniteCount == 0)
        #expect(isClose(comparison.meanDifference, reference.meanDifference, relative: 1e-13))
        #expect(isClose(comparison.standardDeviation, reference.standardDeviation, relative: 1e-12))
        #expect(isClose(comparison.tStatistic, reference.tStatistic, relative: 1e-12))
        #expect(isClose(comparison.pValue, reference.pValue, relative: 1e-8))
        #expect(isClose(comparison.confidenceInterval95.lower, reference.lower95, relative: 1e-10))
        #expect(isClose(comparison.confidenceInterval95.upper, reference.upper95, relative: 1e-10))
        #expect(comparison.wilcoxon.statistic == reference.wilcoxonStatistic)
        #expect(isClose(comparison.wilcoxonPValue, reference.wilcoxonPValue, relative: 1e-8))
    }

    /// Differences all 0: SciPy's t-test gives NaN (0 / 0); here t = 0 and p = 1.
    @Test func identicalResultsGiveNoEvidence() throws {
        let losses = [0.31, 0.29, 0.35, 0.33]
        let comparison = try #require(PairedComparison(baseline: losses, candidate: losses))
        #expect(comparison.meanDifference == 0)
        #expect(comparison.standardDeviation == 0)
        #expect(comparison.tStatistic == 0)
        #expect(comparison.pValue == 1)
        #expect(comparison.wilcoxonPValue == 1)
        #expect(comparison.confidenceInterval95 == ConfidenceInterval(lower: 0, upper: 0))
    }

    /// A constant non-zero difference has s = 0: t = ±∞ and p = 0 (as SciPy); the signed-rank test,
    /// with all ranks tied, gives 2 / 2⁴ at best.
    @Test func constantNegativeDifference() throws {
        let comparison = try #require(PairedComparison(baseline: [2, 3, 4, 5], candidate: [1, 2, 3, 4]))
        #expect(comparison.meanDifference == -1)
        #expect(comparison.tStatistic == -.infinity)
        #expect(comparison.pValue == 0)
        #expect(comparison.wilcoxonPValue == 0.125)
    }

    @Test func nonFinitePairsAreDroppedAndCounted() throws {
        let comparison = try #require(PairedComparison(
            baseline: [1.0, .nan, 2.0, 3.0, 4.0, .infinity],
            candidate: [1.5, 2.0, .nan, 2.5, 4.75, 1.0]))
        let reference = try #require(PairedComparison(baseline: [1.0, 3.0, 4.0], candidate: [1.5, 2.5, 4.75]))
        #expect(comparison.count == 3)
        #expect(comparison.nonFiniteCount == 3)
        #expect(comparison.pValue == reference.pValue)
        #expect(comparison.wilcoxonPValue == reference.wilcoxonPValue)
    }

    @Test func fewerThanTwoPairsGiveNil() {
        #expect(PairedComparison(baseline: [], candidate: []) == nil)
        #expect(PairedComparison(baseline: [1], candidate: [2]) == nil)
        #expect(PairedComparison(baseline: [1, .nan], candidate: [2, 3]) == nil)
    }

    @Test func swappingTheSidesNegatesTheDifference() throws {
        let a = [0.52, 0.48, 0.61, 0.55, 0.47], b = [0.50, 0.49, 0.58, 0.51, 0.46]
        let forward = try #require(PairedComparison(baseline: a, candidate: b))
        let backward = try #require(PairedComparison(baseline: b, candidate: a))
        #expect(isClose(forward.meanDifference, -backward.meanDifference, relative: 1e-15))
        #expect(isClose(forward.pValue, backward.pValue, relative: 1e-14))
        #expect(forward.wilcoxonPValue == backward.wilcoxonPValue)
    }
}
