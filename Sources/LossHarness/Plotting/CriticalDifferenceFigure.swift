import Foundation

/// The critical-difference diagram of a ``LossRanking`` (Demšar 2006, Fig. 1): the losses on an
/// axis of mean ranks (1 = best, on the left), each joined to its name (the better half on the left,
/// the rest on the right), a bar the length of Nemenyi's critical difference, and a thick line
/// under every group of losses whose mean ranks differ by less than it (no pair in a group is
/// separable at α = 0.05).
///
/// Files: `<results>/rankings/<id>.csv` (every segment and label of the figure, in the figure's
/// coordinates: `kind,x,y,x2,y2,text`) and `<plots>/rankings/<id>.{gp,png,svg}`; the script draws
/// the CSV alone, so `gnuplot plots/rankings/<id>.gp` re-renders it.
public struct CriticalDifferenceFigure {
    public let ranking: LossRanking
    public let resultsRoot: String
    public let plotsRoot: String

    public init(ranking: LossRanking, resultsRoot: String, plotsRoot: String) {
        self.ranking = ranking
        self.resultsRoot = resultsRoot
        self.plotsRoot = plotsRoot
    }

    public var dataPath: String { resultsRoot + "/rankings/" + ranking.id + ".csv" }
    public var scriptPath: String { plotsRoot + "/rankings/" + ranking.id + ".gp" }
    public var pngPath: String { plotsRoot + "/rankings/" + ranking.id + ".png" }
    var svgPath: String { plotsRoot + "/rankings/" + ranking.id + ".svg" }

    /// The rows of the data file: (kind, x, y, x2, y2, text).
    func rows() -> [(String, Double, Double, Double, Double, String)] {
        let ranks = ranking.friedman.meanRanks
        let k = ranks.count
        let order = ranks.indices.sorted { (ranks[$0], $0) < (ranks[$1], $1) }
        var rows: [(String, Double, Double, Double, Double, String)] = []
        rows.append(("segment", 1, 0, Double(k), 0, ""))
        for tick in 1...k {
            rows.append(("segment", Double(tick), 0, Double(tick), 0.08, ""))
            rows.append(("tick_label", Double(tick), 0.22, 0, 0, String(tick)))
        }
        let leftCount = (k + 1) / 2
        for (position, index) in order.enumerated() {
            let left = position < leftCount
            let row = left ? position : k - 1 - position
            let y = -0.45 - 0.3 * Double(row)
            let end = left ? 0.75 : Double(k) + 0.25
            rows.append(("segment", ranks[index], 0, ranks[index], y, ""))
            rows.append(("segment", ranks[index], y, end, y, ""))
            let name = ranking.losses[index].replacingOccurrences(of: ",", with: ";") + String(format: " (%.2f)", ranks[index])
            rows.append((left ? "label_left" : "label_right", left ? end - 0.05 : end + 0.05, y, 0, 0, name))
        }
        for (level, clique) in ranking.posthoc.cliques.enumerated() {
            let low = clique.map { ranks[$0] }.min()!, high = clique.map { ranks[$0] }.max()!
            let y = -0.14 - 0.09 * Double(level)
            rows.append(("clique", low - 0.04, y, high + 0.04, y, ""))
        }
        let cd = ranking.posthoc.criticalDifference
        rows.append(("cd", 1, 0.6, 1 + cd, 0.6, ""))
        rows.append(("cd_label", 1 + cd / 2, 0.78, 0, 0, String(format: "CD = %.2f", cd)))
        return rows
    }

    /// The lowest y of the drawing, for the plot's range.
    var lowestY: Double {
        let k = ranking.losses.count
        let labels = -0.45 - 0.3 * Double(max((k + 1) / 2, k / 2) - 1)
        let cliques = -0.14 - 0.09 * Double(max(0, ranking.posthoc.cliques.count - 1))
        return min(labels, cliques) - 0.25
    }

    /// Writes the data file and the script; returns the script's path.
    public func write() throws -> String {
        var data = "kind,x,y,x2,y2,text\n"
        for row in rows() {
            data += CSV.row([row.0, CSV.number(row.1), CSV.number(row.2), CSV.number(row.3), CSV.number(row.4), row.5])
        }
        try AtomicFile.createDirectory(resultsRoot + "/rankings")
        try AtomicFile.write(data, to: dataPath)
        let k = ranking.losses.count
        let rowsOfLabels: Int = max(1, (k + 1) / 2)
        // Margins in character widths, wide enough for the longest name on either side.
        let labels = rows().filter { $0.0.hasPrefix("label") }
        let margin = max(16, 4 + (labels.map { $0.5.count }.max() ?? 0))
        let width = 560 + 2 * 9 * margin
        let height: Int = 220 + 40 * rowsOfLabels + 18 * ranking.posthoc.cliques.count
        let f = ranking.friedman
        let subtitle = String(format: "%d losses over %d blocks; Friedman p = %.3g, Iman-Davenport p = %.3g; Nemenyi CD at alpha 0.05 = %.2f",
                              k, ranking.blocks.count, f.pValue, f.imanDavenportPValue, ranking.posthoc.criticalDifference)
        let select = { (kind: String) in "(strcol(1) eq '\(kind)' ? $2 : NaN)" }
        let lines = [
            "# LossLab figure: critical-difference diagram of the ranking \(GnuplotText.comment(ranking.id)) (Demsar 2006).",
            "# Data: " + GnuplotText.comment(dataPath, maximumLength: 1000) + ", written by losslab report from the studies' summary.csv",
            "# (mean ranks: results/ranking-values.csv; tests: results/rankings.csv, results/ranking-pairs.csv).",
            "# Re-render from the repository root: gnuplot " + GnuplotText.comment(scriptPath, maximumLength: 1000),
            "set encoding utf8",
            "set terminal pngcairo size \(width),\(height) enhanced font 'DejaVu Sans,11'",
            "set output " + GnuplotText.quotedPath(pngPath),
            "data = " + GnuplotText.quotedPath(dataPath),
            "set datafile separator comma",
            "set title " + GnuplotText.quoted(ranking.family.title + " — " + ranking.scope) + " noenhanced font ',12'",
            "set label 1 " + GnuplotText.quoted(subtitle) + " at graph 0.5, graph 1 offset 0,0.2 center noenhanced font ',9'",
            "unset key",
            "set border 0",
            "unset xtics",
            "unset ytics",
            "set lmargin \(margin)",
            "set rmargin \(margin)",
            "set tmargin 4",
            String(format: "set xrange [0.7:%g]", Double(k) + 0.3),
            String(format: "set yrange [%g:1.0]", lowestY),
            "plot \\",
            "    data using \(select("segment")):3:($4-$2):($5-$3) with vectors nohead lw 1.2 lc rgb '#333333', \\",
            "    data using \(select("clique")):3:($4-$2):($5-$3) with vectors nohead lw 5 lc rgb '#d62728', \\",
            "    data using \(select("cd")):3:($4-$2):($5-$3) with vectors heads size screen 0.008,90 lw 1.5 lc rgb '#1f77b4', \\",
            "    data using \(select("tick_label")):3:6 with labels center font ',9', \\",
            "    data using \(select("cd_label")):3:6 with labels center font ',9' tc rgb '#1f77b4', \\",
            "    data using \(select("label_left")):3:6 with labels right noenhanced, \\",
            "    data using \(select("label_right")):3:6 with labels left noenhanced",
            "",
            "set terminal svg size \(width),\(height) dynamic enhanced font 'DejaVu Sans,11'",
            "set output " + GnuplotText.quotedPath(svgPath),
            "replot",
            "unset output",
            "",
        ]
        try AtomicFile.createDirectory(plotsRoot + "/rankings")
        try AtomicFile.write(lines.joined(separator: "\n"), to: scriptPath)
        return scriptPath
    }
}
