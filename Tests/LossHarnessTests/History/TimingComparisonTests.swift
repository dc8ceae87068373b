import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

/// The decision of `losslab bench --against`, on fixed timing samples.
@Suite struct TimingComparisonTests {
    static let baseline = [0.100, 0.102, 0.099, 0.101, 0.103, 0.098, 0.100, 0.104, 0.097, 0.101]

    @Test func aClearlySlowerCurrentIsARegression() {
        let slower = Self.baseline.map { $0 * 1.3 }
        let comparison = TimingComparison(series: ["W1_logistic"], baseline: ["W1_logistic": Self.baseline],
                                          current: ["W1_logistic": slower])
        #expect(comparison.verdict == .regression)
        #expect(isClose(comparison.rows[0].ratio, 1.3))
        // No overlap between the samples, max(U1, U2) = 100: with 10 a side and ties, the normal
        // approximation gives p ≈ 2 Φ(-(100 - 50 - 0.5) / sqrt(100 · 21 / 12)) = 1.8e-4.
        #expect(comparison.rows[0].test!.pValue < 0.001)
    }

    @Test func aClearlyFasterCurrentIsAnImprovement() {
        let faster = Self.baseline.map { $0 * 0.7 }
        let comparison = TimingComparison(series: ["W3_mlp"], baseline: ["W3_mlp": Self.baseline], current: ["W3_mlp": faster])
        #expect(comparison.verdict == .improvement)
    }

    @Test func aSignificantButSmallChangeIsUnchanged() {
        // 2% slower, every value: the test finds it (p < 0.05), the 5% threshold does not.
        let slightly = Self.baseline.map { $0 * 1.02 + 0.003 }
        let comparison = TimingComparison(series: ["W2_softmax"], baseline: ["W2_softmax": Self.baseline],
                                          current: ["W2_softmax": slightly])
        #expect(comparison.rows[0].ratio < 1.05)
        #expect(comparison.verdict == .unchanged)
        let strict = TimingComparison(series: ["W2_softmax"], baseline: ["W2_softmax": Self.baseline],
                                      current: ["W2_softmax": slightly], threshold: 0)
        #expect(strict.rows[0].test!.pValue < 0.05)
        #expect(strict.verdict == .regression)
    }

    @Test func aLargeRatioOnTooFewSamplesIsNotSignificant() {
        // Two values a side: the smallest two-sided exact p is 1/3.
        let comparison = TimingComparison(series: ["W5_sweep@2"], baseline: ["W5_sweep@2": [0.30, 0.31]],
                                          current: ["W5_sweep@2": [0.60, 0.62]])
        #expect(isClose(comparison.rows[0].test!.pValue, 1.0 / 3.0))
        #expect(comparison.verdict == .unchanged)
    }

    @Test func aRegressionAnywhereOutweighsImprovements() {
        let comparison = TimingComparison(series: ["a", "b", "c"],
                                          baseline: ["a": Self.baseline, "b": Self.baseline, "c": Self.baseline],
                                          current: ["a": Self.baseline.map { $0 * 0.5 }, "b": Self.baseline.map { $0 * 2 }])
        #expect(comparison.rows.map(\.series) == ["a", "b"])
        #expect(comparison.rows.map(\.verdict) == [.improvement, .regression])
        #expect(comparison.verdict == .regression)
    }

    @Test func thresholdsParseAsPercentOrFraction() {
        #expect(TimingComparison.parseThreshold("5%") == 0.05)
        #expect(TimingComparison.parseThreshold("0.1") == 0.1)
        #expect(TimingComparison.parseThreshold("-1%") == nil)
        #expect(TimingComparison.parseThreshold("fast") == nil)
    }
}
