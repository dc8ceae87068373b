/// The Euclidean distance between fitted and true coefficients, `||w_hat - w||_2 =
/// sqrt(sum_j (w_hat_j - w_j)^2)`, the intercept excluded.
///
/// Both vectors must be in the same (original, unstandardised) feature scale and have the same
/// length (a precondition). It measures how well a loss recovers the generating model, which a
/// prediction error on noisy targets can hide (robust regression under outliers, for instance).
public func coefficientError(fitted: [Double], truth: [Double]) -> Double {
    precondition(fitted.count == truth.count, "\(fitted.count) fitted coefficients for \(truth.count) true ones")
    var sum = 0.0
    for (estimate, value) in zip(fitted, truth) {
        let difference = estimate - value
        sum += difference * difference
    }
    return sum.squareRoot()
}
