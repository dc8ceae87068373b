import Foundation
import LossCore
import LossHarness

/// `losslab bench --scaling`: the time per training sample of W3's MLP against the hidden width
/// and the batch size (``ScalingBench``), as a table, `results/bench/scaling.csv` and the figure
/// `plots/bench/scaling.{gp,png,svg}` (``ScalingFigure``).
enum ScalingBenchReport {
    static let help = """
      --scaling         instead of the workloads: how the cost grows. W3's MLP 32->h->h->10
                        (ReLU, softmax + CCE, Adam 0.001), one epoch of W3's 20,000 rows on one
                        thread per point, for each hidden width at batch 128 and each batch
                        size at h = 64; prints microseconds per sample, GFLOP/s (3 x 2 x
                        parameters per sample) and, with --peak, the roofline flop/peak and the
                        percentage of peak; writes (replacing the last run's)
                        DIR/bench/scaling.csv and PLOTS/bench/scaling.{gp,png,svg}. `make bench-scaling` passes the peak
                        that peak.py measures. Options: --widths LIST (default \(list(ScalingBench.defaultWidths))),
                        --batches LIST (default \(list(ScalingBench.defaultBatches))),
                        --peak GFLOPS (the single-core sgemm peak; without it no roofline),
                        --samples N (rows per epoch, default \(ScalingBench.defaultSamples)), --repeat N (default 5),
                        --results DIR (default results), --plots DIR (default plots),
                        --format table|csv (csv: the file's rows on standard output too)
    """

    static let maximumWidth = 4_096
    static let maximumSamples = 1_000_000

    static func list(_ values: [Int]) -> String { values.map(String.init).joined(separator: ",") }

    struct Options {
        var widths = ScalingBench.defaultWidths
        var batches = ScalingBench.defaultBatches
        var peak: Double?
        var samples = ScalingBench.defaultSamples
        var repetitions = 5
        var resultsRoot: String
        var plotsRoot: String
        var csv = false
    }

    static func parse(_ arguments: inout Arguments) throws -> Options {
        var options = Options(resultsRoot: try arguments.path("results", default: "results"),
                              plotsRoot: try arguments.path("plots", default: "plots"))
        if let samples = try arguments.positiveInteger("samples") {
            guard samples <= maximumSamples else {
                throw CommandError("bench: --samples \(samples): at most \(maximumSamples) rows per epoch")
            }
            options.samples = samples
        }
        if let text = try arguments.value("widths") {
            options.widths = try sizes(text, option: "widths", maximum: maximumWidth)
        }
        if let text = try arguments.value("batches") {
            options.batches = try sizes(text, option: "batches", maximum: options.samples)
        }
        if let peak = try arguments.number("peak") {
            guard peak > 0 else { throw CommandError("bench: --peak \(peak): expected GFLOP/s above 0, e.g. 200.2") }
            options.peak = peak
        }
        options.repetitions = try arguments.positiveInteger("repeat") ?? 5
        let format = try arguments.value("format") ?? "table"
        guard format == "table" || format == "csv" else {
            throw CommandError("bench: --format \(format): expected table or csv")
        }
        options.csv = format == "csv"
        try arguments.finish()
        return options
    }

    /// A comma-separated list of whole numbers from 1 to `maximum`.
    static func sizes(_ text: String, option: String, maximum: Int) throws -> [Int] {
        let values = text.split(separator: ",", omittingEmptySubsequences: false).map {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
        guard !values.isEmpty, let sizes = values as? [Int], sizes.allSatisfy({ (1...maximum).contains($0) }) else {
            throw CommandError("bench: --\(option) \(text): expected whole numbers from 1 to \(maximum), "
                               + "separated by commas, e.g. 16,64,256")
        }
        return sizes
    }

    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode {
        let options = try parse(&arguments)
        let load = BenchCommand.loadAverage()
        if let value = Double(load), value >= 1 {
            console.printError("bench: load average \(load): other work is running, timings will be noisy")
        }
        if options.peak == nil {
            console.printError("bench: no --peak: the figure has no roofline (`make bench-scaling` measures the sgemm peak with peak.py)")
        }
        let plan = options.widths.map { (ScalingBench.Axis.width, $0, ScalingBench.defaultBatch) }
            + options.batches.map { (ScalingBench.Axis.batch, ScalingBench.defaultWidth, $0) }
        var points: [ScalingPoint] = []
        for (index, (axis, width, batch)) in plan.enumerated() {
            console.printError("bench: scaling \(index + 1)/\(plan.count): h = \(width), batch \(batch), "
                               + "1 warm-up + \(options.repetitions) repetition\(options.repetitions == 1 ? "" : "s")")
            guard let point = ScalingBench.measure(axis: axis, width: width, batch: batch, samples: options.samples,
                                                   repetitions: options.repetitions) else {
                throw CommandError("bench: scaling h = \(width), batch \(batch): training did not complete", code: .failure)
            }
            points.append(point)
        }
        let date = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withInternetDateTime])
        let caption = "\(BenchCommand.machineDescription()), \(KernelBuild.summary), \(date), load average \(load)"
            + (options.peak.map { String(format: ", single-core sgemm peak %.1f GFLOP/s", $0) } ?? "")
        let figure = ScalingFigure(resultsRoot: options.resultsRoot, plotsRoot: options.plotsRoot)
        let script: String
        do {
            script = try figure.write(points, peak: options.peak, caption: caption)
        } catch {
            throw CommandError("bench: cannot write the scaling results: \(error) (pick writable folders with --results and --plots)",
                               code: .cannotCreate)
        }
        if options.csv {
            console.print(String(ScalingTable.csv(points, peak: options.peak).dropLast()))
        } else {
            console.print("# losslab bench --scaling, " + caption)
            console.print(TextTable.render(header: ScalingTable.header(peak: options.peak), rows: ScalingTable.rows(points, peak: options.peak)))
        }
        console.printError("bench: wrote \(figure.dataPath) and \(script)")
        let rendered = FigureRendering.render(script, label: "bench", announce: true, rerun: "gnuplot \(script)", console: console)
        return rendered ? .success : .failure
    }
}
