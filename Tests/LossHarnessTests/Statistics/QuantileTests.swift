import Testing
@testable import LossHarness
import LossLabTestSupport

// Reference values: Tests/Reference/scipy_statistics.py with NumPy 2.4.6 (np.quantile, default
// method "linear").

/// (sorted values, probability, np.quantile(values, probability))
private let quantileReferences: [([Double], Double, Double)] = [
    ([1.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 9.0], 0.0, 1.0),
    ([1.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 9.0], 0.1, 1.0),
    ([1.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 9.0], 0.25, 1.75),
    ([1.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 9.0], 0.3, 2.1),
    ([1.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 9.0], 0.5, 3.5),
    ([1.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 9.0], 0.75, 5.25),
    ([1.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 9.0], 0.9, 6.8999999999999995),
    ([1.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 9.0], 0.99, 8.79),
    ([1.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 9.0], 1.0, 9.0),
    ([3.5], 0.0, 3.5),
    ([3.5], 0.1, 3.5),
    ([3.5], 0.25, 3.5),
    ([3.5], 0.3, 3.5),
    ([3.5], 0.5, 3.5),
    ([3.5], 0.75, 3.5),
    ([3.5], 0.9, 3.5),
    ([3.5], 0.99, 3.5),
    ([3.5], 1.0, 3.5),
    ([-2.0, 7.25], 0.0, -2.0),
    ([-2.0, 7.25], 0.1, -1.075),
    ([-2.0, 7.25], 0.25, 0.3125),
    ([-2.0, 7.25], 0.3, 0.7749999999999999),
    ([-2.0, 7.25], 0.5, 2.625),
    ([-2.0, 7.25], 0.75, 4.9375),
    ([-2.0, 7.25], 0.9, 6.325),
    ([-2.0, 7.25], 0.99, 7.1575),
    ([-2.0, 7.25], 1.0, 7.25),
    ([0.05, 0.1, 0.15, 0.2, 0.21, 0.3, 0.33, 0.4, 0.6, 0.7, 0.9], 0.0, 0.05),
    ([0.05, 0.1, 0.15, 0.2, 0.21, 0.3, 0.33, 0.4, 0.6, 0.7, 0.9], 0.1, 0.1),
    ([0.05, 0.1, 0.15, 0.2, 0.21, 0.3, 0.33, 0.4, 0.6, 0.7, 0.9], 0.25, 0.175),
    ([0.05, 0.1, 0.15, 0.2, 0.21, 0.3, 0.33, 0.4, 0.6, 0.7, 0.9], 0.3, 0.2),
    ([0.05, 0.1, 0.15, 0.2, 0.21, 0.3, 0.33, 0.4, 0.6, 0.7, 0.9], 0.5, 0.3),
    ([0.05, 0.1, 0.15, 0.2, 0.21, 0.3, 0.33, 0.4, 0.6, 0.7, 0.9], 0.75, 0.5),
    ([0.05, 0.1, 0.15, 0.2, 0.21, 0.3, 0.33, 0.4, 0.6, 0.7, 0.9], 0.9, 0.7),
    ([0.05, 0.1, 0.15, 0.2, 0.21, 0.3, 0.33, 0.4, 0.6, 0.7, 0.9], 0.99, 0.8800000000000001),
    ([0.05, 0.1, 0.15, 0.2, 0.21, 0.3, 0.33, 0.4, 0.6, 0.7, 0.9], 1.0, 0.9),
]

struct QuantileTests {
    /// The same interpolation in the same order as NumPy, so the results agree to the last bit.
    @Test(arguments: quantileReferences)
    func matchesNumPyExactly(sorted: [Double], probability: Double, expected: Double) {
        #expect(quantile(ofSorted: sorted, probability: probability) == expected)
    }

    /// h = (5 - 1) · 0.3 = 1.2: 20 + 0.2 · (30 - 20) = 22.
    @Test func interpolatesBetweenOrderStatistics() {
        let values = [10.0, 20.0, 30.0, 40.0, 50.0]
        #expect(isClose(quantile(ofSorted: values, probability: 0.3), 22, relative: 1e-15))
        #expect(quantile(ofSorted: values, probability: 0.5) == 30)
        #expect(quantile(ofSorted: values, probability: 0) == 10)
        #expect(quantile(ofSorted: values, probability: 1) == 50)
    }
}
