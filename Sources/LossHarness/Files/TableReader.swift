import Foundation
import LossCore

/// Reads a table of one's own (CSV with a header row) column by column, streaming the file in
/// chunks of 1 MiB: memory is the columns (4 bytes per numeric cell) plus one chunk, never the
/// file's text. Quoting is RFC 4180's (`"a, b"`, `""` inside quotes); spaces around unquoted
/// fields are ignored; the last row may lack its newline; `\r\n` and `\n` both end rows.
///
/// A cell is a number when the whole of it is one (`strtod`, finite). A column with a cell that is
/// not a number is a column of words (class names, categories); its numeric cells are kept as
/// their text. A missing value (an empty cell, `NA`, `NaN`, `null`, `?`) is refused with its line
/// and column: LossLab does not guess how to fill it.
struct TableReader {
    /// The largest file accepted (the README documents it): 2 GiB, about 100 million numbers.
    static let byteLimit = 2 << 30

    /// One column as read.
    enum Values: Equatable {
        case numbers([Float])
        case words([String])
    }

    struct Column {
        var name: String
        var values: Values
        /// Where the first cell that is not a number is (line, column), for messages.
        var firstWord: (line: Int, column: Int, text: String)?
    }

    /// What a read gives: the columns, the line each row starts on, and the FNV-1a hash of the
    /// file's bytes (trial ids hold it, so that editing the data redoes the trials).
    struct Contents {
        var columns: [Column]
        var rowLines: [Int32]
        var hash: UInt64
    }

    let file: String
    let shown: String

    /// The columns of the file at `file` (`shown` names it in messages).
    func read() throws(CSVError) -> Contents {
        var parser = Parser(shown: shown)
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CSVError(file: shown, line: 1, column: 1, expected: "a readable file (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, Int(status.st_size) > Self.byteLimit {
            throw CSVError(file: shown, line: 1, column: 1, value: "\(status.st_size) bytes",
                           expected: "a table of at most \(Self.byteLimit >> 30) GiB (split it, or sample its rows)")
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var total = 0
        var hash: UInt64 = 0xcbf29ce484222325
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw CSVError(file: shown, line: parser.line, column: 1, expected: "a readable file (\(String(cString: strerror(errno))))")
            }
            if count == 0 { break }
            total += count
            for i in 0..<count { hash = (hash ^ UInt64(buffer[i])) &* 0x100000001b3 }
            if total > Self.byteLimit {
                throw CSVError(file: shown, line: parser.line, column: 1, expected: "a table of at most \(Self.byteLimit >> 30) GiB")
            }
            try buffer.withUnsafeBufferPointer { bytes throws(CSVError) in try parser.feed(UnsafeBufferPointer(rebasing: bytes[0..<count])) }
        }
        try parser.finish()
        guard !parser.header.isEmpty else {
            throw CSVError(file: shown, line: 1, column: 1, expected: "a header row of column names")
        }
        return Contents(columns: parser.columns, rowLines: parser.rowLines, hash: hash)
    }

    /// The byte-level state machine: fields, records, the header, then each cell into its column.
    struct Parser {
        let shown: String
        var header: [String] = []
        var columns: [Column] = []
        var line = 1
        var column = 1
        var recordLine = 1
        var field: [UInt8] = []
        var fieldColumn = 1
        var fieldIndex = 0
        var quoted = false
        var inQuotes = false
        var quoteSeen = false
        var headerFields: [String] = []
        var rowHasContent = false
        var rowLines: [Int32] = []

        init(shown: String) { self.shown = shown }

        mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) throws(CSVError) {
            for byte in bytes {
                if inQuotes {
                    if quoteSeen {
                        quoteSeen = false
                        if byte == UInt8(ascii: "\"") { field.append(byte); column += 1; continue }
                        inQuotes = false
                        // falls through: the byte after a closing quote
                    } else if byte == UInt8(ascii: "\"") {
                        quoteSeen = true; column += 1; continue
                    } else {
                        field.append(byte)
                        if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
                        continue
                    }
                }
                switch byte {
                case UInt8(ascii: ","):
                    try endField()
                    column += 1
                    fieldColumn = column
                case UInt8(ascii: "\n"):
                    try endRecord()
                    line += 1; column = 1; fieldColumn = 1; recordLine = line
                case UInt8(ascii: "\r"):
                    break
                case UInt8(ascii: "\""):
                    if quoted || field.contains(where: { $0 != UInt8(ascii: " ") }) {
                        throw CSVError(file: shown, line: line, column: column, value: "\"",
                                       expected: "a quote only at the start of a field (write a quote inside a quoted field as \"\")")
                    }
                    field.removeAll(keepingCapacity: true)
                    quoted = true; inQuotes = true; rowHasContent = true
                    column += 1
                default:
                    if quoted, byte != UInt8(ascii: " ") {
                        throw CSVError(file: shown, line: line, column: column, value: String(decoding: [byte], as: UTF8.self),
                                       expected: "a comma or the end of the row after a quoted field")
                    }
                    if !quoted { field.append(byte) }
                    if byte != UInt8(ascii: " ") { rowHasContent = true }
                    if byte & 0xC0 != 0x80 { column += 1 }
                }
            }
        }

        mutating func finish() throws(CSVError) {
            if inQuotes && !quoteSeen {
                throw CSVError(file: shown, line: line, column: column, expected: "a closing quote (the file ends inside a quoted field)")
            }
            inQuotes = false
            if rowHasContent || fieldIndex > 0 { try endRecord() }
        }

        /// The field's text with unquoted spaces trimmed.
        func text() -> String {
            if quoted { return String(decoding: field, as: UTF8.self) }
            var start = field.startIndex, end = field.endIndex
            while start < end, field[start] == UInt8(ascii: " ") { start += 1 }
            while end > start, field[end - 1] == UInt8(ascii: " ") { end -= 1 }
            return String(decoding: field[start..<end], as: UTF8.self)
        }

        mutating func endField() throws(CSVError) {
            if header.isEmpty {
                headerFields.append(text())
            } else {
                guard fieldIndex < columns.count else {
                    throw CSVError(file: shown, line: recordLine, column: fieldColumn, value: "\(fieldIndex + 1) fields",
                                   expected: "\(columns.count) fields, one per header column")
                }
                try store(fieldIndex)
            }
            fieldIndex += 1
            field.removeAll(keepingCapacity: true)
            quoted = false
        }

        mutating func endRecord() throws(CSVError) {
            if !rowHasContent && fieldIndex == 0 && field.allSatisfy({ $0 == UInt8(ascii: " ") }) {
                field.removeAll(keepingCapacity: true)
                return  // a blank line
            }
            try endField()
            if header.isEmpty {
                var seen: Set<String> = []
                for name in headerFields where name.isEmpty || !seen.insert(name).inserted {
                    throw CSVError(file: shown, line: recordLine, column: 1, value: name,
                                   expected: name.isEmpty ? "a name for every column of the header" : "each column name once in the header")
                }
                header = headerFields
                columns = header.map { Column(name: $0, values: .numbers([])) }
            } else if fieldIndex != columns.count {
                throw CSVError(file: shown, line: recordLine, column: column, value: "\(fieldIndex) fields",
                               expected: "\(columns.count) fields, one per header column (\(header.prefix(4).joined(separator: ","))\(header.count > 4 ? ",..." : ""))")
            } else {
                rowLines.append(Int32(clamping: recordLine))
            }
            fieldIndex = 0
            rowHasContent = false
        }

        static let missing: Set<String> = ["", "na", "n/a", "nan", "null", "none", "?", "-"]

        /// Stores the current field in column `index`.
        mutating func store(_ index: Int) throws(CSVError) {
            let number = quoted ? nil : Self.number(field)
            if let number {
                switch columns[index].values {
                case .numbers(var values):
                    columns[index].values = .numbers([])
                    values.append(number)
                    columns[index].values = .numbers(values)
                case .words(var words):
                    columns[index].values = .words([])
                    words.append(text())
                    columns[index].values = .words(words)
                }
                return
            }
            let word = text()
            if Self.missing.contains(word.lowercased()) && !(quoted && !word.isEmpty) {
                throw CSVError(file: shown, line: recordLine, column: fieldColumn, value: word.isEmpty ? "(empty)" : word,
                               expected: "a value in \(header[index]): missing values are refused; fill them or drop the row")
            }
            switch columns[index].values {
            case .numbers(let values):
                columns[index].values = .words(values.map { formatFloat($0) } + [word])
                columns[index].firstWord = (recordLine, fieldColumn, word)
            case .words(var words):
                columns[index].values = .words([])
                words.append(word)
                columns[index].values = .words(words)
            }
        }

        /// The field as a finite float32 number, or `nil`.
        static func number(_ bytes: [UInt8]) -> Float? {
            var start = 0, end = bytes.count
            while start < end, bytes[start] == UInt8(ascii: " ") { start += 1 }
            while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
            let length = end - start
            guard length > 0, length < 64 else { return nil }
            let first = bytes[start]
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || first == UInt8(ascii: "-") || first == UInt8(ascii: ".")
                    || first == UInt8(ascii: "+") else { return nil }
            return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer -> Float? in
                for i in 0..<length { buffer[i] = CChar(bitPattern: bytes[start + i]) }
                buffer[length] = 0
                var endPointer: UnsafeMutablePointer<CChar>?
                let value = strtod(buffer.baseAddress!, &endPointer)
                guard endPointer == buffer.baseAddress! + length, value.isFinite, Float(value).isFinite else { return nil }
                return Float(value)
            }
        }
    }
}
