/// Counts of (true class, predicted class) pairs over a set of samples, from which the label
/// metrics are read.
///
/// For class `c`: true positives `TP_c` = count(true c, predicted c); `FN_c` = its other
/// predictions; `FP_c` = samples of other classes predicted as `c`. Then
/// - recall `TP_c / (TP_c + FN_c)`, undefined (`nil`) when `c` never occurs in the true labels;
/// - precision `TP_c / (TP_c + FP_c)`, undefined when `c` is never predicted;
/// - F1 `2 TP_c / (2 TP_c + FP_c + FN_c)`, the harmonic mean of the two, undefined only when `c`
///   neither occurs nor is predicted. It is 0 when precision + recall = 0 or when one of them is
///   undefined and the class is present on the other side, as sklearn with `zero_division=0`.
public struct ConfusionMatrix: Sendable, Equatable {
    public let classes: Int
    /// `counts[actual * classes + predicted]`.
    public private(set) var counts: [Int]

    /// Labels must lie in `0..<classes` and the two arrays have the same length (preconditions).
    public init(predictedLabels: [Int], trueLabels: [Int], classes: Int) {
        precondition(predictedLabels.count == trueLabels.count,
                     "\(predictedLabels.count) predicted labels for \(trueLabels.count) true ones")
        precondition(classes > 0, "a confusion matrix needs at least one class")
        self.classes = classes
        counts = [Int](repeating: 0, count: classes * classes)
        for (predicted, actual) in zip(predictedLabels, trueLabels) {
            precondition((0..<classes).contains(predicted) && (0..<classes).contains(actual),
                         "label outside 0..<\(classes): predicted \(predicted), true \(actual)")
            counts[actual * classes + predicted] += 1
        }
    }

    /// The number of samples of class `actual` predicted as `predicted`.
    public func count(actual: Int, predicted: Int) -> Int {
        counts[actual * classes + predicted]
    }

    /// The number of samples.
    public var total: Int { counts.reduce(0, +) }

    /// The number of correctly labelled samples, the trace.
    public var correct: Int { (0..<classes).reduce(0) { $0 + count(actual: $1, predicted: $1) } }

    /// How often class `c` occurs in the true labels (`TP_c + FN_c`, its support).
    public func support(of c: Int) -> Int {
        (0..<classes).reduce(0) { $0 + count(actual: c, predicted: $1) }
    }

    /// How often class `c` is predicted (`TP_c + FP_c`).
    public func predictions(of c: Int) -> Int {
        (0..<classes).reduce(0) { $0 + count(actual: $1, predicted: c) }
    }

    /// `TP_c / (TP_c + FN_c)`, `nil` when `c` is absent from the true labels.
    public func recall(of c: Int) -> Double? {
        let support = support(of: c)
        return support == 0 ? nil : Double(count(actual: c, predicted: c)) / Double(support)
    }

    /// `TP_c / (TP_c + FP_c)`, `nil` when `c` is never predicted.
    public func precision(of c: Int) -> Double? {
        let predictions = predictions(of: c)
        return predictions == 0 ? nil : Double(count(actual: c, predicted: c)) / Double(predictions)
    }

    /// `2 TP_c / (2 TP_c + FP_c + FN_c)`, `nil` when `c` is neither present nor predicted.
    public func f1(of c: Int) -> Double? {
        let truePositives = count(actual: c, predicted: c)
        let denominator = support(of: c) + predictions(of: c)
        return denominator == 0 ? nil : Double(2 * truePositives) / Double(denominator)
    }
}

/// The recall of every class `0..<classes`, `nil` for a class absent from `trueLabels`: the
/// per-class view behind balanced accuracy and minority recall, for the harness's tables.
public func perClassRecall(predictedLabels: [Int], trueLabels: [Int], classes: Int) -> [Double?] {
    let matrix = ConfusionMatrix(predictedLabels: predictedLabels, trueLabels: trueLabels, classes: classes)
    return (0..<classes).map { matrix.recall(of: $0) }
}
