import LossCore

/// The numbers one figure draws, as written to `results/<experiment>/figures/<name>.dat`: one
/// block of rows per series, in drawing order.
///
/// Columns by figure type (1-based, as gnuplot's `using` counts them):
///
/// | type | columns |
/// | --- | --- |
/// | lines | x, mean, ci95_low, ci95_high, n (a reference line: its two ends, at the lowest and highest x) |
/// | bars | group, position, mean, ci95_low, ci95_high, n |
/// | box | group, position, median, q1, q3, min, max, n, value_1 ... value_N (one per seed) |
/// | history | epoch, mean, ci95_low, ci95_high, n |
/// | curves | x, and the y column (value, gradient or gradient_logit) |
///
/// `x` is the swept value, or its position 0, 1, ... when the values are not numbers (the tic
/// labels are then ``categories``). `group` is the position of the bar's group along x, and
/// `position` the bar's own x, offset within the group. Statistics follow ``SampleSummary``:
/// the 95% interval is Student's t on the seeds' values, `n` the number of finite values.
/// Missing numbers are written `NaN`, which gnuplot skips.
public struct FigureData: Sendable, Equatable {
    /// The rows of one series.
    public struct Block: Sendable, Equatable {
        /// The legend text: the series name, with the values of other swept fields when they vary.
        public var name: String
        /// The loss label of the series.
        public var label: String
        /// The loss, which picks the colour; `nil` for a label the experiment no longer has.
        public var kind: LossDefinition?
        public var rows: [[Double]]
        /// A loss without the loss parameter along x, drawn as a horizontal line: two rows, at the
        /// lowest and the highest x of the figure, with the same mean and interval.
        public var isReference: Bool
        /// The series name the block belongs to (its `name` adds other swept values), for `style`.
        public var series: String

        public init(name: String, label: String, kind: LossDefinition?, rows: [[Double]], isReference: Bool = false, series: String? = nil) {
            self.name = name
            self.label = label
            self.kind = kind
            self.rows = rows
            self.isReference = isReference
            self.series = series ?? name
        }
    }

    /// One panel of a faceted figure (`facet`): the blocks of one value of the facet path.
    public struct Panel: Sendable, Equatable {
        /// The panel's title, `noise = 0.1`.
        public var title: String
        /// Indices into ``FigureData/blocks``.
        public var blocks: Range<Int>
        /// The panel's own tic labels (see ``FigureData/categories``).
        public var categories: [String]

        public init(title: String, blocks: Range<Int>, categories: [String]) {
            self.title = title
            self.blocks = blocks
            self.categories = categories
        }
    }

    public var columns: [String]
    public var blocks: [Block]
    /// The panels of a faceted figure, in the facet path's value order; empty for one plot.
    public var panels: [Panel] = []
    /// Tic labels at x = 0, 1, ... of a categorical x axis (bars, box, lines over non-numbers);
    /// empty when x is numeric.
    public var categories: [String]
    /// The fewest and most seeds behind a plotted value, `nil` when the figure has no seeds.
    public var seedCounts: ClosedRange<Int>?
    /// The plotted x and y values that decide `"auto"` log scales (means, box values, curve points).
    public var xValues: [Double]
    public var yValues: [Double]
    /// Things a reader of the figure should know: requested series without results, rows that
    /// could not be placed.
    public var notes: [String]
    /// The results file the data came from, e.g. `summary.csv`.
    public var source: String

    public init(columns: [String], blocks: [Block] = [], categories: [String] = [], seedCounts: ClosedRange<Int>? = nil,
                xValues: [Double] = [], yValues: [Double] = [], notes: [String] = [], source: String) {
        self.columns = columns
        self.blocks = blocks
        self.categories = categories
        self.seedCounts = seedCounts
        self.xValues = xValues
        self.yValues = yValues
        self.notes = notes
        self.source = source
    }

    /// The 1-based column number of `name`.
    public func column(_ name: String) -> Int? {
        columns.firstIndex(of: name).map { $0 + 1 }
    }

    /// The `.dat` file: a header comment, then each block preceded by a comment naming it, blocks
    /// separated by two blank lines so that gnuplot's `index i` selects block i.
    public func text(description: String) -> String {
        var text = "# LossLab figure data: " + GnuplotText.comment(description) + "\n"
        text += "# columns: " + columns.joined(separator: " ") + "\n"
        text += "# one block per series, separated by two blank lines: gnuplot's `index i` selects series i\n"
        for (index, block) in blocks.enumerated() {
            if index > 0 { text += "\n\n" }
            text += "# [\(index)] " + GnuplotText.comment(block.name) + "\n"
            for row in block.rows {
                text += row.map(Self.number).joined(separator: " ") + "\n"
            }
        }
        return text
    }

    /// A number as gnuplot reads it: shortest round-trip text, `NaN` for anything not finite.
    static func number(_ x: Double) -> String {
        x.isFinite ? formatJSONNumber(x) : "NaN"
    }
}
