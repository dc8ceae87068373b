import Testing
@testable import LossCore
import LossLabTestSupport

/// The trainer's flat-arena engine against a plain training loop written with the public
/// ``Matrix`` API (``Network/forward(_:workspace:)``, ``Objective/valueAndGradient(workspace:targets:weights:)``,
/// ``Network/backward(workspace:gradients:)``, ``Optimizer/update(_:gradients:state:)``). Both go
/// through the same products and element-wise rules in the same order, so the trained parameters
/// must agree bit for bit: any slip in the engine's offsets, buffers or fused epilogues shows.
struct TrainerTests {
    struct Setup: Sendable, CustomTestStringConvertible {
        var name: String
        var sizes: [Int]
        var hidden: Activation
        var output: Activation
        var loss: any Loss
        var optimizer: Optimizer
        var rows = 37
        var batch = 8
        var weighted = false
        var testDescription: String { name }
    }

    static let setups: [Setup] = [
        Setup(name: "relu MLP, softmax + CCE (fused), Adam", sizes: [5, 8, 6, 3], hidden: .relu, output: .softmax,
              loss: CategoricalCrossentropy(), optimizer: Optimizer(kind: .adam, learningRate: 0.01)),
        Setup(name: "tanh MLP, MSE, SGD with Nesterov momentum and weight decay", sizes: [4, 7, 1], hidden: .tanh,
              output: .identity, loss: MeanSquaredError(),
              optimizer: Optimizer(kind: .sgd, learningRate: 0.05, momentum: 0.9, nesterov: true, weightDecay: 0.01)),
        Setup(name: "linear, exp + Poisson, RMSprop, sample weights", sizes: [3, 1], hidden: .relu, output: .exp,
              loss: Poisson(), optimizer: Optimizer(kind: .rmsprop, learningRate: 0.01, momentum: 0.5), weighted: true),
        Setup(name: "softplus MLP, sigmoid + BCE (fused), Adam with decay, one batch", sizes: [6, 5, 2], hidden: .softplus,
              output: .sigmoid, loss: BinaryCrossentropy(), optimizer: Optimizer(kind: .adam, weightDecay: 0.1), rows: 9, batch: 64),
    ]

    static func data(_ setup: Setup) -> TrainingData {
        var random = SplitMix64(seed: 3)
        let inputs = setup.sizes[0], outputs = setup.sizes[setup.sizes.count - 1]
        let features = Matrix(rows: setup.rows, columns: inputs,
                              storage: (0..<(setup.rows * inputs)).map { _ in Float(random.nextNormal()) })
        var targets = Matrix(rows: setup.rows, columns: outputs)
        for r in 0..<setup.rows {
            for j in 0..<outputs { targets[r, j] = Float(random.nextInt(below: 2)) }
            if setup.output == .softmax {
                for j in 0..<outputs { targets[r, j] = 0 }
                targets[r, random.nextInt(below: outputs)] = 1
            }
        }
        let weights = setup.weighted ? (0..<setup.rows).map { _ in Float(0.5 + random.nextUniform()) } : nil
        return TrainingData(features: features, targets: targets, weights: weights)
    }

    static func network(_ setup: Setup) -> Network {
        var random = SplitMix64(seed: 4)
        return Network(layerSizes: setup.sizes, hiddenActivation: setup.hidden, outputActivation: setup.output,
                       initializer: .torch, generator: &random)
    }

    /// Mini-batch training as the trainer documents it, step by step through the Matrix API.
    static func referenceTraining(_ setup: Setup, data: TrainingData, epochs: Int) -> (Network, [Float]) {
        var network = network(setup)
        let objective = Objective(loss: setup.loss, outputActivation: setup.output)
        var state = setup.optimizer.initialState(for: network.parameters)
        var order = Array(0..<data.count)
        var generator = SplitMix64(seed: 5)
        var trainLosses: [Float] = []
        for _ in 0..<epochs {
            generator.shuffle(&order)
            var lossSum = 0.0
            var start = 0
            while start < data.count {
                let rows = Array(order[start..<min(start + setup.batch, data.count)])
                var workspace = Workspace()
                network.forward(data.features.gatherRows(rows), workspace: &workspace)
                let loss = objective.valueAndGradient(workspace: &workspace, targets: data.targets.gatherRows(rows),
                                                      weights: data.weights.map { w in rows.map { w[$0] } })
                var gradients: [Matrix] = []
                network.backward(workspace: &workspace, gradients: &gradients)
                setup.optimizer.update(&network.parameters, gradients: gradients, state: &state)
                lossSum += Double(loss) * Double(rows.count)
                start += setup.batch
            }
            trainLosses.append(Float(lossSum / Double(data.count)))
        }
        return (network, trainLosses)
    }

    @Test(arguments: setups)
    func engineMatchesTheMatrixLoopBitForBit(_ setup: Setup) {
        let data = Self.data(setup)
        let (expected, expectedLosses) = Self.referenceTraining(setup, data: data, epochs: 3)
        var network = Self.network(setup)
        var generator = SplitMix64(seed: 5)
        let result = Trainer.train(network: &network, objective: Objective(loss: setup.loss, outputActivation: setup.output),
                                   optimizer: setup.optimizer, train: data, test: nil,
                                   options: TrainingOptions(epochs: 3, batchSize: setup.batch), generator: &generator)
        #expect(result.status == .completed)
        #expect(result.history.map(\.trainLoss) == expectedLosses)
        for (index, (actual, reference)) in zip(network.parameters, expected.parameters).enumerated() {
            #expect(actual.storage == reference.storage, "parameter \(index)")
        }
    }

    @Test func aHugeLearningRateIsReportedAsDivergence() {
        let setup = Self.setups[1]
        var network = Self.network(setup)
        var generator = SplitMix64(seed: 1)
        let result = Trainer.train(network: &network, objective: Objective(loss: setup.loss, outputActivation: setup.output),
                                   optimizer: Optimizer(kind: .sgd, learningRate: 1e30), train: Self.data(setup), test: nil,
                                   options: TrainingOptions(epochs: 5, batchSize: 8), generator: &generator)
        #expect(result.status == .diverged)
        #expect(result.message.contains("epoch 1"))
    }

    @Test func testLossIsEvaluatedAfterEveryEpochWhenAsked() {
        let setup = Self.setups[0]
        let data = Self.data(setup)
        var network = Self.network(setup)
        var generator = SplitMix64(seed: 2)
        var seen: [Int] = []
        let objective = Objective(loss: setup.loss, outputActivation: setup.output)
        let result = Trainer.train(network: &network, objective: objective, optimizer: setup.optimizer, train: data, test: data,
                                   options: TrainingOptions(epochs: 2, batchSize: 16), generator: &generator,
                                   onEpoch: { record, _ in seen.append(record.epoch) })
        #expect(seen == [1, 2])
        #expect(result.history.allSatisfy { $0.testLoss != nil })
        #expect(result.history.last!.testLoss == Trainer.meanLoss(network: network, objective: objective, data: data))
    }

    /// Early stopping watches the validation set, never the test set: with the training data as
    /// test set (whose loss falls every epoch) and targets of the opposite sign as validation set
    /// (whose loss rises as the model learns), training stops after `patience` epochs without a
    /// better validation loss; without a validation set it runs every epoch.
    @Test func earlyStoppingWatchesTheValidationSet() {
        let setup = Self.setups[1]
        let data = Self.data(setup)
        let opposite = TrainingData(features: data.features,
                                    targets: Matrix(rows: data.targets.rows, columns: data.targets.columns,
                                                    storage: data.targets.storage.map { -$0 - 5 }))
        let objective = Objective(loss: setup.loss, outputActivation: setup.output)
        let options = TrainingOptions(epochs: 30, batchSize: 16, earlyStoppingPatience: 2)
        var network = Self.network(setup)
        var generator = SplitMix64(seed: 3)
        let stopped = Trainer.train(network: &network, objective: objective, optimizer: setup.optimizer, train: data, test: data,
                                    validation: opposite, options: options, generator: &generator)
        #expect(stopped.status == .stoppedEarly, "\(stopped.message)")
        #expect(stopped.epochsRun < 30 && stopped.message.contains("validation-loss"))
        var again = Self.network(setup)
        var sameGenerator = SplitMix64(seed: 3)
        let unwatched = Trainer.train(network: &again, objective: objective, optimizer: setup.optimizer, train: data, test: data,
                                      options: options, generator: &sameGenerator)
        #expect(unwatched.status == .completed && unwatched.epochsRun == 30)
    }
}
