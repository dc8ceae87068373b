import Testing
@testable import LossHarness
import LossLabTestSupport

// Reference values: Tests/Reference/multiple_comparisons.py (stats.studentized_range(k, inf)).
@Suite struct StudentizedRangeTests {
    @Test func distributionMatchesSciPy() {
        for (k, q, cdf, sf) in MultipleComparisonsReference.studentizedRange {
            let range = StudentizedRange(groups: k)
            #expect(isClose(range.cumulativeProbability(at: q), cdf, relative: 1e-10, absolute: 1e-13), "F(\(q); \(k))")
            #expect(isClose(range.survivalProbability(at: q), sf, relative: 1e-9, absolute: 1e-15), "1 - F(\(q); \(k))")
        }
    }

    @Test func quantilesMatchSciPy() {
        for (k, p, expected) in MultipleComparisonsReference.studentizedRangeQuantiles {
            #expect(isClose(StudentizedRange(groups: k).quantile(probability: p), expected, relative: 1e-9), "Q(\(p); \(k))")
        }
    }

    /// For k = 2 the range is |Z₁ - Z₂| = √2 |Z|: P(range <= q) = 2Φ(q/√2) - 1.
    @Test func twoGroupsIsAFoldedNormal() {
        for q in [0.5, 1.96, 4.0] {
            let expected = 2 * StandardNormal.cumulativeProbability(at: q / 2.0.squareRoot()) - 1
            #expect(isClose(StudentizedRange(groups: 2).cumulativeProbability(at: q), expected, relative: 1e-12))
        }
    }
}
