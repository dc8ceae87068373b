import Foundation

/// ln Γ(x), the natural logarithm of the absolute value of the gamma function.
///
/// Calls the C library's re-entrant `lgamma_r` (through the `(value, sign)` overload of `lgamma`):
/// the plain C `lgamma` writes the process-wide `signgam`, a data race when statistics are computed
/// on several threads at once. Accurate to a few ulps of the result for x > 0.
public func logGamma(_ x: Double) -> Double {
    lgamma(x).0
}

/// ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b), for a, b > 0.
///
/// Summing three `lgamma` values loses about `|ln Γ(a + b)| · ε` absolutely, which for the Student
/// t distribution (`a = ν / 2`, `b = 1 / 2`) grows linearly with ν. When the larger argument is at
/// least 10, the difference ln Γ(a) - ln Γ(a + b) is instead taken from Stirling's series, where
/// the large terms cancel analytically:
///
///     ln Γ(a) - ln Γ(a + b) = -(a - 1/2) log1p(b / a) - b ln(a + b) + b + δ(a) - δ(a + b),
///
/// with the Stirling remainder δ(x) = ln Γ(x) - [(x - 1/2) ln x - x + ln √(2π)] (see
/// `stirlingRemainder`). Reference: DiDonato & Morris, "Algorithm 708: Significant digit computation
/// of the incomplete beta function ratios", ACM TOMS 18 (1992), function `betaln`.
func logBeta(_ a: Double, _ b: Double) -> Double {
    let large = max(a, b), small = min(a, b)
    guard large >= 10 else {
        return logGamma(a) + logGamma(b) - logGamma(a + b)
    }
    let sum = large + small
    let largeTerm = -(large - 0.5) * log1p(small / large) - small * log(sum) + small
        + stirlingRemainder(large) - stirlingRemainder(sum)
    if small >= 10 {
        // ln Γ(small) by Stirling too, so that no lgamma term of size `sum · ln sum` remains.
        return largeTerm + (small - 0.5) * log(small) - small + 0.5 * log(2 * Double.pi)
            + stirlingRemainder(small)
    }
    return largeTerm + logGamma(small)
}

/// The Stirling remainder δ(x) = ln Γ(x) - [(x - 1/2) ln x - x + ln √(2π)] for x >= 10, from the
/// asymptotic series Σ B₂ₖ / (2k (2k - 1) x^(2k-1)); eight terms leave an error below 1e-19 at
/// x = 10 (Abramowitz & Stegun 6.1.41).
func stirlingRemainder(_ x: Double) -> Double {
    precondition(x >= 10, "Stirling's series is only used for x >= 10")
    let inverse = 1 / x
    let inverseSquare = inverse * inverse
    // B₂ₖ / (2k (2k - 1)) for k = 1 ... 8, highest first for Horner's rule.
    let coefficients: [Double] = [
        -3617.0 / 122_400.0, 1.0 / 156.0, -691.0 / 360_360.0, 1.0 / 1188.0,
        -1.0 / 1680.0, 1.0 / 1260.0, -1.0 / 360.0, 1.0 / 12.0,
    ]
    var series = 0.0
    for coefficient in coefficients {
        series = series * inverseSquare + coefficient
    }
    return series * inverse
}
