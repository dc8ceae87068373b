import Foundation

/// The noncentral t distribution with ν = `degreesOfFreedom` > 0 and noncentrality δ: the law of
/// (Z + δ) / √(V / ν) with Z standard normal and V an independent χ²(ν). It is the law of a t
/// statistic when the true mean is δ standard errors away from 0, so it gives the power of t-tests
/// (``TTestPower``).
///
/// For t >= 0 (Benton & Krishnamoorthy, "Computing discrete mixtures of continuous distributions",
/// Computational Statistics & Data Analysis 43 (2003), eq. 2.1), with x = t² / (ν + t²) and
/// λ = δ² / 2:
///
///     F(t) = Φ(-δ) + ½ Σⱼ [Pⱼ I_x(j + ½, ν/2) + Qⱼ I_x(j + 1, ν/2)],
///     Pⱼ = e^(-λ) λʲ / j!,   Qⱼ = δ e^(-λ) λʲ / (√2 Γ(j + 3/2)),
///
/// and F(t) = 1 - F(-t; ν, -δ) for t < 0. The weights are Poisson-shaped around j ≈ λ, so the sum
/// runs over j within 12√λ + 20 of λ (the rest weighs less than 1e-30), each term from
/// ``regularizedIncompleteBeta(x:a:b:)`` and its weight from logarithms (nothing underflows for a
/// large δ). Absolute error about 1e-13 against `scipy.stats.nct.cdf` for |δ| up to 40 (|δ| > 1000: see
/// ``mixtureLimit``); a lower
/// tail far below that is not resolved (1 - F is formed for t < 0).
public struct NoncentralT: Sendable, Hashable {
    public let degreesOfFreedom: Double
    public let noncentrality: Double

    public init(degreesOfFreedom: Double, noncentrality: Double) {
        precondition(degreesOfFreedom > 0, "the noncentral t distribution needs degrees of freedom > 0")
        precondition(noncentrality.isFinite, "the noncentrality is finite")
        self.degreesOfFreedom = degreesOfFreedom
        self.noncentrality = noncentrality
    }

    /// P(T <= t); NaN for a NaN t.
    public func cumulativeProbability(at t: Double) -> Double {
        if t.isNaN { return .nan }
        if t == .infinity { return 1 }
        if t == -.infinity { return 0 }
        if t < 0 { return 1 - Self.upperHalf(t: -t, nu: degreesOfFreedom, delta: -noncentrality) }
        return Self.upperHalf(t: t, nu: degreesOfFreedom, delta: noncentrality)
    }

    /// P(T > t).
    public func survivalProbability(at t: Double) -> Double {
        if t.isNaN { return .nan }
        if t == .infinity { return 0 }
        if t == -.infinity { return 1 }
        if t < 0 { return Self.upperHalf(t: -t, nu: degreesOfFreedom, delta: -noncentrality) }
        return 1 - Self.upperHalf(t: t, nu: degreesOfFreedom, delta: noncentrality)
    }

    /// Beyond this |δ| the Poisson mixture would need millions of terms; the normal approximation
    /// F(t) ≈ Φ((t (1 - 1/(4ν)) - δ) / √(1 + t²/(2ν))) (Abramowitz & Stegun 26.7.10) is used, which
    /// is then 0 or 1 to double precision except within a few units of t = δ.
    static let mixtureLimit = 1000.0

    /// F(t; ν, δ) for t >= 0 by the Poisson mixture.
    static func upperHalf(t: Double, nu: Double, delta: Double) -> Double {
        if abs(delta) > mixtureLimit {
            return StandardNormal.cumulativeProbability(at: (t * (1 - 1 / (4 * nu)) - delta) / (1 + t * t / (2 * nu)).squareRoot())
        }
        let base = StandardNormal.cumulativeProbability(at: -delta)
        if t == 0 { return base }
        let x = t * t / (nu + t * t)
        let lambda = delta * delta / 2
        let spread = 12 * lambda.squareRoot() + 20
        let first = max(0, Int((lambda - spread).rounded(.down)))
        let last = Int((lambda + spread).rounded(.up))
        let logLambda = lambda > 0 ? log(lambda) : -Double.infinity
        var sum = 0.0
        for j in first...last {
            let jj = Double(j)
            // λʲ with λ = 0 is 1 at j = 0 and 0 after.
            let power = j == 0 ? 0 : jj * logLambda
            let logP = -lambda + power - logGamma(jj + 1)
            let logQ = -lambda + power - logGamma(jj + 1.5)
            let p = exp(logP), q = exp(logQ) * delta / 2.0.squareRoot()
            if p == 0 && q == 0 { continue }
            sum += p * regularizedIncompleteBeta(x: x, a: jj + 0.5, b: nu / 2)
            sum += q * regularizedIncompleteBeta(x: x, a: jj + 1, b: nu / 2)
        }
        return min(1, max(0, base + sum / 2))
    }
}
