#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Kullback-Leibler divergence, Keras `kl_divergence` (`kld`): how far the predicted distribution
/// `p` is from the target distribution `y`.
///
/// Per sample, a **sum** over the last axis: with `u_j = clip(y_j, eps, 1)` and
/// `q_j = clip(p_j, eps, 1)` (`eps = 1e-7`), `L = sum_j u_j log(u_j / q_j)`, the log of the ratio
/// as Keras writes it. `dL/dp_j = -u_j / p_j` where `eps < p_j < 1`, and 0 where the clip holds
/// `p_j` (the clip's gradient, as for ``BinaryCrossentropy``; at `p_j = eps` or `1` exactly the
/// outside is taken).
///
/// Rows are not renormalised (unlike ``CategoricalCrossentropy``), so a softmax output is the
/// natural pairing; for one-hot targets `L = -log q_c + sum_{j != c} eps log(eps / q_j)`, the
/// crossentropy up to terms of order `eps`. Integer labels in one column are turned into one-hot
/// rows first (``oneHotTargets(_:classes:)``), a convenience Keras does not offer.
public struct KLDivergence: Loss {
    public init() {}
    public var name: String { "kl_divergence" }

    public func prepareTargets(_ expected: Matrix, predictedColumns: Int) -> Matrix {
        oneHotTargets(expected, classes: predictedColumns)
    }

    public func value(predicted: Row, expected: Row) -> Float {
        var loss: Float = 0
        for j in 0..<predicted.count {
            let u = StableMath.clip(expected[j], StableMath.epsilon, 1)
            let q = StableMath.clip(predicted[j], StableMath.epsilon, 1)
            loss += u * logf(u / q)
        }
        return loss
    }

    public func gradient(predicted: Row, expected: Row, into gradient: MutableRow) {
        for j in 0..<predicted.count {
            let p = predicted[j]
            let u = StableMath.clip(expected[j], StableMath.epsilon, 1)
            gradient[j] = p > StableMath.epsilon && p < 1 ? -u / p : 0
        }
    }
}

extension KLDivergence {
    public static let definition = LossDefinition(
        name: "kl_divergence", alias: "kld", otherNames: ["KLD"],
        summary: "sum_j y_j log(y_j / p_j), clipped at eps; distance between distributions",
        targets: .classes, activation: .softmax, encoding: .oneHot) { _ in KLDivergence() }
}
