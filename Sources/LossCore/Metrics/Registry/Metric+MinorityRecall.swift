extension Metric {
    /// `minority_recall`: the recall of the least frequent true class,
    /// ``minorityRecall(predictedLabels:trueLabels:classes:)``.
    public static let minorityRecall = Metric(
        id: "minority_recall",
        summary: "recall of the least frequent true class",
        higherIsBetter: true, tasks: .classification
    ) {
        LossCore.minorityRecall(predictedLabels: $0.predictedLabels, trueLabels: $0.trueLabels, classes: $0.classCount)
    }
}
