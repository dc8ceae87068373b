import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Independent 0/1 labels from logistic models on shared features: the setting of binary
/// crossentropy and hinge losses on several outputs.
///
/// World: for each label `l`, `w_l` drawn `N(0, I)` then rescaled to unit length, so that with
/// `x ~ N(0, I)` every `x . w_l` is exactly `N(0, 1)`. Each sample: `x ~ N(0, I)`, then label `l`
/// is 1 with probability `sigmoid(signal * x . w_l + b)`.
///
/// The intercept `b` is calibrated so that `density` is exactly the probability of a positive
/// label: `E[sigmoid(signal * z + b)] = density` for `z ~ N(0, 1)` (`b = -1.384` with the
/// defaults). With `b = logit(density)` instead, the mean would be pulled towards 1/2 (0.374
/// rather than 0.3 with the defaults). With `signal = 0`, `b = logit(density)` and labels are
/// pure noise.
///
/// | parameter | default | range |
/// | --- | --- | --- |
/// | `labels` | 4 | 1...100 |
/// | `features` | 10 | 1...1000 |
/// | `density` | 0.3 | [1e-6, 1 - 1e-6], probability of a positive label |
/// | `signal` | 2 | [0, 50], standard deviation of the label logits' informative part |
///
/// Ground truth: `intercept = b`; no coefficients (there is one vector per label) and no
/// conditional mean.
public struct MultilabelGenerator: DataGenerator {
    public static let name = "multilabel"
    public static let summary = "independent 0/1 labels, P(y_l = 1) = sigmoid(signal * x.w_l + b), mean density as given"
    public static let parameters: [ParameterInfo] = [
        ParameterInfo("labels", .number(4), "number of 0/1 labels per sample (1...100)"),
        ParameterInfo("features", .number(10), "number of standard normal features (1...1000)"),
        ParameterInfo("density", .number(0.3), "probability of a positive label, averaged over x ((0, 1))"),
        ParameterInfo("signal", .number(2), "standard deviation of signal * x.w_l, the informative part of each logit ([0, 50])"),
    ]

    public let labels: Int
    public let features: Int
    public let density: Double
    public let signal: Double
    /// The intercept `b` shared by every label, calibrated from `density` and `signal`.
    public let intercept: Double

    public init(labels: Int = 4, features: Int = 10, density: Double = 0.3, signal: Double = 2) {
        precondition((1...100).contains(labels), "labels must be in 1...100")
        precondition((1...1000).contains(features), "features must be in 1...1000")
        precondition(density >= 1e-6 && density <= 1 - 1e-6, "density must be in [1e-6, 1 - 1e-6]")
        precondition(signal >= 0 && signal <= 50, "signal must be in [0, 50]")
        self.labels = labels
        self.features = features
        self.density = density
        self.signal = signal
        self.intercept = Self.interceptCache.value(density: density, signal: signal)
    }

    public init(parameters: Parameters) throws {
        try self.init(
            labels: parameters.integer("labels", default: 4, in: 1...100),
            features: parameters.integer("features", default: 10, in: 1...1000),
            density: parameters.number("density", default: 0.3, in: 1e-6...(1 - 1e-6), "a number in [0.000001, 0.999999]"),
            signal: parameters.number("signal", default: 2, in: 0...50))
    }

    public var task: Task { .multilabel(labels: labels) }

    /// `E[sigmoid(signal * z + intercept)]` for `z ~ N(0, 1)`, by the trapezoid rule on [-12, 12]
    /// (the normal density is below 1e-31 outside) with a step fine enough for the sigmoid's
    /// width `1 / signal`.
    static func meanProbability(intercept: Double, signal: Double) -> Double {
        let step = min(0.01, 0.2 / signal)
        let points = Int((24 / step).rounded(.up))
        let spacing = 24 / Double(points)
        var sum = 0.0
        for k in 0...points {
            let z = -12 + Double(k) * spacing
            let weight = (k == 0 || k == points ? 0.5 : 1) * exp(-0.5 * z * z)
            sum += weight / (1 + exp(-(signal * z + intercept)))
        }
        return sum * spacing / (2 * Double.pi).squareRoot()
    }

    /// Calibrations already done in this process. A bisection costs about 100,000 exponentials
    /// (2 ms), and a sweep builds the same generator for every trial, for validation and for
    /// pairing checks; the cached value is the same number the bisection gives.
    static let interceptCache = InterceptCache()

    /// A lock-protected memo of ``calibratedIntercept(density:signal:)``.
    final class InterceptCache: @unchecked Sendable {
        // Safety: `values` is only read and written while `lock` is held.
        private let lock = NSLock()
        private var values: [SIMD2<Double>: Double] = [:]

        func value(density: Double, signal: Double) -> Double {
            let key = SIMD2(density, signal)
            if let known = lock.withLock({ values[key] }) { return known }
            let intercept = MultilabelGenerator.calibratedIntercept(density: density, signal: signal)
            lock.withLock { values[key] = intercept }
            return intercept
        }
    }

    /// The intercept whose mean probability is `density`, by bisection: the mean is increasing in
    /// the intercept.
    static func calibratedIntercept(density: Double, signal: Double) -> Double {
        let logit = log(density / (1 - density))
        guard signal > 0 else { return logit }
        var lower = logit - 1
        var upper = logit + 1
        while meanProbability(intercept: lower, signal: signal) > density { lower -= 2 * (upper - lower) }
        while meanProbability(intercept: upper, signal: signal) < density { upper += 2 * (upper - lower) }
        for _ in 0..<100 where upper - lower > 1e-12 {
            let middle = 0.5 * (lower + upper)
            if meanProbability(intercept: middle, signal: signal) < density {
                lower = middle
            } else {
                upper = middle
            }
        }
        return 0.5 * (lower + upper)
    }

    public func generate(count: Int, generator: inout SplitMix64) -> Dataset {
        precondition(count >= 0)
        var streams = GeneratorStreams(splitting: &generator)
        let weights = (0..<labels).map { _ in
            GaussianDesign.rescaled(GaussianDesign.normalVector(count: features, generator: &streams.world), toLength: 1)
        }
        var storage = [Float]()
        storage.reserveCapacity(count * features)
        var targets = [Float]()
        targets.reserveCapacity(count * labels)
        var row = [Float](repeating: 0, count: features)
        for _ in 0..<count {
            GaussianDesign.fillStandardNormal(&row, generator: &streams.samples)
            for weight in weights {
                let logit = signal * GaussianDesign.dot(row, weight) + intercept
                let probability = 1 / (1 + exp(-logit))
                targets.append(streams.samples.nextBernoulli(probability) ? 1 : 0)
            }
            storage.append(contentsOf: row)
        }
        return Dataset(features: Matrix(rows: count, columns: features, storage: storage),
                       targets: Matrix(rows: count, columns: labels, storage: targets),
                       task: task,
                       truth: GroundTruth(intercept: intercept))
    }
}
