import Foundation

/// Pairwise comparisons after a ``FriedmanTest`` (Demšar 2006, §3.2.2 and §3.2.3), from the mean
/// ranks Rᵢ of k methods over N blocks. The standard error of a difference of mean ranks is
/// SE = √(k(k + 1) / (6N)).
///
/// - **Nemenyi**: two methods differ when |Rᵢ - Rⱼ| >= CD = q_α SE, the **critical difference**,
///   with q_α = Q(1 - α; k, ∞) / √2 from the studentized range (``StudentizedRange``); its
///   p-value is P(range > √2 |Rᵢ - Rⱼ| / SE) (`scikit_posthocs.posthoc_nemenyi_friedman`).
///   autorank's `cd` is the same number (it computes Q with statsmodels' `qsturng`, an
///   interpolation good to about 1e-3).
/// - **Holm**: zᵢⱼ = (Rᵢ - Rⱼ) / SE, two-sided pᵢⱼ = 2Φ(-|zᵢⱼ|), Holm-adjusted over all
///   k(k - 1)/2 pairs (`scikit_posthocs.posthoc_siegel_friedman(p_adjust="holm")`), more
///   powerful than Nemenyi.
///
/// ``cliques`` are the groups of the critical-difference diagram: maximal runs of methods, in
/// mean-rank order, whose ranks lie less than CD apart.
public struct FriedmanPostHoc: Sendable, Hashable {
    public struct Pair: Sendable, Hashable {
        public var first: Int
        public var second: Int
        /// Rᵢ - Rⱼ.
        public var rankDifference: Double
        public var z: Double
        /// 2Φ(-|z|), unadjusted.
        public var pValue: Double
        /// Holm-adjusted over every pair.
        public var holmPValue: Double
        public var nemenyiPValue: Double
        /// |Rᵢ - Rⱼ| >= CD.
        public var exceedsCriticalDifference: Bool
    }

    public let alpha: Double
    public let meanRanks: [Double]
    public let blocks: Int
    /// SE = √(k(k + 1) / (6N)).
    public let standardError: Double
    /// q_α.
    public let criticalRange: Double
    /// CD = q_α SE.
    public let criticalDifference: Double
    /// Every pair i < j, in that order.
    public let pairs: [Pair]

    public init(meanRanks: [Double], blocks: Int, alpha: Double = 0.05) {
        precondition(meanRanks.count >= 2 && blocks >= 1, "post-hoc tests need 2 methods and a block")
        precondition(alpha > 0 && alpha < 1, "alpha lies strictly between 0 and 1")
        self.alpha = alpha
        self.meanRanks = meanRanks
        self.blocks = blocks
        let k = Double(meanRanks.count)
        standardError = (k * (k + 1) / (6 * Double(blocks))).squareRoot()
        let range = StudentizedRange(groups: meanRanks.count)
        criticalRange = range.quantile(probability: 1 - alpha) / 2.0.squareRoot()
        criticalDifference = criticalRange * standardError
        var pairs: [Pair] = []
        for i in meanRanks.indices {
            for j in meanRanks.indices where j > i {
                let difference = meanRanks[i] - meanRanks[j]
                let z = difference / standardError
                pairs.append(Pair(first: i, second: j, rankDifference: difference, z: z,
                                  pValue: min(1, 2 * StandardNormal.cumulativeProbability(at: -abs(z))), holmPValue: 1,
                                  nemenyiPValue: range.survivalProbability(at: abs(z) * 2.0.squareRoot()),
                                  exceedsCriticalDifference: abs(difference) >= criticalDifference))
            }
        }
        let holm = MultiplicityCorrection.holm.adjusted(pairs.map(\.pValue))
        for index in pairs.indices { pairs[index].holmPValue = holm[index] }
        self.pairs = pairs
    }

    /// The cliques of the diagram, as index lists in ascending mean rank: every maximal run of at
    /// least two methods whose highest and lowest mean ranks differ by less than CD.
    public var cliques: [[Int]] {
        let order = meanRanks.indices.sorted { (meanRanks[$0], $0) < (meanRanks[$1], $1) }
        var runs: [ClosedRange<Int>] = []
        for start in order.indices {
            var end = start
            while end + 1 < order.count, meanRanks[order[end + 1]] - meanRanks[order[start]] < criticalDifference { end += 1 }
            guard end > start else { continue }
            if let last = runs.last, last.upperBound >= end { continue }
            runs.append(start...end)
        }
        return runs.map { run in run.map { order[$0] } }
    }
}
