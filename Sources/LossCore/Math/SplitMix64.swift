/// SplitMix64 (Steele, Lea and Flood 2014; the seeding generator of xoshiro): a 64-bit state
/// advanced by the golden-ratio increment and scrambled by two multiply-xorshift rounds.
///
/// Every random thing in LossLab draws from one of these, seeded from the experiment: nothing reads
/// the clock or the system generator, so a seed gives the same bytes on every run, machine and
/// thread count. Sub-streams are derived with ``derived(_:)``, never by sharing a generator across
/// threads.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform `Double` in [0, 1) with 53 random bits.
    @inlinable
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform `Double` in (0, 1], safe to pass to `log`.
    @inlinable
    public mutating func nextOpenUniform() -> Double {
        (Double(next() >> 11) + 1) * 0x1.0p-53
    }

    /// An independent generator whose seed mixes this generator's current state with `labels`
    /// (for example a repetition index and a purpose), without advancing this generator.
    public func derived(_ labels: UInt64...) -> SplitMix64 {
        SplitMix64(seed: Self.mix(state, labels))
    }

    /// A seed derived from `seed` and `labels` by repeated SplitMix64 finalisation: a stable, order-
    /// sensitive hash used to give every trial, repetition and purpose its own stream.
    public static func derive(seed: UInt64, _ labels: UInt64...) -> UInt64 {
        mix(seed, labels)
    }

    static func mix(_ seed: UInt64, _ labels: [UInt64]) -> UInt64 {
        var generator = SplitMix64(seed: seed)
        var value = generator.next()
        for label in labels {
            generator = SplitMix64(seed: value ^ (label &* 0xD6E8_FEB8_6659_FD93))
            value = generator.next()
        }
        return value
    }
}

/// Distributions drawn from a ``SplitMix64``. Each is written out here (rather than taken from the
/// standard library's `random(in:using:)`, whose algorithm may change between releases) so that the
/// same seed keeps giving the same data across toolchains.
extension SplitMix64 {
    /// A standard normal variate by the Box-Muller transform (one of the pair is used, so each
    /// draw consumes exactly two 64-bit words and streams stay aligned).
    public mutating func nextNormal() -> Double {
        let u1 = nextOpenUniform()
        let u2 = nextUniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A normal variate with the given mean and standard deviation.
    public mutating func nextNormal(mean: Double, standardDeviation: Double) -> Double {
        mean + standardDeviation * nextNormal()
    }

    /// An integer uniform in `0..<bound` by Lemire's multiply-shift with rejection (unbiased).
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0)
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// A Bernoulli draw: `true` with probability `p`.
    public mutating func nextBernoulli(_ p: Double) -> Bool {
        nextUniform() < p
    }

    /// A Poisson variate with mean `rate`.
    ///
    /// Knuth's product-of-uniforms method below a rate of 30; above it, Hörmann's transformed
    /// rejection with squeeze (PTRS, "The transformed rejection method for generating Poisson
    /// random variables", 1993), the algorithm NumPy also uses. Rates that are not finite or not
    /// positive give 0.
    public mutating func nextPoisson(rate: Double) -> Int {
        guard rate > 0, rate.isFinite else { return 0 }
        if rate < 30 {
            let limit = exp(-rate)
            var product = nextUniform()
            var count = 0
            while product > limit {
                product *= nextUniform()
                count += 1
            }
            return count
        }
        let slam = rate.squareRoot()
        let loglam = log(rate)
        let b = 0.931 + 2.53 * slam
        let a = -0.059 + 0.02483 * b
        let invalpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = nextUniform() - 0.5
            let v = nextUniform()
            let us = 0.5 - abs(u)
            let k = floor((2 * a / us + b) * u + rate + 0.43)
            if us >= 0.07 && v <= vr { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + log(invalpha) - log(a / (us * us) + b) <= -rate + k * loglam - lgamma(k + 1) {
                return Int(k)
            }
        }
    }

    /// A uniformly random permutation of `0..<count` (Fisher-Yates, drawing with ``nextInt(below:)``).
    public mutating func permutation(_ count: Int) -> [Int] {
        var indices = Array(0..<count)
        shuffle(&indices)
        return indices
    }

    /// Shuffles `values` in place (Fisher-Yates).
    public mutating func shuffle(_ values: inout [Int]) {
        var i = values.count - 1
        while i > 0 {
            let j = nextInt(below: i + 1)
            values.swapAt(i, j)
            i -= 1
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
