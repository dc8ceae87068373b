/// The two-sided Mann-Whitney U test (Wilcoxon rank-sum test) of "neither of two independent
/// samples tends to be larger", such as repeated timings of two implementations; it matches
/// `scipy.stats.mannwhitneyu(first, second)` with its defaults (SciPy 1.17: `use_continuity=True`,
/// `alternative="two-sided"`, `method="auto"`).
///
/// Both samples are ranked together with mid-ranks; with R₁ the rank sum of the first sample,
/// U₁ = R₁ - n₁(n₁ + 1)/2 (`uStatistic`, SciPy's statistic) and U₂ = n₁n₂ - U₁. The p-value is
/// 2 P(U >= max(U₁, U₂)), capped at 1, from
///
/// - the exact null distribution when min(n₁, n₂) <= 8 and there are no ties (SciPy's `"auto"`
///   rule: asymptotic only when both samples exceed 8 or any values tie). U counts the
///   partitions of u into at most n₁ parts each at most n₂, so its frequencies are the coefficients
///   of the Gaussian binomial Π_{i=1..m} (1 - q^(N+i)) / (1 - q^i), m = min(n₁, n₂), N = max(n₁, n₂);
/// - otherwise the normal approximation with tie and continuity corrections:
///   z = (max(U₁, U₂) - n₁n₂/2 - 1/2) / σ, σ² = n₁n₂/12 · [(n + 1) - Σ(t³ - t) / (n(n - 1))],
///   n = n₁ + n₂, tie groups of size t; p = 2 Φ(-z). If all values tie (σ = 0), p = 1, as in SciPy.
///
/// `commonLanguageEffect` = U₁ / (n₁n₂) estimates P(X > Y) + P(X = Y)/2 for X from the first sample
/// and Y from the second (McGraw & Wong's common-language effect size; 0.5 is no effect).
///
/// Non-finite values are dropped from each sample and counted in `nonFiniteCount` (SciPy rejects
/// NaN). Reference: H. B. Mann and D. R. Whitney, "On a test of whether one of two random variables
/// is stochastically larger than the other", Annals of Mathematical Statistics 18 (1947).
public struct MannWhitneyTest: Sendable, Hashable {
    /// How the p-value was computed.
    public enum Method: String, Sendable, Hashable {
        /// The exact null distribution of U (no ties, a sample of at most 8).
        case exact
        /// The normal approximation with tie and continuity corrections.
        case normalApproximation
    }

    /// Finite values in the first sample.
    public let firstCount: Int
    /// Finite values in the second sample.
    public let secondCount: Int
    /// Non-finite values dropped from both samples together.
    public let nonFiniteCount: Int
    /// U₁, the Mann-Whitney statistic of the first sample.
    public let uStatistic: Double
    public let pValue: Double
    public let method: Method

    /// U₁ / (n₁n₂), the probability that a value of the first sample exceeds one of the second,
    /// ties counting one half.
    public var commonLanguageEffect: Double {
        uStatistic / (Double(firstCount) * Double(secondCount))
    }

    /// Tests `first` against `second`; nil when either has no finite value.
    public init?(first: [Double], second: [Double]) {
        let finiteFirst = first.filter(\.isFinite), finiteSecond = second.filter(\.isFinite)
        guard !finiteFirst.isEmpty, !finiteSecond.isEmpty else { return nil }
        firstCount = finiteFirst.count
        secondCount = finiteSecond.count
        nonFiniteCount = first.count + second.count - firstCount - secondCount

        let ranking = Ranking(finiteFirst + finiteSecond)
        let doubledRankSum = ranking.doubledRanks[..<firstCount].reduce(0, +)
        let n1 = Double(firstCount), n2 = Double(secondCount)
        let u1 = Double(doubledRankSum - firstCount * (firstCount + 1)) / 2
        uStatistic = u1
        let larger = max(u1, n1 * n2 - u1)

        if min(firstCount, secondCount) <= 8, !ranking.hasTies {
            method = .exact
            let counts = Self.frequencies(
                smaller: min(firstCount, secondCount), larger: max(firstCount, secondCount))
            // P(U >= larger) = P(U <= n₁n₂ - larger) by symmetry; the lower tail sums small terms.
            let lowerTail = counts[...(firstCount * secondCount - Int(larger))].reduce(0, +)
            pValue = min(1, 2 * lowerTail / counts.reduce(0, +))
        } else {
            method = .normalApproximation
            let n = n1 + n2
            let variance = n1 * n2 / 12 * ((n + 1) - ranking.tieCorrection / (n * (n - 1)))
            if variance <= 0 {
                pValue = 1
            } else {
                let z = (larger - n1 * n2 / 2 - 0.5) / variance.squareRoot()
                pValue = min(1, 2 * StandardNormal.cumulativeProbability(at: -z))
            }
        }
    }

    /// `counts[u]` = the number of the C(m + N, m) arrangements with U = u: the coefficients of the
    /// Gaussian binomial, multiplying by (1 - q^(N+i)) and dividing by (1 - q^i) for i = 1 ... m.
    /// After each i the polynomial is the Gaussian binomial [N + i choose i], whose coefficients are
    /// non-negative integers at most C(m + N, m): exact in Double while that stays below 2^53
    /// (N <= 370 when m = 8), and otherwise within a few ulps of C(m + N, m) absolutely.
    static func frequencies(smaller m: Int, larger n: Int) -> [Double] {
        var counts = Array(repeating: 0.0, count: m * n + 1)
        counts[0] = 1
        for i in stride(from: 1, through: m, by: 1) {
            let highest = i * n
            for power in stride(from: highest, through: n + i, by: -1) {
                counts[power] -= counts[power - n - i]
            }
            for power in stride(from: i, through: highest, by: 1) {
                counts[power] += counts[power - i]
            }
        }
        return counts
    }
}
