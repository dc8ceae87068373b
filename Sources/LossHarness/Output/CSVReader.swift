/// A CSV file that does not hold what it should, located to the line and column.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// What was found (a cell, a field count), or `nil`.
    public var value: String?
    public var expected: String

    public init(file: String, line: Int, column: Int, value: String? = nil, expected: String) {
        self.file = file
        self.line = line
        self.column = column
        self.value = value.map { $0.count > 80 ? String($0.prefix(77)) + "..." : $0 }
        self.expected = expected
    }

    public var description: String {
        "\(file):\(line):\(column): " + (value.map { "\(quoteJSON($0)): " } ?? "") + "expected \(expected)"
    }
}

/// Reads RFC 4180 CSV strictly, the way results files are written (``CSV``): a header row, then
/// rows with exactly as many fields, quotes only around whole fields and always closed, and every
/// row ended by a newline. A file cut off mid-write (a last line without its newline), a quote
/// left open, a stray quote inside a field and a row of the wrong width are errors naming the
/// file, the line and the column, never rows with missing or shifted cells.
public struct CSVReader {
    public let file: String
    /// Whether the last row must end with a newline (true for files LossLab writes; a table a
    /// user exported may lack it).
    public var requiresFinalNewline: Bool

    public init(file: String, requiresFinalNewline: Bool = true) {
        self.file = file
        self.requiresFinalNewline = requiresFinalNewline
    }

    /// The table in `text`. A header is required; rows may be absent.
    public func table(_ text: String) throws(CSVError) -> CSVTable {
        let records = try self.records(text)
        guard let header = records.first, header.fields != [""] else {
            throw CSVError(file: file, line: 1, column: 1, expected: "a header row of column names")
        }
        var seen: Set<String> = []
        for (index, name) in header.fields.enumerated() where !seen.insert(name).inserted {
            throw CSVError(file: file, line: 1, column: header.columns[index], value: name, expected: "each column name once in the header")
        }
        var rows: [[String]] = []
        var lines: [Int] = []
        var starts: [[Int]] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                let column = record.fields.count > header.fields.count ? record.columns[header.fields.count] : record.endColumn
                throw CSVError(file: file, line: record.line, column: column, value: "\(record.fields.count) fields",
                               expected: "\(header.fields.count) fields, one per header column (\(header.fields.prefix(4).joined(separator: ","))\(header.fields.count > 4 ? ",..." : ""))")
            }
            rows.append(record.fields)
            lines.append(record.line)
            starts.append(record.columns)
        }
        return CSVTable(header: header.fields, rows: rows, file: file, lines: lines, columns: starts)
    }

    /// One row of the file: its fields, the line it starts on and the column of each field.
    struct Record {
        var fields: [String]
        var line: Int
        var columns: [Int]
        var endColumn: Int
    }

    /// Splits `text` into records, enforcing the quoting rules.
    func records(_ text: String) throws(CSVError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var columns: [Int] = []
        var field = ""
        var line = 1, column = 1
        var recordLine = 1
        var fieldColumn = 1
        var state = State.fieldStart
        var quoteLine = 1, quoteColumn = 1
        func endField() {
            fields.append(field); columns.append(fieldColumn)
            field = ""; fieldColumn = column + 1; state = .fieldStart
        }
        func endRecord() {
            fields.append(field); columns.append(fieldColumn)
            records.append(Record(fields: fields, line: recordLine, columns: columns, endColumn: column))
            fields = []; columns = []; field = ""
            line += 1; column = 0; recordLine = line; fieldColumn = 1; state = .fieldStart
        }
        for scalar in text.unicodeScalars {
            switch state {
            case .fieldStart, .unquoted:
                if scalar == "\"" {
                    guard state == .fieldStart else {
                        throw CSVError(file: file, line: line, column: column, value: field + "\"",
                                       expected: "a quote only around a whole field (write a quote inside a field as two, within quotes)")
                    }
                    state = .quoted
                    quoteLine = line
                    quoteColumn = column
                } else if scalar == "," {
                    endField()
                } else if scalar == "\n" {
                    endRecord()
                } else if scalar != "\r" {
                    field.unicodeScalars.append(scalar)
                    state = .unquoted
                }
            case .quoted:
                if scalar == "\"" {
                    state = .quoteInQuoted
                } else {
                    field.unicodeScalars.append(scalar)
                    if scalar == "\n" { line += 1; column = 0 }
                }
            case .quoteInQuoted:
                if scalar == "\"" {
                    field.append("\"")
                    state = .quoted
                } else if scalar == "," {
                    endField()
                } else if scalar == "\n" {
                    endRecord()
                } else if scalar == "\r" {
                    state = .unquoted
                } else {
                    throw CSVError(file: file, line: line, column: column, value: "\"" + field + "\"" + String(scalar),
                                   expected: "a comma or the end of the line after a closing quote")
                }
            }
            column += 1
        }
        switch state {
        case .quoted:
            throw CSVError(file: file, line: quoteLine, column: quoteColumn, value: nil,
                           expected: "a closing quote for the field opened here (the file ends inside it)")
        case .fieldStart where fields.isEmpty && field.isEmpty:
            break
        default:
            if requiresFinalNewline {
                throw CSVError(file: file, line: line, column: column, value: nil,
                               expected: "a newline at the end of the last row (the file ends mid-row: was it cut off while being written?)")
            }
            fields.append(field); columns.append(fieldColumn)
            records.append(Record(fields: fields, line: recordLine, columns: columns, endColumn: column))
        }
        return records
    }

    enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }
}

extension CSVTable {
    /// The table read strictly from `text` (see ``CSVReader``); `file` names it in messages.
    public init(strict text: String, file: String) throws(CSVError) {
        self = try CSVReader(file: file).table(text)
    }

    /// The table in the file at `path`, read strictly; `name` is the path as the user wrote it.
    public static func read(_ path: String, name: String? = nil) throws -> CSVTable {
        let file = name ?? path
        return try CSVTable(strict: try InputFile.text(path, name: file), file: file)
    }

    /// The index of `name`, or an error naming the header and what the file is for.
    public func requireColumn(_ name: String, purpose: String) throws(CSVError) -> Int {
        guard let index = column(name) else {
            throw CSVError(file: file ?? "", line: 1, column: 1, value: header.prefix(8).joined(separator: ",") + (header.count > 8 ? ",..." : ""),
                           expected: "a header with a \(name) column (\(purpose))")
        }
        return index
    }

    /// Where a row and column of the table are in its file.
    public func location(row: Int, column: Int) -> (line: Int, column: Int) {
        guard let lines, row < lines.count else { return (row + 2, column + 1) }
        let columns = self.columns?[row] ?? []
        return (lines[row], column < columns.count ? columns[column] : 1)
    }

    /// An error about the cell at `row`, `column`.
    public func error(row: Int, column: Int, expected: String) -> CSVError {
        let (line, position) = location(row: row, column: column)
        return CSVError(file: file ?? "", line: line, column: position, value: rows[row][column], expected: "\(header[column]) to be \(expected)")
    }

    /// The number in a cell: a finite number, `nan`, `inf` or `-inf`; empty is `nil` when
    /// `allowEmpty`, an error otherwise.
    public func number(row: Int, column: Int, allowEmpty: Bool = true) throws(CSVError) -> Double? {
        let text = rows[row][column]
        if text.isEmpty {
            if allowEmpty { return nil }
            throw error(row: row, column: column, expected: "a number")
        }
        switch text {
        case "nan": return .nan
        case "inf": return .infinity
        case "-inf": return -.infinity
        default:
            guard let value = Double(text), !text.hasPrefix("+"), !text.contains(where: { $0 == " " }) else {
                throw error(row: row, column: column, expected: "a number (or nan, inf, -inf)")
            }
            return value
        }
    }
}
