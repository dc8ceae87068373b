import Foundation
import LossCore

/// The Bayesian signed-rank test of Benavoli et al. with a region of practical equivalence (ROPE):
/// from paired differences over N data sets, the posterior probability that the first method is
/// practically better, that the two are practically equivalent, or that the second is better.
///
/// The differences dᵢ (oriented so that a positive one favours the first method) get a Dirichlet
/// process prior with one pseudo-observation d₀ = 0 of weight s (`prior`, 0.5 by default). Each
/// posterior sample draws weights w ~ Dirichlet(s, 1, ..., 1) over d₀ ... d_N and forms
///
///     θ_first = Σᵢⱼ wᵢ wⱼ H(dᵢ + dⱼ > 2r),   θ_second = Σᵢⱼ wᵢ wⱼ H(dᵢ + dⱼ < -2r),
///     θ_rope = 1 - θ_first - θ_second,
///
/// (H counts equality as one half; r is the ROPE's half-width), the posterior of the Walsh-average
/// probabilities that the signed-rank statistic is built on. The reported probabilities are the
/// fractions of samples in which each θ is the largest, as `baycomp.SignedRankTest.probs(x, y,
/// rope)` computes them (with `y - x` = dᵢ; its `p_right` is ``firstBetter``). The Monte Carlo
/// error is about √(p(1 - p) / samples), 0.0022 at most for the default 50,000 samples; the
/// generator is a seeded ``SplitMix64``, so results are reproducible (baycomp's use NumPy's).
///
/// References: A. Benavoli, G. Corani, F. Mangili, M. Zaffalon and F. Ruggeri, "A Bayesian
/// Wilcoxon signed-rank test based on the Dirichlet process", ICML (2014); A. Benavoli, G. Corani,
/// J. Demšar and M. Zaffalon, "Time for a change: a tutorial for comparing multiple classifiers
/// through Bayesian analysis", JMLR 18 (2017).
public struct BayesianSignedRankTest: Sendable, Hashable {
    public let firstBetter: Double
    public let equivalent: Double
    public let secondBetter: Double
    public let rope: Double
    public let samples: Int

    /// `differences`: finite, at least one (a precondition); `rope` >= 0.
    public init(differences: [Double], rope: Double, prior: Double = 0.5, samples: Int = 50_000, seed: UInt64 = 0) {
        precondition(!differences.isEmpty && differences.allSatisfy(\.isFinite), "the signed-rank test needs finite differences")
        precondition(rope >= 0 && prior > 0 && samples > 0, "rope >= 0, prior > 0, samples > 0")
        self.rope = rope
        self.samples = samples
        let values = [0.0] + differences
        let n = values.count
        // above[i * n + j]: H(dᵢ + dⱼ > 2r); below: H(dᵢ + dⱼ < -2r).
        var above = [Double](repeating: 0, count: n * n), below = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                let sum = values[i] + values[j]
                above[i * n + j] = sum > 2 * rope ? 1 : (sum == 2 * rope ? 0.5 : 0)
                below[i * n + j] = -sum > 2 * rope ? 1 : (-sum == 2 * rope ? 0.5 : 0)
            }
        }
        var generator = SplitMix64(seed: seed)
        var wins = [0, 0, 0]
        var weights = [Double](repeating: 0, count: n)
        for _ in 0..<samples {
            var total = 0.0
            for i in 0..<n {
                weights[i] = Self.gamma(shape: i == 0 ? prior : 1, using: &generator)
                total += weights[i]
            }
            var first = 0.0, second = 0.0
            for i in 0..<n {
                let wi = weights[i] / total
                var rowAbove = 0.0, rowBelow = 0.0
                for j in 0..<n {
                    rowAbove += weights[j] * above[i * n + j]
                    rowBelow += weights[j] * below[i * n + j]
                }
                first += wi * rowAbove / total
                second += wi * rowBelow / total
            }
            let theta = [second, 1 - first - second, first]
            // baycomp's order (left = second, rope, right = first); the first maximum wins a tie.
            var best = 0
            for index in 1..<3 where theta[index] > theta[best] { best = index }
            wins[best] += 1
        }
        secondBetter = Double(wins[0]) / Double(samples)
        equivalent = Double(wins[1]) / Double(samples)
        firstBetter = Double(wins[2]) / Double(samples)
    }

    /// A Gamma(shape, 1) variate by Marsaglia and Tsang's method ("A simple method for generating
    /// gamma variables", ACM TOMS 26, 2000), with the boost U^(1/shape) for shape < 1.
    static func gamma(shape: Double, using generator: inout SplitMix64) -> Double {
        if shape < 1 {
            let boost = pow(generator.nextOpenUniform(), 1 / shape)
            return gamma(shape: shape + 1, using: &generator) * boost
        }
        let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            let x = generator.nextNormal()
            let v = 1 + c * x
            guard v > 0 else { continue }
            let cube = v * v * v
            let u = generator.nextOpenUniform()
            if log(u) < 0.5 * x * x + d - d * cube + d * log(cube) { return d * cube }
        }
    }
}
