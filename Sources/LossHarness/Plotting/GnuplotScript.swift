import Foundation
import LossCore

/// The standalone gnuplot script of one figure: commented (what it shows, which data file, how it
/// was made, how to re-render it), reading its `.dat` file and writing the PNG, then the SVG.
///
/// Every string that comes from an experiment file is written with ``GnuplotText/quoted(_:maximumLength:)``
/// and every label holding one is `noenhanced`, so no title can end a string, run a command or be
/// read as enhanced-text markup. Paths are used as given (relative to the directory losslab ran
/// in, the repository root), so the script is re-rendered from there.
public struct GnuplotScript: Sendable {
    public var spec: FigureSpec
    public var experiment: Experiment
    public var data: FigureData
    public var paths: FigurePaths
    /// The command that wrote the script, for its header comment.
    public var command: String
    /// One panel of a faceted figure: no subtitle or caption of its own (the figure's are above
    /// every panel), and its blocks start at `indexOffset` in the data file.
    var isPanel = false
    var indexOffset = 0

    public static let pngTerminal = "set terminal pngcairo size 1000,650 enhanced font 'DejaVu Sans,11'"
    public static let svgTerminal = "set terminal svg size 1000,650 dynamic enhanced font 'DejaVu Sans,11'"
    /// The first line of every script, by which stale scripts of removed figures are recognised.
    public static let marker = "# LossLab figure"

    public init(spec: FigureSpec, experiment: Experiment, data: FigureData, paths: FigurePaths, command: String) {
        self.spec = spec
        self.experiment = experiment
        self.data = data
        self.paths = paths
        self.command = command
    }

    // MARK: Resolved settings

    /// `"auto"` resolved: logarithmic when every value is > 0 and max/min > 100.
    public static func isLogarithmic(_ scale: FigureSpec.Scale, values: [Double]) -> Bool {
        switch scale {
        case .linear: return false
        case .logarithmic: return true
        case .automatic:
            let finite = values.filter(\.isFinite)
            guard let low = finite.min(), let high = finite.max(), low > 0 else { return false }
            return high / low > 100
        }
    }

    var categoricalX: Bool { !data.categories.isEmpty }

    public var logX: Bool {
        !categoricalX && Self.isLogarithmic(spec.xScale, values: data.xValues) && Self.allowsLog(spec.xRange)
    }

    public var logY: Bool {
        Self.isLogarithmic(spec.yScale, values: data.yValues) && Self.allowsLog(spec.yRange)
    }

    /// Whether a log axis can show `range` (an `"auto"` scale stays linear when a limit is <= 0;
    /// validation refuses such a limit beside an explicit log scale).
    static func allowsLog(_ range: FigureSpec.AxisRange?) -> Bool {
        [range?.low, range?.high].allSatisfy { ($0 ?? 1) > 0 }
    }

    /// The x axis label, with "(log scale)" when the axis is logarithmic.
    public var xLabel: String {
        let base = spec.xLabel ?? Self.defaultXLabel(spec, experiment: experiment)
        return logX ? Self.notingLogScale(base) : base
    }

    public var yLabel: String {
        if let label = spec.yLabel { return logY ? Self.notingLogScale(label) : label }
        let (name, note) = Self.defaultYLabel(spec)
        let notes = (note.map { [$0] } ?? []) + (logY ? ["log scale"] : [])
        return notes.isEmpty ? name : name + " (" + notes.joined(separator: "; ") + ")"
    }

    static func notingLogScale(_ label: String) -> String {
        label.lowercased().contains("log scale") ? label : (label.isEmpty ? "log scale" : label + " (log scale)")
    }

    /// A field path as words: `dataset.outlier_fraction` is "outlier fraction".
    static func words(_ path: String) -> String {
        String(path.split(separator: ".").last ?? "").replacingUnderscores
    }

    static func defaultXLabel(_ spec: FigureSpec, experiment: Experiment) -> String {
        switch spec.type {
        case .lines, .bars, .box: return spec.x.map(words) ?? ""
        case .images: return ""
        case .history: return "epoch"
        case .curves:
            var axes: [CurveEvaluator.Axis] = []
            if let axis = experiment.fixedCurveAxis {
                axes = [axis]
            } else {
                for entry in experiment.losses where !axes.contains(entry.definition.curveAxis) {
                    axes.append(entry.definition.curveAxis)
                }
            }
            guard axes.count == 1 else { return "x: " + axes.map(\.rawValue).joined(separator: ", ") + " (by loss)" }
            switch axes[0] {
            case .error: return "error (prediction - target)"
            case .prediction: return "prediction"
            case .probability: return "predicted probability of the true class"
            case .margin: return "margin y·f"
            }
        }
    }

    /// The name of y and a note on its direction ("lower is better").
    static func defaultYLabel(_ spec: FigureSpec) -> (name: String, note: String?) {
        switch spec.y {
        case "train_loss": return ("training loss", nil)
        case "test_loss": return ("test loss", nil)
        case "value": return ("loss", nil)
        case "gradient": return ("gradient dL/dx", nil)
        case "gradient_logit": return ("gradient dL/dz", "z: the logit")
        default:
            let names: [String: String] = [
                "mse": "MSE", "rmse": "RMSE", "mae": "MAE", "msle": "MSLE", "r2": "R²", "ece": "ECE",
                "roc_auc": "ROC AUC", "truth_rmse": "RMSE against the noiseless truth", "macro_f1": "macro F1",
                "micro_f1": "micro F1", "brier": "Brier score",
            ]
            let name = names[spec.y] ?? spec.y.replacingUnderscores
            guard let metric = Metric(rawValue: spec.y) else { return (name, nil) }
            return (name, metric.higherIsBetter ? "higher is better" : "lower is better")
        }
    }

    /// What the key's title says about the statistics: "mean and 95% CI" over "10 seeds".
    var statisticsNote: [String] {
        guard let seeds = data.seedCounts else { return [] }
        let count = seeds.lowerBound == seeds.upperBound ? "\(seeds.upperBound)" : "\(seeds.lowerBound) to \(seeds.upperBound)"
        let noun = seeds.upperBound == 1 ? "seed" : "seeds"
        switch spec.type {
        case .box: return ["median, quartiles, range", "and each of \(count) \(noun)"]
        case .curves, .images: return []
        case .lines, .bars, .history:
            if spec.errorBars == .none || seeds.upperBound < 2 { return ["mean over \(count) \(noun)"] }
            return ["mean and 95% CI", "over \(count) \(noun)"]
        }
    }

    /// The line under the title: every `where` condition and the number of seeds behind each
    /// plotted value, e.g. "where noise = 1 · 30 seeds"; `nil` when there is neither.
    public var subtitle: String? {
        if isPanel { return nil }
        var parts: [String] = []
        if !spec.conditions.isEmpty {
            let paths = spec.conditions.keys.sorted()
            let short = paths.map(Self.words)
            let names = Set(short).count == short.count ? short : paths
            parts.append("where " + zip(names, paths).map { name, path in
                "\(name) = " + FigureRowGrouping.display(spec.conditions[path]!.description)
            }.joined(separator: ", "))
        }
        if let seeds = data.seedCounts {
            let count = seeds.lowerBound == seeds.upperBound ? "\(seeds.upperBound)" : "\(seeds.lowerBound) to \(seeds.upperBound)"
            parts.append(count + (seeds.upperBound == 1 ? " seed" : " seeds"))
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// The lowest y a log axis shows: a tenth of the smallest positive plotted value. Interval ends
    /// below it (or <= 0, which a log axis cannot show) are drawn at it.
    var logFloor: Double {
        (data.yValues.filter { $0 > 0 && $0.isFinite }.min() ?? 1) / 10
    }

    // MARK: Text

    /// The whole script.
    public var text: String {
        if !data.panels.isEmpty { return facetedText }
        var lines = header
        lines.append("")
        lines.append("set encoding utf8")
        lines.append(Self.pngTerminal)
        lines.append("set output " + GnuplotText.quotedPath(paths.png(spec.name)))
        lines.append("data = " + GnuplotText.quotedPath(paths.data(spec.name)))
        lines.append("")
        lines += decorations
        lines.append("")
        lines += styles
        lines.append("")
        lines += plot
        lines.append("")
        lines.append("# The same figure as SVG.")
        lines.append(Self.svgTerminal)
        lines.append("set output " + GnuplotText.quotedPath(paths.svg(spec.name)))
        lines.append("replot")
        lines.append("unset output")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Facets

    /// Columns and rows of the panels: at most three side by side.
    var panelLayout: (columns: Int, rows: Int) {
        let columns = min(max(data.panels.count, 1), 3)
        return (columns, (data.panels.count + columns - 1) / columns)
    }

    /// The script of a faceted figure: the title, subtitle and caption over a grid of panels
    /// (`set multiplot`), one per value of the facet path, sharing the y range and the log scales;
    /// the key is drawn once, beside the top right panel. Multiplot output cannot be `replot`ted,
    /// so the SVG repeats the panels.
    var facetedText: String {
        let (columns, rows) = panelLayout
        let size = "size \(250 + 450 * columns),\(250 + 400 * rows)"
        let png = Self.pngTerminal.replacingOccurrences(of: "size 1000,650", with: size)
        let svg = Self.svgTerminal.replacingOccurrences(of: "size 1000,650", with: size)
        var lines = header
        lines.append("")
        lines.append("set encoding utf8")
        lines.append(png)
        lines.append("set output " + GnuplotText.quotedPath(paths.png(spec.name)))
        lines.append("data = " + GnuplotText.quotedPath(paths.data(spec.name)))
        lines.append("")
        lines += panelBody
        lines.append("")
        lines.append("# The same figure as SVG (a multiplot cannot be replotted: the panels are drawn again).")
        lines.append(svg)
        lines.append("set output " + GnuplotText.quotedPath(paths.svg(spec.name)))
        lines += panelBody
        lines.append("unset output")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The y range every panel shares: the lowest and highest plotted value or interval end, 5%
    /// wider (in log space on a log axis), from 0 for bars; the file's `yrange` where it says.
    var sharedYRange: FigureSpec.AxisRange {
        let columns: [Int] = switch spec.type {
        case .lines, .history: [1, 2, 3]
        case .bars: [2, 3, 4]
        case .box: [5, 6]
        case .curves, .images: [1]
        }
        var values = data.blocks.flatMap { block in block.rows.flatMap { row in columns.compactMap { $0 < row.count ? row[$0] : nil } } }
            .filter(\.isFinite)
        if spec.type == .bars && !logY { values.append(0) }
        if logY { values = values.filter { $0 >= logFloor } }
        guard var low = values.min(), var high = values.max() else { return spec.yRange ?? FigureSpec.AxisRange(low: nil, high: nil) }
        if logY {
            let pad = pow(high / low, 0.05)
            (low, high) = (low / pad, high * pad)
        } else {
            let pad = high > low ? (high - low) * 0.05 : max(abs(high) * 0.05, 1e-9)
            (low, high) = (spec.type == .bars && low == 0 ? 0 : low - pad, high + pad)
        }
        func rounded(_ x: Double) -> Double { Double(String(format: "%.4g", x)) ?? x }
        return FigureSpec.AxisRange(low: spec.yRange?.low ?? rounded(low), high: spec.yRange?.high ?? rounded(high))
    }

    /// `set multiplot`, each panel's settings and plot, `unset multiplot`.
    var panelBody: [String] {
        let (columns, rows) = panelLayout
        var heading = [GnuplotText.sanitized(spec.title)]
        if let subtitle { heading.append(GnuplotText.sanitized(subtitle)) }
        if let caption = spec.caption, !GnuplotText.sanitized(caption).isEmpty {
            heading += Self.wrap(GnuplotText.sanitized(caption), width: 70 + 45 * columns)
        }
        let screenLine = 18.0 / Double(250 + 400 * rows)
        let top = 1 - screenLine * (Double(heading.count) + 3.5)
        let right = spec.legend == .outside ? 1 - 220.0 / Double(250 + 450 * columns) : 0.97
        let bottom = spec.legend == .below ? 0.22 : 0.1
        func margin(_ x: Double) -> String { String(format: "%.3f", x) }
        var lines = [
            "# One panel per value of \(spec.facet ?? ""); the title, the filters and seeds, and the caption head them all.",
            "set multiplot layout \(rows),\(columns) rowsfirst title " + heading.map { GnuplotText.quoted($0) }.joined(separator: ".\"\\n\".")
                + " noenhanced font ',12' margins \(margin(0.07)),\(margin(right)),\(margin(bottom)),\(margin(top)) spacing 0.08,0.12",
        ]
        let shared = sharedYRange
        let keyPanel = min(data.panels.count, columns) - 1
        for (position, panel) in data.panels.enumerated() {
            var panelSpec = spec
            panelSpec.title = panel.title
            panelSpec.caption = nil
            panelSpec.facet = nil
            panelSpec.xScale = logX ? .logarithmic : .linear
            panelSpec.yScale = logY ? .logarithmic : .linear
            panelSpec.yRange = shared
            panelSpec.legend = position == keyPanel ? spec.legend : .none
            var panelData = data
            panelData.panels = []
            panelData.blocks = Array(data.blocks[panel.blocks])
            panelData.categories = panel.categories
            var script = GnuplotScript(spec: panelSpec, experiment: experiment, data: panelData, paths: paths, command: command)
            script.isPanel = true
            script.indexOffset = panel.blocks.lowerBound
            lines.append("")
            lines.append("# Panel \(position + 1): " + GnuplotText.comment(panel.title))
            lines += script.decorations.filter { !$0.hasPrefix("#") }
            lines += script.styles.filter { !$0.hasPrefix("#") }
            lines += script.plot
        }
        lines.append("unset multiplot")
        return lines
    }

    var header: [String] {
        var what: String
        switch spec.type {
        case .lines: what = "\(spec.y) against \(spec.x ?? ""), one line per series"
        case .bars: what = "\(spec.y) as bars, one per series" + (spec.x.map { ", grouped by \($0)" } ?? "")
        case .box: what = "the spread of \(spec.y) across seeds, one box per series" + (spec.x.map { ", grouped by \($0)" } ?? "")
        case .history: what = "\(spec.y) per epoch, one line per series"
        case .images: what = "test samples as images"
        case .curves: what = "the loss's \(spec.y) along x, one curve per series (no training)"
        }
        if let facet = spec.facet, !isPanel { what += "; one panel per value of \(facet)" }
        var lines = [
            "\(Self.marker) \"\(spec.name)\" of experiment \"\(experiment.name)\" (\(GnuplotText.comment(experiment.file, maximumLength: 200)))",
            "# Shows: " + what + (statisticsNote.isEmpty ? "." : "; " + statisticsNote.joined(separator: " ") + "."),
        ]
        if !spec.conditions.isEmpty {
            lines.append("# Only trials with " + spec.conditions.keys.sorted().map { "\($0) = \(spec.conditions[$0]!)" }.joined(separator: ", ") + ".")
        }
        lines += [
            "# Data: " + GnuplotText.comment(paths.data(spec.name), maximumLength: 1000) + ", made from "
                + GnuplotText.comment(paths.results(data.source), maximumLength: 1000) + ";",
            "#   one block per series (two blank lines apart), so `index i` selects series i; columns: "
                + data.columns.prefix(9).joined(separator: " ") + (data.columns.count > 9 ? " ..." : ""),
            "# Generated by losslab \(BuildIdentity.version) (" + GnuplotText.comment(command, maximumLength: 300)
                + "); running it again overwrites this file.",
            "# Re-render from the repository root (the directory losslab ran in):",
            "#   gnuplot " + GnuplotText.comment(paths.script(spec.name), maximumLength: 1000),
            "# It writes " + GnuplotText.comment(paths.png(spec.name), maximumLength: 1000) + " and "
                + GnuplotText.comment(paths.svg(spec.name), maximumLength: 1000) + ".",
        ]
        for note in data.notes { lines.append("# Note: " + GnuplotText.comment(note)) }
        return lines
    }

    /// Splits `text` into lines of at most `width` characters at spaces (a longer word stands alone).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = ""
            }
            current += (current.isEmpty ? "" : " ") + word
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    var decorations: [String] {
        var lines: [String] = []
        lines.append("# Titles and labels come from the experiment file: quoted safely and drawn as plain text (noenhanced).")
        // Under the title: the subtitle (filters and seeds), then the caption wrapped to the plot's
        // width; the title moves up one line per line under it.
        let captionLines = spec.caption.map { GnuplotText.sanitized($0) }.flatMap { $0.isEmpty ? nil : Self.wrap($0, width: 110) } ?? []
        let subtitleLines = subtitle.map { [GnuplotText.sanitized($0)] } ?? []
        let below = subtitleLines.count + captionLines.count
        if below > 0 {
            let extra = Double(below - 1)
            lines.append("set title " + GnuplotText.quoted(spec.title) + " noenhanced font ',14' offset 0,\(formatJSONNumber(1.2 + extra))")
            if let line = subtitleLines.first {
                lines.append("set label 3 " + GnuplotText.quoted(line) + " at graph 0.5, graph 1 offset 0,\(formatJSONNumber(1.1 + extra))"
                             + " center noenhanced font ',10' tc rgb '#555555'")
            }
            if !captionLines.isEmpty {
                let offset = 1.1 + extra - Double(subtitleLines.count)
                lines.append("set label 1 " + captionLines.map { GnuplotText.quoted($0) }.joined(separator: ".\"\\n\".")
                             + " at graph 0.5, graph 1 offset 0,\(formatJSONNumber(offset)) center noenhanced font ',10'")
            }
            lines.append("set tmargin \(4 + below)")
        } else {
            lines.append("set title " + GnuplotText.quoted(spec.title) + " noenhanced font ',14'")
        }
        lines.append("set xlabel " + GnuplotText.quoted(xLabel) + " noenhanced")
        lines.append("set ylabel " + GnuplotText.quoted(yLabel) + " noenhanced")
        switch spec.legend {
        case .outside:
            // The key's width is measured on its entries only: two more characters keep a title
            // such as "mean and 95% CI" inside the image.
            lines.append("set key outside right top vertical noenhanced spacing 1.3" + (statisticsNote.isEmpty ? "" : " width 2"))
        case .inside: lines.append("set key inside right top vertical noenhanced spacing 1.3 opaque box lc rgb '#bbbbbb'")
        case .below: lines.append("set key outside below center horizontal noenhanced spacing 1.3")
        case .none: lines.append("unset key")
        }
        let note = statisticsNote
        if !note.isEmpty && spec.legend != .none {
            lines.append("set key title " + note.map { GnuplotText.quoted($0) }.joined(separator: ".\"\\n\".") + " noenhanced")
        }
        lines.append("set grid xtics ytics back lt 1 lc rgb '#e4e4e4' lw 1")
        lines.append("set border 3 back")
        lines.append("set tics nomirror out")
        if logX { lines.append("set logscale x 10") }
        if logY { lines.append("set logscale y 10") }
        if categoricalX {
            let tics = data.categories.enumerated().map { GnuplotText.quoted($0.element, maximumLength: 60) + " \($0.offset)" }
            if data.categories == [""] {
                lines.append("unset xtics")
            } else {
                lines.append("set xtics noenhanced (" + tics.joined(separator: ", ") + ")")
            }
            lines.append("set xrange [-0.6:\(Double(data.categories.count) - 0.4)]")
        }
        if spec.type == .bars || spec.type == .box {
            let width = FigureDataBuilder.barWidth(count: data.blocks.count) * (spec.type == .bars ? 0.95 : 0.7)
            lines.append("set boxwidth \(FigureData.number((width * 1e6).rounded() / 1e6)) absolute")
        }
        if spec.type == .bars && !logY {
            let means = data.yValues.filter(\.isFinite)
            if means.allSatisfy({ $0 >= 0 }) { lines.append("set yrange [0:*]") }
            else if means.allSatisfy({ $0 <= 0 }) { lines.append("set yrange [*:0]") }
            else { lines.append("set xzeroaxis lt -1") }
        }
        if let range = spec.xRange { lines.append("set xrange " + Self.range(range)) }
        if let range = spec.yRange { lines.append("set yrange " + Self.range(range)) }
        if logY, [.lines, .history, .bars, .box].contains(spec.type) {
            lines.append("floor = \(FigureData.number(logFloor))  # a tenth of the smallest value: lower interval ends are drawn here at the lowest")
        }
        return lines
    }

    /// `[low:high]` with `*` for an open end.
    static func range(_ range: FigureSpec.AxisRange) -> String {
        "[" + (range.low.map(FigureData.number) ?? "*") + ":" + (range.high.map(FigureData.number) ?? "*") + "]"
    }

    /// Each block's style: the palette's (``LossPalette/styles(for:)``), then the figure's `style`.
    public var blockStyles: [SeriesStyle] {
        zip(data.blocks, LossPalette.styles(for: data.blocks.map(\.kind))).map { block, style in
            spec.styleOverride(series: block.series, label: block.label)?.applied(to: style) ?? style
        }
    }

    var styles: [String] {
        var lines = ["# One colour and point type per loss (LossPalette); several series of one loss differ in dash, marker fill and lightness."]
        for (index, (block, style)) in zip(data.blocks, blockStyles).enumerated() {
            lines.append("set style line \(index + 1) lc rgb '\(style.color)' lw 2 dt \(style.dashType) pt \(style.pointType) ps 1.2  # "
                         + GnuplotText.comment(block.name, maximumLength: 100))
        }
        return lines
    }

    /// Opacity of a 95% band: five overlapping bands stay below 50% grey (1 - 0.88^5 = 0.47), and
    /// every band is drawn before every line, so no band covers a mean line.
    static let bandOpacity = "0.12"

    var plot: [String] {
        guard !data.blocks.isEmpty else {
            return [
                "# No results match this figure.",
                "set label 2 'No results match this figure' at graph 0.5, graph 0.5 center",
                "set xrange [0:1]",
                "set yrange [0:1]",
                "plot 2 notitle",
            ]
        }
        var clauses: [String] = []
        if spec.errorBars == .band, [.lines, .history].contains(spec.type) {
            for (index, style) in blockStyles.enumerated() { clauses.append(band(index: index, style: style)) }
        }
        for (index, block) in data.blocks.enumerated() {
            clauses += self.clauses(index: index, block: block, style: blockStyles[index])
        }
        return ["plot \\"] + clauses.enumerated().map { "    " + $0.element + ($0.offset < clauses.count - 1 ? ", \\" : "") }
    }

    /// The 95% band of block `index`.
    func band(index: Int, style: SeriesStyle) -> String {
        let low = logY ? "($3 > floor ? $3 : floor)" : "3"
        return "data index \(indexOffset + index) using 1:\(low):4 with filledcurves fc rgb '\(style.color)' fs transparent solid \(Self.bandOpacity) noborder notitle"
    }

    /// The plot clauses of block `index` (its band, if any, is drawn earlier: ``band(index:style:)``).
    func clauses(index: Int, block: FigureData.Block, style: SeriesStyle) -> [String] {
        let source = "data index \(indexOffset + index)"
        let title = "title " + GnuplotText.quoted(block.name, maximumLength: 120) + " noenhanced"
        let line = "ls \(index + 1)"
        let low = logY ? "($3 > floor ? $3 : floor)" : "3"
        switch spec.type {
        case .lines, .history:
            var result: [String] = []
            if block.isReference {
                return ["\(source) using 1:2 with lines \(line) \(title)"]
            }
            if spec.errorBars == .bars {
                result.append("\(source) using 1:2:\(low):4 with yerrorlines \(line) \(title)")
            } else if spec.type == .history {
                return staggeredMarkers(source: source, line: line, title: title, index: index, rows: block.rows.count)
            } else {
                result.append("\(source) using 1:2 with linespoints \(line) \(title)")
            }
            return result
        case .bars:
            let fill = style.fillPattern.map { "fs pattern \($0) border lc rgb '\(style.color)'" } ?? "fs solid 0.85 border lc rgb '#333333'"
            var result = ["\(source) using 2:3 with boxes fc rgb '\(style.color)' \(fill) \(title)"]
            if spec.errorBars == .bars {
                // Drawn as vectors from the low to the high end: gnuplot's yerrorbars leave a gap at the mean.
                let barLow = logY ? "($4 > floor ? $4 : floor)" : "$4"
                result.append("\(source) using 2:(\(barLow)):(0):($5 - \(barLow)) with vectors heads size screen 0.006,90 lc rgb '#333333' lw 1.5 notitle")
            }
            return result
        case .box:
            let width = data.columns.count - 8
            var result = [
                "\(source) using 2:4:6:7:5 with candlesticks whiskerbars 0.5 lc rgb '\(style.color)' lw 1.5 dt \(style.dashType) fs solid 0.3 \(title)",
                "\(source) using 2:3:3:3:3 with candlesticks lc rgb '\(style.color)' lw 3 notitle",
            ]
            if width > 0 {
                result.append("for [k=9:\(8 + width)] \(source) using 2:(column(k)) with points lc rgb '\(style.color)' pt \(style.pointType) ps 0.7 notitle")
            }
            return result
        case .curves:
            return staggeredMarkers(source: source, line: line, title: title, index: index, rows: block.rows.count)
        case .images:
            return ["\(source) using 1:2:3 with image"]
        }
    }

    /// A line through every row with a marker on every tenth or so row (histories have an epoch
    /// per row, curves about 200 points), the markers of series i starting i/n of the way into
    /// the first interval, so that series drawn on top of each other (bce and two-class cce) still
    /// show each marker; the key entry shows the line with its marker.
    func staggeredMarkers(source: String, line: String, title: String, index: Int, rows: Int) -> [String] {
        let step = max(1, (rows + 9) / 10)
        let start = step * index / max(data.blocks.count, 1)
        return [
            "\(source) using 1:2 with lines \(line) notitle",
            "\(source) every \(step)::\(start) using 1:2 with points \(line) notitle",
            "keyentry with linespoints \(line) \(title)",
        ]
    }
}

extension String {
    var replacingUnderscores: String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
