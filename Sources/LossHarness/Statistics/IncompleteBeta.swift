import Foundation

/// The regularized incomplete beta function
///
///     I_x(a, b) = (1 / B(a, b)) ∫₀ˣ t^(a-1) (1 - t)^(b-1) dt,   0 <= x <= 1, a, b > 0,
///
/// the distribution function of a Beta(a, b) variable; `I_x(a, b) = 1 - I_(1-x)(b, a)`.
///
/// Evaluated by the continued fraction of Numerical Recipes' `betacf` (Press et al., *Numerical
/// Recipes*, 3rd ed., §6.4), summed with the modified Lentz method, on whichever of `I_x(a, b)` and
/// `I_(1-x)(b, a)` converges quickly (`x < (a + 1) / (a + b + 2)` picks the first). The relative
/// error is about 1e-14 while a and b are below a few thousand; it grows for larger parameters near
/// that switch point, where the fraction's terms cancel (about 3e-11 at a = 5e5, b = 1/2, x = 1 -
/// 6e-6). Returns NaN for a NaN `x`; `x` outside [0, 1] is clamped.
public func regularizedIncompleteBeta(x: Double, a: Double, b: Double) -> Double {
    precondition(a > 0 && b > 0, "the incomplete beta function needs a > 0 and b > 0")
    if x.isNaN { return .nan }
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    return IncompleteBetaArguments(x: x).value(a: a, b: b)
}

/// An argument x of I_x(a, b) together with 1 - x, ln x and ln(1 - x), each computed directly by
/// the caller where it can be done without cancellation (the Student t distribution builds them
/// from t² / ν).
struct IncompleteBetaArguments: Sendable {
    var x: Double
    var complement: Double
    var logX: Double
    var logComplement: Double

    init(x: Double) {
        self.init(x: x, complement: 1 - x, logX: log(x), logComplement: log1p(-x))
    }

    init(x: Double, complement: Double, logX: Double, logComplement: Double) {
        self.x = x
        self.complement = complement
        self.logX = logX
        self.logComplement = logComplement
    }

    /// The same arguments seen from I_(1-x)(b, a).
    var swapped: IncompleteBetaArguments {
        IncompleteBetaArguments(x: complement, complement: x, logX: logComplement, logComplement: logX)
    }

    /// I_x(a, b) for 0 < x < 1.
    func value(a: Double, b: Double) -> Double {
        if x < (a + 1) / (a + b + 2) {
            return lowerSeries(a: a, b: b)
        }
        return 1 - swapped.lowerSeries(a: b, b: a)
    }

    /// x^a (1-x)^b / (a B(a, b)) times the continued fraction: I_x(a, b) itself, converging fast
    /// when x < (a + 1) / (a + b + 2).
    func lowerSeries(a: Double, b: Double) -> Double {
        let logPrefactor = a * logX + b * logComplement - logBeta(a, b)
        return exp(logPrefactor) * continuedFraction(a: a, b: b) / a
    }

    /// The continued fraction 1 / (1 + d₁ / (1 + d₂ / (1 + ...))) with
    /// d₂ₘ₊₁ = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)) and
    /// d₂ₘ = m (b - m) x / ((a + 2m - 1)(a + 2m)), by the modified Lentz method (Numerical Recipes
    /// `betacf`). It needs O(√max(a, b)) terms; the cap is far above that.
    func continuedFraction(a: Double, b: Double) -> Double {
        let tiny = 1e-300
        let tolerance = 2 * Double.ulpOfOne
        let maximumTerms = 10_000 + Int(min(1e7, 20 * max(a, b).squareRoot()))
        let sum = a + b, aPlusOne = a + 1, aMinusOne = a - 1

        func guarded(_ value: Double) -> Double {
            abs(value) < tiny ? tiny : value
        }

        var c = 1.0
        var d = 1 / guarded(1 - sum * x / aPlusOne)
        var fraction = d
        for m in 1...maximumTerms {
            let m = Double(m), twoM = 2 * Double(m)
            let even = m * (b - m) * x / ((aMinusOne + twoM) * (a + twoM))
            d = 1 / guarded(1 + even * d)
            c = guarded(1 + even / c)
            fraction *= d * c
            let odd = -(a + m) * (sum + m) * x / ((a + twoM) * (aPlusOne + twoM))
            d = 1 / guarded(1 + odd * d)
            c = guarded(1 + odd / c)
            let step = d * c
            fraction *= step
            if abs(step - 1) <= tolerance { break }
        }
        return fraction
    }
}
