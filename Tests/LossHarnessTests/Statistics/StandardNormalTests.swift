import Testing
@testable import LossHarness
import LossLabTestSupport

// Reference values: Tests/Reference/scipy_statistics.py with SciPy 1.17.1 (special.ndtr,
// special.ndtri), cross-checked against mpmath 1.4.1 at 50 digits.

/// (z, special.ndtr(z))
private let cumulativeReferences: [(Double, Double)] = [
    (-37.0, 5.725571222524577e-300 /* mpmath; SciPy 5.7255712225239266e-300, relative error 1.1e-13 */),
    (-20.0, 2.7536241186061556e-89),
    (-10.0, 7.61985302416047e-24),
    (-3.0, 0.0013498980316300933),
    (-1.0, 0.15865525393145707),
    (-0.001, 0.49960105778608893),
    (0.0, 0.5),
    (0.5, 0.6914624612740131),
    (2.0, 0.9772498680518208),
    (8.0, 0.9999999999999993),
]

/// (p, special.ndtri(p))
private let quantileReferences: [(Double, Double)] = [
    (1e-300, -37.0470962993612),
    (1e-20, -9.262340089798409),
    (1e-05, -4.264890793922825),
    (0.02425, -1.972961051311885),
    (0.025, -1.9599639845400545),
    (0.3, -0.5244005127080409),
    (0.4999, -0.0002506628300880075),
    (0.5, 0.0),
    (0.8, 0.8416212335729143),
    (0.97575, 1.972961051311885),
    (0.999999, 4.753424308817087),
    (0.9999999999990905, 7.047700256664409),
]

struct StandardNormalTests {
    /// The lower tail keeps its relative precision down to Φ(-37) ≈ 5.7e-300.
    @Test(arguments: cumulativeReferences)
    func cumulativeProbabilityMatchesSciPy(z: Double, expected: Double) {
        let actual = StandardNormal.cumulativeProbability(at: z)
        #expect(isClose(actual, expected, relative: 1e-13), "Φ(\(z)) = \(actual)")
    }

    @Test(arguments: quantileReferences)
    func quantileMatchesSciPy(probability: Double, expected: Double) {
        let actual = StandardNormal.quantile(probability: probability)
        #expect(isClose(actual, expected, relative: 1e-13), "Φ⁻¹(\(probability)) = \(actual)")
    }

    @Test func knownValuesAndEdges() {
        #expect(isClose(StandardNormal.quantile(probability: 0.975), 1.959963984540054, relative: 1e-15))
        #expect(isClose(StandardNormal.density(at: 0), 0.3989422804014327, relative: 1e-15))
        #expect(StandardNormal.quantile(probability: 0) == -.infinity)
        #expect(StandardNormal.quantile(probability: 1) == .infinity)
        #expect(StandardNormal.quantile(probability: -0.1).isNaN)
        #expect(StandardNormal.survivalProbability(at: 2) == StandardNormal.cumulativeProbability(at: -2))
    }
}
