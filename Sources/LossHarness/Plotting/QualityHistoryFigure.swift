import Foundation

/// The quick-run quality metrics along the commit history, from `results/quality-history.csv`
/// (``QualityHistory``, written by `losslab run --quick --commits A..B`).
///
/// x: the recorded commits in git's order (as ``BenchHistoryFigure``). y: each (study, metric)
/// series' mean as a change from its value at the first commit that has it, in percent. Quick runs
/// are deterministic, so a flat line is "the numerics did not move"; series that never change are
/// drawn in grey without a key entry, the ones that do change are coloured and named. A commit
/// without quick results says why at the foot of its column.
///
/// Files: `<results>/figures/quality-history.dat` and `<plots>/quality-history.{gp,png,svg}`.
public struct QualityHistoryFigure {
    public let resultsRoot: String
    public let plotsRoot: String
    public var order: [String]

    public init(resultsRoot: String, plotsRoot: String, order: [String] = []) {
        self.resultsRoot = resultsRoot
        self.plotsRoot = plotsRoot
        self.order = order
    }

    public var historyPath: String { resultsRoot + "/quality-history.csv" }
    var dataPath: String { resultsRoot + "/figures/quality-history.dat" }
    public var scriptPath: String { plotsRoot + "/quality-history.gp" }

    /// A series: its name, whether it ever changes, and `(position, percent change)` points.
    struct Series {
        var name: String
        var changes: Bool
        var points: [(position: Int, percent: Double)]
    }

    /// The runs in `order` (then file order), and every series.
    static func layout(_ history: QualityHistory, order: [String]) -> (runs: [QualityHistory.Run], series: [Series]) {
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let runs = history.runs.filter { rank[$0.commit] != nil }.sorted { rank[$0.commit]! < rank[$1.commit]! }
            + history.runs.filter { rank[$0.commit] == nil }
        let names = Set(runs.flatMap(\.means.keys)).sorted()
        let series = names.map { name -> Series in
            let values = runs.enumerated().compactMap { position, run in run.means[name].map { (position, $0) } }
            let first = values.first?.1 ?? 0
            let points = values.map { position, value in
                (position, first == 0 ? (value == 0 ? 0 : .nan) : 100 * (value / first - 1))
            }
            return Series(name: name, changes: values.contains { $0.1 != first }, points: points)
        }
        return (runs, series)
    }

    public func write() throws -> String? {
        let history = try QualityHistory.load(historyPath)
        guard !history.runs.isEmpty else { return nil }
        let (runs, series) = Self.layout(history, order: order)
        var data = "# position percent_change_from_first; one block per study and metric\n"
        for entry in series {
            data += "# " + GnuplotText.comment(entry.name) + "\n"
            for point in entry.points where point.percent.isFinite { data += "\(point.position) \(point.percent)\n" }
            data += "\n\n"
        }
        try AtomicFile.createDirectory(resultsRoot + "/figures")
        try AtomicFile.write(data, to: dataPath)
        let stride = BenchHistoryFigure.labelStride(runs.count)
        let tics = runs.enumerated().filter { $0.offset % stride == 0 || $0.offset == runs.count - 1 }
            .map { GnuplotText.quoted(String($0.element.commit.prefix(7))) + " \($0.offset)" }
        let changed = series.filter(\.changes).count
        var lines = [
            "# LossLab figure: the quick-run quality metrics along the commit history.",
            "# Data: " + GnuplotText.comment(dataPath, maximumLength: 1000) + ", made from "
                + GnuplotText.comment(historyPath, maximumLength: 1000) + " (losslab run --quick --commits).",
            "# Re-render from the repository root: gnuplot " + GnuplotText.comment(scriptPath, maximumLength: 1000),
            "set encoding utf8",
            "set terminal pngcairo size 1200,700 enhanced font 'DejaVu Sans,11'",
            "set output " + GnuplotText.quotedPath(plotsRoot + "/quality-history.png"),
            "data = " + GnuplotText.quotedPath(dataPath),
            "set title 'losslab run --quick along the commit history: change of each study metric from its first commit' noenhanced font ',13'",
            "set label 1 " + GnuplotText.quoted("\(series.count) study metrics, \(changed) of which change (coloured); grey: unchanged at every commit")
                + " at screen 0.01, screen 0.015 left noenhanced font ',9'",
            "set xlabel 'commit, oldest first' noenhanced",
            "set ylabel 'mean over the quick trials: % change from the first commit' noenhanced",
            "set key outside right top vertical noenhanced font ',8'",
            "set grid ytics back lt 1 lc rgb '#e4e4e4' lw 1",
            "set border 3 back",
            "set tics nomirror out",
            "set xrange [-0.5:\(Double(runs.count) - 0.5)]",
            "set bmargin 9",
            "set xtics (" + tics.joined(separator: ", ") + ") rotate by -45 noenhanced font ',9'",
        ]
        var label = 2
        for (position, run) in runs.enumerated() where run.status != .measured {
            lines.append("set label \(label) \(GnuplotText.quoted(run.status.rawValue)) at \(position), graph 0.02 rotate by 90 left noenhanced font ',9' tc rgb '#b00000'")
            label += 1
        }
        lines.append("plot \\")
        var plots: [String] = []
        var colour = 0
        for (index, entry) in series.enumerated() {
            if entry.changes {
                let rgb = BenchHistoryFigure.seriesColors[colour % BenchHistoryFigure.seriesColors.count]
                let dash = 1 + colour / BenchHistoryFigure.seriesColors.count
                colour += 1
                plots.append("    data index \(index) using 1:2 with linespoints lw 1.5 dt \(dash) pt 7 ps 0.5 lc rgb '\(rgb)' title "
                             + GnuplotText.quoted(entry.name) + " noenhanced")
            } else {
                plots.append("    data index \(index) using 1:2 with lines lw 1 lc rgb '#c8c8c8' notitle")
            }
        }
        lines.append(plots.isEmpty ? "    0 notitle" : plots.joined(separator: ", \\\n"))
        lines += ["", "set terminal svg size 1200,700 dynamic enhanced font 'DejaVu Sans,11'",
                  "set output " + GnuplotText.quotedPath(plotsRoot + "/quality-history.svg"), "replot", "unset output", ""]
        try AtomicFile.createDirectory(plotsRoot)
        try AtomicFile.write(lines.joined(separator: "\n"), to: scriptPath)
        return scriptPath
    }
}
