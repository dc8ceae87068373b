extension Metric {
    /// `subset_accuracy`: the fraction of samples with every label right,
    /// ``subsetAccuracy(predicted:expected:)``, of the decisions ``predictedLabelSets(probabilities:)``.
    public static let subsetAccuracy = Metric(
        id: "subset_accuracy",
        summary: "fraction of samples with every label right (threshold 0.5)",
        higherIsBetter: true, tasks: .multilabel
    ) {
        LossCore.subsetAccuracy(predicted: $0.predictedLabelSets, expected: $0.labelSets)
    }
}
