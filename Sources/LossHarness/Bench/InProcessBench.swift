import Dispatch
import LossCore

/// W1 to W4 timed in-process, on the calling thread (one thread: the training core is
/// single-threaded by design, so that results are identical whatever the parallelism of a run).
///
/// The timed region is the peers': model and optimizer initialisation, every epoch of training and
/// one evaluation on the whole test set (test loss and, for classifiers, accuracy). Data generation
/// and target preparation (integer labels to one-hot rows) happen before it, in ``init(_:)``.
public struct InProcessBench: Sendable {
    public let definition: BenchDefinition
    let train: TrainingData
    let test: TrainingData
    /// The raw test targets: labels for the classifiers, counts for W4.
    let testTargets: Matrix
    /// ``BenchData/truthMetric``: what the data-generating model scores on the test set.
    public let truthMetric: Double

    public init(_ definition: BenchDefinition) {
        self.definition = definition
        let data = BenchData(definition)
        let objective = Objective(loss: definition.loss, outputActivation: definition.outputActivation)
        train = TrainingData(features: data.trainFeatures,
                             targets: objective.prepare(targets: data.trainTargets, outputs: definition.outputs))
        test = TrainingData(features: data.testFeatures,
                            targets: objective.prepare(targets: data.testTargets, outputs: definition.outputs))
        testTargets = data.testTargets
        truthMetric = data.truthMetric
    }

    /// One run's outcome: wall seconds of the timed region and the test metrics.
    public struct Outcome: Sendable {
        public var seconds: Double
        /// ``BenchWorkload/metricName``'s value.
        public var metric: Double
        /// The mean test loss (for W4 the metric itself).
        public var testLoss: Double
        public var status: TrainingStatus
    }

    /// Runs the workload once and times it with `DispatchTime` (monotonic, nanoseconds).
    public func run() -> Outcome {
        let start = DispatchTime.now().uptimeNanoseconds
        let (network, objective, result) = trainModel()
        let (metric, testLoss) = evaluate(network: network, objective: objective)
        let end = DispatchTime.now().uptimeNanoseconds
        return Outcome(seconds: Double(end - start) / 1e9, metric: metric, testLoss: testLoss, status: result.status)
    }

    /// Initialises the network (seed 0) and trains it for every epoch on the training set, batches
    /// in the order of seed `derive(0, 3)`, as the timed region of ``run()`` does.
    public func trainModel() -> (network: Network, objective: Objective, result: TrainingResult) {
        var initialization = SplitMix64(seed: 0)
        var network = Network(layerSizes: definition.layerSizes, hiddenActivation: .relu,
                              outputActivation: definition.outputActivation, initializer: .torch,
                              generator: &initialization)
        let objective = Objective(loss: definition.loss, outputActivation: definition.outputActivation)
        var batchOrder = SplitMix64(seed: SplitMix64.derive(seed: 0, 3))
        let result = Trainer.train(network: &network, objective: objective, optimizer: definition.optimizer,
                                   train: train, test: nil,
                                   options: TrainingOptions(epochs: definition.epochs, batchSize: definition.batchSize,
                                                            evaluateEveryEpoch: false),
                                   generator: &batchOrder)
        return (network, objective, result)
    }

    /// One forward pass over the test set: the mean test loss, and accuracy (argmax, or logit > 0
    /// for one output) or for W4 the peers' Poisson loss `mean(exp(f) - y f)` on the log-rate `f`.
    func evaluate(network: Network, objective: Objective) -> (metric: Double, testLoss: Double) {
        var workspace = Workspace()
        network.forward(test.features, workspace: &workspace)
        let logits = workspace.logits
        let k = logits.columns
        if definition.workload == .poisson {
            var total = 0.0
            for r in 0..<logits.rows {
                let f = Double(logits[r, 0])
                total += exp(f) - Double(testTargets[r, 0]) * f
            }
            let loss = total / Double(logits.rows)
            return (loss, loss)
        }
        let values = objective.values(workspace: workspace, targets: test.targets)
        let testLoss = values.reduce(0.0) { $0 + Double($1) } / Double(max(values.count, 1))
        var correct = 0
        for r in 0..<logits.rows {
            let label = Int(testTargets[r, 0])
            if k == 1 {
                if (logits[r, 0] > 0 ? 1 : 0) == label { correct += 1 }
            } else {
                var best = 0
                for j in 1..<k where logits[r, j] > logits[r, best] { best = j }
                if best == label { correct += 1 }
            }
        }
        return (Double(correct) / Double(max(logits.rows, 1)), testLoss)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
