extension Metric {
    /// `hamming_loss`: the fraction of wrong label cells, ``hammingLoss(predicted:expected:)``, of the decisions
    /// ``predictedLabelSets(probabilities:)``.
    public static let hammingLoss = Metric(
        id: "hamming_loss",
        summary: "fraction of label cells predicted wrongly (threshold 0.5)",
        higherIsBetter: false, tasks: .multilabel
    ) {
        LossCore.hammingLoss(predicted: $0.predictedLabelSets, expected: $0.labelSets)
    }
}
