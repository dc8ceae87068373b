import Dispatch
import Foundation
import LossCore

/// How the cost of training grows: W3's MLP (`32 -> h -> h -> 10`, ReLU, softmax + categorical
/// crossentropy, Adam with learning rate 0.001 and `eps = 1e-8`, W3's data) trained for one epoch
/// on one thread, at one hidden width `h` and one batch size per point.
///
/// Two sweeps: the width from 16 to 512 at W3's batch of 128, and the batch from 8 to 1,024 at W3's
/// width of 64. Each point is timed like W3 (``InProcessBench``): one warm-up, then the minimum
/// and median of the repetitions, the timed region being the initialisation and the training (no
/// evaluation, so that the time is per training sample).
///
/// Work per sample: `flops = 3 x 2 x parameters` (workloads.md's count for W3: a multiply-add per
/// weight forward, two backward, the biases counted as weights), e.g. 41,532 at `h = 64`; Adam,
/// the activations and the loss are left out. The roofline is the time this work takes at the
/// single-core sgemm peak (`flops / peak`): no implementation of these products can go below it.
public enum ScalingBench {
    /// The swept quantity of a point.
    public enum Axis: String, Sendable, CaseIterable {
        /// The hidden width `h` (both hidden layers), at ``defaultBatch``.
        case width
        /// The batch size, at ``defaultWidth``.
        case batch
    }

    /// W3's hidden width and batch size: the fixed value of the other sweep.
    public static let defaultWidth = 64
    public static let defaultBatch = 128
    public static let defaultWidths = [16, 32, 64, 128, 256, 512]
    public static let defaultBatches = [8, 16, 32, 64, 128, 256, 512, 1024]
    /// W3's training set: one epoch of it per run.
    public static let defaultSamples = 20_000

    /// The MLP of one point, on W3's data (`samples` training rows, one epoch).
    public static func definition(width: Int, batch: Int, samples: Int = defaultSamples) -> BenchDefinition {
        var definition = BenchWorkload.mlp.definition!
        definition.hidden = [width, width]
        definition.batchSize = batch
        definition.trainCount = samples
        definition.testCount = 1
        definition.epochs = 1
        return definition
    }

    /// Times one point: a warm-up, then `repetitions` runs. `nil` when training did not complete.
    public static func measure(axis: Axis, width: Int, batch: Int, samples: Int = defaultSamples,
                               repetitions: Int) -> ScalingPoint? {
        let bench = InProcessBench(definition(width: width, batch: batch, samples: samples))
        var seconds: [Double] = []
        for index in 0...repetitions {
            let start = DispatchTime.now().uptimeNanoseconds
            let (_, _, result) = bench.trainModel()
            let end = DispatchTime.now().uptimeNanoseconds
            guard result.status == .completed else { return nil }
            if index > 0 { seconds.append(Double(end - start) / 1e9) }
        }
        return ScalingPoint(axis: axis, width: width, batch: batch, parameters: bench.definition.parameterCount,
                            samples: samples, seconds: seconds)
    }
}

/// One measured point of ``ScalingBench``.
public struct ScalingPoint: Sendable, Equatable {
    public var axis: ScalingBench.Axis
    public var width: Int
    public var batch: Int
    /// Weights and biases of `32 -> width -> width -> 10`.
    public var parameters: Int
    /// Training samples per run (one epoch).
    public var samples: Int
    /// The timed repetitions, in seconds.
    public var seconds: [Double]

    public init(axis: ScalingBench.Axis, width: Int, batch: Int, parameters: Int, samples: Int, seconds: [Double]) {
        self.axis = axis
        self.width = width
        self.batch = batch
        self.parameters = parameters
        self.samples = samples
        self.seconds = seconds
    }

    /// `3 x 2 x parameters`: forward and backward multiply-adds per sample.
    public var flopsPerSample: Int { 6 * parameters }

    public var minimumSeconds: Double { seconds.min() ?? .nan }

    public var medianSeconds: Double { SummaryStatistics.median(seconds) }

    /// The best run's time per training sample, in microseconds.
    public var microsecondsPerSample: Double { minimumSeconds / Double(samples) * 1e6 }

    /// The best run's rate in GFLOP/s.
    public var gflops: Double { Double(flopsPerSample) * Double(samples) / minimumSeconds / 1e9 }

    /// The time per sample at `peak` GFLOP/s, in microseconds: `flops / peak`.
    public func rooflineMicroseconds(peak: Double) -> Double { Double(flopsPerSample) / (peak * 1e9) * 1e6 }
}

/// `results/bench/scaling.csv`: one row per point, both sweeps, the roofline columns empty when no
/// peak was given.
public enum ScalingTable {
    public static let columns = ["axis", "hidden_width", "batch_size", "parameters", "flops_per_sample", "samples",
                                 "repetitions", "min_seconds", "median_seconds", "microseconds_per_sample", "gflops",
                                 "peak_gflops", "roofline_microseconds_per_sample", "percent_of_peak"]

    public static func csv(_ points: [ScalingPoint], peak: Double?) -> String {
        var text = columns.joined(separator: ",") + "\n"
        for point in points {
            let roofline = peak.map { [format($0, 1), format(point.rooflineMicroseconds(peak: $0), 5),
                                       format(100 * point.gflops / $0, 1)] } ?? ["", "", ""]
            let fields = [point.axis.rawValue, String(point.width), String(point.batch), String(point.parameters),
                          String(point.flopsPerSample), String(point.samples), String(point.seconds.count),
                          format(point.minimumSeconds, 6), format(point.medianSeconds, 6),
                          format(point.microsecondsPerSample, 5), format(point.gflops, 2)] + roofline
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }

    /// The header of the table printed by `losslab bench --scaling`.
    public static func header(peak: Double?) -> [String] {
        ["sweep", "h", "batch", "flop/sample", "min s", "median s", "us/sample", "GFLOP/s"]
            + (peak == nil ? [] : ["roofline us", "% of peak"])
    }

    /// The rows of that table.
    public static func rows(_ points: [ScalingPoint], peak: Double?) -> [[String]] {
        points.map { point in
                [point.axis.rawValue, String(point.width), String(point.batch), String(point.flopsPerSample),
                 format(point.minimumSeconds, 4), format(point.medianSeconds, 4), format(point.microsecondsPerSample, 3),
                 format(point.gflops, 1)]
                    + (peak.map { [format(point.rooflineMicroseconds(peak: $0), 3), format(100 * point.gflops / $0, 0)] } ?? [])
            }
    }

    static func format(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
