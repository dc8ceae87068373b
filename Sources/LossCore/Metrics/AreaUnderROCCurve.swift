/// The area under the ROC curve of a binary classifier: the probability that a random positive
/// sample scores above a random negative one, ties counting 1/2 (sklearn `roc_auc_score`).
///
/// Computed from ranks as the Mann-Whitney U statistic: with `n1` positives, `n0` negatives and
/// `R1` the sum of the positives' ranks among all scores (1-based, tied scores sharing their
/// average rank), `AUC = (R1 - n1 (n1 + 1) / 2) / (n1 n0)` (Hanley and McNeil, "The meaning and use
/// of the area under a receiver operating characteristic (ROC) curve", Radiology 1982). O(n log n).
///
/// `scores[i]` is the score of class 1 (its probability, for instance) and `trueLabels[i]` is 0 or
/// 1 (a precondition). Returns `nil` when one of the classes is absent, NaN when a score is NaN.
/// 0.5 for constant scores, 1 for a perfect ranking, 0 for a reversed one.
public func areaUnderROCCurve(scores: [Float], trueLabels: [Int]) -> Double? {
    precondition(scores.count == trueLabels.count, "\(scores.count) scores for \(trueLabels.count) labels")
    precondition(trueLabels.allSatisfy { $0 == 0 || $0 == 1 }, "ROC AUC needs labels 0 and 1")
    let positives = trueLabels.reduce(0, +)
    let negatives = trueLabels.count - positives
    guard positives > 0, negatives > 0 else { return nil }
    if scores.contains(where: \.isNaN) { return .nan }

    let order = scores.indices.sorted { scores[$0] < scores[$1] }
    var positiveRankSum = 0.0
    var start = 0
    while start < order.count {
        var end = start
        while end + 1 < order.count && scores[order[end + 1]] == scores[order[start]] { end += 1 }
        let averageRank = Double(start + end) / 2 + 1
        for position in start...end where trueLabels[order[position]] == 1 {
            positiveRankSum += averageRank
        }
        start = end + 1
    }
    let n1 = Double(positives)
    let n0 = Double(negatives)
    return (positiveRankSum - n1 * (n1 + 1) / 2) / (n1 * n0)
}
