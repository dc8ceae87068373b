import Foundation

/// The markdown form of a comparison, for a pull-request comment: a summary line, then a table of
/// the rows (regressions first; unchanged rows only with `includeUnchanged`) and one line per test
/// used.
extension Comparison {
    public func markdown(includeUnchanged: Bool) -> String {
        let listed = listedRows(includeUnchanged: includeUnchanged)
        let headline: String
        switch outcome {
        case .regression: headline = "**Regression**"
        case .improvementsOnly: headline = "**Improvements, no regression**"
        case .unchanged: headline = "**No regression**"
        }
        var lines = ["\(headline): \(tally) (`\(escape(baselinePath))` → `\(escape(currentPath))`, alpha = " + String(format: "%g", options.alpha) + ")"]
        if !listed.isEmpty {
            let header = ComparisonRow.displayHeader(withExperiment: comparesExperiments)
            let numeric = ComparisonRow.numericDisplayColumns(withExperiment: comparesExperiments)
            lines.append("")
            lines.append("| " + header.joined(separator: " | ") + " |")
            lines.append("|" + header.indices.map { numeric.contains($0) ? " ---: |" : " --- |" }.joined())
            for row in listed {
                var cells = row.displayCells(withExperiment: comparesExperiments).map(escape)
                if row.verdict != .missing && row.verdict != .new && row.verdict != .unchanged { cells[0] = "**\(cells[0])**" }
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
        }
        let notes = likelyNotes + testNotes(listed)
        if !notes.isEmpty {
            lines.append("")
            lines += notes.map { "- " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Escapes what would break a table cell or inline code.
    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "`", with: "'")
    }
}
