/// Checks that a results table holds what a figure reads from it before anything is drawn: the
/// columns the figure's type needs, at least one row for it, and cells that parse (numbers, `nan`,
/// `inf`, or empty where a value may not apply). A damaged or truncated file is an error naming the
/// file, line and column, never an empty or NaN figure.
///
/// | type | table | columns | numbers |
/// | --- | --- | --- | --- |
/// | lines, bars | summary.csv | loss, series, metric, mean, ci95_low, ci95_high, n | mean, ci95_low, ci95_high (may be empty), n (whole) |
/// | box | trials.csv | loss, series, repetition, status, y | y (may be empty), repetition (whole) |
/// | history | history.csv | loss, series, epoch, y | y (may be empty), epoch (whole) |
/// | curves | curves.csv | loss, series, x, y | x, y (may be empty) |
enum FigureSourceCheck {
    static func check(_ table: CSVTable, for spec: FigureSpec) throws(CSVError) {
        let purpose = "the \(spec.type.rawValue) figure \(spec.name) reads it"
        let (wholeNumbers, numbers, optionalNumbers) = columns(for: spec)
        for name in ["loss", "series"] + wholeNumbers + numbers + optionalNumbers + (spec.type == .lines || spec.type == .bars ? ["metric"] : []) {
            _ = try table.requireColumn(name, purpose: purpose)
        }
        let metricColumn = table.column("metric")
        var rows = 0
        for row in table.rows.indices {
            if spec.type == .lines || spec.type == .bars, let metricColumn, table.rows[row][metricColumn] != spec.y { continue }
            rows += 1
            for name in wholeNumbers {
                let column = table.column(name)!
                guard let value = Int(table.rows[row][column]), value >= 0 else {
                    throw table.error(row: row, column: column, expected: "a whole number")
                }
            }
            for name in numbers { _ = try table.number(row: row, column: table.column(name)!, allowEmpty: false) }
            for name in optionalNumbers { _ = try table.number(row: row, column: table.column(name)!, allowEmpty: true) }
        }
        guard rows > 0 else {
            let what = spec.type == .lines || spec.type == .bars ? "no rows for the metric \(spec.y)" : "no rows"
            throw CSVError(file: table.file ?? "", line: table.rows.count + 2, column: 1,
                           expected: "at least one row for the figure \(spec.name), but it has \(what) (was the run interrupted before "
                               + "its first trial finished? Run losslab run again to finish it)")
        }
    }

    /// The columns of the figure's table that must hold whole numbers, numbers, and numbers or
    /// empty cells.
    static func columns(for spec: FigureSpec) -> (whole: [String], numbers: [String], optional: [String]) {
        switch spec.type {
        case .lines, .bars: (["n"], [], ["mean", "ci95_low", "ci95_high"])
        case .box: (["repetition"], [], [spec.y])
        case .history: (["epoch"], [], [spec.y])
        case .curves: ([], ["x"], [spec.y])
        case .images: (["repetition", "sample", "index"], ["value"], [])
        }
    }
}
