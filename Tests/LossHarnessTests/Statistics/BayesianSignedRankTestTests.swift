import LossCore
import Testing
@testable import LossHarness
import LossLabTestSupport

// Reference values: Tests/Reference/multiple_comparisons.py (baycomp.SignedRankTest.probs with
// 400,000 posterior samples). Both sides are Monte Carlo estimates: with 50,000 samples here the
// standard error of a difference is at most √(0.25/50000 + 0.25/400000) = 0.0024, so 0.012 is five
// standard errors.
@Suite struct BayesianSignedRankTestTests {
    @Test func matchesBaycomp() {
        for reference in MultipleComparisonsReference.bayesianSignedRank {
            let test = BayesianSignedRankTest(differences: reference.differences, rope: reference.rope, seed: 7)
            #expect(abs(test.firstBetter - reference.firstBetter) < 0.012, "\(reference.name): \(test.firstBetter)")
            #expect(abs(test.equivalent - reference.equivalent) < 0.012, "\(reference.name): \(test.equivalent)")
            #expect(abs(test.secondBetter - reference.secondBetter) < 0.012, "\(reference.name): \(test.secondBetter)")
            #expect(isClose(test.firstBetter + test.equivalent + test.secondBetter, 1, relative: 1e-12))
        }
    }

    @Test func isReproducibleForASeed() {
        let differences = [0.05, -0.03, 0.02, 0.01, -0.04, 0.06, 0.005, -0.01]
        #expect(BayesianSignedRankTest(differences: differences, rope: 0.01, samples: 2000, seed: 3)
            == BayesianSignedRankTest(differences: differences, rope: 0.01, samples: 2000, seed: 3))
    }

    /// Gamma(shape) variates have mean shape and variance shape (checked on 200,000 draws: the
    /// standard error of the mean is √(shape / 200000)).
    @Test func gammaVariatesHaveTheRightMoments() {
        for shape in [0.5, 1.0, 3.0] {
            var generator = SplitMix64(seed: 11)
            let draws = (0..<200_000).map { _ in BayesianSignedRankTest.gamma(shape: shape, using: &generator) }
            let mean = draws.reduce(0, +) / Double(draws.count)
            let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(draws.count - 1)
            #expect(abs(mean - shape) < 5 * (shape / 200_000).squareRoot(), "mean of Gamma(\(shape)) = \(mean)")
            #expect(abs(variance - shape) < 0.03 * shape, "variance of Gamma(\(shape)) = \(variance)")
        }
    }
}
