/// Expected calibration error (Guo, Pleiss, Sun and Weinberger, "On Calibration of Modern Neural
/// Networks", ICML 2017, equation 3):
/// `ECE = sum_b (n_b / n) |acc_b - conf_b|`.
///
/// Each sample's confidence is its largest class probability and its prediction the argmax
/// (lowest index on ties, as ``predictedLabels(probabilities:)``). Confidences are binned into
/// `bins` equal-width intervals `((b - 1)/B, b/B]`, the first closed at 0 so that every confidence
/// in [0, 1] has a bin; `acc_b` is the fraction of correct predictions in bin `b`, `conf_b` its mean
/// confidence, and empty bins contribute nothing. In [0, 1]; 0 for a perfectly calibrated model.
///
/// `probabilities` has a row per sample and a column per class; for a binary model with one
/// output that is the two-column matrix `[1 - p, p]`, so confidences lie in [0.5, 1]. No samples
/// gives NaN, a NaN probability gives NaN.
public func expectedCalibrationError(probabilities: Matrix, trueLabels: [Int], bins: Int = 15) -> Double {
    precondition(probabilities.rows == trueLabels.count, "\(probabilities.rows) rows for \(trueLabels.count) labels")
    precondition(bins > 0, "bins must be positive")
    let labels = predictedLabels(probabilities: probabilities)
    var sampleCounts = [Int](repeating: 0, count: bins)
    var correctCounts = [Int](repeating: 0, count: bins)
    var confidenceSums = [Double](repeating: 0, count: bins)
    for i in trueLabels.indices {
        let confidence = Double(probabilities[i, labels[i]])
        if confidence.isNaN { return .nan }
        let bin = min(max(Int((confidence * Double(bins)).rounded(.up)) - 1, 0), bins - 1)
        sampleCounts[bin] += 1
        correctCounts[bin] += labels[i] == trueLabels[i] ? 1 : 0
        confidenceSums[bin] += confidence
    }
    var error = 0.0
    for bin in 0..<bins where sampleCounts[bin] > 0 {
        let count = Double(sampleCounts[bin])
        let binAccuracy = Double(correctCounts[bin]) / count
        let binConfidence = confidenceSums[bin] / count
        error += count / Double(trueLabels.count) * abs(binAccuracy - binConfidence)
    }
    return trueLabels.isEmpty ? .nan : error
}
