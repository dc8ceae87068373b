import Foundation

/// The time of every `losslab bench` workload along the commit history, drawn from
/// `results/bench/history.csv` (`losslab bench --record` and `--commits`), laid out by
/// ``BenchHistoryAnalysis``.
///
/// x: the recorded commits in history order, labelled every few commits (short hash). y: each
/// series' time divided by its first point's median (1 = as fast as the first recorded commit;
/// above 1 is slower), log scale: the line joins the medians of each commit's repetitions, the band
/// below it reaches down to their minimum. Each detected step is a dashed vertical line between the
/// two commits, labelled with the series and its ratio. A commit that timed nothing says why at the
/// foot of its column (`build-failed`, `run-failed`, `no-bench`); a series that some timed commits
/// lack is named in a note at the foot of the figure with those commits.
///
/// Files: `<results>/bench/figures/throughput.dat` (one block per series) and
/// `<plots>/bench/throughput.{gp,png,svg}`.
public struct BenchHistoryFigure {
    public let resultsRoot: String
    public let plotsRoot: String
    /// Commit hashes oldest first (git's order); empty: the order of the file.
    public var order: [String]
    public var subjects: [String: String]

    public init(resultsRoot: String, plotsRoot: String, order: [String] = [], subjects: [String: String] = [:]) {
        self.resultsRoot = resultsRoot
        self.plotsRoot = plotsRoot
        self.order = order
        self.subjects = subjects
    }

    public var historyPath: String { resultsRoot + "/bench/history.csv" }
    var dataPath: String { resultsRoot + "/bench/figures/throughput.dat" }
    public var scriptPath: String { plotsRoot + "/bench/throughput.gp" }

    /// The history laid out in ``order`` (the file's order for commits it does not list).
    public func analysis() throws -> BenchHistoryAnalysis? {
        let history = try BenchHistory.load(historyPath)
        guard !history.runs.isEmpty else { return nil }
        return BenchHistoryAnalysis(history: history, order: order, subjects: subjects)
    }

    /// The data file: per series, `position minimum/first median/first minimum median`.
    static func data(_ analysis: BenchHistoryAnalysis) -> String {
        var data = "# position minimum_ratio median_ratio minimum_s median_s; ratios to the series' first median; one block per series\n"
        for series in analysis.series {
            data += "# " + GnuplotText.comment(series.name) + "\n"
            let first = series.points.first?.median ?? 1
            for point in series.points {
                data += "\(point.position) \(point.minimum / first) \(point.median / first) \(point.minimum) \(point.median)\n"
            }
            data += "\n\n"
        }
        return data
    }

    /// Colours of the series, in order (Okabe-Ito, distinguishable with colour-blindness).
    static let seriesColors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]

    /// Every `every`-th commit labelled, and the last one.
    static func labelStride(_ count: Int) -> Int { max(1, (count + 11) / 12) }

    /// The gnuplot script for `analysis`, writing `png` then `svg`.
    static func script(_ analysis: BenchHistoryAnalysis, dataPath: String, historyPath: String, scriptPath: String,
                       png: String, svg: String) -> String {
        let count = analysis.commits.count
        let stride = labelStride(count)
        let tics = analysis.commits.filter { $0.position % stride == 0 || $0.position == count - 1 }
            .map { GnuplotText.quoted($0.short) + " \($0.position)" }
        var lines = [
            "# LossLab figure: the time of each losslab bench workload along the commit history.",
            "# Data: " + GnuplotText.comment(dataPath, maximumLength: 1000) + ", made from "
                + GnuplotText.comment(historyPath, maximumLength: 1000) + " (losslab bench --record / --commits).",
            "# Re-render from the repository root: gnuplot " + GnuplotText.comment(scriptPath, maximumLength: 1000),
            "set encoding utf8",
            "set terminal pngcairo size 1200,700 enhanced font 'DejaVu Sans,11'",
            "set output " + GnuplotText.quotedPath(png),
            "data = " + GnuplotText.quotedPath(dataPath),
            "set title 'losslab bench along the commit history: time relative to the first recorded commit (above 1 is slower)' noenhanced font ',13'",
            "set xlabel 'commit, oldest first (\(count) recorded; \(stride == 1 ? "each one labelled" : "a label every \(stride) commits"))' noenhanced",
            "set ylabel 'time / median of the first commit (log scale)' noenhanced",
            "set logscale y",
            "set key outside right top vertical noenhanced",
            "set grid ytics back lt 1 lc rgb '#e4e4e4' lw 1",
            "set border 3 back",
            "set tics nomirror out",
            "set xrange [-0.5:\(Double(count) - 0.5)]",
            "set xtics (" + tics.joined(separator: ", ") + ") rotate by -45 noenhanced font ',9'",
            "set style fill transparent solid 0.18 noborder",
        ]
        var notes = ["line: median of each commit's repetitions; band: down to their minimum; dashed: a detected step"]
        let missingNotes = analysis.series.compactMap { series -> String? in
            let timed = Set(analysis.commits.filter { $0.run.status == .measured }.map(\.position))
            let lacking = series.missing.filter(timed.contains)
            guard !lacking.isEmpty else { return nil }
            let names = lacking.prefix(4).map { analysis.commits[$0].short }.joined(separator: " ")
            return "\(series.name) not timed at \(lacking.count) commit\(lacking.count == 1 ? "" : "s") (\(names)\(lacking.count > 4 ? " ..." : ""))"
        }
        notes += missingNotes
        lines.append("set bmargin \(8 + notes.count)")
        for (index, note) in notes.enumerated() {
            let y = String(format: "%.3f", 0.015 + 0.028 * Double(notes.count - 1 - index))
            lines.append("set label \(index + 1) \(GnuplotText.quoted(note)) at screen 0.01, screen \(y) left noenhanced font ',9'")
        }
        var label = notes.count + 1
        for commit in analysis.commits where commit.run.status != .measured {
            lines.append("set label \(label) \(GnuplotText.quoted(commit.run.status.rawValue)) at \(commit.position), graph 0.02 rotate by 90 left noenhanced font ',9' tc rgb '#b00000'")
            label += 1
        }
        for (index, step) in analysis.stepsBySize.prefix(12).enumerated() {
            let x = (Double(step.position) + Double(step.previousPosition)) / 2
            lines.append("set arrow \(index + 1) from \(x), graph 0 to \(x), graph 1 nohead dt 2 lw 1.5 lc rgb '#555555' back")
            let text = "\(step.series) x\(String(format: "%.2f", step.ratio))"
            lines.append("set label \(label) \(GnuplotText.quoted(text)) at \(x), graph \(0.97 - Double(index % 6) * 0.045) left offset 0.3,0 noenhanced font ',9'")
            label += 1
        }
        lines.append("plot \\")
        var plots: [String] = []
        for (index, series) in analysis.series.enumerated() {
            let color = seriesColors[index % seriesColors.count]
            plots.append("    data index \(index) using 1:2:3 with filledcurves lc rgb '\(color)' notitle")
            plots.append("    data index \(index) using 1:3 with linespoints lw 2 pt 7 ps 0.7 lc rgb '\(color)' title "
                         + GnuplotText.quoted(series.name) + " noenhanced")
        }
        lines.append(plots.joined(separator: ", \\\n"))
        lines += ["", "set terminal svg size 1200,700 dynamic enhanced font 'DejaVu Sans,11'",
                  "set output " + GnuplotText.quotedPath(svg), "replot", "unset output", ""]
        return lines.joined(separator: "\n")
    }

    /// Writes the data and the script; `nil` when there is no bench history to draw.
    public func write() throws -> String? {
        guard let analysis = try analysis(), !analysis.series.isEmpty else { return nil }
        try AtomicFile.createDirectory(resultsRoot + "/bench/figures")
        try AtomicFile.write(Self.data(analysis), to: dataPath)
        let script = Self.script(analysis, dataPath: dataPath, historyPath: historyPath, scriptPath: scriptPath,
                                 png: plotsRoot + "/bench/throughput.png", svg: plotsRoot + "/bench/throughput.svg")
        try AtomicFile.createDirectory(plotsRoot + "/bench")
        try AtomicFile.write(script, to: scriptPath)
        return scriptPath
    }
}
