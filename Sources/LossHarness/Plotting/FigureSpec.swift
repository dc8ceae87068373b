import LossCore

/// One figure of an experiment, as its `plots` list declares it:
///
/// ```
/// plots: [
///   { name: "coefficient-error",          // required; [a-z0-9][a-z0-9_-]{0,63}; unique in the file
///     type: "lines",                       // required: lines | bars | box | history | curves
///     title: "...",                        // default: the experiment's title
///     x: "dataset.outlier_fraction",       // see below
///     y: "coefficient_error",              // see below
///     xlabel: "...", ylabel: "...",        // default: derived from x and y ("(log scale)" added when log)
///     logx: "auto", logy: "auto",          // true | false | "auto" (default)
///     where: {"dataset.noise": 0.5},       // keep only trials with these swept values
///     series: ["mse", "mae"],              // which series (or loss labels), in this order (default: all, grid order)
///     errorbars: "band",                   // see below
///     caption: "...",                      // optional text under the title
///     style: {series: {mae: {color: "#d62728", dash: "dashed", marker: "square"}}},  // per series or loss label
///     xrange: [0, null], yrange: [0.1, 10], // axis limits; null leaves that end to gnuplot
///     legend: "outside",                   // outside (default) | inside | below | none
///     reference_lines: true,               // lines with x a loss parameter: losses without it as horizontal lines
///     facet: "dataset.noise",              // one panel per value of a swept path, side by side
///   }
/// ]
/// ```
///
/// By type (files: `plots/<experiment>/<name>.{gp,png,svg}`, data `results/<experiment>/figures/<name>.dat`):
///
/// | type | x | y | errorbars | data |
/// | --- | --- | --- | --- | --- |
/// | lines | a swept path (required) | a metric | band (default), bars, none: 95% CI | summary.csv |
/// | bars | optional swept path giving groups of bars (default: one group) | a metric | bars (default), none | summary.csv |
/// | box | optional swept path giving groups of boxes (default: one group) | a metric | (none: the box is the spread) | trials.csv |
/// | history | "epoch" (implied) | a metric (default: the study's first), or train_loss, test_loss (each series its own loss) | band (default), bars, none: 95% CI across seeds | history.csv |
/// | curves | "x" (implied) | value (default), gradient, gradient_logit | (none: no seeds) | curves.csv |
///
/// `curves` figures belong to `kind: "curves"` experiments and the other types to training
/// experiments. `logx: "auto"` (and `logy`) means a log scale when every plotted value is > 0 and
/// max/min > 100; the x axis of bars and box figures is categorical and never logarithmic.
///
/// `where` names swept paths and values they take. A `loss.*` condition applies to the series of
/// losses that have the parameter and leaves the other losses in (so `{"loss.delta": 1}` keeps
/// Huber with delta 1 beside MSE). A `series` entry is a series name as in the results
/// (`huber(delta=1)`), or a loss label, which stands for all its series in grid order.
///
/// When x is a loss parameter (`loss.delta`), losses without it (MSE beside Huber) have no place
/// along x: with `reference_lines` (the default) each is drawn as a horizontal line at its mean,
/// with its band, across the whole axis; with `reference_lines: false` they are left out.
public struct FigureSpec: Sendable, Hashable {
    public enum FigureType: String, Sendable, CaseIterable {
        case lines, bars, box, history, curves, images
    }

    /// An `images` figure: the first `samples` test samples of the first repetition drawn as
    /// `width` x `height` images (``ImagesFigure``).
    public struct ImageLayout: Sendable, Hashable {
        public var width: Int
        public var height: Int
        public var samples: Int
    }

    /// How an axis is scaled: `true`, `false` or `"auto"` in the file.
    public enum Scale: Sendable, Hashable {
        case linear
        case logarithmic
        /// Logarithmic when every plotted value is > 0 and max/min > 100.
        case automatic
    }

    /// Where the key goes: right of the plot (`outside`, the default), in its top right corner on
    /// a white box (`inside`), in rows under it (`below`), or nowhere (`none`).
    public enum Legend: String, Sendable, CaseIterable {
        case outside, inside, below, none
    }

    /// Axis limits from `xrange`/`yrange`: `[low, high]`, either end `null` for gnuplot's own.
    public struct AxisRange: Sendable, Hashable {
        public var low: Double?
        public var high: Double?

        public init(low: Double?, high: Double?) {
            self.low = low
            self.high = high
        }
    }

    /// What a figure's `style.series` sets for one series (or every series of a loss label);
    /// `nil` keeps the palette's choice.
    public struct StyleOverride: Sendable, Hashable {
        /// `#rrggbb`.
        public var color: String?
        /// 1-based index into ``SeriesStyle/dashes``.
        public var dashType: Int?
        /// 1-based index into ``SeriesStyle/markers``.
        public var pointType: Int?

        public init(color: String? = nil, dashType: Int? = nil, pointType: Int? = nil) {
            self.color = color
            self.dashType = dashType
            self.pointType = pointType
        }

        /// `style` with the fields this override sets replaced.
        public func applied(to style: SeriesStyle) -> SeriesStyle {
            SeriesStyle(color: color ?? style.color, pointType: pointType ?? style.pointType, dashType: dashType ?? style.dashType)
        }
    }

    public enum ErrorBars: String, Sendable, CaseIterable {
        /// A shaded 95% confidence band around the line.
        case band
        /// Vertical error bars at each point.
        case bars
        case none
    }

    /// Position in the `plots` list.
    public var index: Int
    public var name: String
    public var type: FigureType
    public var title: String
    /// Lines: the swept path along x; bars and box: the swept path whose values group the bars
    /// (`nil`: one group); history: `"epoch"`; curves: `"x"`.
    public var x: String?
    /// A metric id (lines, bars, box; history too), `train_loss`/`test_loss` (history) or a
    /// column of curves.csv (`value`, `gradient`, `gradient_logit`).
    public var y: String
    /// `nil`: derived from `x` and `y`.
    public var xLabel: String?
    public var yLabel: String?
    public var xScale: Scale
    public var yScale: Scale
    /// Swept path to the value trials must have (`where`).
    public var conditions: [String: JSONValue]
    /// Series names or loss labels, in the order to draw; `nil`: every series in grid order.
    public var series: [String]?
    public var errorBars: ErrorBars
    public var caption: String?
    /// Series name or loss label to what its style changes (`style.series`).
    public var styles: [String: StyleOverride] = [:]
    public var xRange: AxisRange?
    public var yRange: AxisRange?
    public var legend: Legend = .outside
    /// Whether losses without the loss parameter along x are drawn as horizontal lines.
    public var referenceLines: Bool = true
    /// A swept path with one panel per value (`facet`); `nil`: one plot.
    public var facet: String?
    /// The layout of an `images` figure.
    public var images: ImageLayout?

    /// The style override of a series: its own entry, else its loss label's.
    public func styleOverride(series: String, label: String) -> StyleOverride? {
        styles[series] ?? styles[label]
    }

    /// Figure names: lower-case letters, digits, '-' and '_', starting with a letter or digit.
    public static let namePattern = "[a-z0-9][a-z0-9_-]{0,63}: lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters"

    /// The fields of a figure, for validation, suggestions and `losslab list fields`.
    public static let fields: [Field] = [
        Field("name", .text(maxLength: 64), default: nil, sweepable: false, "figure name, also the file name plots/<experiment>/<name>.png (\(namePattern))"),
        Field("type", .choice(FigureType.allCases.map(\.rawValue)), default: nil, sweepable: false,
              "lines (a metric against a swept field), bars, box (per-seed spread), history (per epoch), curves (kind curves)"),
        Field("title", .text(maxLength: 200), default: nil, sweepable: false, "figure title (default: the experiment's title)"),
        Field("x", .text(maxLength: 200), default: nil, sweepable: false,
              "lines: the swept path along x (required); bars, box: an optional swept path grouping the bars; history: \"epoch\"; curves: \"x\""),
        Field("y", .text(maxLength: 200), default: nil, sweepable: false,
              "lines, bars, box: a metric; history: a metric (default: the study's first) or train_loss, test_loss (each series its own loss); curves: value (default), gradient, gradient_logit"),
        Field("xlabel", .text(maxLength: 200), default: nil, sweepable: false, "x axis label (default: from x; \"(log scale)\" is added when log)"),
        Field("ylabel", .text(maxLength: 200), default: nil, sweepable: false, "y axis label (default: from y; \"(log scale)\" is added when log)"),
        Field("logx", .structured, default: .string("auto"), sweepable: false, "true, false or \"auto\" (log when all values > 0 and max/min > 100)"),
        Field("logy", .structured, default: .string("auto"), sweepable: false, "true, false or \"auto\""),
        Field("where", .structured, default: .object([:]), sweepable: false, "keep only trials with these swept values, e.g. {\"dataset.noise\": 0.5}"),
        Field("series", .structured, default: nil, sweepable: false, "series names or loss labels to draw, in order (default: all, in grid order)"),
        Field("errorbars", .choice(ErrorBars.allCases.map(\.rawValue)), default: nil, sweepable: false,
              "lines, history: band (default), bars or none; bars: bars (default) or none"),
        Field("caption", .text(maxLength: 500), default: nil, sweepable: false, "text under the title"),
        Field("style", .structured, default: .object([:]), sweepable: false,
              "per series or loss label: {series: {mae: {color: \"#rrggbb\", dash: one of " + SeriesStyle.dashes.joined(separator: ", ")
              + ", marker: one of " + SeriesStyle.markers.joined(separator: ", ") + "}}}"),
        Field("xrange", .structured, default: nil, sweepable: false,
              "x axis limits [low, high], null for an end gnuplot picks (lines, history, curves; > 0 on a log axis)"),
        Field("yrange", .structured, default: nil, sweepable: false, "y axis limits [low, high], null for an end gnuplot picks (> 0 on a log axis)"),
        Field("legend", .choice(FigureSpec.Legend.allCases.map(\.rawValue)), default: .string("outside"), sweepable: false,
              "where the key goes: outside (right of the plot), inside (top right corner), below, none"),
        Field("facet", .text(maxLength: 200), default: nil, sweepable: false,
              "a swept path other than x and where's: one panel per value, side by side with a shared y axis (lines, bars, box, history)"),
        Field("reference_lines", .bool, default: .bool(true), sweepable: false,
              "lines with x a loss parameter: draw the losses without it as horizontal lines with their band (false: leave them out)"),
        Field("image", .numberList(1...256, integer: true), default: nil, sweepable: false,
              "images figures: [width, height] of the image the features make; the predictions replace its last pixels"),
        Field("samples", .number(1...12, integer: true), default: .number(4), sweepable: false,
              "images figures: how many test samples of the first repetition to draw, one row each"),
    ]

    /// Every figure of `experiment`, validated against its kind, settings, swept paths, metrics
    /// and series. Throws ``SpecErrors`` listing every problem, each with the file, the path
    /// (`plots[2].y`), the value, what was expected and a "did you mean" where one is close.
    public static func parseAll(_ experiment: Experiment) throws -> [FigureSpec] {
        var parser = FigureSpecParser(experiment: experiment)
        let specs = parser.parse()
        if !parser.errors.isEmpty { throw SpecErrors(parser.errors) }
        return specs
    }
}

/// The validation behind ``FigureSpec/parseAll(_:)``.
struct FigureSpecParser {
    let experiment: Experiment
    private(set) var errors: [SpecError] = []
    /// Swept path to its values (the union over loss entries for `loss.*` paths), in grid order.
    let sweptValues: [(path: String, values: [JSONValue])]
    /// Series of the grid, in grid order: name, loss label and the loss's own swept parameters.
    let seriesNames: [(series: String, label: String, parameters: [String: String])]

    init(experiment: Experiment) {
        self.experiment = experiment
        sweptValues = experiment.sweptFields.map { ($0.path, $0.values) }
        seriesNames = Self.seriesOfGrid(Grid(experiment))
    }

    /// The series of the first global combination of the grid (every loss entry and its own swept
    /// parameters appear there), at most 10,000.
    static func seriesOfGrid(_ grid: Grid) -> [(series: String, label: String, parameters: [String: String])] {
        guard grid.count > 0 else { return [] }
        var result: [(String, String, [String: String])] = []
        var index = 0
        let seeds = max(1, grid.experiment.seeds)
        while index < min(grid.perGlobal, grid.count) && result.count < 10_000 {
            let trial = grid.trial(at: index)
            let parameters = trial.swept.filter { $0.key.hasPrefix("loss.") }.mapValues(\.description)
            result.append((trial.series, trial.label, parameters))
            index += seeds
        }
        return result
    }

    var sweptPaths: [String] { sweptValues.map(\.path) }

    func values(of path: String) -> [JSONValue]? {
        sweptValues.first { $0.path == path }?.values
    }

    private mutating func fail(_ path: String, _ value: JSONValue?, _ expected: String, suggestion: String? = nil) {
        errors.append(SpecError(file: experiment.file, path: path, value: value?.description, expected: expected, suggestion: suggestion))
    }

    private func didYouMean(_ word: String, _ candidates: [String]) -> String? {
        closestMatch(to: word, among: candidates).map { "Did you mean \"\($0)\"?" }
    }

    private func list(_ words: [String]) -> String {
        words.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    mutating func parse() -> [FigureSpec] {
        var specs: [FigureSpec] = []
        var names: [String: Int] = [:]
        for (index, item) in experiment.plots.enumerated() {
            let path = "plots[\(index)]"
            guard case .object(let members) = item else {
                fail(path, item, "an object {name: ..., type: ..., x: ..., y: ...}")
                continue
            }
            let known = FigureSpec.fields.map(\.name)
            for key in members.keys.sorted() where !known.contains(key) {
                fail("\(path).\(key)", nil, "a known field",
                     suggestion: "Unknown field. " + (didYouMean(key, known) ?? "Known fields: " + known.joined(separator: ", ")))
            }
            let name = parseName(members["name"], path: path)
            if let name {
                if let other = names[name] {
                    fail("\(path).name", members["name"], "a name no other figure of this file has",
                         suggestion: "plots[\(other)] is also called \"\(name)\"; figure names name files, so each must be unique")
                } else {
                    names[name] = index
                }
            }
            let type = parseType(members["type"], path: path)
            let title = text(members["title"], path: "\(path).title", maximumLength: 200) ?? experiment.title
            let xLabel = text(members["xlabel"], path: "\(path).xlabel", maximumLength: 200)
            let yLabel = text(members["ylabel"], path: "\(path).ylabel", maximumLength: 200)
            let caption = text(members["caption"], path: "\(path).caption", maximumLength: 500)
            let xScale = scale(members["logx"], path: "\(path).logx", categoricalType: type.flatMap { [.bars, .box].contains($0) ? $0 : nil })
            let yScale = scale(members["logy"], path: "\(path).logy", categoricalType: nil)
            guard let type else { continue }
            if type == .images {
                if let name, let layout = parseImages(members, path: path) {
                    var spec = FigureSpec(index: index, name: name, type: type, title: title, x: nil, y: "predictions", xLabel: nil,
                                          yLabel: nil, xScale: .linear, yScale: .linear, conditions: [:], series: nil, errorBars: .none,
                                          caption: caption)
                    spec.images = layout
                    specs.append(spec)
                }
                continue
            }
            let x = parseX(members["x"], type: type, path: path)
            let y = parseY(members["y"], type: type, path: path)
            let conditions = parseWhere(members["where"], x: x, path: path)
            let series = parseSeries(members["series"], x: type == .lines ? x : nil, path: path)
            let errorBars = parseErrorBars(members["errorbars"], type: type, path: path)
            let styles = parseStyle(members["style"], x: type == .lines ? x : nil, path: path)
            let xRange = parseRange(members["xrange"], path: "\(path).xrange", scale: xScale,
                                    categoricalType: [.bars, .box].contains(type) ? type : nil)
            let yRange = parseRange(members["yrange"], path: "\(path).yrange", scale: yScale, categoricalType: nil)
            let legend = parseLegend(members["legend"], path: "\(path).legend")
            let referenceLines = parseReferenceLines(members["reference_lines"], path: "\(path).reference_lines")
            let facet = parseFacet(members["facet"], type: type, x: x, conditions: conditions, path: "\(path).facet")
            guard let name, let y else { continue }
            var spec = FigureSpec(index: index, name: name, type: type, title: title, x: x, y: y, xLabel: xLabel, yLabel: yLabel,
                                  xScale: xScale, yScale: yScale, conditions: conditions, series: series, errorBars: errorBars,
                                  caption: caption)
            spec.styles = styles
            spec.xRange = xRange
            spec.yRange = yRange
            spec.legend = legend
            spec.referenceLines = referenceLines
            spec.facet = facet
            specs.append(spec)
        }
        return specs
    }

    // MARK: Fields

    /// `image: [width, height]` (required) and `samples` of an images figure; the fields of other
    /// figure types are refused there.
    private mutating func parseImages(_ members: [String: JSONValue], path: String) -> FigureSpec.ImageLayout? {
        for key in members.keys.sorted() where !["name", "type", "title", "caption", "image", "samples"].contains(key) {
            fail("\(path).\(key)", members[key], "no \(key) in an images figure (its fields: name, type, title, caption, image, samples)")
        }
        guard let numbers = members["image"]?.numbers, numbers.count == 2,
              numbers.allSatisfy({ $0 == $0.rounded() && (1...256).contains($0) }) else {
            fail("\(path).image", members["image"], "[width, height] of the image, whole numbers from 1 to 256, e.g. [8, 8]")
            return nil
        }
        var samples = 4
        if let value = members["samples"] {
            if case .number(let x) = value, x == x.rounded(), (1...12).contains(x) { samples = Int(x) } else {
                fail("\(path).samples", value, "a whole number from 1 to 12")
                return nil
            }
        }
        return FigureSpec.ImageLayout(width: Int(numbers[0]), height: Int(numbers[1]), samples: samples)
    }

    private mutating func parseName(_ value: JSONValue?, path: String) -> String? {
        guard let value else {
            fail("\(path).name", nil, "a figure name (\(FigureSpec.namePattern))",
                 suggestion: "The name is required: it names plots/\(experiment.name)/<name>.png")
            return nil
        }
        guard case .string(let name) = value, Self.isValidName(name) else {
            fail("\(path).name", value, "a figure name (\(FigureSpec.namePattern))")
            return nil
        }
        return name
    }

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= 64 else { return false }
        let allowed = { (c: Unicode.Scalar) in ("a"..."z").contains(c) || ("0"..."9").contains(c) || c == "-" || c == "_" }
        return name.unicodeScalars.allSatisfy(allowed) && first != "-" && first != "_"
    }

    private mutating func parseType(_ value: JSONValue?, path: String) -> FigureSpec.FigureType? {
        let allowed: [FigureSpec.FigureType] = experiment.kind == .curves ? [.curves] : [.lines, .bars, .box, .history, .images]
        let names = FigureSpec.FigureType.allCases.map(\.rawValue)
        guard case .string(let word)? = value, let type = FigureSpec.FigureType(rawValue: word) else {
            let word: String = if case .string(let s)? = value { s } else { "" }
            fail("\(path).type", value, "one of " + list(allowed.map(\.rawValue)),
                 suggestion: value == nil ? "The type is required" : didYouMean(word, names))
            return nil
        }
        if !allowed.contains(type) {
            if experiment.kind == .curves {
                fail("\(path).type", value, "\"curves\" (a curves experiment trains nothing: it has no metrics, seeds or history)")
            } else {
                fail("\(path).type", value, "one of " + list(allowed.map(\.rawValue)),
                     suggestion: "curves figures belong to experiments of kind \"curves\"")
            }
            return nil
        }
        return type
    }

    private mutating func text(_ value: JSONValue?, path: String, maximumLength: Int) -> String? {
        guard let value else { return nil }
        guard case .string(let s) = value, s.count <= maximumLength else {
            fail(path, value, "a string of at most \(maximumLength) characters")
            return nil
        }
        return s
    }

    private mutating func scale(_ value: JSONValue?, path: String, categoricalType: FigureSpec.FigureType?) -> FigureSpec.Scale {
        switch value {
        case nil, .string("auto")?: return .automatic
        case .bool(false)?: return .linear
        case .bool(true)?:
            if let categoricalType {
                fail(path, value, "false or \"auto\" (the x axis of a \(categoricalType.rawValue) figure is categorical)")
                return .linear
            }
            return .logarithmic
        default:
            fail(path, value, "true, false or \"auto\"")
            return .automatic
        }
    }

    private mutating func parseX(_ value: JSONValue?, type: FigureSpec.FigureType, path: String) -> String? {
        switch type {
        case .images:
            return nil
        case .history, .curves:
            let implied = type == .history ? "epoch" : "x"
            if let value, value != .string(implied) {
                fail("\(path).x", value, "\"\(implied)\" (or leave x out: a \(type.rawValue) figure always has \(implied) along x)")
            }
            return implied
        case .lines, .bars, .box:
            guard let value else {
                if type == .lines {
                    fail("\(path).x", nil, sweptPaths.isEmpty
                         ? "a swept path, but this experiment sweeps no field (write a field as a list of values to sweep it)"
                         : "the swept path along the x axis, one of: " + sweptPaths.joined(separator: ", "),
                         suggestion: "A lines figure needs x")
                }
                return nil
            }
            return sweptPath(value, path: "\(path).x")
        }
    }

    /// `value` as a swept path of the experiment, or `nil` after reporting why not.
    private mutating func sweptPath(_ value: JSONValue, path: String) -> String? {
        guard case .string(let word) = value else {
            fail(path, value, "a swept path as a string, e.g. \"\(sweptPaths.first ?? "dataset.noise")\"")
            return nil
        }
        if values(of: word) != nil { return word }
        let fixed = experiment.field(word)
        if let fixed {
            fail(path, value, sweptPaths.isEmpty ? "a swept path, but this experiment sweeps no field"
                 : "a swept path: " + sweptPaths.joined(separator: ", "),
                 suggestion: "\(word) is not swept: every trial has \(word) = \(fixed.values[0])")
        } else {
            let all = sweptPaths + experiment.fields.map(\.path)
            fail(path, value, sweptPaths.isEmpty ? "a swept path, but this experiment sweeps no field"
                 : "a swept path: " + sweptPaths.joined(separator: ", "),
                 suggestion: didYouMean(word, all))
        }
        return nil
    }

    private mutating func parseY(_ value: JSONValue?, type: FigureSpec.FigureType, path: String) -> String? {
        let metricNames = (experiment.metrics ?? Metric.allCases).map(\.rawValue)
        switch type {
        case .images:
            return "predictions"
        case .curves:
            let columns = ["value", "gradient", "gradient_logit"]
            guard let value else { return "value" }
            guard case .string(let word) = value, columns.contains(word) else {
                let word: String = if case .string(let s) = value { s } else { "" }
                fail("\(path).y", value, "one of " + list(columns), suggestion: didYouMean(word, columns))
                return nil
            }
            if word == "gradient_logit", !experiment.hasProbabilityCurves {
                fail("\(path).y", value, "\"value\" or \"gradient\" (gradient_logit exists only on probability curves: "
                     + "crossentropy losses, or curves.x \"probability\")")
                return nil
            }
            return word
        case .history:
            guard let value else { return defaultHistoryMetric }
            if value == .string("train_loss") || value == .string("test_loss") { return value.stringValue }
            return metric(value, path: "\(path).y", extra: ["train_loss", "test_loss"], metricNames: metricNames)
        case .lines, .bars, .box:
            guard let value else {
                fail("\(path).y", nil, "a metric column of the results: " + metricNames.joined(separator: ", "),
                     suggestion: "A \(type.rawValue) figure needs y")
                return nil
            }
            return metric(value, path: "\(path).y", extra: [], metricNames: metricNames)
        }
    }

    /// What a history figure shows without `y`: the study's first metric, which every loss of the
    /// study is measured by, so the lines share one scale; `test_loss` (each series its own loss)
    /// only when no metric can be named (no metrics list and no single task).
    var defaultHistoryMetric: String {
        let metrics = experiment.metrics ?? experiment.task.map { task in Metric.allCases.filter { $0.applies(to: task) } } ?? []
        return metrics.first?.rawValue ?? "test_loss"
    }

    private mutating func metric(_ value: JSONValue, path: String, extra: [String], metricNames: [String]) -> String? {
        let word: String = if case .string(let s) = value { s } else { "" }
        let accepted = extra + metricNames
        guard let metric = Metric(rawValue: word) else {
            fail(path, value, "a metric column of the results: " + accepted.joined(separator: ", "),
                 suggestion: didYouMean(word, accepted + Metric.allCases.map(\.rawValue)))
            return nil
        }
        if let metrics = experiment.metrics, !metrics.contains(metric) {
            fail(path, value, "one of the experiment's metrics: " + accepted.joined(separator: ", "),
                 suggestion: "Add \"\(word)\" to the metrics list to plot it")
            return nil
        }
        if experiment.metrics == nil, let task = experiment.task, !metric.applies(to: task) {
            let applicable = Metric.allCases.filter { $0.applies(to: task) }.map(\.rawValue)
            fail(path, value, "a metric that applies to a \(task.name) task: " + (extra + applicable).joined(separator: ", "),
                 suggestion: didYouMean(word, applicable))
            return nil
        }
        return word
    }

    private mutating func parseWhere(_ value: JSONValue?, x: String?, path: String) -> [String: JSONValue] {
        guard let value else { return [:] }
        guard case .object(let members) = value else {
            fail("\(path).where", value, "an object of swept path: value, e.g. {\"\(sweptPaths.first ?? "dataset.noise")\": ...}")
            return [:]
        }
        var conditions: [String: JSONValue] = [:]
        for (key, condition) in members.sorted(by: { $0.key < $1.key }) {
            let keyPath = "\(path).where.\(key)"
            guard let values = values(of: key) else {
                if let fixed = experiment.fields.first(where: { $0.path == key }) {
                    fail(keyPath, condition, "a swept path: " + sweptPaths.joined(separator: ", "),
                         suggestion: "\(key) is not swept: every trial has \(key) = \(fixed.values[0])")
                } else {
                    fail(keyPath, condition, sweptPaths.isEmpty ? "a swept path, but this experiment sweeps no field"
                         : "a swept path: " + sweptPaths.joined(separator: ", "),
                         suggestion: didYouMean(key, sweptPaths + experiment.fields.map(\.path)))
                }
                continue
            }
            if key == x {
                fail(keyPath, condition, "a path other than x (\(key) is along the x axis of this figure)")
                continue
            }
            guard values.contains(condition) else {
                fail(keyPath, condition, "one of the values of \(key): " + values.map(\.description).joined(separator: ", "))
                continue
            }
            conditions[key] = condition
        }
        return conditions
    }

    private mutating func parseSeries(_ value: JSONValue?, x: String?, path: String) -> [String]? {
        guard let value else { return nil }
        guard case .array(let items) = value else {
            fail("\(path).series", value, "a list of series names or loss labels, e.g. [\"mse\", \"mae\"]")
            return nil
        }
        if items.isEmpty {
            fail("\(path).series", value, "at least one series (or leave the field out for every series)")
            return nil
        }
        let candidates = seriesCandidates(x: x)
        var result: [String] = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(path).series[\(index)]"
            guard case .string(let word) = item, candidates.contains(word) else {
                let word: String = if case .string(let s) = item { s } else { "" }
                fail(itemPath, item, "a series or loss label of this experiment: " + candidates.joined(separator: ", "),
                     suggestion: didYouMean(word, candidates))
                continue
            }
            if result.contains(word) {
                fail(itemPath, item, "each series once")
                continue
            }
            result.append(word)
        }
        return result
    }

    private mutating func parseErrorBars(_ value: JSONValue?, type: FigureSpec.FigureType, path: String) -> FigureSpec.ErrorBars {
        let allowed: [FigureSpec.ErrorBars] = switch type {
        case .lines, .history: [.band, .bars, .none]
        case .bars: [.bars, .none]
        case .box, .curves, .images: [.none]
        }
        let fallback = allowed[0]
        guard let value else { return fallback }
        guard case .string(let word) = value, let bars = FigureSpec.ErrorBars(rawValue: word), allowed.contains(bars) else {
            let word: String = if case .string(let s) = value { s } else { "" }
            let reason = switch type {
            case .box: " (a box already shows the spread across seeds)"
            case .curves: " (curves have no seeds, hence no error bars)"
            default: ""
            }
            fail("\(path).errorbars", value, "one of " + list(allowed.map(\.rawValue)) + reason,
                 suggestion: didYouMean(word, allowed.map(\.rawValue)))
            return fallback
        }
        return bars
    }

    // MARK: Presentation

    /// The names `style.series` and `series` accept: loss labels, series names and, when x is a
    /// loss parameter, series names without it.
    func seriesCandidates(x: String?) -> [String] {
        var candidates: [String] = []
        for (series, label, parameters) in seriesNames {
            var names = [label, series]
            if let x { names.append(SeriesName.make(label: label, parameters: parameters.filter { $0.key != x })) }
            for name in names where !candidates.contains(name) {
                candidates.append(name)
            }
        }
        return candidates
    }

    private mutating func parseStyle(_ value: JSONValue?, x: String?, path: String) -> [String: FigureSpec.StyleOverride] {
        guard let value else { return [:] }
        let stylePath = "\(path).style"
        guard case .object(let members) = value else {
            fail(stylePath, value, "an object {series: {<series or loss label>: {color: \"#rrggbb\", dash: ..., marker: ...}}}")
            return [:]
        }
        for key in members.keys.sorted() where key != "series" {
            fail("\(stylePath).\(key)", nil, "a known field", suggestion: "Unknown field. " + (didYouMean(key, ["series"]) ?? "Known fields: series"))
        }
        guard let series = members["series"] else { return [:] }
        guard case .object(let entries) = series else {
            fail("\(stylePath).series", series, "an object of series name or loss label: {color, dash, marker}, e.g. {\"mae\": {dash: \"dashed\"}}")
            return [:]
        }
        let candidates = seriesCandidates(x: x)
        var result: [String: FigureSpec.StyleOverride] = [:]
        for (name, entry) in entries.sorted(by: { $0.key < $1.key }) {
            let entryPath = "\(stylePath).series.\(name)"
            guard candidates.contains(name) else {
                fail(entryPath, nil, "a series or loss label of this experiment: " + candidates.joined(separator: ", "),
                     suggestion: didYouMean(name, candidates))
                continue
            }
            guard case .object(let fields) = entry else {
                fail(entryPath, entry, "an object {color: \"#rrggbb\", dash: ..., marker: ...}")
                continue
            }
            var override = FigureSpec.StyleOverride()
            let known = ["color", "dash", "marker"]
            for key in fields.keys.sorted() where !known.contains(key) {
                fail("\(entryPath).\(key)", nil, "a known field",
                     suggestion: "Unknown field. " + (didYouMean(key, known) ?? "Known fields: " + known.joined(separator: ", ")))
            }
            if let color = fields["color"] {
                if case .string(let text) = color, CIELabColor(hex: text.lowercased()) != nil {
                    override.color = text.lowercased()
                } else {
                    fail("\(entryPath).color", color, "a colour as \"#rrggbb\" (six hexadecimal digits), e.g. \"#d62728\"")
                }
            }
            if let dash = fields["dash"] {
                override.dashType = choice(dash, among: SeriesStyle.dashes, path: "\(entryPath).dash").map { $0 + 1 }
            }
            if let marker = fields["marker"] {
                override.pointType = choice(marker, among: SeriesStyle.markers, path: "\(entryPath).marker").map { $0 + 1 }
            }
            result[name] = override
        }
        return result
    }

    /// The position of `value` among `words`, or `nil` after reporting it.
    private mutating func choice(_ value: JSONValue, among words: [String], path: String) -> Int? {
        if case .string(let word) = value, let index = words.firstIndex(of: word) { return index }
        let word: String = if case .string(let s) = value { s } else { "" }
        fail(path, value, "one of " + list(words), suggestion: didYouMean(word, words))
        return nil
    }

    private mutating func parseRange(_ value: JSONValue?, path: String, scale: FigureSpec.Scale,
                                     categoricalType: FigureSpec.FigureType?) -> FigureSpec.AxisRange? {
        guard let value else { return nil }
        if let categoricalType {
            fail(path, value, "no xrange (the x axis of a \(categoricalType.rawValue) figure is categorical: one group per value)",
                 suggestion: "Use where or series to choose what is drawn")
            return nil
        }
        let shape = "[low, high]: two numbers, or null for an end gnuplot picks, e.g. [0, 1] or [0.001, null]"
        guard case .array(let ends) = value, ends.count == 2 else {
            fail(path, value, shape)
            return nil
        }
        var numbers: [Double?] = []
        for end in ends {
            switch end {
            case .null: numbers.append(nil)
            case .number(let x) where x.isFinite: numbers.append(x)
            default:
                fail(path, value, shape)
                return nil
            }
        }
        let range = FigureSpec.AxisRange(low: numbers[0], high: numbers[1])
        if let low = range.low, let high = range.high, low >= high {
            fail(path, value, "low < high", suggestion: "Write the smaller end first: [\(formatJSONNumber(high)), \(formatJSONNumber(low))]")
            return nil
        }
        if scale == .logarithmic, let bad = [range.low, range.high].compactMap({ $0 }).first(where: { $0 <= 0 }) {
            let axis = path.hasSuffix("xrange") ? "logx" : "logy"
            fail(path, value, "ends > 0 (\(axis) is true, and a log axis cannot reach \(formatJSONNumber(bad)))",
                 suggestion: "Use null for that end, or set \(axis): false")
            return nil
        }
        return range
    }

    private mutating func parseLegend(_ value: JSONValue?, path: String) -> FigureSpec.Legend {
        guard let value else { return .outside }
        let words = FigureSpec.Legend.allCases.map(\.rawValue)
        return choice(value, among: words, path: path).map { FigureSpec.Legend.allCases[$0] } ?? .outside
    }

    private mutating func parseFacet(_ value: JSONValue?, type: FigureSpec.FigureType, x: String?,
                                     conditions: [String: JSONValue], path: String) -> String? {
        guard let value else { return nil }
        if type == .curves {
            fail(path, value, "no facet (a curves figure draws every loss in one plot)")
            return nil
        }
        guard let facet = sweptPath(value, path: path) else { return nil }
        if facet == x {
            fail(path, value, "a path other than x (\(facet) is along the x axis of this figure)")
            return nil
        }
        if conditions[facet] != nil {
            fail(path, value, "a path that where does not fix (where keeps only \(facet) = \(conditions[facet]!))")
            return nil
        }
        if facet.hasPrefix("loss.") {
            fail(path, value, "a swept dataset, model or training path (a loss parameter belongs to some losses only: use it as x or in series)")
            return nil
        }
        return facet
    }

    private mutating func parseReferenceLines(_ value: JSONValue?, path: String) -> Bool {
        switch value {
        case nil: return true
        case .bool(let on)?: return on
        default:
            fail(path, value, "true or false")
            return true
        }
    }
}

extension JSONValue {
    /// The string of a `.string`, else its JSON text.
    var stringValue: String {
        if case .string(let s) = self { return s }
        return description
    }
}
