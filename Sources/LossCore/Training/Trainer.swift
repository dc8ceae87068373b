/// How a training run ended.
public enum TrainingStatus: String, Sendable, Codable, CaseIterable {
    /// Every epoch ran.
    case completed
    /// Early stopping saw no improvement of the validation loss for `patience` epochs.
    case stoppedEarly = "stopped_early"
    /// A batch loss or a parameter became NaN or infinite; training stopped there.
    case diverged
    /// The caller's stop condition (a time limit) fired.
    case timeout
}

/// Mini-batch training options.
public struct TrainingOptions: Sendable, Hashable {
    public var epochs: Int
    public var batchSize: Int
    /// Stop when the validation loss has not improved by more than `minimumImprovement` for this
    /// many epochs (Keras's `EarlyStopping(monitor="val_loss")`, without restoring the best
    /// weights). It watches the validation set given to the trainer, never the test set, so that no
    /// choice is made on the data the results are judged on; without a validation set it is off.
    public var earlyStoppingPatience: Int?
    public var minimumImprovement: Float
    /// Whether the test loss is computed after every epoch (needed for early stopping and
    /// histories; benchmarks turn it off).
    public var evaluateEveryEpoch: Bool

    public init(epochs: Int, batchSize: Int, earlyStoppingPatience: Int? = nil, minimumImprovement: Float = 0,
                evaluateEveryEpoch: Bool = true) {
        precondition(epochs >= 0 && batchSize > 0)
        self.epochs = epochs
        self.batchSize = batchSize
        self.earlyStoppingPatience = earlyStoppingPatience
        self.minimumImprovement = minimumImprovement
        self.evaluateEveryEpoch = evaluateEveryEpoch
    }
}

/// Features and targets as training sees them: targets already encoded for the loss
/// (``TargetEncoding``) and prepared (``Objective/prepare(targets:outputs:)``).
public struct TrainingData: Sendable {
    public var features: Matrix
    public var targets: Matrix
    /// Per-sample weights (class weights already folded in), or `nil` for all ones.
    public var weights: [Float]?

    public init(features: Matrix, targets: Matrix, weights: [Float]? = nil) {
        precondition(features.rows == targets.rows)
        precondition(weights == nil || weights!.count == features.rows)
        self.features = features
        self.targets = targets
        self.weights = weights
    }

    public var count: Int { features.rows }
}

/// One epoch of a training history.
public struct EpochRecord: Sendable, Equatable {
    public var epoch: Int
    /// The mean of the batch losses, each weighted by its batch size (the running mean Keras shows).
    public var trainLoss: Float
    /// The mean loss on the test set after the epoch, when evaluated.
    public var testLoss: Float?
}

/// The outcome of ``Trainer/train(network:objective:optimizer:train:test:validation:options:generator:onEpoch:shouldStop:)``.
public struct TrainingResult: Sendable {
    public var status: TrainingStatus
    public var message: String
    public var epochsRun: Int
    public var history: [EpochRecord]
}

/// Mini-batch gradient descent.
///
/// Each epoch draws a permutation of the training rows from `generator` and takes consecutive
/// batches of `batchSize`, keeping the last partial batch (so an epoch is `ceil(n / batchSize)`
/// steps). Two trials given generators with the same seed see the same batches in the same order,
/// which is what makes comparisons between losses paired.
///
/// The steps run in a ``TrainingEngine``: the network is copied into flat buffers allocated once,
/// so that a step allocates nothing, and copied back after every epoch (for `onEpoch`, the test
/// loss and the divergence check). One training run uses one thread.
public enum Trainer {
    public static func train(
        network: inout Network,
        objective: Objective,
        optimizer: Optimizer,
        train: TrainingData,
        test: TrainingData?,
        validation: TrainingData? = nil,
        options: TrainingOptions,
        generator: inout SplitMix64,
        onEpoch: (EpochRecord, Network) -> Void = { _, _ in },
        shouldStop: () -> Bool = { false }
    ) -> TrainingResult {
        var history: [EpochRecord] = []
        var bestValidationLoss = Float.infinity
        var epochsWithoutImprovement = 0
        var order = Array(0..<train.count)
        let batchSize = options.batchSize
        let engine = TrainingEngine(network: network, batchCapacity: min(batchSize, train.count),
                                    targetColumns: train.targets.columns, optimizer: optimizer, objective: objective)
        let featureColumns = train.features.columns, targetColumns = train.targets.columns
        let weighted = train.weights != nil

        func finish(_ status: TrainingStatus, _ message: String, epochs: Int) -> TrainingResult {
            TrainingResult(status: status, message: message, epochsRun: epochs, history: history)
        }

        for epoch in stride(from: 1, through: options.epochs, by: 1) {
            generator.shuffle(&order)
            var lossSum = 0.0
            var divergence: String?
            order.withUnsafeBufferPointer { order in
                train.features.storage.withUnsafeBufferPointer { features in
                    train.targets.storage.withUnsafeBufferPointer { targets in
                        (train.weights ?? []).withUnsafeBufferPointer { weights in
                            var start = 0
                            while start < order.count {
                                let end = min(start + batchSize, order.count)
                                let rows = end - start
                                engine.gather(rows: UnsafeBufferPointer(rebasing: order[start..<end]),
                                              features: features.baseAddress!, featureColumns: featureColumns,
                                              targets: targets.baseAddress!, targetColumns: targetColumns,
                                              weights: weighted ? weights.baseAddress : nil)
                                engine.forward(rows: rows)
                                let batchLoss = engine.lossAndGradient(rows: rows, objective: objective,
                                                                       weighted: weighted)
                                guard batchLoss.isFinite else {
                                    divergence = "loss became \(batchLoss) at epoch \(epoch), step \(start / batchSize + 1)"
                                    return
                                }
                                engine.backward(rows: rows)
                                engine.update(optimizer: optimizer)
                                lossSum += Double(batchLoss) * Double(rows)
                                start = end
                            }
                        }
                    }
                }
            }
            engine.store(into: &network)
            if let divergence { return finish(.diverged, divergence, epochs: epoch) }
            guard engine.parametersAreFinite else {
                return finish(.diverged, "parameters became non-finite at epoch \(epoch)", epochs: epoch)
            }
            var record = EpochRecord(epoch: epoch, trainLoss: Float(lossSum / Double(train.count)), testLoss: nil)
            if options.evaluateEveryEpoch, let test {
                record.testLoss = meanLoss(network: network, objective: objective, data: test)
            }
            history.append(record)
            onEpoch(record, network)
            if shouldStop() {
                return finish(.timeout, "stopped by the time limit after epoch \(epoch)", epochs: epoch)
            }
            if let patience = options.earlyStoppingPatience, let validation {
                let validationLoss = meanLoss(network: network, objective: objective, data: validation)
                if validationLoss < bestValidationLoss - options.minimumImprovement {
                    bestValidationLoss = validationLoss
                    epochsWithoutImprovement = 0
                } else {
                    epochsWithoutImprovement += 1
                    if epochsWithoutImprovement >= patience {
                        return finish(.stoppedEarly, "no validation-loss improvement for \(patience) epochs", epochs: epoch)
                    }
                }
            }
        }
        return finish(.completed, "", epochs: options.epochs)
    }

    /// The mean (weighted) loss of `network` on `data`, evaluated in chunks.
    public static func meanLoss(network: Network, objective: Objective, data: TrainingData, chunkSize: Int = 4096) -> Float {
        var workspace = Workspace()
        var total = 0.0
        var start = 0
        while start < data.count {
            let end = min(start + chunkSize, data.count)
            network.forward(data.features.gatherRows(start..<end), workspace: &workspace)
            let values = objective.values(workspace: workspace, targets: data.targets.gatherRows(start..<end))
            values.withUnsafeBufferPointer { v in
                guard let base = v.baseAddress else { return }
                if let weights = data.weights {
                    weights.withUnsafeBufferPointer { LossReduction.accumulate(values: base, rows: v.count, weights: $0.baseAddress! + start, into: &total) }
                } else {
                    LossReduction.accumulate(values: base, rows: v.count, weights: nil, into: &total)
                }
            }
            start = end
        }
        return LossReduction.mean.finish(total, count: data.count)
    }
}
