import Foundation
@testable import LossCore
import LossLabTestSupport

/// What the tests know of one registered metric, independently of its definition: its id, its
/// polarity, the tasks of ``MetricReferenceCases/sampleTasks`` it applies to, and one case whose
/// value was computed by hand.
struct MetricReference: Sendable {
    let id: String
    let higherIsBetter: Bool
    let tasks: [Task]
    let inputs: MetricInputs
    let expected: Double
}

/// One row per registered metric, in registry order (which is the order of the metric columns of
/// every CSV file). A metric registered without a row here fails `MetricReferenceTests`, which
/// names it; `docs/extending.md` says how to write the row.
enum MetricReferenceCases {
    static let sampleTasks: [Task] = [.regression, .counts, .classification(classes: 2), .classification(classes: 3),
                                      .multilabel(labels: 3)]
    private static let regressionTasks: [Task] = [.regression, .counts]
    private static let classificationTasks: [Task] = [.classification(classes: 2), .classification(classes: 3)]

    static let all: [MetricReference] = regressionReferences + classificationReferences + multilabelReferences
        + quantileReferences

    /// Metrics appended to the registry after the first three groups, on the ``regression`` fixture.
    private static let quantileReferences: [MetricReference] = [
        // y <= p for y = [1, 3, 1], p = [1, 2, 4]: yes, no, yes.
        MetricReference(id: "coverage", higherIsBetter: true, tasks: regressionTasks, inputs: regression,
                        expected: 2.0 / 3),
        // Predictions [1, 2, 4]: none in [0.25, 0.75].
        MetricReference(id: "mid_grey_share", higherIsBetter: false, tasks: regressionTasks, inputs: regression,
                        expected: 0),
        // Mean prediction 7/3 against mean target 5/3: (2/3) / (5/3).
        MetricReference(id: "mean_bias", higherIsBetter: false, tasks: regressionTasks, inputs: regression,
                        expected: 0.4),
    ]

    /// The fixture ``regression``: differences p - y = [0, -1, 3].
    private static let regressionReferences: [MetricReference] = [
        MetricReference(id: "mse", higherIsBetter: false, tasks: regressionTasks, inputs: regression,
                        expected: 10.0 / 3),
        MetricReference(id: "rmse", higherIsBetter: false, tasks: regressionTasks, inputs: regression,
                        expected: (10.0 / 3).squareRoot()),
        MetricReference(id: "mae", higherIsBetter: false, tasks: regressionTasks, inputs: regression,
                        expected: 4.0 / 3),
        // Absolute errors 0, 1, 3.
        MetricReference(id: "median_absolute_error", higherIsBetter: false, tasks: regressionTasks, inputs: regression,
                        expected: 1),
        // log1p: (log 2 - log 2)^2 = 0, (log 3 - log 4)^2, (log 5 - log 2)^2.
        MetricReference(id: "msle", higherIsBetter: false, tasks: regressionTasks, inputs: regression,
                        expected: (pow(log(3.0) - log(4.0), 2) + pow(log(5.0) - log(2.0), 2)) / 3),
        // Targets' mean 5/3: SS_tot = 4/9 + 16/9 + 4/9 = 8/3; SS_res = 10; 1 - 30/8.
        MetricReference(id: "r2", higherIsBetter: true, tasks: regressionTasks, inputs: regression,
                        expected: -2.75),
        // 2 (y log(y/mu) - (y - mu)) for y = [1, 3, 1], mu = [1, 2, 4]: 0, 2 (3 log 1.5 - 1), 2 (log 0.25 + 3).
        MetricReference(id: "poisson_deviance", higherIsBetter: false, tasks: regressionTasks, inputs: regression,
                        expected: (2 * (3 * log(1.5) - 1) + 2 * (log(0.25) + 3)) / 3),
        // |p - y| / |y|: 0, 1/3, 3.
        MetricReference(id: "median_relative_error", higherIsBetter: false, tasks: regressionTasks, inputs: regression,
                        expected: 1.0 / 3),
        // Fitted [1, 4, -1] against [1, 1, 3]: sqrt(0 + 9 + 16).
        MetricReference(id: "coefficient_error", higherIsBetter: false, tasks: regressionTasks, inputs: regression,
                        expected: 5),
        // Against the truth [1, 2, 2]: differences [0, 0, 2].
        MetricReference(id: "truth_rmse", higherIsBetter: false, tasks: regressionTasks, inputs: regression,
                        expected: (4.0 / 3).squareRoot()),
        // |p - mu| / mu: 0, 0, 1.
        MetricReference(id: "rate_error", higherIsBetter: false, tasks: regressionTasks, inputs: regression,
                        expected: 1.0 / 3),
    ]

    /// The fixture ``binary``: predicted labels [0, 0, 0, 1] for true labels [0, 0, 1, 1].
    private static let classificationReferences: [MetricReference] = [
        MetricReference(id: "accuracy", higherIsBetter: true, tasks: classificationTasks, inputs: binary,
                        expected: 0.75),
        // Recalls: class 0 2/2, class 1 1/2.
        MetricReference(id: "balanced_accuracy", higherIsBetter: true, tasks: classificationTasks, inputs: binary,
                        expected: 0.75),
        // Class 0: precision 2/3, recall 1, F1 4/5; class 1: precision 1, recall 1/2, F1 2/3.
        MetricReference(id: "macro_f1", higherIsBetter: true, tasks: classificationTasks, inputs: binary,
                        expected: (4.0 / 5 + 2.0 / 3) / 2),
        // Both classes have two samples: the minority is the lower index, class 0, recall 1 (class 1's is 1/2).
        MetricReference(id: "minority_recall", higherIsBetter: true, tasks: classificationTasks, inputs: binary,
                        expected: 1),
        // -log p(true class): p = 0.9, 0.55, 0.35, 0.75.
        MetricReference(id: "log_loss", higherIsBetter: false, tasks: classificationTasks, inputs: binary,
                        expected: -(log(0.9) + log(0.55) + log(0.35) + log(0.75)) / 4),
        // (p1 - y)^2: 0.01, 0.2025, 0.4225, 0.0625.
        MetricReference(id: "brier", higherIsBetter: false, tasks: classificationTasks, inputs: binary,
                        expected: 0.6975 / 4),
        // Confidences 0.9, 0.55, 0.65, 0.75 fall in four different bins of width 1/15 (bins 13, 8, 9,
        // 11), each with one sample: |1 - 0.9| + |1 - 0.55| + |0 - 0.65| + |1 - 0.75| over 4.
        MetricReference(id: "ece", higherIsBetter: false, tasks: classificationTasks, inputs: binary,
                        expected: (0.1 + 0.45 + 0.65 + 0.25) / 4),
        // Positive scores 0.35, 0.75 against negative 0.1, 0.45: 3 of the 4 pairs are ordered.
        MetricReference(id: "roc_auc", higherIsBetter: true, tasks: [.classification(classes: 2)], inputs: binary,
                        expected: 0.75),
    ]

    /// The fixture ``multilabel``: decisions [[1, 0, 1], [0, 1, 0], [0, 0, 1]] (0.5 is not a positive)
    /// for targets [[1, 1, 1], [0, 1, 1], [0, 0, 1]].
    private static let multilabelReferences: [MetricReference] = [
        // Two wrong cells of nine.
        MetricReference(id: "hamming_loss", higherIsBetter: false, tasks: [.multilabel(labels: 3)], inputs: multilabel,
                        expected: 2.0 / 9),
        // Only the last row is right in full.
        MetricReference(id: "subset_accuracy", higherIsBetter: true, tasks: [.multilabel(labels: 3)], inputs: multilabel,
                        expected: 1.0 / 3),
        // TP 4, FP 0, FN 2: 8 / (8 + 0 + 2).
        MetricReference(id: "micro_f1", higherIsBetter: true, tasks: [.multilabel(labels: 3)], inputs: multilabel,
                        expected: 0.8),
    ]

    /// Three regression samples: predictions [1, 2, 4] (identity outputs), targets [1, 3, 1],
    /// noiseless truth [1, 2, 2], true coefficients [1, 1, 3], fitted [1, 4, -1].
    static let regression: MetricInputs = {
        let truth = GroundTruth(coefficients: [1, 1, 3], conditionalMean: [1, 2, 2])
        let dataset = Dataset(features: Matrix(rows: 3, columns: 3), targets: Matrix(column: [1, 3, 1]),
                              task: .regression, truth: truth)
        return MetricInputs(outputs: Matrix(column: [1, 2, 4]), dataset: dataset, outputActivation: .identity,
                            fittedCoefficients: [1, 4, -1])
    }()

    /// Four binary samples: one sigmoid output p1 = [0.1, 0.45, 0.35, 0.75], labels [0, 0, 1, 1].
    /// The confidences are away from the edges of the 15 calibration bins.
    static let binary: MetricInputs = {
        let dataset = Dataset(features: Matrix(rows: 4, columns: 1), targets: Matrix(column: [0, 0, 1, 1]),
                              task: .classification(classes: 2))
        return MetricInputs(outputs: Matrix(column: [0.1, 0.45, 0.35, 0.75]), dataset: dataset,
                            outputActivation: .sigmoid)
    }()

    /// Three samples of three labels, sigmoid outputs (probabilities as they are).
    static let multilabel: MetricInputs = {
        let targets = Matrix([[1, 1, 1], [0, 1, 1], [0, 0, 1]])
        let dataset = Dataset(features: Matrix(rows: 3, columns: 1), targets: targets, task: .multilabel(labels: 3))
        return MetricInputs(outputs: Matrix([[0.9, 0.2, 0.8], [0.1, 0.7, 0.5], [0.3, 0.4, 0.6]]), dataset: dataset,
                            outputActivation: .sigmoid)
    }()
}
