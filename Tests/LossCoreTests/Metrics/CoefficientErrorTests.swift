import Testing
@testable import LossCore
import LossLabTestSupport

@Suite struct CoefficientErrorTests {
    @Test func euclideanDistance() {
        // Differences [0, 3, -4]: sqrt(0 + 9 + 16) = 5.
        #expect(coefficientError(fitted: [1, 4, -1], truth: [1, 1, 3]) == 5)
    }

    @Test func exactRecoveryIsZero() {
        #expect(coefficientError(fitted: [0.5, -2], truth: [0.5, -2]) == 0)
        #expect(coefficientError(fitted: [], truth: []) == 0)
    }

    @Test func nanCoefficientGivesNaN() {
        #expect(coefficientError(fitted: [.nan, 1], truth: [0, 1]).isNaN)
    }
}
