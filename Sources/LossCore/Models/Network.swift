/// A feed-forward network of dense layers: a linear model (GLM) when there are no hidden layers,
/// an MLP otherwise.
///
/// `layerSizes = [inputs, hidden..., outputs]`; hidden layers use `hiddenActivation` and the last
/// layer `outputActivation`. Parameters are kept as `[W_0, b_0, W_1, b_1, ...]`, the order in which
/// optimizers see them and gradients are returned.
public struct Network: Sendable, Equatable {
    public private(set) var layerSizes: [Int]
    public var hiddenActivation: Activation
    public var outputActivation: Activation
    /// `[W_0, b_0, W_1, b_1, ...]`, `W_l` of shape `layerSizes[l] x layerSizes[l+1]`, `b_l` of `1 x layerSizes[l+1]`.
    public var parameters: [Matrix]

    /// A network with seeded initial weights (layers initialised in order, first to last).
    public init(layerSizes: [Int], hiddenActivation: Activation = .relu, outputActivation: Activation,
                initializer: Initializer = .auto, generator: inout SplitMix64) {
        precondition(layerSizes.count >= 2 && layerSizes.allSatisfy { $0 > 0 }, "bad layer sizes \(layerSizes)")
        self.layerSizes = layerSizes
        self.hiddenActivation = hiddenActivation
        self.outputActivation = outputActivation
        parameters = []
        for l in 0..<(layerSizes.count - 1) {
            let activation = l == layerSizes.count - 2 ? outputActivation : hiddenActivation
            let (w, b) = initializer.initialize(fanIn: layerSizes[l], fanOut: layerSizes[l + 1],
                                                activation: activation, generator: &generator)
            parameters.append(w)
            parameters.append(b)
        }
    }

    public var layerCount: Int { layerSizes.count - 1 }
    public var inputCount: Int { layerSizes[0] }
    public var outputCount: Int { layerSizes[layerSizes.count - 1] }
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    public func activation(ofLayer l: Int) -> Activation {
        l == layerCount - 1 ? outputActivation : hiddenActivation
    }

    /// The fitted coefficients of a single-output linear model (`W_0` as a vector), else `nil`.
    public var linearCoefficients: [Float]? {
        layerCount == 1 && outputCount == 1 ? parameters[0].storage : nil
    }

    /// Runs the forward pass on `input`, keeping every intermediate in `workspace`: afterwards
    /// `workspace.logits` holds the output layer's pre-activation and `workspace.outputs` its
    /// activation.
    public func forward(_ input: Matrix, workspace: inout Workspace) {
        workspace.prepare(for: self)
        workspace.activations[0] = input
        forwardFromWorkspaceInput(workspace: &workspace)
    }

    /// The forward pass when `workspace.activations[0]` already holds the input (the trainer gathers
    /// each mini-batch straight into it, avoiding a copy).
    public func forwardFromWorkspaceInput(workspace: inout Workspace) {
        for l in 0..<layerCount {
            DenseLayer.forward(input: workspace.activations[l], weights: parameters[2 * l],
                               bias: parameters[2 * l + 1], into: &workspace.preActivations[l])
            activation(ofLayer: l).forward(workspace.preActivations[l], into: &workspace.activations[l + 1])
        }
    }

    /// Back-propagates `dL/dlogits` (stored in `workspace.gradLogits`) through every layer of the
    /// last forward pass, writing `dL/dW_l` and `dL/db_l` into `gradients` (same order and shapes as
    /// ``parameters``). `workspace.gradLogits` is used as scratch space and left undefined.
    public func backward(workspace: inout Workspace, gradients: inout [Matrix]) {
        if gradients.count != parameters.count {
            gradients = parameters.map { Matrix(rows: $0.rows, columns: $0.columns) }
        }
        var l = layerCount - 1
        swap(&workspace.gradPreActivation, &workspace.gradLogits)
        defer { swap(&workspace.gradPreActivation, &workspace.gradLogits) }
        while true {
            var biasGradient = Matrix(rows: 0, columns: 0)
            swap(&biasGradient, &gradients[2 * l + 1])
            DenseLayer.parameterGradients(input: workspace.activations[l], gradOutput: workspace.gradPreActivation,
                                          weights: &gradients[2 * l], bias: &biasGradient)
            swap(&biasGradient, &gradients[2 * l + 1])
            if l == 0 { break }
            DenseLayer.inputGradient(gradOutput: workspace.gradPreActivation, weights: parameters[2 * l],
                                     into: &workspace.gradActivation)
            hiddenActivation.backward(z: workspace.preActivations[l - 1], a: workspace.activations[l],
                                      gradOutput: workspace.gradActivation, into: &workspace.gradPreActivation)
            l -= 1
        }
    }

    /// The outputs (after the output activation) for every row of `input`, computed in chunks of
    /// `chunkSize` rows to bound memory.
    public func predict(_ input: Matrix, chunkSize: Int = 4096) -> Matrix {
        var workspace = Workspace()
        var outputs = Matrix(rows: input.rows, columns: outputCount)
        var start = 0
        while start < input.rows {
            let end = min(start + chunkSize, input.rows)
            forward(input.gatherRows(start..<end), workspace: &workspace)
            let width = outputCount
            outputs.storage.replaceSubrange((start * width)..<(end * width), with: workspace.outputs.storage)
            start = end
        }
        return outputs
    }

    /// The pre-activations of the output layer for every row of `input`.
    public func logits(_ input: Matrix) -> Matrix {
        var workspace = Workspace()
        forward(input, workspace: &workspace)
        return workspace.logits
    }
}

/// Buffers for one forward and backward pass, reused from step to step so that training allocates
/// nothing per step once the first batch has sized them.
public struct Workspace: Sendable {
    /// `activations[0]` is the input; `activations[l + 1]` the output of layer `l`.
    public var activations: [Matrix] = []
    /// `preActivations[l]` is `Z_l = A_l W_l + b_l`.
    public var preActivations: [Matrix] = []
    /// `dL/dlogits`, set by the caller before ``Network/backward(workspace:gradients:)``.
    public var gradLogits = Matrix(rows: 0, columns: 0)
    var gradPreActivation = Matrix(rows: 0, columns: 0)
    var gradActivation = Matrix(rows: 0, columns: 0)

    public init() {}

    mutating func prepare(for network: Network) {
        if preActivations.count != network.layerCount {
            preActivations = Array(repeating: Matrix(rows: 0, columns: 0), count: network.layerCount)
            activations = Array(repeating: Matrix(rows: 0, columns: 0), count: network.layerCount + 1)
        }
    }

    public var logits: Matrix { preActivations[preActivations.count - 1] }
    public var outputs: Matrix { activations[activations.count - 1] }
}
