import Testing
@testable import LossHarness
import LossLabTestSupport

/// claims.csv is read back strictly: a damaged file is an error with file:line:column, never a
/// table with an empty verdict or a wrong tally.
@Suite struct ClaimRecordTests {
    /// Two claims written by ``ClaimVerdict`` (the second a duplicate of the first, reversed).
    static func written() -> String {
        let observations = ClaimVerdictTests.observations([("a", [10, 11, 12, 10.5, 11.5], [9, 9, 9, 9, 9])])
        var claims = [ClaimVerdict(claim: Claim(statement: "a, \"quoted\" beats b", metric: "mae", higherIsBetter: true, better: "a", than: "b"),
                                   observations: observations),
                      ClaimVerdict(claim: Claim(statement: "b beats a", metric: "mae", higherIsBetter: true, better: "b", than: "a"),
                                   observations: ClaimObservations(pairs: observations.pairs.map {
                                       var pair = $0
                                       swap(&pair.better, &pair.than)
                                       swap(&pair.betterTrial, &pair.thanTrial)
                                       return pair
                                   }))]
        ClaimFamily.adjust(&claims)
        return ClaimVerdict.csv(claims)
    }

    @Test func whatIsWrittenReadsBack() throws {
        let records = try ClaimRecord.records(StrictCSVTable(text: Self.written(), file: "claims.csv"))
        #expect(records.map(\.statement) == ["a, \"quoted\" beats b", "b beats a"])
        #expect(records.map(\.verdict) == [.supported, .contradicted])
        #expect(records[1].duplicateOf == 0 && records[0].duplicateOf == nil)
        #expect(records[0].higherIsBetter && records[0].units == 5 && records[0].studyFamilySize == 1)
        #expect(isClose(records[0].effect!, 2, relative: 1e-15) && records[0].favoursBetter == true)
        #expect(records[1].favoursBetter == false)
    }

    func error(_ text: String) -> String? {
        do {
            _ = try ClaimRecord.records(StrictCSVTable(text: text, file: "r/claims.csv"))
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aCutLastLineIsAnError() throws {
        let text = Self.written()
        let cut = String(text.dropLast(30))
        let message = try #require(error(cut))
        #expect(message.hasPrefix("r/claims.csv:3:"))
        #expect(message.contains("expected a newline at the end of the last row"), "\(message)")
    }

    @Test func anUnknownVerdictIsAnError() throws {
        let text = Self.written().replacingOccurrences(of: ",contradicted\n", with: ",abc\n")
        let lines = text.split(separator: "\n")
        let column = lines[2].count - 2
        #expect(error(text) == "r/claims.csv:3:\(column): verdict = abc: expected one of supported, contradicted, inconclusive")
    }

    @Test func anUnterminatedQuoteIsAnError() throws {
        let text = Self.written() + "3,\"never closed,mae\n"
        #expect(error(text) == "r/claims.csv:4:3: expected a closing quote for the field opened here (the file ends inside it)")
    }

    @Test func widthNumbersAndColumnsAreChecked() throws {
        let header = ClaimVerdict.csvHeader.joined(separator: ",")
        #expect(error(header + "\n1,too,short\n") == "r/claims.csv:2:7: 3 fields, expected 34 (one per header column; is the line cut?)")
        let good = Self.written().split(separator: "\n").map(String.init)
        let badPairs = good[1].replacingOccurrences(of: ",1,5,5,", with: ",1,x,5,")
        #expect(error([good[0], badPairs].joined(separator: "\n") + "\n")?.contains("pairs = x: expected a whole number") == true)
        #expect(error("statement,verdict\na,supported\n") == "r/claims.csv:1:1: no column claim in the header (statement,verdict)")
        #expect(error("") == "r/claims.csv:1:1: empty file: expected a header row")
        #expect(error(good[0] + "\n\n") != nil)
        #expect(error(good[0] + "\n") == nil)
    }

    @Test func quotesAreStrict() throws {
        #expect(throws: ResultsFileError.self) { try StrictCSVTable(text: "a,b\nx\"y,z\n", file: "f") }
        #expect(throws: ResultsFileError.self) { try StrictCSVTable(text: "a,b\n\"x\"y,z\n", file: "f") }
        let table = try StrictCSVTable(text: "a,b\n\"x,\"\"y\"\"\",z\n", file: "f")
        #expect(table.rows.map { $0.map(\.text) } == [["x,\"y\"", "z"]])
        #expect(table.rows[0][1].line == 2 && table.rows[0][1].column == 11)
    }
}
