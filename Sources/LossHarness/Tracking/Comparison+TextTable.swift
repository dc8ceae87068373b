import Foundation

/// The terminal form of a comparison: an aligned table in listing order (regressions, then
/// improvements, then missing and new; unchanged rows only with `includeUnchanged`), then a line
/// with the count of each verdict and one line per test used.
extension Comparison {
    public func textTable(includeUnchanged: Bool) -> String {
        let listed = listedRows(includeUnchanged: includeUnchanged)
        var lines: [String] = ["\(baselinePath) -> \(currentPath)"]
        if !listed.isEmpty {
            let header = ComparisonRow.displayHeader(withExperiment: comparesExperiments)
            let numeric = ComparisonRow.numericDisplayColumns(withExperiment: comparesExperiments)
            let table = [header] + listed.map { $0.displayCells(withExperiment: comparesExperiments) }
            let widths = header.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
            for cells in table {
                let padded = cells.enumerated().map { column, cell in
                    let padding = String(repeating: " ", count: widths[column] - cell.count)
                    return numeric.contains(column) ? padding + cell : cell + padding
                }
                lines.append(padded.joined(separator: "  ").replacing(/\s+$/, with: ""))
            }
        }
        var summary = tally
        let unchanged = count(.unchanged)
        if !includeUnchanged && unchanged > 0 { summary += " (unchanged rows not listed; --all lists them)" }
        lines.append(summary + "; alpha = " + String(format: "%g", options.alpha))
        lines += likelyNotes.map { "  " + $0 }
        lines += testNotes(listed).map { "  " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }
}
