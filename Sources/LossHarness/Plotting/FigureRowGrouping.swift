import Foundation
import LossCore

/// The name of a series: the loss label, followed by the loss's own swept parameters in path
/// order, `focal(alpha=0.25,gamma=2)`, exactly as ``Trial/series`` writes it; the label alone
/// when there are none.
enum SeriesName {
    static func make(label: String, parameters: [String: String]) -> String {
        if parameters.isEmpty { return label }
        let inner = parameters.keys.sorted().map { "\($0.dropFirst("loss.".count))=\(parameters[$0]!)" }.joined(separator: ",")
        return label + "(" + inner + ")"
    }
}

/// How the rows of a results table (summary, trials, history or curves CSV, which all start
/// with `loss`, `series` and the swept paths) fall into the series of one figure.
///
/// - A row is kept when it satisfies the figure's `where` (a `loss.*` condition only constrains
///   rows whose loss has that parameter).
/// - Its series is the `series` column; when x is a loss parameter (`loss.gamma`), that parameter
///   is dropped from the name, since it varies along the axis instead.
/// - Swept fields that are neither x nor fixed by `where` vary within a series: each of their
///   combinations is a separate block, named `series, field=value`.
/// - Blocks are ordered by series (the `series` list's order, else first appearance, which is grid
///   order), then by first appearance of the other values.
struct FigureRowGrouping {
    struct Key: Hashable {
        var series: String
        var label: String
        /// Values of ``FigureRowGrouping/contextColumns``.
        var context: [String]
    }

    let table: CSVTable
    let spec: FigureSpec
    let experiment: Experiment
    /// Column indices of the swept paths (header names with a dot).
    let sweptColumns: [(path: String, index: Int)]
    /// Swept columns whose values split series into several blocks.
    let contextColumns: [(path: String, index: Int)]
    let xColumn: Int?
    let conditionColumns: [(path: String, index: Int, value: String)]
    let labelColumn: Int?
    let seriesColumn: Int?

    init(table: CSVTable, spec: FigureSpec, experiment: Experiment, xPath: String?) {
        self.table = table
        self.spec = spec
        self.experiment = experiment
        sweptColumns = table.header.enumerated().filter { $0.element.contains(".") }.map { ($0.element, $0.offset) }
        xColumn = xPath.flatMap { table.column($0) }
        conditionColumns = spec.conditions.keys.sorted().compactMap { path in
            table.column(path).map { (path, $0, spec.conditions[path]!.description) }
        }
        let fixed = Set(spec.conditions.keys)
        contextColumns = sweptColumns.filter { !$0.path.hasPrefix("loss.") && $0.path != xPath && !fixed.contains($0.path) }
        labelColumn = table.column("loss")
        seriesColumn = table.column("series")
    }

    func cell(_ row: [String], _ index: Int?) -> String {
        guard let index, index < row.count else { return "" }
        return row[index]
    }

    /// Whether the row satisfies `where`.
    func matches(_ row: [String]) -> Bool {
        conditionColumns.allSatisfy { condition in
            let value = cell(row, condition.index)
            return value == condition.value || (condition.path.hasPrefix("loss.") && value.isEmpty)
        }
    }

    /// The x cell of the row ("" where x does not apply to the row's loss).
    func x(_ row: [String]) -> String {
        cell(row, xColumn)
    }

    func key(_ row: [String]) -> Key {
        let label = cell(row, labelColumn)
        var series = cell(row, seriesColumn)
        if let xColumn, table.header[xColumn].hasPrefix("loss.") {
            var parameters: [String: String] = [:]
            for column in sweptColumns where column.path.hasPrefix("loss.") && column.index != xColumn {
                let value = cell(row, column.index)
                if !value.isEmpty { parameters[column.path] = value }
            }
            series = SeriesName.make(label: label, parameters: parameters)
        }
        return Key(series: series, label: label, context: contextColumns.map { cell(row, $0.index) })
    }

    /// `keys` (in first-appearance order) filtered and ordered by the figure's `series` list,
    /// with a note for each requested series that has no rows.
    func order(_ keys: [Key]) -> (keys: [Key], notes: [String]) {
        var seriesRank: [String: Int] = [:]
        var contextRank: [[String]: Int] = [:]
        for key in keys {
            if seriesRank[key.series] == nil { seriesRank[key.series] = seriesRank.count }
            if contextRank[key.context] == nil { contextRank[key.context] = contextRank.count }
        }
        let sorted = keys.sorted {
            (seriesRank[$0.series]!, contextRank[$0.context]!) < (seriesRank[$1.series]!, contextRank[$1.context]!)
        }
        guard let wanted = spec.series else { return (sorted, []) }
        var chosen: [Key] = []
        var notes: [String] = []
        for name in wanted {
            let matching = sorted.filter { ($0.series == name || $0.label == name) && !chosen.contains($0) }
            if matching.isEmpty, !chosen.contains(where: { $0.series == name || $0.label == name }) {
                notes.append("no results for series \"\(name)\"")
            }
            chosen += matching
        }
        return (chosen, notes)
    }

    /// The legend text of a block.
    func name(_ key: Key) -> String {
        guard !key.context.isEmpty else { return key.series }
        let shortNames = contextColumns.map { String($0.path.split(separator: ".").last ?? "") }
        let names = Set(shortNames).count == shortNames.count ? shortNames : contextColumns.map(\.path)
        let parts = zip(names, key.context).map { "\($0)=\(Self.display($1))" }
        return ([key.series] + parts).joined(separator: ", ")
    }

    /// The loss of a label, for the palette.
    func kind(label: String) -> LossDefinition? {
        experiment.losses.first { $0.label == label }?.definition ?? LossRegistry.named(label)
    }

    /// A swept value's JSON text as a reader wants it: strings without their quotes.
    static func display(_ value: String) -> String {
        guard value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") else { return value }
        return String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            .replacingOccurrences(of: "\\\\", with: "\\")
    }
}
