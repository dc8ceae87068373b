import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

// Reference values: Tests/Reference/scipy_statistics.py with SciPy 1.17.1 (special.betainc),
// cross-checked against mpmath 1.4.1 at 50 digits.

/// (a, b, x, special.betainc(a, b, x))
private let incompleteBetaReferences: [(Double, Double, Double, Double)] = [
    (0.5, 0.5, 0.2, 0.2951672353008665),
    (2.0, 3.0, 0.4, 0.5247999999999999),
    (10.0, 0.5, 0.99, 0.6579281751567845),
    (0.1, 10.0, 0.01, 0.8244896709066988),
    (50.0, 60.0, 0.45, 0.4642352914306031),
    (500.0, 0.5, 0.999, 0.31731044730971725),
    (1.0, 1.0, 0.3, 0.3),
    (5.0, 2.0, 0.9999, 0.9999998500399955),
    (3.0, 7.0, 1e-05, 8.39962200755992e-14),
    (0.5, 14.5, 0.7, 0.9999999954617879),
    (200.0, 300.0, 0.38, 0.18093001184220364),
    (10000.0, 2.5, 0.9995, 0.07514318380044019),
]

struct IncompleteBetaTests {
    @Test(arguments: incompleteBetaReferences)
    func matchesSciPy(a: Double, b: Double, x: Double, expected: Double) {
        let actual = regularizedIncompleteBeta(x: x, a: a, b: b)
        #expect(isClose(actual, expected, relative: 1e-9), "I_\(x)(\(a), \(b)) = \(actual)")
    }

    /// I_x(1, 1) = x, I_x(a, 1) = x^a, I_x(1, b) = 1 - (1 - x)^b.
    @Test(arguments: [1e-9, 0.01, 0.3, 0.5, 0.77, 0.999])
    func closedForms(x: Double) {
        #expect(isClose(regularizedIncompleteBeta(x: x, a: 1, b: 1), x, relative: 1e-14))
        #expect(isClose(regularizedIncompleteBeta(x: x, a: 3.5, b: 1), pow(x, 3.5), relative: 1e-13))
        #expect(isClose(regularizedIncompleteBeta(x: x, a: 1, b: 2.5), -expm1(2.5 * log1p(-x)), relative: 1e-13))
    }

    @Test(arguments: [(0.5, 3.0), (7.0, 2.0), (40.0, 45.0), (0.2, 0.9)])
    func reflectionSymmetry(a: Double, b: Double) {
        for x in [0.05, 0.35, 0.5, 0.62, 0.97] {
            let sum = regularizedIncompleteBeta(x: x, a: a, b: b) + regularizedIncompleteBeta(x: 1 - x, a: b, b: a)
            #expect(isClose(sum, 1, relative: 1e-14))
        }
    }

    @Test func edges() {
        #expect(regularizedIncompleteBeta(x: 0, a: 2, b: 3) == 0)
        #expect(regularizedIncompleteBeta(x: 1, a: 2, b: 3) == 1)
        #expect(regularizedIncompleteBeta(x: -0.5, a: 2, b: 3) == 0)
        #expect(regularizedIncompleteBeta(x: .nan, a: 2, b: 3).isNaN)
    }
}
