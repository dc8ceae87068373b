/// The two-sided Wilcoxon signed-rank test of "the differences are symmetric about 0", with the
/// defaults of `scipy.stats.wilcoxon` (SciPy 1.17: `zero_method="wilcox"`, `correction=False`,
/// `method="auto"`).
///
/// Zero differences are dropped (Wilcoxon's method); the m remaining |dᵢ| get mid-ranks (ties share
/// the average rank) and T⁺ is the sum of the ranks of the positive differences. The p-value
/// `2 · min(P(T⁺ <= observed), P(T⁺ >= observed))`, capped at 1, comes from the first of these that
/// applies, where n counts the differences given *including* zeros (SciPy decides on n too):
///
/// 1. n > 50: the normal approximation below.
/// 2. No ties and no zeros: the exact null distribution of T⁺, every one of the 2^m sign patterns
///    equally likely (`method="exact"`).
/// 3. n <= 13 (ties or zeros present): the same sign-flip distribution counted with the mid-ranks
///    actually observed; this is the exact permutation test that SciPy runs through
///    `permutation_test`, which enumerates all 2^n patterns when 2^n <= 9999.
/// 4. Otherwise the normal approximation, without continuity correction:
///    z = (T⁺ - m(m + 1)/4) / σ, σ² = [m(m + 1)(2m + 1) - Σ(t³ - t)/2] / 24 over tie groups of size t,
///    and p = 2 Φ(-|z|).
///
/// Both exact distributions are counted by the generating function Π (1 + q^(2 rankᵢ)) on doubled
/// ranks, exact in Double since 2^m <= 2^50 counts stay below 2^53.
///
/// One deviation from SciPy: when every difference is zero and n > 13, SciPy returns NaN (σ = 0);
/// here the p-value is 1, as SciPy's own permutation test gives for n <= 13. Reference: F.
/// Wilcoxon, "Individual comparisons by ranking methods", Biometrics Bulletin 1 (1945).
public struct WilcoxonSignedRankTest: Sendable, Hashable {
    /// How the p-value was computed.
    public enum Method: String, Sendable, Hashable {
        /// The exact distribution of T⁺ without ties or zeros.
        case exact
        /// The exact sign-flip distribution of T⁺ with the observed tied ranks (SciPy's exact
        /// permutation test).
        case exactWithTies
        /// The normal approximation with tie correction.
        case normalApproximation
    }

    /// Differences given, zeros included.
    public let count: Int
    /// Differences equal to zero, which take no part in the ranking.
    public let zeroCount: Int
    /// T⁺, the sum of the ranks of the positive differences.
    public let positiveRankSum: Double
    /// T⁻, the sum of the ranks of the negative differences; T⁺ + T⁻ = m(m + 1)/2.
    public let negativeRankSum: Double
    public let pValue: Double
    public let method: Method

    /// min(T⁺, T⁻), the statistic SciPy reports for the two-sided test.
    public var statistic: Double { min(positiveRankSum, negativeRankSum) }

    /// Tests finite `differences` (a precondition); no differences at all give a p-value of 1.
    public init(differences: [Double]) {
        precondition(differences.allSatisfy(\.isFinite), "the signed-rank test needs finite differences")
        let nonZero = differences.filter { $0 != 0 }
        let ranking = Ranking(nonZero.map(abs))
        let m = nonZero.count
        let doubledTotal = m * (m + 1)
        var doubledPositive = 0
        for (difference, doubledRank) in zip(nonZero, ranking.doubledRanks) where difference > 0 {
            doubledPositive += doubledRank
        }
        count = differences.count
        zeroCount = count - m
        positiveRankSum = Double(doubledPositive) / 2
        negativeRankSum = Double(doubledTotal - doubledPositive) / 2

        if count <= 50, !ranking.hasTies, zeroCount == 0 {
            method = .exact
        } else if count <= 13 {
            method = .exactWithTies
        } else {
            method = .normalApproximation
        }

        switch method {
        case .exact, .exactWithTies:
            let counts = Self.signFlipCounts(doubledRanks: ranking.doubledRanks)
            let total = counts.reduce(0, +)
            let atMost = counts[...doubledPositive].reduce(0, +)
            let atLeast = counts[doubledPositive...].reduce(0, +)
            pValue = min(1, 2 * min(atMost, atLeast) / total)
        case .normalApproximation:
            let mm = Double(m)
            let variance = (mm * (mm + 1) * (2 * mm + 1) - ranking.tieCorrection / 2) / 24
            if variance <= 0 {
                pValue = 1
            } else {
                let z = (positiveRankSum - mm * (mm + 1) / 4) / variance.squareRoot()
                pValue = min(1, 2 * StandardNormal.cumulativeProbability(at: -abs(z)))
            }
        }
    }

    /// `counts[s]` = the number of the 2^m sign patterns whose positive doubled ranks sum to s, the
    /// coefficients of Π (1 + q^rᵢ) over the doubled ranks rᵢ.
    static func signFlipCounts(doubledRanks: [Int]) -> [Double] {
        var counts = Array(repeating: 0.0, count: doubledRanks.reduce(0, +) + 1)
        counts[0] = 1
        var reached = 0
        for rank in doubledRanks {
            reached += rank
            for sum in stride(from: reached, through: rank, by: -1) {
                counts[sum] += counts[sum - rank]
            }
        }
        return counts
    }
}
