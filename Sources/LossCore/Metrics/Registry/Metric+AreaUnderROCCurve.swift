extension Metric {
    /// `roc_auc`: the area under the ROC curve of the probability of class 1,
    /// ``areaUnderROCCurve(scores:trueLabels:)``; no value when only one class is present.
    public static let areaUnderROCCurve = Metric(
        id: "roc_auc",
        summary: "P(positive scores above negative), ties 1/2; binary only",
        higherIsBetter: true, tasks: .binaryClassification
    ) { evaluation in
        let probabilities = evaluation.probabilities
        let scores = (0..<probabilities.rows).map { probabilities[$0, 1] }
        return LossCore.areaUnderROCCurve(scores: scores, trueLabels: evaluation.trueLabels)
    }
}
