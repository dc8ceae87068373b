import Testing
@testable import LossCore
import LossLabTestSupport

/// Rows of the gradient-check table for the layers: the gradient that ``Network/backward`` returns
/// for every weight and bias, through hidden activations and the objective (fused or not), against
/// central differences of the batch loss. The point is the flat parameter vector
/// `[W_0, b_0, W_1, b_1, ...]`.
extension GradientCase {
    static func network(_ option: String, layerSizes: [Int], hidden: Activation, output: Activation, loss: any Loss,
                        input: [[Float]], expected: [[Float]], seed: UInt64 = 7,
                        tolerance: Double = 2e-3) -> GradientCase {
        var generator = SplitMix64(seed: seed)
        let template = Network(layerSizes: layerSizes, hiddenActivation: hidden, outputActivation: output,
                               initializer: .glorotUniform, generator: &generator)
        let shapes = template.parameters.map { ($0.rows, $0.columns) }
        let x = Matrix(input)
        let objective = Objective(loss: loss, outputActivation: output)
        let targets = objective.prepare(targets: Matrix(expected), outputs: layerSizes.last!)
        @Sendable func network(_ point: [Float]) -> Network {
            var copy = template
            var offset = 0
            copy.parameters = shapes.map { rows, columns in
                defer { offset += rows * columns }
                return Matrix(rows: rows, columns: columns, storage: Array(point[offset..<(offset + rows * columns)]))
            }
            return copy
        }
        return GradientCase(
            name: "layer/\(option)",
            point: template.parameters.flatMap(\.storage),
            value: { point in
                var workspace = Workspace()
                network(point).forward(x, workspace: &workspace)
                return objective.values(workspace: workspace, targets: targets).reduce(0.0) { $0 + Double($1) } / Double(x.rows)
            },
            gradient: { point in
                let model = network(point)
                var workspace = Workspace()
                model.forward(x, workspace: &workspace)
                var objectiveCopy = objective
                _ = objectiveCopy.valueAndGradient(workspace: &workspace, targets: targets, weights: nil)
                var gradients: [Matrix] = []
                model.backward(workspace: &workspace, gradients: &gradients)
                return gradients.flatMap(\.storage).map(Double.init)
            },
            tolerance: tolerance)
    }
}

extension GradientCheckTests {
    /// Inputs chosen so that no ReLU pre-activation sits within a step of 0 for seed 7's weights
    /// (checked by the rows passing with a tight tolerance; a kink would show as a 50% error).
    static let layerInput: [[Float]] = [[0.5, -1.2, 0.3], [1.1, 0.4, -0.7], [-0.6, 0.9, 1.5], [0.2, -0.3, -1.1]]

    static let layerCases: [GradientCase] = [
        .network("dense/identity+mse", layerSizes: [3, 1], hidden: .relu, output: .identity, loss: MeanSquaredError(),
                 input: layerInput, expected: [[0.5], [-1], [2], [0]]),
        .network("dense/sigmoid+bce fused", layerSizes: [3, 1], hidden: .relu, output: .sigmoid, loss: BinaryCrossentropy(),
                 input: layerInput, expected: [[1], [0], [1], [0]]),
        .network("dense/exp+poisson", layerSizes: [3, 1], hidden: .relu, output: .exp, loss: Poisson(),
                 input: layerInput, expected: [[2], [0], [5], [1]]),
        .network("dense/softmax+cce fused, 3 classes", layerSizes: [3, 3], hidden: .relu, output: .softmax,
                 loss: CategoricalCrossentropy(), input: layerInput, expected: [[0], [2], [1], [2]]),
        .network("mlp/tanh hidden, softmax+focal", layerSizes: [3, 5, 3], hidden: .tanh, output: .softmax,
                 loss: CategoricalFocalCrossentropy(gamma: 2), input: layerInput, expected: [[1], [0], [2], [1]]),
        .network("mlp/softplus hidden, tanh+squared hinge", layerSizes: [3, 4, 1], hidden: .softplus, output: .tanh,
                 loss: SquaredHinge(), input: layerInput, expected: [[1], [-1], [1], [-1]]),
        .network("mlp/sigmoid hidden x2, identity+huber", layerSizes: [3, 4, 4, 1], hidden: .sigmoid, output: .identity,
                 loss: Huber(delta: 0.5), input: layerInput, expected: [[3], [-2], [0.1], [1]]),
        .network("mlp/relu hidden, softplus+msle", layerSizes: [3, 6, 1], hidden: .relu, output: .softplus,
                 loss: MeanSquaredLogarithmicError(), input: layerInput, expected: [[2], [0.5], [4], [1]]),
        .network("mlp/relu hidden, sigmoid+bce multi-label", layerSizes: [3, 6, 2], hidden: .relu, output: .sigmoid,
                 loss: BinaryCrossentropy(labelSmoothing: 0.1), input: layerInput, expected: [[1, 0], [0, 0], [1, 1], [0, 1]]),
    ]
}
