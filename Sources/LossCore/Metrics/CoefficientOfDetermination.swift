/// The coefficient of determination,
/// `R^2 = 1 - sum_i (y_i - p_i)^2 / sum_i (y_i - mean(y))^2` (sklearn `r2_score`).
///
/// 1 for perfect predictions, 0 for always predicting the mean of the evaluated targets, negative
/// for anything worse. Returns `nil` when the targets are constant (or there are none): the
/// denominator is 0 and the ratio undefined, where sklearn's `force_finite` would report 1 or 0.
/// A NaN prediction gives NaN.
public func coefficientOfDetermination(predicted: [Float], expected: [Float]) -> Double? {
    precondition(predicted.count == expected.count, "\(predicted.count) predictions for \(expected.count) targets")
    let targetMean = SummaryStatistics.mean(expected.map(Double.init))
    var residualSum = 0.0
    var totalSum = 0.0
    for (p, y) in zip(predicted, expected) {
        let residual = Double(y) - Double(p)
        let deviation = Double(y) - targetMean
        residualSum += residual * residual
        totalSum += deviation * deviation
    }
    guard totalSum > 0 else { return nil }
    return 1 - residualSum / totalSum
}
