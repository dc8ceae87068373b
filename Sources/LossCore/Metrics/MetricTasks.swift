/// The tasks a ``Metric`` applies to.
///
/// The rules: the regression metrics apply to `.regression` and `.counts`; the classification
/// metrics to `.classification` with any number of classes, `roc_auc` only to two; the multi-label
/// metrics to `.multilabel`. `log_loss`, `brier` and `ece` do not apply to multi-label tasks: their
/// per-label analogues (mean binary cross-entropy over labels, per-label Brier, calibration over
/// all cells) are different quantities, and sharing a CSV column would invite comparing them with
/// the multi-class numbers.
public struct MetricTasks: Sendable {
    private let includes: @Sendable (Task) -> Bool

    private init(_ includes: @escaping @Sendable (Task) -> Bool) {
        self.includes = includes
    }

    /// Whether `task` is one of these tasks.
    public func contains(_ task: Task) -> Bool {
        includes(task)
    }

    /// Real-valued targets and counts: one target column, predictions from output column 0.
    public static let regressionAndCounts = MetricTasks { $0 == .regression || $0 == .counts }

    /// Classification with any number of classes.
    public static let classification = MetricTasks { $0.isClassification }

    /// Classification with two classes.
    public static let binaryClassification = MetricTasks { $0 == .classification(classes: 2) }

    /// Multi-label classification, any number of labels.
    public static let multilabel = MetricTasks {
        if case .multilabel = $0 { return true }
        return false
    }
}
