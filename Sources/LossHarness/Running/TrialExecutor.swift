import Dispatch
import LossCore

/// Runs one trial from its plan: generates the data, builds and trains the network, evaluates the
/// metrics. Pure apart from reading the clock for the time limit and the training-seconds column.
public enum TrialExecutor {
    /// Runs `trial`; `cancelled` is polled after every epoch (an interrupted run stops early and
    /// its in-flight trials are discarded by the caller).
    /// `recordSamples` first test samples are kept with their predictions (``TrialResult/samples``).
    public static func run(_ trial: Trial, metrics: [Metric]?, build: String, recordSamples: Int = 0,
                           cancelled: @Sendable () -> Bool = { false }) -> TrialResult {
        var result = TrialResult(id: trial.id, index: trial.index, label: trial.label, series: trial.series,
                                 repetition: trial.repetition, seed: trial.seed,
                                 swept: trial.swept.mapValues(\.text), status: .completed, message: "",
                                 epochsRun: 0, trainSeconds: 0, metrics: [:], history: [], historyMetrics: [], build: build)
        let plan: TrialPlan
        do {
            plan = try TrialPlan(trial: trial, metrics: metrics)
        } catch {
            result.status = .skipped
            result.message = "\(error)"
            return result
        }
        result.historyMetrics = plan.metrics.map(\.rawValue)
        let split = plan.source.split(baseSeed: trial.baseSeed, repetition: trial.repetition, dataSeed: trial.dataSeed,
                                      standardize: plan.standardize)
        let task = split.train.task
        guard let trainTargets = plan.encoding.encode(split.train.targets, task: task),
              let testTargets = plan.encoding.encode(split.test.targets, task: task) else {
            result.status = .skipped
            result.message = "target encoding \(plan.encoding.rawValue) does not apply to a \(task.name) task"
            return result
        }
        var initGenerator = SplitMix64(seed: trial.initializationSeed)
        var network = Network(layerSizes: [split.train.featureCount] + plan.hiddenSizes + [plan.outputCount],
                              hiddenActivation: plan.hiddenActivation, outputActivation: plan.outputActivation,
                              initializer: plan.initializer, generator: &initGenerator)
        let objective = Objective(loss: plan.loss, outputActivation: plan.outputActivation)
        var weights: [Float]?
        if let classWeights = plan.classWeights, case .classification(let classes) = task {
            weights = sampleWeights(classWeights: classWeights, expected: split.train.targets, predictedColumns: classes)
        }
        let train = TrainingData(features: split.train.features,
                                 targets: objective.prepare(targets: trainTargets, outputs: plan.outputCount), weights: weights)
        let test = TrainingData(features: split.test.features,
                                targets: objective.prepare(targets: testTargets, outputs: plan.outputCount))
        // Early stopping watches the validation part, never the test part (``Trainer``).
        let validation = split.validation.flatMap { part in
            plan.encoding.encode(part.targets, task: task).map {
                TrainingData(features: part.features, targets: objective.prepare(targets: $0, outputs: plan.outputCount))
            }
        }
        var orderGenerator = SplitMix64(seed: trial.batchOrderSeed)
        let start = DispatchTime.now().uptimeNanoseconds
        let deadline = plan.timeLimit.map { start + UInt64($0 * 1e9) }
        var history: [HistoryRow] = []
        let outcome = Trainer.train(
            network: &network, objective: objective, optimizer: plan.optimizer, train: train, test: test, validation: validation,
            options: plan.options, generator: &orderGenerator,
            onEpoch: { record, network in
                let values = evaluateMetrics(plan.metrics, network: network, split: split, plan: plan)
                history.append(HistoryRow(epoch: record.epoch, trainLoss: Double(record.trainLoss),
                                          testLoss: record.testLoss.map(Double.init), metrics: values))
            },
            shouldStop: {
                if cancelled() { return true }
                if let deadline { return DispatchTime.now().uptimeNanoseconds > deadline }
                return false
            })
        result.trainSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        result.epochsRun = outcome.epochsRun
        result.history = history
        result.message = outcome.message
        switch outcome.status {
        case .completed: result.status = .completed
        case .stoppedEarly: result.status = .stoppedEarly
        case .diverged: result.status = .diverged
        case .timeout:
            result.status = .timeout
            if cancelled() { result.message = "interrupted" }
        }
        if recordSamples > 0, result.status != .diverged {
            let rows = Array(0..<min(recordSamples, split.test.count))
            let features = split.test.features.gatherRows(rows), targets = split.test.targets.gatherRows(rows)
            let outputs = network.predict(features)
            func arrays(_ matrix: Matrix) -> [[Float]] {
                (0..<matrix.rows).map { r in (0..<matrix.columns).map { matrix[r, $0] } }
            }
            result.samples = SampleRecord(inputs: arrays(features), targets: arrays(targets), predictions: arrays(outputs))
        }
        if result.status != .diverged {
            let final = history.last?.metrics ?? evaluateMetrics(plan.metrics, network: network, split: split, plan: plan)
            for (metric, value) in zip(plan.metrics, final) { result.metrics[metric.rawValue] = value }
        }
        return result
    }

    /// The metrics of `network` on the test set of `split`. Non-finite values are kept as NaN so
    /// that a bad fit shows as such, not as a missing value.
    static func evaluateMetrics(_ metrics: [Metric], network: Network, split: DataSplit, plan: TrialPlan) -> [Double?] {
        let outputs = network.predict(split.test.features)
        var coefficients: [Double]?
        if let fitted = network.linearCoefficients {
            let scale = split.standardization?.scale ?? [Float](repeating: 1, count: fitted.count)
            coefficients = zip(fitted, scale).map { Double($0) / Double($1) }
        }
        let inputs = MetricInputs(outputs: outputs, dataset: split.test, outputActivation: network.outputActivation,
                                  fittedCoefficients: coefficients, linearOutputs: plan.linearOutputs)
        return evaluate(metrics, inputs)
    }
}
