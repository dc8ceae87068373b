import Testing
@testable import LossHarness
import LossLabTestSupport

// Reference values: Tests/Reference/scipy_statistics.py with SciPy 1.17.1 (special.gammaln,
// special.betaln), cross-checked against mpmath 1.4.1 at 50 digits. SciPy's betaln loses precision
// for a large first argument (3.5e-11 relative at (5e5, 1/2)); those entries hold mpmath's values.

/// (x, special.gammaln(x))
private let logGammaReferences: [(Double, Double)] = [
    (0.5, 0.5723649429247),
    (1.0, 0.0),
    (2.5, 0.2846828704729192),
    (10.0, 12.801827480081469),
    (171.5, 709.1431630309283),
    (100000.0, 1051287.7089736569),
]

/// (a, b, special.betaln(a, b))
private let logBetaReferences: [(Double, Double, Double)] = [
    (0.5, 0.5, 1.1447298858494),
    (3.0, 4.0, -4.0943445622221),
    (12.0, 0.5, -0.6596747231378598),
    (500.0, 0.5, -2.5346891063280625 /* mpmath; SciPy -2.5346891063277326, relative error 1.3e-13 */),
    (500000.0, 0.5, -5.988816495777464 /* mpmath; SciPy -5.988816495984793, relative error 3.5e-11 */),
    (40.0, 25.0, -43.75170982388542),
    (10000.0, 30000.0, -22496.948166341055),
]

struct LogGammaTests {
    @Test(arguments: logGammaReferences)
    func logGammaMatchesSciPy(x: Double, expected: Double) {
        #expect(isClose(logGamma(x), expected, relative: 1e-14, absolute: 1e-15))
    }

    /// The Stirling form keeps ln B(5e5, 1/2) to 1e-14 relative, where the sum of three lgamma
    /// values (each about 6e6) keeps only about 1e-10.
    @Test(arguments: logBetaReferences)
    func logBetaMatchesSciPy(a: Double, b: Double, expected: Double) {
        #expect(isClose(logBeta(a, b), expected, relative: 1e-13), "ln B(\(a), \(b)) = \(logBeta(a, b))")
        #expect(logBeta(a, b) == logBeta(b, a))
    }

    /// δ(10) = ln Γ(10) - (9.5 ln 10 - 10 + ln √(2π)) = 0.008330563433362871.
    @Test func stirlingRemainderAtItsLowerLimit() {
        #expect(isClose(stirlingRemainder(10), 0.008330563433362871, relative: 1e-14))
    }
}
