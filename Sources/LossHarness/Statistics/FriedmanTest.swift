/// The Friedman test of "k methods perform alike over N blocks" (data sets, or settings), with
/// Iman and Davenport's F form, as Demšar recommends for comparing several learning methods.
///
/// Each block's k values are ranked 1 ... k from best to worst (ties share the mean rank); Rⱼ is
/// method j's mean rank over the N blocks. With the tie correction of `scipy.stats.
/// friedmanchisquare`, C = 1 - Σ(t³ - t) / (N k (k² - 1)) over the tie groups of every block,
///
///     χ²_F = [12N / (k(k + 1)) · Σⱼ Rⱼ² - 3N(k + 1)] / C,    ν = k - 1,   p = P(χ²(ν) > χ²_F),
///     F_F = (N - 1) χ²_F / (N(k - 1) - χ²_F),   on (k - 1, (k - 1)(N - 1)) degrees of freedom.
///
/// F_F is less conservative than χ²_F (Iman & Davenport 1980); it is infinite (p = 0) when every
/// block ranks the methods the same way. SciPy refuses k = 2; the formulas hold there too (the test
/// is then a two-sided sign test in its normal approximation). References: M. Friedman, JASA 32
/// (1937); R. L. Iman and J. M. Davenport, Communications in Statistics 9 (1980); J. Demšar,
/// "Statistical comparisons of classifiers over multiple data sets", JMLR 7 (2006), §3.2.2.
public struct FriedmanTest: Sendable, Hashable {
    /// N.
    public let blocks: Int
    /// k.
    public let methods: Int
    /// The rank of each method in each block: `ranks[block][method]`, 1 = best.
    public let ranks: [[Double]]
    /// Rⱼ, the mean rank of each method.
    public let meanRanks: [Double]
    /// C, 1 without ties.
    public let tieCorrection: Double
    /// χ²_F.
    public let chiSquared: Double
    public let pValue: Double
    /// F_F.
    public let imanDavenport: Double
    public let imanDavenportPValue: Double

    /// ν = k - 1.
    public var degreesOfFreedom: Int { methods - 1 }
    /// The F distribution's degrees of freedom, (k - 1, (k - 1)(N - 1)).
    public var imanDavenportDegreesOfFreedom: (numerator: Int, denominator: Int) { (methods - 1, (methods - 1) * (blocks - 1)) }

    /// Tests `values[block][method]` (finite, every block with the same k >= 2 methods, at least 2
    /// blocks: preconditions). `lowerIsBetter` decides which end ranks first.
    public init(values: [[Double]], lowerIsBetter: Bool) {
        precondition(values.count >= 2, "the Friedman test needs at least 2 blocks")
        let k = values[0].count
        precondition(k >= 2 && values.allSatisfy { $0.count == k }, "every block has the same k >= 2 methods")
        precondition(values.allSatisfy { $0.allSatisfy(\.isFinite) }, "the Friedman test needs finite values")
        blocks = values.count
        methods = k
        var ties = 0.0
        let ranks = values.map { block in
            let ranking = Ranking(lowerIsBetter ? block : block.map { -$0 })
            ties += ranking.tieCorrection
            return ranking.doubledRanks.map { Double($0) / 2 }
        }
        self.ranks = ranks
        let n = Double(blocks), kk = Double(k)
        let rankSums = (0..<k).map { method in ranks.reduce(0) { $0 + $1[method] } }
        meanRanks = rankSums.map { $0 / n }
        let correction = 1 - ties / (n * kk * (kk * kk - 1))
        tieCorrection = correction
        let squares = rankSums.reduce(0) { $0 + $1 * $1 }
        // SciPy's arithmetic: [12 / (N k (k + 1)) Σ Sⱼ² - 3N(k + 1)] / C with rank sums Sⱼ = N Rⱼ.
        let statistic = correction > 0 ? (12 / (n * kk * (kk + 1)) * squares - 3 * n * (kk + 1)) / correction : 0
        let chiSquared = max(0, statistic)
        self.chiSquared = chiSquared
        pValue = ChiSquared(degreesOfFreedom: kk - 1).survivalProbability(at: chiSquared)
        let denominator = n * (kk - 1) - chiSquared
        let imanDavenport = denominator > 0 ? (n - 1) * chiSquared / denominator : Double.infinity
        self.imanDavenport = imanDavenport
        imanDavenportPValue = FisherF(numeratorDegreesOfFreedom: kk - 1, denominatorDegreesOfFreedom: (kk - 1) * (n - 1))
            .survivalProbability(at: imanDavenport)
    }
}
