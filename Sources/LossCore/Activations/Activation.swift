#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output or hidden activation `a = f(z)`, applied to each row of a batch, with its backward
/// rule beside its forward rule.
///
/// Any activation may be paired with any loss: that some pairings fail (tanh with categorical
/// crossentropy) is something LossLab shows, not something it forbids.
///
/// | name | f(z) | f'(z), in terms of a where it is cheaper |
/// | --- | --- | --- |
/// | identity | z | 1 |
/// | sigmoid | 1 / (1 + e^-z) | a (1 - a) |
/// | tanh | tanh z | 1 - a^2 |
/// | softmax | e^{z_j} / sum_k e^{z_k} (per row) | J = diag(a) - a a^T, so (J^T g)_j = a_j (g_j - sum_k g_k a_k) |
/// | relu | max(z, 0) | 1 if z > 0 else 0 (0 at 0, as TensorFlow and PyTorch) |
/// | softplus | log(1 + e^z) | sigmoid(z) |
/// | exp | e^z | a |
public enum Activation: String, Sendable, CaseIterable, Codable {
    case identity
    case sigmoid
    case tanh
    case softmax
    case relu
    case softplus
    case exp

    /// One line for `losslab list`.
    public var summary: String {
        switch self {
        case .identity: "f(z) = z; regression outputs"
        case .sigmoid: "f(z) = 1/(1+e^-z) in (0,1); binary and multi-label probabilities"
        case .tanh: "f(z) = tanh z in (-1,1); scores for hinge losses"
        case .softmax: "f(z)_j = e^z_j / sum_k e^z_k per row; class probabilities"
        case .relu: "f(z) = max(z,0); hidden layers"
        case .softplus: "f(z) = log(1+e^z) > 0; positive outputs"
        case .exp: "f(z) = e^z > 0; rates (Poisson regression, log link)"
        }
    }

    /// Applies the activation to `z`, writing into `a` (reshaped to match).
    public func forward(_ z: Matrix, into a: inout Matrix) {
        a.reshape(rows: z.rows, columns: z.columns)
        guard z.count > 0 else { return }
        z.storage.withUnsafeBufferPointer { zs in
            a.storage.withUnsafeMutableBufferPointer { out in
                forward(rows: z.rows, columns: z.columns, z: zs.baseAddress!, into: out.baseAddress!)
            }
        }
    }

    /// Applies the activation to the `rows x columns` row-major buffer `z`, writing into `a` (which
    /// may be `z` itself). `exp` takes 8 exponentials at a time (``VectorMath/exp(_:)``, within 1 ulp
    /// of `expf`).
    public func forward(rows: Int, columns width: Int, z zs: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        let count = rows * width
        switch self {
        case .identity:
            if UnsafePointer(out) != zs { out.update(from: zs, count: count) }
        case .sigmoid:
            for i in 0..<count { out[i] = StableMath.sigmoid(zs[i]) }
        case .tanh:
            for i in 0..<count { out[i] = tanhf(zs[i]) }
        case .relu:
            for i in 0..<count { out[i] = max(zs[i], 0) }
        case .softplus:
            for i in 0..<count { out[i] = StableMath.softplus(zs[i]) }
        case .exp:
            VectorMath.map(count: count, zs, into: out, VectorMath.exp)
        case .softmax:
            for r in 0..<rows {
                Activation.softmax(Row(start: zs + r * width, count: width),
                                   into: MutableRow(start: out + r * width, count: width))
            }
        }
    }

    /// The activation of `z` as a new matrix.
    public func callAsFunction(_ z: Matrix) -> Matrix {
        var a = Matrix(rows: z.rows, columns: z.columns)
        forward(z, into: &a)
        return a
    }

    /// The vector-Jacobian product: given `gradOutput = dL/da`, writes `dL/dz` into `gradInput`.
    /// `z` is the input and `a` the output of ``forward(_:into:)``.
    public func backward(z: Matrix, a: Matrix, gradOutput: Matrix, into gradInput: inout Matrix) {
        gradInput.reshape(rows: z.rows, columns: z.columns)
        guard z.count > 0 else { return }
        z.storage.withUnsafeBufferPointer { zs in
            a.storage.withUnsafeBufferPointer { as_ in
                gradOutput.storage.withUnsafeBufferPointer { g in
                    gradInput.storage.withUnsafeMutableBufferPointer { out in
                        backward(rows: z.rows, columns: z.columns, z: zs.baseAddress!, a: as_.baseAddress!,
                                 gradOutput: g.baseAddress!, into: out.baseAddress!)
                    }
                }
            }
        }
    }

    /// ``backward(z:a:gradOutput:into:)`` on `rows x columns` row-major buffers; `gradInput` may be
    /// `gradOutput` itself.
    public func backward(rows: Int, columns width: Int, z zs: UnsafePointer<Float>, a as_: UnsafePointer<Float>,
                         gradOutput g: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        let count = rows * width
        switch self {
        case .identity:
            if UnsafePointer(out) != g { out.update(from: g, count: count) }
        case .sigmoid:
            for i in 0..<count { out[i] = g[i] * as_[i] * (1 - as_[i]) }
        case .tanh:
            for i in 0..<count { out[i] = g[i] * (1 - as_[i] * as_[i]) }
        case .relu:
            for i in 0..<count { out[i] = zs[i] > 0 ? g[i] : 0 }
        case .softplus:
            for i in 0..<count { out[i] = g[i] * StableMath.sigmoid(zs[i]) }
        case .exp:
            for i in 0..<count { out[i] = g[i] * as_[i] }
        case .softmax:
            for r in 0..<rows {
                let base = r * width
                var dot: Float = 0
                for j in 0..<width { dot += g[base + j] * as_[base + j] }
                for j in 0..<width { out[base + j] = as_[base + j] * (g[base + j] - dot) }
            }
        }
    }

    /// Softmax of one row, shifted by the row maximum so that no exponential overflows.
    @inlinable
    public static func softmax(_ z: Row, into a: MutableRow) {
        var maximum = -Float.infinity
        for value in z { maximum = max(maximum, value) }
        var sum: Float = 0
        for j in 0..<z.count {
            let e = expf(z[j] - maximum)
            a[j] = e
            sum += e
        }
        let inverse = 1 / sum
        for j in 0..<z.count { a[j] *= inverse }
    }
}
