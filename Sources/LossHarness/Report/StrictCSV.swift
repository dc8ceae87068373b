/// A results file that is not what its header promises, located to the character:
/// `file:line:column: message`. Lines and columns count from 1; the column is the character at which
/// the offending field (or the unclosed quote) starts.
public struct ResultsFileError: InputError, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// A results file read strictly by ``CSVReader`` (a quote left open, a quote inside an unquoted
/// field, text after a closing quote, a last line cut before its newline, or a row whose width
/// differs from the header's is an error with its position), with typed accessors whose errors
/// name the cell: what the report reads (`claims.csv`, `summary.csv`).
public struct StrictCSVTable: Sendable {
    /// One field with where it starts.
    public struct Cell: Sendable, Equatable {
        public var text: String
        public var line: Int
        public var column: Int
    }

    public let file: String
    public let header: [String]
    /// The data rows, each as wide as the header.
    public let rows: [[Cell]]

    public init(text: String, file: String) throws(ResultsFileError) {
        self.file = file
        let all: [[Cell]]
        do {
            all = try CSVReader(file: file).records(text).map { record in
                zip(record.fields, record.columns).map { Cell(text: $0, line: record.line, column: $1) }
            }
        } catch {
            throw ResultsFileError(file: file, line: error.line, column: error.column,
                                   message: (error.value.map { quoteJSON($0) + ": " } ?? "") + "expected " + error.expected)
        }
        guard let first = all.first else {
            throw ResultsFileError(file: file, line: 1, column: 1, message: "empty file: expected a header row")
        }
        header = first.map(\.text)
        for row in all.dropFirst() where row.count != header.count {
            let cell = row.count > header.count ? row[header.count] : row[row.count - 1]
            throw ResultsFileError(file: file, line: row[0].line, column: cell.column,
                                   message: "\(row.count) field\(row.count == 1 ? "" : "s"), expected \(header.count) (one per header column; is the line cut?)")
        }
        rows = Array(all.dropFirst())
    }

    /// The index of a column, or an error naming the missing column.
    public func column(_ name: String) throws(ResultsFileError) -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw ResultsFileError(file: file, line: 1, column: 1, message: "no column \(name) in the header (\(header.joined(separator: ",")))")
        }
        return index
    }

    /// The text of a column in a row.
    public func text(_ row: [Cell], _ name: String) throws(ResultsFileError) -> String {
        row[try column(name)].text
    }

    /// A number (`nan`, `inf`, `-inf` allowed); an empty cell is `nil` when `optional`.
    public func number(_ row: [Cell], _ name: String, optional: Bool = true) throws(ResultsFileError) -> Double? {
        let cell = row[try column(name)]
        if cell.text.isEmpty {
            if optional { return nil }
            throw error(cell, "\(name) is empty: expected a number")
        }
        guard let value = Double(cell.text) else { throw error(cell, "\(name) = \(cell.text): expected a number") }
        return value
    }

    /// A whole number; an empty cell is `nil` when `optional`.
    public func integer(_ row: [Cell], _ name: String, optional: Bool = false) throws(ResultsFileError) -> Int? {
        let cell = row[try column(name)]
        if cell.text.isEmpty {
            if optional { return nil }
            throw error(cell, "\(name) is empty: expected a whole number")
        }
        guard let value = Int(cell.text) else { throw error(cell, "\(name) = \(cell.text): expected a whole number") }
        return value
    }

    public func error(_ cell: Cell, _ message: String) -> ResultsFileError {
        ResultsFileError(file: file, line: cell.line, column: cell.column, message: message)
    }
}

extension ResultsFileError {
    public var kind: InputErrorKind { .invalid }
}
