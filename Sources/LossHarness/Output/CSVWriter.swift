/// RFC 4180 CSV: fields separated by commas, rows by CRLF-free `\n` (pandas, R and gnuplot all
/// read it), a field quoted when it holds a comma, quote, CR or LF, with quotes doubled inside.
public enum CSV {
    public static func field(_ text: String) -> String {
        // By scalar: "\r\n" is one Character, equal neither to "\r" nor to "\n".
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// A number as it appears in results: shortest round-trip text, `nan`/`inf`/`-inf` for the
    /// non-finite (pandas and gnuplot read both), empty for a missing value.
    public static func number(_ x: Double?) -> String {
        guard let x else { return "" }
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        return formatJSONNumber(x)
    }

    /// Splits CSV text into rows of fields (quoted fields may hold commas, quotes and newlines).
    public static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                inQuotes = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else if c != "\r" {
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}

/// A parsed CSV table with named columns. Read strictly (``CSVReader``), it remembers its file and
/// where each row and field was, so that a problem found later names the line and column.
public struct CSVTable: Sendable {
    public var header: [String]
    public var rows: [[String]]
    /// The file it was read from (`nil`: built in memory).
    public var file: String?
    /// Per row, the line it starts on; per row and field, its column.
    var lines: [Int]?
    var columns: [[Int]]?

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    init(header: [String], rows: [[String]], file: String, lines: [Int], columns: [[Int]]) {
        self.header = header
        self.rows = rows
        self.file = file
        self.lines = lines
        self.columns = columns
    }

    public init(text: String) {
        let all = CSV.parse(text)
        header = all.first ?? []
        rows = Array(all.dropFirst())
    }

    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    public func value(_ row: [String], _ name: String) -> String? {
        guard let index = column(name), index < row.count else { return nil }
        return row[index]
    }
}
