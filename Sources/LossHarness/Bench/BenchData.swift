import Foundation
import LossCore

/// The data of W1 to W4, generated in-process with ``SplitMix64`` by the recipes of the peers'
/// `common.py` (`make_logistic`, `make_blobs`, `make_poisson`). The random numbers differ from
/// NumPy's PCG64 but the distributions are the same, so the test metrics land near the peers'.
///
/// As in `common.py`, one stream (seeded with the workload's data seed) draws, in order, the whole
/// feature matrix or the world first, then the rest; the first `trainCount` rows are the training
/// set and the next `testCount` rows the test set. Features and targets are float32; class labels
/// are stored as floats in one column. Data generation is not timed.
public struct BenchData: Sendable {
    public var trainFeatures: Matrix
    public var trainTargets: Matrix
    public var testFeatures: Matrix
    public var testTargets: Matrix
    /// The metric of the model that generated the data, on the test set: the Bayes classifier's
    /// accuracy (W1: `X w > 0`; W2, W3: the nearest centre, Bayes-optimal for equal priors and
    /// identity covariance) or, for W4, the mean Poisson loss `exp(f) - y f` at the true log-rate.
    /// A fitted model can only approach it, so it tells how hard the drawn world is.
    public var truthMetric: Double

    public init(_ definition: BenchDefinition) {
        let total = definition.trainCount + definition.testCount
        var random = SplitMix64(seed: definition.dataSeed)
        let features: Matrix
        let targets: Matrix
        let truth: (Matrix, Matrix) -> Double
        switch definition.workload {
        case .logistic:
            let w: [Float]
            (features, targets, w) = Self.logistic(count: total, features: definition.features, random: &random)
            truth = { x, y in
                let logits = Self.linear(x, w)
                return Double((0..<y.rows).filter { (logits[$0] > 0 ? 1 : 0) == y[$0, 0] }.count) / Double(max(y.rows, 1))
            }
        case .softmax, .mlp:
            let centres: Matrix
            (features, targets, centres) = Self.blobs(count: total, features: definition.features,
                                                      classes: definition.outputs, centerScale: 0.4, random: &random)
            truth = { x, y in
                var correct = 0
                for r in 0..<x.rows {
                    var best = 0
                    var bestDistance = Float.infinity
                    for c in 0..<centres.rows {
                        var distance: Float = 0
                        for j in 0..<x.columns { distance += (x[r, j] - centres[c, j]) * (x[r, j] - centres[c, j]) }
                        if distance < bestDistance { (best, bestDistance) = (c, distance) }
                    }
                    if Float(best) == y[r, 0] { correct += 1 }
                }
                return Double(correct) / Double(max(x.rows, 1))
            }
        case .poisson:
            let w: [Float]
            (features, targets, w) = Self.poisson(count: total, features: definition.features, random: &random)
            truth = { x, y in
                let f = Self.linear(x, w).map { Double($0) + 0.5 }
                return (0..<y.rows).reduce(0.0) { $0 + exp(f[$1]) - Double(y[$1, 0]) * f[$1] } / Double(max(y.rows, 1))
            }
        case .sweep:
            preconditionFailure("W5 runs as a subprocess, not from in-process data")
        }
        let train = 0..<definition.trainCount
        let test = definition.trainCount..<total
        trainFeatures = features.gatherRows(train)
        trainTargets = targets.gatherRows(train)
        testFeatures = features.gatherRows(test)
        testTargets = targets.gatherRows(test)
        truthMetric = truth(testFeatures, testTargets)
    }

    /// `N x d` standard normal float32 values, row by row.
    static func standardNormal(rows: Int, columns: Int, random: inout SplitMix64) -> Matrix {
        var matrix = Matrix(rows: rows, columns: columns)
        for i in 0..<matrix.count { matrix.storage[i] = Float(random.nextNormal()) }
        return matrix
    }

    /// `X w` in float32 (as NumPy's float32 `X @ w`), one value per row.
    static func linear(_ x: Matrix, _ w: [Float]) -> [Float] {
        (0..<x.rows).map { r in
            var sum: Float = 0
            for j in 0..<x.columns { sum += x[r, j] * w[j] }
            return sum
        }
    }

    /// `make_logistic`: `X ~ N(0, I)`, `w ~ N(0, (2/sqrt(d))^2 I)`, `y ~ Bernoulli(sigmoid(X w))`.
    static func logistic(count: Int, features d: Int, random: inout SplitMix64) -> (Matrix, Matrix, [Float]) {
        let x = standardNormal(rows: count, columns: d, random: &random)
        let w = (0..<d).map { _ in Float(random.nextNormal() * 2 / Double(d).squareRoot()) }
        let y = linear(x, w).map { logit -> Float in
            let p = 1 / (1 + exp(-Double(logit)))
            return random.nextUniform() < p ? 1 : 0
        }
        return (x, Matrix(column: y), w)
    }

    /// `make_blobs`: centres `~ N(0, centerScale^2 I)`, labels uniform on `0..<classes`,
    /// `x = centre[c] + N(0, I)`.
    static func blobs(count: Int, features d: Int, classes: Int, centerScale: Double,
                      random: inout SplitMix64) -> (Matrix, Matrix, centres: Matrix) {
        let centres = (0..<(classes * d)).map { _ in Float(random.nextNormal() * centerScale) }
        let labels = (0..<count).map { _ in random.nextInt(below: classes) }
        var x = standardNormal(rows: count, columns: d, random: &random)
        for r in 0..<count {
            for j in 0..<d { x[r, j] += centres[labels[r] * d + j] }
        }
        return (x, Matrix(column: labels.map(Float.init)), Matrix(rows: classes, columns: d, storage: centres))
    }

    /// `make_poisson`: `X ~ N(0, I)`, `w ~ N(0, 0.3^2 I)`, `y ~ Poisson(exp(X w + 0.5))`.
    static func poisson(count: Int, features d: Int, random: inout SplitMix64) -> (Matrix, Matrix, [Float]) {
        let x = standardNormal(rows: count, columns: d, random: &random)
        let w = (0..<d).map { _ in Float(random.nextNormal() * 0.3) }
        let y = linear(x, w).map { Float(random.nextPoisson(rate: exp(Double($0) + 0.5))) }
        return (x, Matrix(column: y), w)
    }
}
