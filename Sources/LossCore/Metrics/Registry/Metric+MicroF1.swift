extension Metric {
    /// `micro_f1`: the F1 of all label cells pooled, ``microF1(predicted:expected:)``, of the decisions
    /// ``predictedLabelSets(probabilities:)``.
    public static let microF1 = Metric(
        id: "micro_f1",
        summary: "F1 over all label cells pooled (threshold 0.5)",
        higherIsBetter: true, tasks: .multilabel
    ) {
        LossCore.microF1(predicted: $0.predictedLabelSets, expected: $0.labelSets)
    }
}
