/// What a dataset asks of a model: the kind of target, which decides the metrics and the target
/// encodings that make sense.
public enum Task: Sendable, Hashable, Codable {
    /// Real-valued targets, one column.
    case regression
    /// Non-negative integer counts, one column.
    case counts
    /// Class labels `0..<classes` in one column (integers stored as `Float`). Two classes is the
    /// binary case.
    case classification(classes: Int)
    /// `labels` independent 0/1 targets per sample.
    case multilabel(labels: Int)

    public var isClassification: Bool {
        if case .classification = self { return true }
        return false
    }

    public var name: String {
        switch self {
        case .regression: "regression"
        case .counts: "counts"
        case .classification(let k): k == 2 ? "binary" : "multiclass(\(k))"
        case .multilabel(let l): "multilabel(\(l))"
        }
    }
}

/// The truth behind a generated dataset, kept so that a fitted model can be scored against what
/// generated the data and not only against noisy targets.
public struct GroundTruth: Sendable, Equatable {
    /// The true linear coefficients in the original (unstandardised) feature scale, when the
    /// generator is linear in the features.
    public var coefficients: [Double]?
    /// The true intercept, when there is one.
    public var intercept: Double?
    /// Per sample, the noiseless target: the conditional mean `E[y | x]` (the Poisson rate, the
    /// regression line, the probability of class 1...). Same row order as the dataset.
    public var conditionalMean: [Float]?

    public init(coefficients: [Double]? = nil, intercept: Double? = nil, conditionalMean: [Float]? = nil) {
        self.coefficients = coefficients
        self.intercept = intercept
        self.conditionalMean = conditionalMean
    }
}

/// Features and raw targets of a set of samples.
///
/// Targets are stored in their natural form: one column of values for regression and counts, one
/// column of integer class labels for classification, `labels` columns of 0/1 for multi-label.
/// ``TargetEncoding`` turns them into what a loss expects (one-hot, -1/+1...).
public struct Dataset: Sendable, Equatable {
    public var features: Matrix
    public var targets: Matrix
    public var task: Task
    public var truth: GroundTruth

    public init(features: Matrix, targets: Matrix, task: Task, truth: GroundTruth = GroundTruth()) {
        precondition(features.rows == targets.rows, "features and targets have different row counts")
        self.features = features
        self.targets = targets
        self.task = task
        self.truth = truth
    }

    public var count: Int { features.rows }
    public var featureCount: Int { features.columns }

    /// The samples whose indices are listed, in that order, with their slice of the truth.
    public func subset(_ indices: [Int]) -> Dataset {
        var truth = self.truth
        if let mean = truth.conditionalMean {
            truth.conditionalMean = indices.map { mean[$0] }
        }
        return Dataset(features: features.gatherRows(indices), targets: targets.gatherRows(indices), task: task, truth: truth)
    }
}

/// A training set, a held-out test set and, when asked for, a validation set (what early stopping
/// watches, so that no choice is made on the test set), drawn from the same source.
public struct DataSplit: Sendable, Equatable {
    public var train: Dataset
    public var test: Dataset
    public var validation: Dataset?
    /// The per-feature statistics used to standardise every set, when standardisation was asked for.
    public var standardization: Standardization?

    public init(train: Dataset, test: Dataset, validation: Dataset? = nil) {
        self.train = train
        self.test = test
        self.validation = validation
    }

    /// Splits `dataset`: a seeded permutation, the first `trainCount` samples for training and the
    /// rest for testing.
    public static func split(_ dataset: Dataset, trainCount: Int, generator: inout SplitMix64) -> DataSplit {
        precondition(trainCount > 0 && trainCount < dataset.count, "train count must leave a test set")
        let order = generator.permutation(dataset.count)
        return DataSplit(train: dataset.subset(Array(order[..<trainCount])),
                         test: dataset.subset(Array(order[trainCount...])))
    }

    /// Standardises every feature to zero mean and unit variance with the training set's statistics
    /// (features with zero variance are only centred). True coefficients stay in the original scale.
    public mutating func standardize() {
        let columns = train.features.columns
        var mean = [Float](repeating: 0, count: columns)
        var scale = [Float](repeating: 1, count: columns)
        for c in 0..<columns {
            var sum = 0.0
            var sumSquares = 0.0
            for r in 0..<train.count {
                let value = Double(train.features[r, c])
                sum += value
                sumSquares += value * value
            }
            let n = Double(max(train.count, 1))
            let m = sum / n
            let variance = max(sumSquares / n - m * m, 0)
            mean[c] = Float(m)
            scale[c] = variance > 1e-12 ? Float(variance.squareRoot()) : 1
        }
        func apply(_ features: inout Matrix) {
            for r in 0..<features.rows {
                for c in 0..<columns {
                    features[r, c] = (features[r, c] - mean[c]) / scale[c]
                }
            }
        }
        apply(&train.features)
        apply(&test.features)
        if validation != nil { apply(&validation!.features) }
        standardization = Standardization(mean: mean, scale: scale)
    }
}

/// Per-feature mean and scale (standard deviation, or 1 for a constant feature) of a training set:
/// standardised feature `j` is `(x_j - mean_j) / scale_j`, so a coefficient `w_j` fitted on it is
/// `w_j / scale_j` in the original scale.
public struct Standardization: Sendable, Equatable {
    public var mean: [Float]
    public var scale: [Float]
}
