#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A first-order optimizer as an init/update pair with explicit state (optax's design): the
/// state is a value, so a trial's whole training is reproducible from its seed.
///
/// Update rules follow Keras 3 (`keras/src/optimizers/`), with `g` the gradient, `t` the step
/// count starting at 1 and `lr` the learning rate:
/// - `sgd`: without momentum `w -= lr g`. With momentum `mu`: `v = mu v - lr g`, then `w += v`, or
///   with Nesterov `w += mu v - lr g`. Keras defaults: `lr = 0.01`, `mu = 0`.
/// - `adam`: `m += (1 - b1)(g - m)`, `v += (1 - b2)(g^2 - v)`,
///   `w -= lr sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps)`. Keras defaults: `lr = 0.001`,
///   `b1 = 0.9`, `b2 = 0.999`, `eps = 1e-7` (Keras adds `eps` after folding the bias corrections
///   into the step size; PyTorch and optax add it to the corrected `sqrt(v_hat)`, the same up to a
///   rescaling of `eps`).
/// - `rmsprop`: `s = rho s + (1 - rho) g^2`, `step = lr g / sqrt(s + eps)` (Keras 3 puts `eps`
///   inside the square root); with momentum `mu`: `v = mu v + step`, `w -= v`, else `w -= step`.
///   Keras defaults: `lr = 0.001`, `rho = 0.9`, `eps = 1e-7`.
///
/// L2 weight decay `lambda` adds `lambda w` to the gradient of every weight matrix (not the
/// biases), the gradient of the penalty `(lambda / 2) ||W||^2`.
public struct Optimizer: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case sgd
        case adam
        case rmsprop
    }

    public var kind: Kind
    public var learningRate: Float
    public var momentum: Float
    public var nesterov: Bool
    public var beta1: Float
    public var beta2: Float
    public var rho: Float
    public var epsilon: Float
    public var weightDecay: Float

    public init(kind: Kind, learningRate: Float? = nil, momentum: Float = Float(Defaults.momentum), nesterov: Bool = Defaults.nesterov,
                beta1: Float = Float(Defaults.beta1), beta2: Float = Float(Defaults.beta2), rho: Float = Float(Defaults.rho),
                epsilon: Float = Float(Defaults.epsilon), weightDecay: Float = Float(Defaults.weightDecay)) {
        self.kind = kind
        self.learningRate = learningRate ?? Optimizer.defaultLearningRate(kind)
        self.momentum = momentum
        self.nesterov = nesterov
        self.beta1 = beta1
        self.beta2 = beta2
        self.rho = rho
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    /// Keras's default learning rate for each optimizer.
    public static func defaultLearningRate(_ kind: Kind) -> Float {
        kind == .sgd ? 0.01 : 0.001
    }

    /// Per-parameter buffers (velocity, first and second moments) and the step count.
    public struct State: Sendable, Equatable {
        public var step: Int = 0
        public var first: [[Float]]
        public var second: [[Float]]
    }

    public func initialState(for parameters: [Matrix]) -> State {
        let zeros = parameters.map { [Float](repeating: 0, count: $0.count) }
        let needsSecond = kind != .sgd
        return State(first: zeros, second: needsSecond ? zeros : [])
    }

    /// Applies one step to `parameters` (ordered `[W_0, b_0, W_1, b_1, ...]`, so even indices are
    /// the weight matrices that take weight decay).
    public func update(_ parameters: inout [Matrix], gradients: [Matrix], state: inout State) {
        precondition(parameters.count == gradients.count)
        state.step += 1
        let factors = stepFactors(step: state.step)
        for index in parameters.indices {
            let decay = index % 2 == 0 ? weightDecay : 0
            let count = parameters[index].count
            precondition(gradients[index].count == count)
            guard count > 0 else { continue }
            gradients[index].storage.withUnsafeBufferPointer { g in
                parameters[index].storage.withUnsafeMutableBufferPointer { w in
                    state.first[index].withUnsafeMutableBufferPointer { m in
                        if kind == .sgd {
                            update(count: count, parameters: w.baseAddress!, gradients: g.baseAddress!, first: m.baseAddress!,
                                   second: nil, decay: decay, factors: factors)
                        } else {
                            state.second[index].withUnsafeMutableBufferPointer { v in
                                update(count: count, parameters: w.baseAddress!, gradients: g.baseAddress!, first: m.baseAddress!,
                                       second: v.baseAddress!, decay: decay, factors: factors)
                            }
                        }
                    }
                }
            }
        }
    }

    /// The per-step constants of ``update(count:parameters:gradients:first:second:decay:factors:)``
    /// for step `t` (counting from 1): Adam's `lr sqrt(1 - b2^t) / (1 - b1^t)`.
    public struct StepFactors: Sendable {
        public var adamStep: Float
    }

    public func stepFactors(step: Int) -> StepFactors {
        let t = Float(step)
        return StepFactors(adamStep: learningRate * (1 - powf(beta2, t)).squareRoot() / (1 - powf(beta1, t)))
    }

    /// One step on `count` parameters in raw buffers: the rule of the type's documentation, element
    /// by element. `first` holds the velocity (SGD, RMSprop momentum) or Adam's first moment;
    /// `second` Adam's second moment or RMSprop's mean square (`nil` for SGD). `decay` is the L2
    /// coefficient for these parameters (0 for biases).
    public func update(count: Int, parameters w: UnsafeMutablePointer<Float>, gradients g: UnsafePointer<Float>,
                       first m: UnsafeMutablePointer<Float>, second v: UnsafeMutablePointer<Float>?,
                       decay: Float, factors: StepFactors) {
        switch kind {
        case .sgd:
            for i in 0..<count {
                let gi = g[i] + decay * w[i]
                if momentum == 0 {
                    w[i] -= learningRate * gi
                } else {
                    m[i] = momentum * m[i] - learningRate * gi
                    w[i] += nesterov ? momentum * m[i] - learningRate * gi : m[i]
                }
            }
        case .adam:
            // A vector of parameters at a time (16 with AVX-512, 8 otherwise), with the scalar
            // loop's operations in the scalar loop's order (square root and division are correctly
            // rounded in both): the same bits whatever the width.
            let v = v!
            let adamStep = factors.adamStep
            var i = 0
            /// Parameters `i..<i + V.scalarCount` (`V` the wide vector or 8 lanes).
            @inline(__always) func step<V: SIMD>(_: V.Type) where V.Scalar == Float {
                let wi = UnsafeRawPointer(w + i).loadUnaligned(as: V.self)
                let gi = UnsafeRawPointer(g + i).loadUnaligned(as: V.self) + V(repeating: decay) * wi
                var mi = UnsafeRawPointer(m + i).loadUnaligned(as: V.self)
                var vi = UnsafeRawPointer(v + i).loadUnaligned(as: V.self)
                mi += V(repeating: 1 - beta1) * (gi - mi)
                vi += V(repeating: 1 - beta2) * (gi * gi - vi)
                UnsafeMutableRawPointer(m + i).storeBytes(of: mi, as: V.self)
                UnsafeMutableRawPointer(v + i).storeBytes(of: vi, as: V.self)
                let update = wi - V(repeating: adamStep) * mi / (vi.squareRoot() + V(repeating: epsilon))
                UnsafeMutableRawPointer(w + i).storeBytes(of: update, as: V.self)
                i += V.scalarCount
            }
            while i + VectorMath.WideLanes.scalarCount <= count { step(VectorMath.WideLanes.self) }
            if VectorMath.WideLanes.scalarCount > 8 && i + 8 <= count { step(SIMD8<Float>.self) }
            while i < count {
                let gi = g[i] + decay * w[i]
                m[i] += (1 - beta1) * (gi - m[i])
                v[i] += (1 - beta2) * (gi * gi - v[i])
                w[i] -= adamStep * m[i] / (v[i].squareRoot() + epsilon)
                i += 1
            }
        case .rmsprop:
            let s = v!
            for i in 0..<count {
                let gi = g[i] + decay * w[i]
                s[i] = rho * s[i] + (1 - rho) * gi * gi
                let step = learningRate * gi / (s[i] + epsilon).squareRoot()
                if momentum > 0 {
                    m[i] = momentum * m[i] + step
                    w[i] -= m[i]
                } else {
                    w[i] -= step
                }
            }
        }
    }
}
