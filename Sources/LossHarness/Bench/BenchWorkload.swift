import LossCore

/// The peers' benchmark workloads W1 to W5 (`shared/peers/workloads.md`, whose `common.py` is the
/// source of truth): the same model, loss, optimizer, batch size, epochs, sample counts and dtype
/// (float32), so that a LossLab time and a peer's time measure the same work.
///
/// Rules shared by every workload: PyTorch `nn.Linear` initialisation (`W, b ~ U(±1/sqrt(fan_in))`,
/// ``Initializer/torch``), Adam with `beta1 = 0.9`, `beta2 = 0.999`, `eps = 1e-8` (not Keras's
/// 1e-7), a fresh permutation per epoch with the last partial batch kept, the loss the mean over the
/// batch. W1 to W4 are timed in-process (``BenchTimer``); W5 is a whole `losslab run` of
/// `experiments/w5-sweep.json5`, timed from process start to exit.
public enum BenchWorkload: String, Sendable, CaseIterable, Hashable {
    case logistic = "W1"
    case softmax = "W2"
    case mlp = "W3"
    case poisson = "W4"
    case sweep = "W5"

    /// The peers' name, which the `workload` column of both CSV formats carries (`W3_mlp`).
    public var name: String {
        switch self {
        case .logistic: "W1_logistic"
        case .softmax: "W2_softmax"
        case .mlp: "W3_mlp"
        case .poisson: "W4_poisson"
        case .sweep: "W5_sweep"
        }
    }

    /// `W3` or `W3_mlp` (case-insensitive), as given to `--workload`.
    public static func named(_ text: String) -> BenchWorkload? {
        allCases.first { $0.rawValue.caseInsensitiveCompare(text) == .orderedSame || $0.name.caseInsensitiveCompare(text) == .orderedSame }
    }

    /// The in-process definition, or `nil` for W5 (a subprocess).
    public var definition: BenchDefinition? {
        switch self {
        case .logistic:
            BenchDefinition(workload: self, features: 20, trainCount: 10_000, testCount: 2_000, hidden: [], outputs: 1,
                            outputActivation: .sigmoid, loss: BinaryCrossentropy(), learningRate: 0.01, batchSize: 64,
                            epochs: 20, dataSeed: 2)
        case .softmax:
            BenchDefinition(workload: self, features: 32, trainCount: 20_000, testCount: 4_000, hidden: [], outputs: 10,
                            outputActivation: .softmax, loss: CategoricalCrossentropy(), learningRate: 0.01, batchSize: 128,
                            epochs: 10, dataSeed: 10)
        case .mlp:
            BenchDefinition(workload: self, features: 32, trainCount: 20_000, testCount: 4_000, hidden: [64, 64], outputs: 10,
                            outputActivation: .softmax, loss: CategoricalCrossentropy(), learningRate: 0.001, batchSize: 128,
                            epochs: 10, dataSeed: 10)
        case .poisson:
            BenchDefinition(workload: self, features: 8, trainCount: 20_000, testCount: 4_000, hidden: [], outputs: 1,
                            outputActivation: .exp, loss: Poisson(), learningRate: 0.01, batchSize: 256,
                            epochs: 10, dataSeed: 34)
        case .sweep:
            nil
        }
    }

    /// Training samples per run, `n x epochs` (W5: 40 trials x 5,000 x 10).
    public var samples: Int {
        if let definition { return definition.trainCount * definition.epochs }
        return 40 * 5_000 * 10
    }

    /// Floating-point operations per run, where workloads.md defines them: W3's
    /// `3 x 2 x parameters = 41,532` per sample (forward plus backward) times 200,000 samples,
    /// 8.31 GFLOP. The evaluation's 55 MFLOP are left out, as the peers leave them out.
    public var flops: Double? {
        guard self == .mlp, let definition else { return nil }
        return Double(6 * definition.parameterCount * samples)
    }

    /// The test metric that shows the same work was done: accuracy for the classifiers, the mean
    /// Poisson loss `exp(f) - y f` for W4, the mean accuracy of W5's four classification losses.
    public var metricName: String {
        switch self {
        case .logistic, .softmax, .mlp: "accuracy"
        case .poisson: "test_poisson_loss"
        case .sweep: "mean_acc_cls"
        }
    }
}

/// One in-process workload: data shape, model, loss, optimizer and schedule.
public struct BenchDefinition: Sendable {
    public var workload: BenchWorkload
    public var features: Int
    public var trainCount: Int
    public var testCount: Int
    public var hidden: [Int]
    public var outputs: Int
    public var outputActivation: Activation
    public var loss: any Loss
    public var learningRate: Float
    public var batchSize: Int
    public var epochs: Int
    /// The seed of the data; initial weights use seed 0, as the peers' do.
    ///
    /// A test metric depends on the drawn world (the true `w`, the class centres) as much as on the
    /// training, and our SplitMix64 worlds are not the peers' PCG64 ones. So that the metric columns
    /// can be compared directly, each seed is the first one, counting up from common.py's seed, whose
    /// true model scores within 0.005 of the peers' true model on its test set
    /// (``BenchData/truthMetric``; the peers' values, from common.py's data: W1 accuracy 0.778,
    /// W2 and W3 0.758, W4 Poisson loss -0.4998). Timings do not depend on the seed.
    public var dataSeed: UInt64

    public var layerSizes: [Int] { [features] + hidden + [outputs] }

    public var parameterCount: Int {
        zip(layerSizes.dropLast(), layerSizes.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 + $1.1 }
    }

    /// Adam as the peers run it: `eps = 1e-8`, no weight decay. LossLab adds `eps` after folding the
    /// bias corrections into the step (Keras's form) where PyTorch and optax add it to the corrected
    /// `sqrt(v_hat)`; the two differ by a factor `sqrt(1 - beta2^t)` on `eps`, which changes no
    /// digit that the metrics show.
    public var optimizer: Optimizer {
        Optimizer(kind: .adam, learningRate: learningRate, beta1: 0.9, beta2: 0.999, epsilon: 1e-8)
    }
}
