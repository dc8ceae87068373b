import Testing
@testable import LossCore
import LossLabTestSupport

private typealias Stats = SampleStatistics

struct GaussianGeneratorTests {
    /// The inverse of a small symmetric positive definite matrix by Gauss-Jordan elimination.
    static func inverse(_ matrix: [[Double]]) -> [[Double]] {
        let n = matrix.count
        var augmented = matrix.enumerated().map { i, row in row + (0..<n).map { $0 == i ? 1.0 : 0.0 } }
        for pivot in 0..<n {
            let scale = augmented[pivot][pivot]
            augmented[pivot] = augmented[pivot].map { $0 / scale }
            for r in 0..<n where r != pivot {
                let factor = augmented[r][pivot]
                augmented[r] = zip(augmented[r], augmented[pivot]).map { $0 - factor * $1 }
            }
        }
        return augmented.map { Array($0[n...]) }
    }

    /// Ordinary least squares with an intercept column recovers the truth. With known noise
    /// standard deviation sigma, estimate j has standard error sigma sqrt((X'X)^-1_jj); each is
    /// checked to 5 of them.
    @Test(arguments: [(1, 0.5), (3, 1.0), (8, 2.0)])
    func leastSquaresRecoversTheCoefficients(features: Int, noise: Double) {
        let generator = GaussianGenerator(features: features, noise: noise, coefficientScale: 1.5, intercept: 2.5)
        let dataset = Stats.draw(generator, count: 20_000, seed: 21)
        let width = features + 1
        var gram = [[Double]](repeating: [Double](repeating: 0, count: width), count: width)
        var moment = [Double](repeating: 0, count: width)
        for r in 0..<dataset.count {
            let x = [1] + dataset.features.row(r).map(Double.init)
            let y = Double(dataset.targets[r, 0])
            for i in 0..<width {
                moment[i] += x[i] * y
                for j in 0..<width { gram[i][j] += x[i] * x[j] }
            }
        }
        let inverse = Self.inverse(gram)
        let estimate = inverse.map { row in zip(row, moment).reduce(0) { $0 + $1.0 * $1.1 } }
        let truth = [dataset.truth.intercept!] + dataset.truth.coefficients!
        #expect(truth[0] == 2.5)
        for j in 0..<width {
            let standardError = noise * inverse[j][j].squareRoot()
            #expect(abs(estimate[j] - truth[j]) < 5 * standardError, "coefficient \(j)")
        }
    }

    /// Residuals y - E[y|x] are N(0, noise^2): sample variance within 5 sqrt(2/n) noise^2. The
    /// conditional mean is x . w + intercept on the stored features (float32 rounding only).
    @Test func residualsHaveTheNoiseVarianceAroundTheStoredLine() {
        let generator = GaussianGenerator(features: 4, noise: 0.7, intercept: -1)
        let n = 20_000
        let dataset = Stats.draw(generator, count: n, seed: 22)
        let mean = dataset.truth.conditionalMean!
        let line = Stats.line(dataset.features, dataset.truth.coefficients!)
        #expect((0..<n).allSatisfy { Stats.isClose(Double(mean[$0]), line[$0] - 1, relative: 1e-6) })
        let residuals = (0..<n).map { Double(dataset.targets[$0, 0] - mean[$0]) }
        #expect(abs(Stats.variance(residuals) - 0.49) < 5 * 0.49 * (2 / Double(n)).squareRoot())
    }

    @Test func noiselessTargetsAreTheConditionalMean() {
        let dataset = Stats.draw(GaussianGenerator(noise: 0), count: 500, seed: 23)
        #expect(dataset.targets.storage == dataset.truth.conditionalMean!)
    }

    /// Coefficients are N(0, coefficient_scale^2): over 1000 features, the sample variance is
    /// within 5 sqrt(2/1000) coefficient_scale^2.
    @Test func coefficientsHaveTheRequestedScale() {
        let dataset = Stats.draw(GaussianGenerator(features: 1000, coefficientScale: 2), count: 1, seed: 24)
        #expect(abs(Stats.variance(dataset.truth.coefficients!) - 4) < 5 * 4 * (2 / 1000.0).squareRoot())
    }
}
