import Foundation

/// The figure of ``ScalingBench``: time per training sample of W3's MLP against the hidden width
/// (left) and against the batch size (right), log-log, with the roofline `flops / peak` of the
/// single-core sgemm peak as a dashed line and each point's percentage of that peak beside it.
///
/// The script reads `<results>/bench/scaling.csv` (``ScalingTable``) itself, so `gnuplot
/// plots/bench/scaling.gp` re-renders it; it writes `<plots>/bench/scaling.png` then `.svg`.
public struct ScalingFigure {
    public let resultsRoot: String
    public let plotsRoot: String

    public init(resultsRoot: String, plotsRoot: String) {
        self.resultsRoot = resultsRoot
        self.plotsRoot = plotsRoot
    }

    public var dataPath: String { resultsRoot + "/bench/scaling.csv" }
    public var scriptPath: String { plotsRoot + "/bench/scaling.gp" }

    /// The script. `peak` (GFLOP/s) draws the roofline and the percentages; `caption` (machine,
    /// date, load) goes under the title; `widths` and `batches` are the tics of the two panels.
    public func script(peak: Double?, caption: String, widths: [Int] = ScalingBench.defaultWidths,
                       batches: [Int] = ScalingBench.defaultBatches) -> String {
        let png = plotsRoot + "/bench/scaling.png", svg = plotsRoot + "/bench/scaling.svg"
        let column = { (name: String) in ScalingTable.columns.firstIndex(of: name)! + 1 }
        let (axis, width, batch) = (column("axis"), column("hidden_width"), column("batch_size"))
        let (time, roofline, percent) = (column("microseconds_per_sample"), column("roofline_microseconds_per_sample"),
                                         column("percent_of_peak"))
        var lines = [
            "# LossLab figure: time per training sample of W3's MLP (32 -> h -> h -> 10, softmax CCE, Adam, one thread)",
            "# against the hidden width and the batch size, with the single-core sgemm peak as a roofline.",
            "# Data: " + GnuplotText.comment(dataPath, maximumLength: 1000) + " (losslab bench --scaling).",
            "# Re-render from the repository root: gnuplot " + GnuplotText.comment(scriptPath, maximumLength: 1000),
            "set encoding utf8",
            "set terminal pngcairo size 1400,620 enhanced font 'DejaVu Sans,11'",
            "set output " + GnuplotText.quotedPath(png),
            "data = " + GnuplotText.quotedPath(dataPath),
            "set datafile separator ','",
            "on(axis, x) = strcol(\(axis)) eq axis ? x : NaN",
            "set logscale xy",
            "set format y '%g'",
            "set grid xtics ytics back lt 1 lc rgb '#e4e4e4' lw 1",
            "set border 3 back",
            "set tics nomirror out",
            "set ylabel 'microseconds per training sample (log scale)' noenhanced",
            "set multiplot layout 1,2 title "
                + GnuplotText.quoted("How the cost of W3's MLP grows") + ".\"\\n\"." + GnuplotText.quoted(caption)
                + " noenhanced font ',11'",
        ]
        let measured = "LossLab, best of the repetitions"
        let roof = peak.map { "roofline: flop per sample / sgemm peak (" + String(format: "%.1f", $0) + " GFLOP/s)" }
        func panel(_ name: String, x: Int, title: String, xlabel: String, tics: [Int], key: String) -> [String] {
            var plot = ["    data skip 1 using (on('\(name)', $\(x))):\(time) with linespoints lw 2 pt 7 ps 0.8 lc rgb '#0072B2' title "
                        + GnuplotText.quoted(measured)]
            if let roof {
                plot.append("    data skip 1 using (on('\(name)', $\(x))):\(roofline) with lines dt 2 lw 2 lc rgb '#D55E00' title "
                            + GnuplotText.quoted(roof))
                plot.append("    data skip 1 using (on('\(name)', $\(x))):\(time):(sprintf('%.0f%%', $\(percent))) "
                            + "with labels offset 0,1.1 font ',9' tc rgb '#0072B2' notitle")
            }
            return [
                "set title " + GnuplotText.quoted(title) + " noenhanced",
                "set xlabel " + GnuplotText.quoted(xlabel) + " noenhanced",
                "set xtics (" + tics.map { "'\($0)' \($0)" }.joined(separator: ", ") + ")",
                "set xrange [\(Double(tics.min()!) / 1.4):\(Double(tics.max()!) * 1.4)]",
                "set key \(key) noenhanced",
                "plot \\",
                plot.joined(separator: ", \\\n"),
            ]
        }
        lines += panel(ScalingBench.Axis.width.rawValue, x: width,
                       title: "against the hidden width h (batch \(ScalingBench.defaultBatch))",
                       xlabel: "hidden width h (log scale)", tics: widths.isEmpty ? ScalingBench.defaultWidths : widths, key: "top left")
        lines += panel(ScalingBench.Axis.batch.rawValue, x: batch,
                       title: "against the batch size (h = \(ScalingBench.defaultWidth))",
                       xlabel: "batch size (log scale)", tics: batches.isEmpty ? ScalingBench.defaultBatches : batches, key: "bottom right")
        lines += ["unset multiplot", "",
                  "set terminal svg size 1400,620 dynamic enhanced font 'DejaVu Sans,11'",
                  "set output " + GnuplotText.quotedPath(svg)]
        // `replot` does not repeat a multiplot: the SVG runs the panels again.
        let body = lines[lines.firstIndex(where: { $0.hasPrefix("set multiplot") })!..<lines.firstIndex(of: "unset multiplot")!]
        lines += body + ["unset multiplot", "unset output", ""]
        return lines.joined(separator: "\n")
    }

    /// Writes the CSV and the script; returns the script's path.
    public func write(_ points: [ScalingPoint], peak: Double?, caption: String) throws -> String {
        try AtomicFile.createDirectory(resultsRoot + "/bench")
        try AtomicFile.write(ScalingTable.csv(points, peak: peak), to: dataPath)
        try AtomicFile.createDirectory(plotsRoot + "/bench")
        let widths = points.filter { $0.axis == .width }.map(\.width)
        let batches = points.filter { $0.axis == .batch }.map(\.batch)
        try AtomicFile.write(script(peak: peak, caption: caption, widths: widths, batches: batches), to: scriptPath)
        return scriptPath
    }
}
