// Metrics of hard class labels, read from a ``ConfusionMatrix``. Labels are integers in
// `0..<classes` (predicted labels are the argmax of ``classProbabilities(outputs:activation:task:)``);
// both arrays have the same length (a precondition); no samples gives NaN.

/// The fraction of samples whose predicted label is the true one.
public func accuracy(predictedLabels: [Int], trueLabels: [Int]) -> Double {
    precondition(predictedLabels.count == trueLabels.count,
                 "\(predictedLabels.count) predicted labels for \(trueLabels.count) true ones")
    let correct = zip(predictedLabels, trueLabels).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
    return Double(correct) / Double(trueLabels.count)
}

/// The unweighted mean of per-class recall over the classes present in `trueLabels` (sklearn
/// `balanced_accuracy_score`): classes that are only predicted are left out. Equal to accuracy on
/// balanced data; on imbalanced data a model that always predicts the majority class scores `1/K`.
public func balancedAccuracy(predictedLabels: [Int], trueLabels: [Int], classes: Int) -> Double {
    let recalls = perClassRecall(predictedLabels: predictedLabels, trueLabels: trueLabels, classes: classes)
    return SummaryStatistics.mean(recalls.compactMap { $0 })
}

/// The unweighted mean of per-class F1 over the classes present in `trueLabels` or predicted
/// (sklearn `f1_score(average="macro", zero_division=0)`): a present class that is never predicted,
/// or a predicted class that is absent, counts with F1 = 0.
public func macroF1(predictedLabels: [Int], trueLabels: [Int], classes: Int) -> Double {
    let matrix = ConfusionMatrix(predictedLabels: predictedLabels, trueLabels: trueLabels, classes: classes)
    return SummaryStatistics.mean((0..<classes).compactMap { matrix.f1(of: $0) })
}

/// The recall of the least frequent class among those present in `trueLabels` (ties go to the
/// lowest class index): how much of the rare class a loss gives up on imbalanced data.
public func minorityRecall(predictedLabels: [Int], trueLabels: [Int], classes: Int) -> Double {
    let matrix = ConfusionMatrix(predictedLabels: predictedLabels, trueLabels: trueLabels, classes: classes)
    let present = (0..<classes).filter { matrix.support(of: $0) > 0 }
    guard let minority = present.min(by: { matrix.support(of: $0) < matrix.support(of: $1) }) else { return .nan }
    return matrix.recall(of: minority) ?? .nan
}
