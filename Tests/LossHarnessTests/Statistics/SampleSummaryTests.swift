import Testing
@testable import LossHarness
import LossLabTestSupport

// Reference values: Tests/Reference/scipy_statistics.py with SciPy 1.17.1 and NumPy 2.4.6 (np.mean,
// np.std(ddof=1), stats.sem, np.median, np.quantile, stats.t.interval(0.95, n - 1)).

struct SummaryReference: Sendable, CustomTestStringConvertible {
    var values: [Double]
    var count: Int
    var nonFiniteCount: Int
    var mean: Double
    var standardDeviation: Double
    var standardError: Double
    var median: Double
    var lowerQuartile: Double
    var upperQuartile: Double
    var minimum: Double
    var maximum: Double
    var lower95: Double
    var upper95: Double

    var testDescription: String { "\(values.count) values from \(values.first ?? .nan)" }
}

private let summaryReferences: [SummaryReference] = [
    SummaryReference(
        values: [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0],
        count: 8, nonFiniteCount: 0,
        mean: 5.0, standardDeviation: 2.138089935299395, standardError: 0.7559289460184544,
        median: 4.5, lowerQuartile: 4.0, upperQuartile: 5.5,
        minimum: 2.0, maximum: 9.0, lower95: 3.21251208176379, upper95: 6.787487918236209),
    SummaryReference(
        values: [0.2314, 0.2281, 0.2402, 0.2255, 0.2339, 0.2297, 0.2421, 0.2263, 0.2308, 0.2376],
        count: 10, nonFiniteCount: 0,
        mean: 0.23256000000000002, standardDeviation: 0.00575542256388607, standardError: 0.0018200244198605935,
        median: 0.2311, lowerQuartile: 0.22849999999999998, upperQuartile: 0.236675,
        minimum: 0.2255, maximum: 0.2421, lower95: 0.22844281872214472, upper95: 0.2366771812778553),
    SummaryReference(
        values: [1000000000.125, 1000000000.5, 1000000000.375, 999999999.75, 1000000001.0],
        count: 5, nonFiniteCount: 0,
        mean: 1000000000.35, standardDeviation: 0.46266888808304446, standardError: 0.20691181696558594,
        median: 1000000000.375, lowerQuartile: 1000000000.125, upperQuartile: 1000000000.5,
        minimum: 999999999.75, maximum: 1000000001.0, lower95: 999999999.7755207, upper95: 1000000000.9244794),
    SummaryReference(
        values: [3.0, 1.0],
        count: 2, nonFiniteCount: 0,
        mean: 2.0, standardDeviation: 1.4142135623730951, standardError: 1.0,
        median: 2.0, lowerQuartile: 1.5, upperQuartile: 2.5,
        minimum: 1.0, maximum: 3.0, lower95: -10.706204736174694, upper95: 14.706204736174694),
    SummaryReference(
        values: [0.731, .nan, 0.702, .infinity, 0.744, 0.698, .nan, 0.715, -.infinity],
        count: 5, nonFiniteCount: 4,
        mean: 0.7179999999999999, standardDeviation: 0.019429359227725464, standardError: 0.00868907359849139,
        median: 0.715, lowerQuartile: 0.702, upperQuartile: 0.731,
        minimum: 0.698, maximum: 0.744, lower95: 0.6938752641387651, upper95: 0.7421247358612346),
]

struct SampleSummaryTests {
    @Test(arguments: summaryReferences)
    func matchesSciPy(reference: SummaryReference) throws {
        let summary = SampleSummary(reference.values)
        #expect(summary.count == reference.count)
        #expect(summary.nonFiniteCount == reference.nonFiniteCount)
        #expect(isClose(summary.mean, reference.mean, relative: 1e-15))
        #expect(isClose(summary.standardDeviation, reference.standardDeviation, relative: 1e-12))
        #expect(isClose(summary.standardError, reference.standardError, relative: 1e-12))
        #expect(summary.median == reference.median)
        #expect(summary.lowerQuartile == reference.lowerQuartile)
        #expect(summary.upperQuartile == reference.upperQuartile)
        #expect(summary.minimum == reference.minimum)
        #expect(summary.maximum == reference.maximum)
        let interval = try #require(summary.confidenceInterval95)
        #expect(isClose(interval.lower, reference.lower95, relative: 1e-12))
        #expect(isClose(interval.upper, reference.upper95, relative: 1e-12))
    }

    /// Σ (xᵢ - 5)² = 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32, so s = √(32 / 7) = 2.1380899352993950.
    @Test func handDerivedMeanAndStandardDeviation() {
        let summary = SampleSummary([2, 4, 4, 4, 5, 5, 7, 9])
        #expect(summary.mean == 5)
        #expect(isClose(summary.standardDeviation, (32.0 / 7).squareRoot(), relative: 1e-15))
        #expect(isClose(summary.standardDeviation, 2.138089935299395, relative: 1e-15))
        #expect(isClose(summary.standardError, (32.0 / 7 / 8).squareRoot(), relative: 1e-15))
        #expect(summary.median == 4.5)
    }

    @Test func singleValueHasZeroSpreadAndNoInterval() {
        let summary = SampleSummary([3.25, .nan])
        #expect(summary.count == 1)
        #expect(summary.nonFiniteCount == 1)
        #expect(summary.mean == 3.25)
        #expect(summary.standardDeviation == 0)
        #expect(summary.standardError == 0)
        #expect(summary.median == 3.25)
        #expect(summary.confidenceInterval95 == nil)
    }

    @Test(arguments: [[Double](), [.nan, .infinity, -.infinity]])
    func noFiniteValueGivesNaN(values: [Double]) {
        let summary = SampleSummary(values)
        #expect(summary.count == 0)
        #expect(summary.nonFiniteCount == values.count)
        #expect(summary.mean.isNaN)
        #expect(summary.standardDeviation.isNaN)
        #expect(summary.median.isNaN)
        #expect(summary.minimum.isNaN)
        #expect(summary.confidenceInterval95 == nil)
    }

    @Test func orderOfValuesDoesNotMatter() {
        let values = [0.3, 0.1, 0.7, 0.5, 0.2, 0.9]
        #expect(SampleSummary(values) == SampleSummary(values.reversed()))
    }
}
