import Testing
@testable import LossHarness
import LossLabTestSupport

/// The strict reader: what LossLab writes reads back exactly; a damaged file is an error at its
/// line and column, never a table with missing or shifted cells.
struct CSVReaderTests {
    func table(_ text: String) throws(CSVError) -> CSVTable {
        try CSVTable(strict: text, file: "t.csv")
    }

    func error(_ text: String) -> CSVError? {
        do {
            _ = try table(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func writtenRowsReadBackExactly() throws {
        let fields = [["a", "b,c", "say \"hi\"", "two\nlines", "", "é"], ["1", "2", "3", "4", "5", "6"]]
        let text = CSV.row(["h1", "h2", "h3", "h4", "h5", "h6"]) + fields.map(CSV.row).joined()
        let parsed = try table(text)
        #expect(parsed.header == ["h1", "h2", "h3", "h4", "h5", "h6"])
        #expect(parsed.rows == fields)
        // The second row starts on line 4: the first holds a quoted newline.
        #expect(parsed.location(row: 1, column: 2) == (4, 5))
        #expect(try table("a,b\r\n1,2\r\n").rows == [["1", "2"]])
        #expect(try table("a,b\n").rows.isEmpty)
    }

    @Test func aCutLastLineIsAnError() {
        let cut = error("statement,verdict\nx,supported\ny,suppor")
        #expect(cut == CSVError(file: "t.csv", line: 3, column: 9,
                                expected: "a newline at the end of the last row (the file ends mid-row: was it cut off while being written?)"))
        // A user's export may lack the final newline: the lenient reader takes the row.
        #expect(try! CSVReader(file: "u.csv", requiresFinalNewline: false).table("a,b\n1,2").rows == [["1", "2"]])
    }

    @Test func anUnterminatedQuoteNamesWhereItOpened() {
        #expect(error("a,b\n1,\"open\n2,3\n") == CSVError(file: "t.csv", line: 2, column: 3,
                                                           expected: "a closing quote for the field opened here (the file ends inside it)"))
    }

    @Test func strayQuotesAreErrors() {
        #expect(error("a,b\n1,x\"y\n")?.column == 4)
        #expect(error("a,b\n1,\"x\"y\n")?.expected == "a comma or the end of the line after a closing quote")
    }

    @Test func rowsOfTheWrongWidthAreErrors() {
        #expect(error("a,b,c\n1,2\n") == CSVError(file: "t.csv", line: 2, column: 4, value: "2 fields",
                                                  expected: "3 fields, one per header column (a,b,c)"))
        #expect(error("a,b\n1,2,3\n")?.column == 5)
        #expect(error("a,b\n1,2\n\n3,4\n")?.line == 3)
    }

    @Test func headerProblems() {
        #expect(error("")?.expected == "a header row of column names")
        #expect(error("a,a\n1,2\n")?.expected == "each column name once in the header")
    }

    @Test func numbersAreParsedStrictly() throws {
        let parsed = try table("x,y\n1.5,nan\ninf,\nabc,-inf\n")
        #expect(try parsed.number(row: 0, column: 0) == 1.5)
        #expect(try parsed.number(row: 0, column: 1)?.isNaN == true)
        #expect(try parsed.number(row: 1, column: 1) == nil)
        #expect(throws: CSVError(file: "t.csv", line: 4, column: 1, value: "abc", expected: "x to be a number (or nan, inf, -inf)")) {
            try parsed.number(row: 2, column: 0)
        }
        #expect(throws: CSVError.self) { try parsed.number(row: 1, column: 1, allowEmpty: false) }
    }
}
