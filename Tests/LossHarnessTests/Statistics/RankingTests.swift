import Testing
@testable import LossHarness
import LossLabTestSupport

struct RankingTests {
    /// [3, 1, 4, 1, 5]: the two 1s share rank 1.5, then 3, 4, 5.
    @Test func midRanksWithTies() {
        let ranking = Ranking([3, 1, 4, 1, 5])
        #expect(ranking.doubledRanks == [6, 3, 8, 3, 10])
        #expect(ranking.tieGroupSizes == [2, 1, 1, 1])
        #expect(ranking.hasTies)
        #expect(ranking.tieCorrection == 6)
    }

    @Test func distinctValues() {
        let ranking = Ranking([0.5, -2, 7])
        #expect(ranking.doubledRanks == [4, 2, 6])
        #expect(!ranking.hasTies)
        #expect(ranking.tieCorrection == 0)
    }
}
