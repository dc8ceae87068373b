/// How a dense layer's weights and biases start, drawn from a seeded generator.
///
/// With `fanIn` inputs and `fanOut` outputs:
/// - `glorot_uniform` (Keras's default): `W ~ U(-l, l)`, `l = sqrt(6 / (fanIn + fanOut))`, `b = 0`.
/// - `glorot_normal`: `W ~ N(0, 2 / (fanIn + fanOut))`, `b = 0` (untruncated).
/// - `he_uniform`: `W ~ U(-l, l)`, `l = sqrt(6 / fanIn)`, `b = 0`; suited to ReLU layers.
/// - `he_normal`: `W ~ N(0, 2 / fanIn)`, `b = 0` (untruncated).
/// - `torch`: PyTorch's `nn.Linear` default, `W, b ~ U(-1/sqrt(fanIn), 1/sqrt(fanIn))` (the peers'
///   benchmark workloads use it).
/// - `auto`: He uniform for layers followed by ReLU, Glorot uniform otherwise.
public enum Initializer: String, Sendable, CaseIterable, Codable {
    case auto
    case glorotUniform = "glorot_uniform"
    case glorotNormal = "glorot_normal"
    case heUniform = "he_uniform"
    case heNormal = "he_normal"
    case torch

    /// Fills a `fanIn x fanOut` weight matrix and a `1 x fanOut` bias for a layer followed by
    /// `activation`. Weights are drawn row by row, then the bias.
    public func initialize(fanIn: Int, fanOut: Int, activation: Activation,
                           generator: inout SplitMix64) -> (weights: Matrix, bias: Matrix) {
        var weights = Matrix(rows: fanIn, columns: fanOut)
        var bias = Matrix(rows: 1, columns: fanOut)
        let resolved = self == .auto ? (activation == .relu ? Initializer.heUniform : .glorotUniform) : self
        let fanSum = Double(fanIn + fanOut)
        for i in 0..<weights.count {
            let value: Double
            switch resolved {
            case .glorotUniform, .auto:
                value = (2 * generator.nextUniform() - 1) * (6 / fanSum).squareRoot()
            case .glorotNormal:
                value = generator.nextNormal() * (2 / fanSum).squareRoot()
            case .heUniform:
                value = (2 * generator.nextUniform() - 1) * (6 / Double(fanIn)).squareRoot()
            case .heNormal:
                value = generator.nextNormal() * (2 / Double(fanIn)).squareRoot()
            case .torch:
                value = (2 * generator.nextUniform() - 1) / Double(fanIn).squareRoot()
            }
            weights.storage[i] = Float(value)
        }
        if resolved == .torch {
            for j in 0..<fanOut {
                bias.storage[j] = Float((2 * generator.nextUniform() - 1) / Double(fanIn).squareRoot())
            }
        }
        return (weights, bias)
    }
}
