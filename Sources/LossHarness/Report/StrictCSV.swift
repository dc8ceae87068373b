/// A results file that is not what its header promises, located to the character:
/// `file:line:column: message`. Lines and columns count from 1; the column is the character at which
/// the offending field (or the unclosed quote) starts.
public struct ResultsFileError: Error, Sendable, Equatable, CustomStringConvertible {
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

/// RFC 4180 CSV read strictly, for files LossLab wrote and reads back (`claims.csv`,
/// `summary.csv` for the report): a quote left open, a quote inside an unquoted field, text after a
/// closing quote, or a row whose width differs from the header's is an error with its position,
/// never a row read half. A last line without its newline is accepted only when it is complete
/// (its width checks like any other).
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
        let all = try Self.parse(text, file: file)
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

    /// The rows of `text` with positions; a blank last line is not a row.
    static func parse(_ text: String, file: String) throws(ResultsFileError) -> [[Cell]] {
        var rows: [[Cell]] = []
        var row: [Cell] = []
        var field = ""
        var line = 1, column = 1
        var fieldLine = 1, fieldColumn = 1
        var state = State.start
        func endField() {
            row.append(Cell(text: field, line: fieldLine, column: fieldColumn))
            field = ""
        }
        for scalar in text.unicodeScalars {
            let here = (line, column)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            switch state {
            case .start, .unquoted:
                if state == .start { (fieldLine, fieldColumn) = here }
                switch scalar {
                case ",": endField(); state = .start
                case "\n": endField(); rows.append(row); row = []; state = .start
                case "\r": continue
                case "\"":
                    guard state == .start else {
                        throw ResultsFileError(file: file, line: here.0, column: here.1, message: "a quote inside an unquoted field: quote the whole field")
                    }
                    state = .quoted
                default: field.unicodeScalars.append(scalar); state = .unquoted
                }
            case .quoted:
                if scalar == "\"" { state = .quoteInQuoted } else { field.unicodeScalars.append(scalar) }
            case .quoteInQuoted:
                switch scalar {
                case "\"": field.unicodeScalars.append("\""); state = .quoted
                case ",": endField(); state = .start
                case "\n": endField(); rows.append(row); row = []; state = .start
                case "\r": continue
                default:
                    throw ResultsFileError(file: file, line: here.0, column: here.1, message: "text after a closing quote: expected , or the end of the line")
                }
            }
        }
        switch state {
        case .quoted:
            throw ResultsFileError(file: file, line: fieldLine, column: fieldColumn, message: "a quoted field is never closed (the file is cut?)")
        case .unquoted, .quoteInQuoted:
            endField()
            rows.append(row)
        case .start:
            if !row.isEmpty { endField(); rows.append(row) }
        }
        return rows
    }

    private enum State { case start, unquoted, quoted, quoteInQuoted }
}
