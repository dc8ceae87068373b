import Foundation
@testable import LossCore
import LossLabTestSupport

/// Statistics for checking random draws against their distribution.
///
/// Tolerances in these tests are five standard errors unless a test says otherwise: a correct
/// generator fails such a check with probability about 6e-7, and every test uses a fixed seed,
/// so a test that passes keeps passing.
enum SampleStatistics {
    static func mean(_ values: [Double]) -> Double {
        values.reduce(0, +) / Double(values.count)
    }

    /// The unbiased sample variance.
    static func variance(_ values: [Double]) -> Double {
        let m = mean(values)
        return values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)
    }

    /// Standard error of a proportion estimated from `count` Bernoulli(p) draws.
    static func proportionError(_ p: Double, count: Int) -> Double {
        (p * (1 - p) / Double(count)).squareRoot()
    }

    /// Phi(z), the standard normal distribution function.
    static func normalCDF(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// The standard normal density.
    static func normalDensity(_ z: Double) -> Double {
        exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
    }

    /// The `p` quantile of sorted values (nearest rank).
    static func quantile(sorted: [Double], _ p: Double) -> Double {
        sorted[min(sorted.count - 1, Int(p * Double(sorted.count)))]
    }

    /// Pearson's statistic `sum (O - E)^2 / E`.
    static func chiSquare(observed: [Int], expected: [Double]) -> Double {
        zip(observed, expected).reduce(0) { $0 + (Double($1.0) - $1.1) * (Double($1.0) - $1.1) / $1.1 }
    }

    /// Mean plus five standard deviations of a chi-square variable (`k` and `sqrt(2k)`): a
    /// five-standard-error bound like the others (the right tail is a little heavier than the
    /// normal's: P(chi2_50 > 100) is about 3e-5).
    static func chiSquareBound(degreesOfFreedom k: Int) -> Double {
        Double(k) + 5 * (2 * Double(k)).squareRoot()
    }

    /// Whether `a` and `b` agree to `relative` times the larger magnitude (or to `relative` near 0).
    static func isClose(_ a: Double, _ b: Double, relative: Double) -> Bool {
        abs(a - b) <= relative * max(1, abs(a), abs(b))
    }

    /// `count` samples from `generator` at `seed`.
    static func draw(_ generator: any DataGenerator, count: Int, seed: UInt64) -> Dataset {
        var random = SplitMix64(seed: seed)
        return generator.generate(count: count, generator: &random)
    }

    /// Column `column` of a matrix as doubles.
    static func column(_ matrix: Matrix, _ column: Int = 0) -> [Double] {
        (0..<matrix.rows).map { Double(matrix[$0, column]) }
    }

    /// `x_i . w` for every row of `features`, in double precision.
    static func line(_ features: Matrix, _ coefficients: [Double]) -> [Double] {
        (0..<features.rows).map { r in
            (0..<features.columns).reduce(0) { $0 + Double(features[r, $1]) * coefficients[$1] }
        }
    }
}
