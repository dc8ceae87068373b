import Foundation
import Testing
@testable import LossCore
import LossLabTestSupport

private typealias Stats = SampleStatistics

struct MultilabelGeneratorTests {
    /// Every w_l has unit length, so x . w_l ~ N(0, 1) exactly and each label is marginally
    /// Bernoulli(E[sigmoid(signal z + b)]) = Bernoulli(density) by the calibration of b: each
    /// label's frequency over n independent samples is within 5 sqrt(d (1 - d) / n) of density.
    @Test(arguments: [(0.3, 2.0), (0.05, 4.0), (0.5, 0.0), (0.9, 1.0)])
    func everyLabelHasTheRequestedDensity(density: Double, signal: Double) {
        let generator = MultilabelGenerator(labels: 5, features: 6, density: density, signal: signal)
        let n = 40_000
        let dataset = Stats.draw(generator, count: n, seed: 81)
        #expect(dataset.targets.columns == 5)
        for l in 0..<5 {
            let frequency = Stats.mean(Stats.column(dataset.targets, l))
            #expect(abs(frequency - density) < 5 * Stats.proportionError(density, count: n), "label \(l)")
        }
    }

    /// The calibrated intercept checked by an independent rule: Monte Carlo over 10^6 normal
    /// draws estimates E[sigmoid(signal z + b)] with standard error below 0.5 / 1000, and the
    /// uncalibrated logit(0.3) gives a clearly larger mean (0.374 by quadrature).
    @Test func interceptIsCalibratedToTheDensity() {
        let generator = MultilabelGenerator(density: 0.3, signal: 2)
        var random = SplitMix64(seed: 82)
        let n = 1_000_000
        var sum = 0.0
        var uncalibrated = 0.0
        let logit = log(0.3 / 0.7)
        for _ in 0..<n {
            let z = random.nextNormal()
            sum += 1 / (1 + exp(-(2 * z + generator.intercept)))
            uncalibrated += 1 / (1 + exp(-(2 * z + logit)))
        }
        #expect(abs(sum / Double(n) - 0.3) < 5 * 0.5 / Double(n).squareRoot())
        #expect(abs(uncalibrated / Double(n) - 0.374) < 0.005)
        #expect(MultilabelGenerator(density: 0.2, signal: 0).intercept == log(0.2 / 0.8))
        #expect(Stats.draw(generator, count: 10, seed: 83).truth.intercept == generator.intercept)
    }

    /// Labels depend on x as the logistic model says. One feature, so w = s = +-1; density 1/2, so
    /// b = 0 by symmetry. Then P(y = 1 | x) = sigmoid(4 s x) and, by Stein's lemma,
    /// E[x 1{y = 1}] = E[x sigmoid(4 s x)] = 4 s E[sigmoid'(4 z)] = 0.091185 s (quadrature), so
    /// E[x | y = 1] - E[x | y = 0] = 16 E[sigmoid'(4 z)] s = 1.45896 s. Given y, E[x^2 | y] = 1
    /// (x^2 is even and sigmoid(t) + sigmoid(-t) = 1), so the difference of group means has standard
    /// error at most sqrt(1/n_1 + 1/n_0).
    @Test func labelsFollowTheLogisticModel() {
        let generator = MultilabelGenerator(labels: 1, features: 1, density: 0.5, signal: 4)
        #expect(abs(generator.intercept) < 1e-9)
        let n = 20_000
        let dataset = Stats.draw(generator, count: n, seed: 84)
        let x = Stats.column(dataset.features)
        let y = Stats.column(dataset.targets)
        let positives = zip(x, y).filter { $0.1 == 1 }.map(\.0)
        let negatives = zip(x, y).filter { $0.1 == 0 }.map(\.0)
        let difference = abs(Stats.mean(positives) - Stats.mean(negatives))
        let standardError = (1 / Double(positives.count) + 1 / Double(negatives.count)).squareRoot()
        #expect(abs(difference - 1.458_955) < 5 * standardError)
    }
}
