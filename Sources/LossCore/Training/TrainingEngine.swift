/// The trainer's working memory for one network shape and batch size, allocated once so that a
/// training step allocates nothing: parameters, gradients and optimizer moments in flat arenas laid
/// out like ``Network/parameters`` (`[W_0, b_0, W_1, b_1, ...]`, each row-major), and for a batch
/// the input rows, every layer's activations, the targets, the per-sample weights and the loss's
/// scratch. The hot loops work on raw pointers into it.
///
/// A step is ``gather(rows:features:featureColumns:targets:targetColumns:weights:)``, ``forward(rows:)``,
/// ``lossAndGradient(rows:objective:)``, ``backward(rows:)`` and ``update(optimizer:)``; the network's
/// parameters are copied in at the start (``init(network:batchCapacity:targetColumns:optimizer:objective:)``)
/// and out with ``store(into:)``.
///
/// Memory safety: the class owns one allocation and frees it in `deinit`; every pointer it hands
/// out points into it and is used only while the engine is alive, on one thread.
final class TrainingEngine {
    /// Pointers into the arenas for one dense layer.
    struct Layer {
        var inputs: Int
        var outputs: Int
        var weights: UnsafeMutablePointer<Float>
        var bias: UnsafeMutablePointer<Float>
        var weightGradient: UnsafeMutablePointer<Float>
        var biasGradient: UnsafeMutablePointer<Float>
        /// The layer's input, `A_l` (`batch x inputs`); `A_0` is the gathered batch.
        var input: UnsafeMutablePointer<Float>
        /// `Z_l = A_l W_l + b_l`; for a ReLU hidden layer the product writes `A_{l+1}` directly and
        /// this stays unused.
        var preActivation: UnsafeMutablePointer<Float>
        /// `A_{l+1} = f(Z_l)`.
        var output: UnsafeMutablePointer<Float>
    }

    let layers: [Layer]
    let hiddenActivation: Activation
    let outputActivation: Activation
    let batchCapacity: Int
    /// Whether the loss reads the logits (then the output activation is never applied in training).
    let fused: Bool
    let parameterCount: Int
    let parameters: UnsafeMutablePointer<Float>
    let gradients: UnsafeMutablePointer<Float>
    let first: UnsafeMutablePointer<Float>
    let second: UnsafeMutablePointer<Float>
    /// Where each parameter matrix sits in the arenas, in ``Network/parameters`` order; weight
    /// matrices (not biases) take weight decay.
    let segments: [(offset: Int, count: Int, isWeight: Bool)]
    /// Two `batch x widest layer` buffers for `dL/dZ`, used in turn going down the layers.
    private(set) var gradientBuffer: UnsafeMutablePointer<Float>
    private(set) var otherGradientBuffer: UnsafeMutablePointer<Float>
    let targets: UnsafeMutablePointer<Float>
    let weights: UnsafeMutablePointer<Float>
    let scratch: Objective.Scratch
    private var step = 0
    private let arena: UnsafeMutablePointer<Float>

    init(network: Network, batchCapacity: Int, targetColumns: Int, optimizer: Optimizer, objective: Objective) {
        let sizes = network.layerSizes
        let layerCount = sizes.count - 1
        precondition(targetColumns == sizes[layerCount], "targets have \(targetColumns) columns for \(sizes[layerCount]) outputs")
        let batch = max(batchCapacity, 1)
        self.batchCapacity = batch
        hiddenActivation = network.hiddenActivation
        outputActivation = network.outputActivation
        fused = objective.isFused
        parameterCount = network.parameterCount
        let widest = sizes.max()!
        let activationCount = sizes.reduce(0) { $0 + batch * $1 }
        let preActivationCount = sizes.dropFirst().reduce(0) { $0 + batch * $1 }
        let total = 4 * parameterCount + activationCount + preActivationCount + 2 * batch * widest
            + batch * targetColumns + batch + (2 * batch + batch * targetColumns)
        arena = UnsafeMutablePointer<Float>.allocate(capacity: total)
        arena.initialize(repeating: 0, count: total)
        var cursor = arena
        func take(_ count: Int) -> UnsafeMutablePointer<Float> {
            defer { cursor += count }
            return cursor
        }
        parameters = take(parameterCount)
        gradients = take(parameterCount)
        first = take(parameterCount)
        second = take(parameterCount)
        var activations: [UnsafeMutablePointer<Float>] = sizes.map { take(batch * $0) }
        var layers: [Layer] = []
        var segments: [(offset: Int, count: Int, isWeight: Bool)] = []
        var offset = 0
        for l in 0..<layerCount {
            let inputs = sizes[l], outputs = sizes[l + 1]
            let preActivation = take(batch * outputs)
            layers.append(Layer(inputs: inputs, outputs: outputs, weights: parameters + offset,
                                bias: parameters + offset + inputs * outputs, weightGradient: gradients + offset,
                                biasGradient: gradients + offset + inputs * outputs, input: activations[l],
                                preActivation: preActivation, output: activations[l + 1]))
            segments.append((offset, inputs * outputs, true))
            segments.append((offset + inputs * outputs, outputs, false))
            offset += inputs * outputs + outputs
        }
        activations.removeAll()
        self.layers = layers
        self.segments = segments
        gradientBuffer = take(batch * widest)
        otherGradientBuffer = take(batch * widest)
        targets = take(batch * targetColumns)
        weights = take(batch)
        scratch = Objective.Scratch(values: take(batch), rowScales: take(batch), gradOutputs: take(batch * targetColumns))
        load(from: network)
    }

    deinit {
        arena.deallocate()
    }

    /// Copies the network's parameters into the arena.
    func load(from network: Network) {
        for (segment, matrix) in zip(segments, network.parameters) {
            matrix.storage.withUnsafeBufferPointer { source in
                if segment.count > 0 { (parameters + segment.offset).update(from: source.baseAddress!, count: segment.count) }
            }
        }
    }

    /// Copies the arena's parameters into the network.
    func store(into network: inout Network) {
        for (index, segment) in segments.enumerated() {
            network.parameters[index].storage.withUnsafeMutableBufferPointer { destination in
                if segment.count > 0 { destination.baseAddress!.update(from: parameters + segment.offset, count: segment.count) }
            }
        }
    }

    /// Copies the listed rows of the features, targets and weights (`nil`: all ones, left unread)
    /// into the batch buffers.
    func gather(rows: UnsafeBufferPointer<Int>, features: UnsafePointer<Float>, featureColumns: Int,
                targets source: UnsafePointer<Float>, targetColumns: Int, weights sampleWeights: UnsafePointer<Float>?) {
        let input = layers[0].input
        for (r, index) in rows.enumerated() {
            Self.copy(featureColumns, from: features + index * featureColumns, to: input + r * featureColumns)
            Self.copy(targetColumns, from: source + index * targetColumns, to: targets + r * targetColumns)
        }
        if let sampleWeights {
            for (r, index) in rows.enumerated() { weights[r] = sampleWeights[index] }
        }
    }

    /// Copies a row a vector at a time (rows are short: a call to memcpy would cost more).
    @inline(__always)
    static func copy(_ count: Int, from source: UnsafePointer<Float>, to destination: UnsafeMutablePointer<Float>) {
        var j = 0
        while j + VectorMath.WideLanes.scalarCount <= count {
            VectorMath.storeWide(VectorMath.loadWide(source + j), destination + j)
            j += VectorMath.WideLanes.scalarCount
        }
        if VectorMath.WideLanes.scalarCount > 8 && j + 8 <= count {
            VectorMath.store(VectorMath.load(source + j), destination + j)
            j += 8
        }
        while j < count {
            destination[j] = source[j]
            j += 1
        }
    }

    /// The forward pass of the gathered batch: every hidden activation, and the logits (the
    /// output activation too when the loss is not fused).
    func forward(rows: Int) {
        for (l, layer) in layers.enumerated() {
            let isOutput = l == layers.count - 1
            let activation = isOutput ? outputActivation : hiddenActivation
            if !isOutput && activation == .relu {
                DenseLayer.forward(rows: rows, inputs: layer.inputs, outputs: layer.outputs, x: layer.input,
                                   weights: layer.weights, bias: layer.bias, into: layer.output, relu: true)
                continue
            }
            DenseLayer.forward(rows: rows, inputs: layer.inputs, outputs: layer.outputs, x: layer.input,
                               weights: layer.weights, bias: layer.bias, into: layer.preActivation)
            if !(isOutput && fused) {
                activation.forward(rows: rows, columns: layer.outputs, z: layer.preActivation, into: layer.output)
            }
        }
    }

    /// The batch loss of the last forward pass, with `dL/dlogits` left in the gradient buffer.
    func lossAndGradient(rows: Int, objective: Objective, weighted: Bool) -> Float {
        let last = layers[layers.count - 1]
        return objective.batchValueAndGradient(rows: rows, columns: last.outputs, logits: last.preActivation,
                                               outputs: last.output, targets: targets, weights: weighted ? weights : nil,
                                               scratch: scratch, gradLogits: gradientBuffer)
    }

    /// Back-propagates the gradient buffer's `dL/dlogits` through every layer into the gradient arena.
    func backward(rows: Int) {
        var l = layers.count - 1
        while true {
            let layer = layers[l]
            DenseLayer.parameterGradients(rows: rows, inputs: layer.inputs, outputs: layer.outputs, x: layer.input,
                                          gradOutput: gradientBuffer, weights: layer.weightGradient, bias: layer.biasGradient)
            if l == 0 { break }
            if hiddenActivation == .relu {
                DenseLayer.inputGradient(rows: rows, inputs: layer.inputs, outputs: layer.outputs, gradOutput: gradientBuffer,
                                         weights: layer.weights, into: otherGradientBuffer, reluOutput: layer.input)
            } else {
                DenseLayer.inputGradient(rows: rows, inputs: layer.inputs, outputs: layer.outputs, gradOutput: gradientBuffer,
                                         weights: layer.weights, into: otherGradientBuffer)
                hiddenActivation.backward(rows: rows, columns: layer.inputs, z: layers[l - 1].preActivation, a: layer.input,
                                          gradOutput: otherGradientBuffer, into: otherGradientBuffer)
            }
            swap(&gradientBuffer, &otherGradientBuffer)
            l -= 1
        }
    }

    /// One optimizer step on the whole arena (weight decay on the weight matrices only).
    func update(optimizer: Optimizer) {
        step += 1
        let factors = optimizer.stepFactors(step: step)
        if optimizer.weightDecay == 0 {
            optimizer.update(count: parameterCount, parameters: parameters, gradients: gradients, first: first,
                             second: second, decay: 0, factors: factors)
            return
        }
        for segment in segments {
            optimizer.update(count: segment.count, parameters: parameters + segment.offset,
                             gradients: gradients + segment.offset, first: first + segment.offset,
                             second: second + segment.offset, decay: segment.isWeight ? optimizer.weightDecay : 0,
                             factors: factors)
        }
    }

    /// Whether every parameter is finite.
    var parametersAreFinite: Bool {
        for i in 0..<parameterCount where !parameters[i].isFinite { return false }
        return true
    }
}
