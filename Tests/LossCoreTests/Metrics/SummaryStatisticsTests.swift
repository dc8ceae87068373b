import Testing
@testable import LossCore
import LossLabTestSupport

@Suite struct SummaryStatisticsTests {
    @Test func mean() {
        // (1 + 2 + 6) / 3 = 3.
        #expect(SummaryStatistics.mean([1, 2, 6]) == 3)
        #expect(SummaryStatistics.mean([Double]()).isNaN)
        #expect(SummaryStatistics.mean([1, .nan]).isNaN)
    }

    @Test func medianOfOddAndEvenCounts() {
        // Sorted [1, 3, 7]: the middle value.
        #expect(SummaryStatistics.median([7, 1, 3]) == 3)
        // Sorted [1, 2, 4, 10]: (2 + 4) / 2 = 3.
        #expect(SummaryStatistics.median([10, 2, 1, 4]) == 3)
        #expect(SummaryStatistics.median([5]) == 5)
    }

    @Test func medianOfNothingOrNaNIsNaN() {
        #expect(SummaryStatistics.median([]).isNaN)
        #expect(SummaryStatistics.median([1, .nan, 3]).isNaN)
    }

    @Test func clampKeepsNaN() {
        #expect(SummaryStatistics.clamp(-3, lower: 0, upper: 1) == 0)
        #expect(SummaryStatistics.clamp(3, lower: 0, upper: 1) == 1)
        #expect(SummaryStatistics.clamp(0.25, lower: 0, upper: 1) == 0.25)
        #expect(SummaryStatistics.clamp(.nan, lower: 0, upper: 1).isNaN)
        #expect(SummaryStatistics.clamp(.infinity, lower: 0, upper: .infinity) == .infinity)
    }
}
