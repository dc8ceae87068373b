import Foundation

/// The standard normal distribution N(0, 1).
public enum StandardNormal {
    /// Φ(z) = P(Z <= z) = erfc(-z / √2) / 2.
    ///
    /// Through `erfc` rather than `1 + erf`, so that the lower tail keeps full relative precision
    /// down to Φ(-37) ≈ 6e-300; Φ(z) for z > 0 is within an ulp of 1 - Φ(-z).
    public static func cumulativeProbability(at z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// The upper tail P(Z > z) = Φ(-z), with full relative precision for large positive z.
    public static func survivalProbability(at z: Double) -> Double {
        cumulativeProbability(at: -z)
    }

    /// φ(z) = exp(-z² / 2) / √(2π).
    public static func density(at z: Double) -> Double {
        exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
    }

    /// Φ⁻¹(p), the z with Φ(z) = p; -∞ at 0, +∞ at 1, NaN outside [0, 1].
    ///
    /// Acklam's rational approximation (relative error below 1.15e-9) polished by one Halley step
    /// on Φ(z) - p, which brings it to a few ulps; p > 1/2 is mapped to -Φ⁻¹(1 - p), where 1 - p is
    /// exact, so that the polishing always works on the accurate lower half. Reference: P. J.
    /// Acklam, "An algorithm for computing the inverse normal cumulative distribution function"
    /// (2003); the Halley step is his suggested refinement.
    public static func quantile(probability p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p > 0.5 { return -quantile(probability: 1 - p) }
        var z = acklamQuantile(p)
        // Near the centre Φ(z) - p is formed as erf(z/√2)/2 - (p - 1/2), where p - 1/2 is exact, so
        // that quantiles close to 0 keep their relative precision.
        let error = p >= 0.25
            ? 0.5 * erf(z / 2.0.squareRoot()) - (p - 0.5)
            : cumulativeProbability(at: z) - p
        let step = error * (2 * Double.pi).squareRoot() * exp(0.5 * z * z)
        if step.isFinite {
            z -= step / (1 + 0.5 * z * step)
        }
        return z
    }

    /// Acklam's approximation for 0 < p <= 1/2: a rational function of p - 1/2 in the centre and of
    /// √(-2 ln p) in the tail below p = 0.02425.
    static func acklamQuantile(_ p: Double) -> Double {
        let lowerBreak = 0.02425
        if p < lowerBreak {
            let q = (-2 * log(p)).squareRoot()
            let numerator = (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q
                - 2.400758277161838e+00) * q - 2.549732539343734e+00) * q
                + 4.374664141464968e+00) * q + 2.938163982698783e+00)
            let denominator = ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q
                + 2.445134137142996e+00) * q + 3.754408661907416e+00) * q + 1)
            return numerator / denominator
        }
        let q = p - 0.5
        let r = q * q
        let numerator = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r
            - 2.759285104469687e+02) * r + 1.383577518672690e+02) * r
            - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
        let denominator = (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r
            - 1.556989798598866e+02) * r + 6.680131188771972e+01) * r
            - 1.328068155288572e+01) * r + 1)
        return numerator / denominator
    }
}
