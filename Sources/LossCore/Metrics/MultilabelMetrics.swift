// Metrics of multi-label decisions. `predicted` and `expected` have a row per sample and a column
// per label, with the same shape (a precondition); a cell counts as a positive when it exceeds 0.5,
// so 0/1 targets, 0/1 decisions and probabilities (thresholded as
// ``predictedLabelSets(probabilities:)`` does) can all be passed. No samples gives NaN.

/// The fraction of (sample, label) cells predicted wrongly (sklearn `hamming_loss`).
public func hammingLoss(predicted: Matrix, expected: Matrix) -> Double {
    precondition(predicted.rows == expected.rows && predicted.columns == expected.columns,
                 "predicted \(predicted.rows)x\(predicted.columns), expected \(expected.rows)x\(expected.columns)")
    let wrong = zip(predicted.storage, expected.storage).reduce(0) { $0 + (($1.0 > 0.5) != ($1.1 > 0.5) ? 1 : 0) }
    return Double(wrong) / Double(expected.count)
}

/// The fraction of samples whose every label is predicted correctly (sklearn `accuracy_score` on
/// label sets, "exact match ratio").
public func subsetAccuracy(predicted: Matrix, expected: Matrix) -> Double {
    precondition(predicted.rows == expected.rows && predicted.columns == expected.columns,
                 "predicted \(predicted.rows)x\(predicted.columns), expected \(expected.rows)x\(expected.columns)")
    let exact = (0..<expected.rows).reduce(0) { total, r in
        let matches = (0..<expected.columns).allSatisfy { (predicted[r, $0] > 0.5) == (expected[r, $0] > 0.5) }
        return total + (matches ? 1 : 0)
    }
    return Double(exact) / Double(expected.rows)
}

/// F1 of all (sample, label) cells pooled, `2 TP / (2 TP + FP + FN)` (sklearn
/// `f1_score(average="micro")`); 0 when nothing is positive in either matrix (`zero_division=0`).
public func microF1(predicted: Matrix, expected: Matrix) -> Double {
    precondition(predicted.rows == expected.rows && predicted.columns == expected.columns,
                 "predicted \(predicted.rows)x\(predicted.columns), expected \(expected.rows)x\(expected.columns)")
    if expected.count == 0 { return .nan }
    var truePositives = 0
    var falsePositives = 0
    var falseNegatives = 0
    for (p, y) in zip(predicted.storage, expected.storage) {
        switch (p > 0.5, y > 0.5) {
        case (true, true): truePositives += 1
        case (true, false): falsePositives += 1
        case (false, true): falseNegatives += 1
        case (false, false): break
        }
    }
    let denominator = 2 * truePositives + falsePositives + falseNegatives
    return denominator == 0 ? 0 : Double(2 * truePositives) / Double(denominator)
}
