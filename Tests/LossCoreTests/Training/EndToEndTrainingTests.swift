import Testing
@testable import LossCore
import LossLabTestSupport

/// Whole trainings whose answer is known in advance.
@Suite("End to end training")
struct EndToEndTrainingTests {
    func train(_ network: inout Network, loss: any Loss, features: Matrix, targets: Matrix, optimizer: Optimizer,
               epochs: Int, batchSize: Int, seed: UInt64 = 1) -> TrainingResult {
        let objective = Objective(loss: loss, outputActivation: network.outputActivation)
        let data = TrainingData(features: features, targets: objective.prepare(targets: targets, outputs: network.outputCount))
        var generator = SplitMix64(seed: seed)
        return Trainer.train(network: &network, objective: objective, optimizer: optimizer, train: data, test: nil,
                             options: TrainingOptions(epochs: epochs, batchSize: batchSize, evaluateEveryEpoch: false),
                             generator: &generator)
    }

    @Test("logistic regression recovers known coefficients")
    func logisticRegression() {
        // y ~ Bernoulli(sigmoid(x . w + b)), w = [1.5, -2, 0.5], b = 0.3, x ~ N(0, I), n = 20000.
        // The maximum-likelihood estimate has standard error about 2/sqrt(n) ~ 0.02 per coefficient
        // here (Fisher information ~ n/4 per unit-variance feature); 0.1 is 5 standard errors. Large
        // batches and a small step keep the optimiser's own noise well below that.
        let truth: [Float] = [1.5, -2, 0.5]
        let bias: Float = 0.3
        var generator = SplitMix64(seed: 11)
        let n = 20_000
        var x = Matrix(rows: n, columns: 3)
        var y = Matrix(rows: n, columns: 1)
        for i in 0..<n {
            var logit = bias
            for j in 0..<3 {
                x[i, j] = Float(generator.nextNormal())
                logit += truth[j] * x[i, j]
            }
            y[i, 0] = generator.nextBernoulli(Double(StableMath.sigmoid(logit))) ? 1 : 0
        }
        var initGenerator = SplitMix64(seed: 3)
        var network = Network(layerSizes: [3, 1], outputActivation: .sigmoid, generator: &initGenerator)
        let result = train(&network, loss: BinaryCrossentropy(), features: x, targets: y,
                           optimizer: Optimizer(kind: .adam, learningRate: 0.01), epochs: 60, batchSize: 1000)
        #expect(result.status == .completed)
        for j in 0..<3 {
            #expect(abs(network.parameters[0].storage[j] - truth[j]) < 0.1, "w[\(j)] = \(network.parameters[0].storage[j])")
        }
        #expect(abs(network.parameters[1].storage[0] - bias) < 0.1, "b = \(network.parameters[1].storage[0])")
    }

    @Test("an MLP learns XOR, which no linear model can")
    func xor() {
        let x = Matrix([[0, 0], [0, 1], [1, 0], [1, 1]])
        let y = Matrix(column: [0, 1, 1, 0])
        var initGenerator = SplitMix64(seed: 5)
        var network = Network(layerSizes: [2, 8, 1], hiddenActivation: .tanh, outputActivation: .sigmoid, generator: &initGenerator)
        let result = train(&network, loss: BinaryCrossentropy(), features: x, targets: y,
                           optimizer: Optimizer(kind: .adam, learningRate: 0.05), epochs: 600, batchSize: 4)
        #expect(result.status == .completed)
        let outputs = network.predict(x).storage
        for (output, target) in zip(outputs, y.storage) {
            #expect(abs(output - target) < 0.2, "output \(output) for target \(target)")
        }
    }

    @Test("Poisson regression recovers a known rate")
    func poissonRegression() {
        // y ~ Poisson(exp(0.4 x1 - 0.3 x2 + 1)): the exp link and the Poisson loss give the MLE,
        // whose coefficients have standard error ~ 1/sqrt(n E[rate]) ~ 0.005 at n = 20000.
        let truth: [Float] = [0.4, -0.3]
        let intercept: Float = 1
        var generator = SplitMix64(seed: 21)
        let n = 20_000
        var x = Matrix(rows: n, columns: 2)
        var y = Matrix(rows: n, columns: 1)
        for i in 0..<n {
            x[i, 0] = Float(generator.nextNormal())
            x[i, 1] = Float(generator.nextNormal())
            let rate = exp(Double(truth[0] * x[i, 0] + truth[1] * x[i, 1] + intercept))
            y[i, 0] = Float(generator.nextPoisson(rate: rate))
        }
        var initGenerator = SplitMix64(seed: 4)
        var network = Network(layerSizes: [2, 1], outputActivation: .exp, initializer: .glorotUniform, generator: &initGenerator)
        let result = train(&network, loss: Poisson(), features: x, targets: y,
                           optimizer: Optimizer(kind: .adam, learningRate: 0.01), epochs: 20, batchSize: 64)
        #expect(result.status == .completed)
        #expect(abs(network.parameters[0].storage[0] - truth[0]) < 0.05, "\(network.parameters[0].storage)")
        #expect(abs(network.parameters[0].storage[1] - truth[1]) < 0.05, "\(network.parameters[0].storage)")
        #expect(abs(network.parameters[1].storage[0] - intercept) < 0.05, "\(network.parameters[1].storage)")
    }

    @Test("a learning rate that diverges ends the training with status diverged, not a crash")
    func divergence() {
        let x = Matrix([[1e3, -2e3], [3e3, 1e3]])
        let y = Matrix(column: [1e6, -1e6])
        var initGenerator = SplitMix64(seed: 2)
        var network = Network(layerSizes: [2, 1], outputActivation: .identity, generator: &initGenerator)
        let result = train(&network, loss: MeanSquaredError(), features: x, targets: y,
                           optimizer: Optimizer(kind: .sgd, learningRate: 10), epochs: 50, batchSize: 2)
        #expect(result.status == .diverged)
        #expect(!result.message.isEmpty)
    }

    @Test("the same seeds give the same weights, bit for bit")
    func determinism() {
        func run() -> [Float] {
            let x = Matrix([[0.1, 0.2], [0.3, -0.4], [-0.5, 0.6], [0.7, 0.8], [0.9, -1]])
            let y = Matrix(column: [1, 0, 1, 1, 0])
            var initGenerator = SplitMix64(seed: 9)
            var network = Network(layerSizes: [2, 4, 1], outputActivation: .sigmoid, generator: &initGenerator)
            _ = train(&network, loss: BinaryCrossentropy(), features: x, targets: y,
                      optimizer: Optimizer(kind: .adam, learningRate: 0.01), epochs: 5, batchSize: 2, seed: 17)
            return network.parameters.flatMap(\.storage)
        }
        #expect(run() == run())
    }
}

#if canImport(Glibc)
import Glibc
#endif
