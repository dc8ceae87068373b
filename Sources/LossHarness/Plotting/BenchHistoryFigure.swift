import Foundation

/// The throughput of every `losslab bench` workload against the commit history, drawn from
/// `results/bench/history.csv` (written by `losslab bench --record`): one line per workload (and
/// thread count), one point per recorded run, at the median samples per second of its repetitions,
/// with the minimum-to-maximum range as error bars. A slow-down shows as a dip.
///
/// Files: `<results>/bench/figures/throughput.dat` (one block per workload) and
/// `<plots>/bench/throughput.{gp,png,svg}`.
public struct BenchHistoryFigure {
    public let resultsRoot: String
    public let plotsRoot: String

    public init(resultsRoot: String, plotsRoot: String) {
        self.resultsRoot = resultsRoot
        self.plotsRoot = plotsRoot
    }

    public var historyPath: String { resultsRoot + "/bench/history.csv" }
    var dataPath: String { resultsRoot + "/bench/figures/throughput.dat" }
    public var scriptPath: String { plotsRoot + "/bench/throughput.gp" }

    /// One recorded run: its commit and date, and the median and range of samples per second.
    struct Point {
        var run: Int
        var label: String
        var median: Double
        var minimum: Double
        var maximum: Double
    }

    /// The points of each workload, runs numbered in the order they were recorded.
    static func points(_ table: CSVTable) -> [(workload: String, points: [Point])] {
        var runs: [String] = []
        var samples: [String: [String: [Double]]] = [:]
        var workloads: [String] = []
        var labels: [String: String] = [:]
        for row in table.rows {
            guard let workload = table.value(row, "workload"),
                  let rate = table.value(row, "samples_per_second").flatMap(Double.init), rate.isFinite else { continue }
            let threads = table.value(row, "threads") ?? ""
            let key = threads.isEmpty || threads == "1" ? workload : "\(workload) (\(threads) threads)"
            let date = table.value(row, "date") ?? ""
            let commit = table.value(row, "commit") ?? ""
            let run = date + " " + commit
            if !runs.contains(run) {
                runs.append(run)
                labels[run] = (commit.isEmpty ? "?" : String(commit.prefix(7))) + " " + String(date.prefix(10))
            }
            if !workloads.contains(key) { workloads.append(key) }
            samples[key, default: [:]][run, default: []].append(rate)
        }
        return workloads.map { key in
            let points = runs.enumerated().compactMap { index, run -> Point? in
                guard let values = samples[key]?[run], !values.isEmpty else { return nil }
                let summary = SampleSummary(values)
                return Point(run: index, label: labels[run] ?? "", median: summary.median,
                             minimum: summary.minimum, maximum: summary.maximum)
            }
            return (key, points)
        }
    }

    /// Writes the data and the script; `nil` when there is no bench history to draw.
    public func write() throws -> String? {
        guard let text = try? String(contentsOfFile: historyPath, encoding: .utf8) else { return nil }
        let series = Self.points(CSVTable(text: text))
        guard !series.isEmpty else { return nil }
        var data = "# run median_samples_per_second minimum maximum label; one block per workload\n"
        for (workload, points) in series {
            data += "# " + GnuplotText.comment(workload) + "\n"
            for point in points {
                data += "\(point.run) \(point.median) \(point.minimum) \(point.maximum) \"\(point.label)\"\n"
            }
            data += "\n\n"
        }
        try AtomicFile.createDirectory(resultsRoot + "/bench/figures")
        try AtomicFile.write(data, to: dataPath)
        let png = plotsRoot + "/bench/throughput.png", svg = plotsRoot + "/bench/throughput.svg"
        var lines = [
            "# LossLab figure: the throughput of each losslab bench workload against the commit history.",
            "# Data: " + GnuplotText.comment(dataPath, maximumLength: 1000) + ", made from "
                + GnuplotText.comment(historyPath, maximumLength: 1000) + " (losslab bench --record).",
            "# Re-render from the repository root: gnuplot " + GnuplotText.comment(scriptPath, maximumLength: 1000),
            "set encoding utf8",
            "set terminal pngcairo size 1000,650 enhanced font 'DejaVu Sans,11'",
            "set output " + GnuplotText.quotedPath(png),
            "data = " + GnuplotText.quotedPath(dataPath),
            "set title 'losslab bench: throughput by recorded run (a slow-down shows as a dip)' noenhanced font ',14'",
            "set xlabel 'recorded run (commit, date)' noenhanced",
            "set ylabel 'samples per second (log scale)' noenhanced",
            "set label 1 'median of the repetitions of each recorded run; bars from the fastest to the slowest' at graph 0.5, graph 1 offset 0,0.8 center noenhanced font ',10'",
            "set logscale y",
            "set key outside right top vertical noenhanced",
            "set grid xtics ytics back lt 1 lc rgb '#e4e4e4' lw 1",
            "set border 3 back",
            "set tics nomirror out",
            "set xtics rotate by -30 noenhanced",
            "set offsets 0.3, 0.3, 0, 0",
            "plot \\",
        ]
        let plots = series.enumerated().map { index, entry in
            "    data index \(index) using 1:2:3:4:xtic(5) with yerrorlines lw 2 pt 7 title " + GnuplotText.quoted(entry.workload) + " noenhanced"
        }
        lines.append(plots.joined(separator: ", \\\n"))
        lines += ["", "set terminal svg size 1000,650 dynamic enhanced font 'DejaVu Sans,11'",
                  "set output " + GnuplotText.quotedPath(svg), "replot", "unset output", ""]
        try AtomicFile.createDirectory(plotsRoot + "/bench")
        try AtomicFile.write(lines.joined(separator: "\n"), to: scriptPath)
        return scriptPath
    }
}
