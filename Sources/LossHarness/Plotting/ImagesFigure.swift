/// An `images` figure: for the first test samples of the first repetition, one row per sample, the
/// model's input, the truth and each series' prediction drawn as `width` x `height` images (gnuplot
/// `with image`, grey: 0 white, 1 black), from `results/<experiment>/predictions.csv`.
///
/// The input is the features as an image. The truth and each prediction are that image with its
/// last `T` pixels replaced by the `T` targets or outputs: with as many outputs as pixels a
/// reconstruction is the whole image; with fewer, the model completes the end of the image (the
/// hidden bottom rows of a digit). Every series shows the same test samples (the split of a
/// repetition is the same for every loss), so the columns compare losses on the same digits.
public enum ImagesFigure {
    /// The panels, in drawing order (row by row): each block holds `x y value` rows, one per pixel,
    /// with row 0 of the image at the top; block names are the column headings.
    public static func data(_ spec: FigureSpec, experiment: Experiment, predictions table: CSVTable) -> FigureData {
        var data = FigureData(columns: ["x", "y", "value"], source: "predictions.csv")
        guard let layout = spec.images, let trial = table.column("trial_id"), let series = table.column("series"),
              let repetition = table.column("repetition"), let sample = table.column("sample"), let kind = table.column("kind"),
              let index = table.column("index"), let value = table.column("value") else {
            data.notes.append("predictions.csv lacks the columns of an images figure")
            return data
        }
        // series -> sample -> kind -> values, for the first trial of each series at repetition 0.
        var order: [String] = []
        var firstTrial: [String: String] = [:]
        var values: [String: [Int: [String: [Int: Float]]]] = [:]
        for row in table.rows where row[repetition] == "0" {
            let name = row[series]
            if firstTrial[name] == nil { firstTrial[name] = row[trial]; order.append(name) }
            guard firstTrial[name] == row[trial], let s = Int(row[sample]), s < layout.samples, let i = Int(row[index]),
                  let v = Float(row[value]) else { continue }
            values[name, default: [:]][s, default: [:]][row[kind], default: [:]][i] = v
        }
        let pixels = layout.width * layout.height
        func image(_ base: [Int: Float], replacingEndWith end: [Int: Float]?) -> [[Double]] {
            var result: [[Double]] = []
            let replaced = end?.count ?? 0
            for p in 0..<pixels {
                let fromEnd = p - (pixels - replaced)
                let v = fromEnd >= 0 ? end?[fromEnd] ?? 0 : base[p] ?? 0
                result.append([Double(p % layout.width), Double(layout.height - 1 - p / layout.width), Double(v)])
            }
            return result
        }
        guard let reference = order.first else {
            data.notes.append("no samples were recorded: run the study again (losslab run --fresh) so that its trials keep them")
            return data
        }
        for s in 0..<layout.samples {
            guard let first = values[reference]?[s], let inputs = first["input"] else { continue }
            if inputs.count != pixels {
                data.notes.append("the inputs have \(inputs.count) values, a \(layout.width) x \(layout.height) image \(pixels)")
                return data
            }
            data.blocks.append(FigureData.Block(name: "input", label: "input", kind: nil, rows: image(inputs, replacingEndWith: nil)))
            data.blocks.append(FigureData.Block(name: "truth", label: "truth", kind: nil,
                                                rows: image(inputs, replacingEndWith: first["target"])))
            for name in order {
                let label = experiment.losses.first { name == $0.label || name.hasPrefix($0.label + "(") }?.label ?? name
                data.blocks.append(FigureData.Block(name: name, label: label, kind: nil,
                                                    rows: image(inputs, replacingEndWith: values[name]?[s]?["prediction"] ?? [:])))
            }
        }
        return data
    }

    /// The standalone script: a grid of `samples` rows and `2 + series` columns, written to PNG,
    /// then drawn again to SVG (`replot` does not repeat a multiplot).
    public static func script(_ spec: FigureSpec, experiment: Experiment, data: FigureData, paths: FigurePaths,
                              command: String) -> String {
        let layout = spec.images ?? FigureSpec.ImageLayout(width: 1, height: 1, samples: 1)
        let columns = max(1, Set(data.blocks.map(\.name)).count)
        let rows = max(1, data.blocks.count / columns)
        let (width, height) = (150 * columns + 40, 150 * rows + 110)
        var lines = [
            "# LossLab figure \"\(spec.name)\" of experiment \"\(experiment.name)\" (\(GnuplotText.comment(experiment.file)))",
            "# Shows: the first \(rows) test samples of repetition 0 as \(layout.width) x \(layout.height) images: input, truth, and each series' prediction.",
            "# Data: \(GnuplotText.comment(paths.data(spec.name))), made from \(GnuplotText.comment(paths.results("predictions.csv")));",
            "#   one block per panel (two blank lines apart), row by row; columns: x y value",
            "# Generated by losslab (\(GnuplotText.comment(command))); running it again overwrites this file.",
            "# Re-render from the repository root: gnuplot \(GnuplotText.comment(paths.script(spec.name)))",
            "",
            "set encoding utf8",
            "data = \(GnuplotText.quotedPath(paths.data(spec.name)))",
        ]
        var body = [
            "set multiplot layout \(rows),\(columns) margins 0.02, 0.98, 0.06, 0.9 spacing 0.01, 0.03 "
                + "title \(GnuplotText.quoted(spec.title)) noenhanced font ',13'",
            "set palette gray negative",
            "set cbrange [0:1]",
            "unset colorbox",
            "unset key",
            "unset tics",
            "unset border",
            "set size ratio -1",
            "set xrange [-0.5:\(Double(layout.width) - 0.5)]",
            "set yrange [-0.5:\(Double(layout.height) - 0.5)]",
        ]
        for (block, item) in data.blocks.enumerated() {
            body.append(block < columns ? "set title \(GnuplotText.quoted(item.name)) noenhanced font ',11'" : "unset title")
            if block == 0, let caption = spec.caption {
                body.append("set label 2 \(GnuplotText.quoted(caption)) at screen 0.5, screen 0.025 center noenhanced font ',10'")
            }
            body.append("plot data index \(block) using 1:2:3 with image")
            if block == 0 { body.append("unset label 2") }
        }
        if data.blocks.isEmpty {
            body.append("set label 1 \(GnuplotText.quoted(data.notes.first ?? "no samples")) at graph 0.5, graph 0.5 center noenhanced")
            body.append("plot 2 notitle lc rgb '#ffffff'")
        }
        body.append("unset multiplot")
        lines.append("set terminal pngcairo size \(width),\(height) enhanced font 'DejaVu Sans,11'")
        lines.append("set output \(GnuplotText.quotedPath(paths.png(spec.name)))")
        lines += body
        lines += ["", "# The same figure as SVG.", "reset",
                  "set terminal svg size \(width),\(height) dynamic enhanced font 'DejaVu Sans,11'",
                  "set output \(GnuplotText.quotedPath(paths.svg(spec.name)))"]
        lines += body
        lines.append("unset output")
        return lines.joined(separator: "\n") + "\n"
    }
}
