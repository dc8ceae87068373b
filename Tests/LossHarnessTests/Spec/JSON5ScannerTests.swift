import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

struct JSON5ScannerTests {
    static func problem(_ text: String) -> JSON5Scanner.Problem? {
        JSON5Scanner.firstProblem(in: Array(text.utf8))
    }

    /// Everything JSON5 allows, with no repeated key, is sound.
    @Test(arguments: [
        "{}", "[]", "1", "'x'", "{a: 1, b: [1, 2,], 'c': \"x\", \"d\": {e: null},}",
        "// comment\n{a: /* inline */ 1}", "{a: .5, b: 5., c: +1, d: 0x1F, e: -Infinity, f: NaN}",
        "{a: 'it\\'s', b: \"say \\\"hi\\\"\", c: 'line\\\ncontinued'}", "\u{FEFF}{a: 1}", "{$a_1: true, _b: false}",
        "{a: {a: {a: 1}}}", "[{a: 1}, {a: 2}]", "{'\\u0041': 1, B: 2}", "{a: '\\x41\\u00e9'}",
    ])
    func soundDocuments(_ text: String) throws {
        #expect(Self.problem(text) == nil)
        // The decoder agrees that they are JSON5.
        #expect(throws: Never.self) { _ = try JSONValue.parse(text) }
    }

    @Test func duplicateKeysAreFoundWithTheirPath() {
        #expect(Self.problem("{a: 1,\n a: 2}") == .duplicateKey(path: "a", key: "a", line: 2, column: 2, firstLine: 1))
        #expect(Self.problem("{x: [0, {k: 1, 'k': 2}]}") == .duplicateKey(path: "x[1].k", key: "k", line: 1, column: 16, firstLine: 1))
        #expect(Self.problem("{d: {\"noise\": 1, noise: 2}}") == .duplicateKey(path: "d.noise", key: "noise", line: 1, column: 18, firstLine: 1))
        // Escapes are decoded in quoted keys, as the decoder decodes them.
        if case .duplicateKey(let path, _, _, _, _)? = Self.problem("{'\\u0061': 1, a: 2}") { #expect(path == "a") } else {
            Issue.record("an escaped duplicate was missed")
        }
        // The same key in different objects is fine.
        #expect(Self.problem("{a: {k: 1}, b: {k: 1}}") == nil)
    }

    /// JSONDecoder keeps the first of two equal keys: the loader refuses the file instead.
    @Test func parseRefusesDuplicateKeys() {
        #expect(throws: JSONParseError.self) { try JSONValue.parse("{noise: 1, noise: 2}") }
    }

    @Test(arguments: [
        ("{a: 1", "the rest of an object and its '}', found the end of the file", 1, 6),
        ("{a: 1 b: 2}", "',' or '}', found \"b: 2}\"", 1, 7),
        ("{a: [1,, 2]}", "a value or ']', found \", 2]}\"", 1, 8),
        ("{a 1}", "':' after the key, found \"1}\"", 1, 4),
        ("{1a: 1}", "a key (a name or a quoted string) or '}', found \"1a: 1}\"", 1, 2),
        ("\n\n  {a: tru}", "a value (an object, a list, a string, a number, true, false or null), found \"tru}\"", 3, 7),
        ("{a: 'x}", "a string closed on the line it starts, found \"'x}\"", 1, 5),
        ("{a: 1} {}", "the end of the file after the top-level value, found \"{}\"", 1, 8),
        ("", "a value (the file is empty), found the end of the file", 1, 1),
        ("{a: 'é\u{7}'}", "a string without control characters (write a tab or a line break as \\t or \\n), found \"\\u0007'}\"", 1, 7),
    ] as [(String, String, Int, Int)])
    func syntaxErrorsAreLocated(_ text: String, _ message: String, _ line: Int, _ column: Int) {
        #expect(Self.problem(text) == .syntax(line: line, column: column, message: message))
        #expect(throws: JSONParseError(line: line, column: column, path: "", message: message)) { try JSONValue.parse(text) }
    }

    /// Hostile nesting is refused at the decoder's depth, without recursion.
    @Test func deepNestingIsRefused() {
        let text = String(repeating: "[", count: 100_000)
        #expect(Self.problem(text) == .syntax(line: 1, column: 513, message: "at most 512 nested lists and objects, found \"[[[[[[[[[[[[...\""))
        #expect(Self.problem(String(repeating: "[", count: 500) + String(repeating: "]", count: 500)) == nil)
    }

    @Test func numbersTooLargeForADoubleAreNamed() {
        #expect(throws: JSONParseError(line: nil, column: nil, path: "a.b[1]",
                                      message: "a number within the range of a 64-bit float (magnitude below 1.8e308)")) {
            try JSONValue.parse("{a: {b: [1, 1e400]}}")
        }
    }
}

/// Inputs that crashed the fuzzer (Fuzz/run.sh), kept as regression tests.
struct FuzzerFindingsTests {
    /// Bytes that are not UTF-8 in an unquoted key trapped inside Foundation's JSON5 reader
    /// (BufferView._decodeScalar); they are now refused before it, with their position.
    @Test func invalidUTF8InAnUnquotedKey() throws {
        let data = try #require(FileManager.default.contents(atPath: fixturesDirectory + "/crashes/invalid-utf8-in-unquoted-key.json5"))
        #expect(throws: JSONParseError(line: 1, column: 17, path: "", message: "UTF-8 text (the file holds bytes that are not UTF-8)")) {
            try JSONValue.parse(data)
        }
        let errors = try #require(throws: SpecErrors.self) { try ExperimentLoader.load(data: data, file: "crash.json5") }
        #expect(errors.description == "crash.json5: (top level): expected UTF-8 text (the file holds bytes that are not UTF-8) at line 1, column 17")
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Data([0x7B, 0x61, 0xFF, 0x3A, 0x31, 0x7D])) }
    }

    /// The decoder takes `\x41` inside an unquoted key (and keeps it as written); the scanner
    /// called it a syntax error, and so stopped looking for duplicate keys in such files.
    @Test func hexEscapeInAnUnquotedKey() throws {
        let data = try #require(FileManager.default.contents(atPath: fixturesDirectory + "/crashes/escape-in-unquoted-key.json5"))
        #expect(JSON5Scanner.firstProblem(in: Array(data)) == nil)
        let errors = try #require(throws: SpecErrors.self) { try ExperimentLoader.load(data: data, file: "crash.json5") }
        #expect(errors.errors.map(\.path) == ["dataset.test_qize", "training.early_stopping_patience", "loss[2].\\x41ivation"])
        #expect(JSON5Scanner.firstProblem(in: Array("{a\\x41: 1, a\\x41: 2}".utf8))
                == .duplicateKey(path: "\"a\\\\x41\"", key: "a\\x41", line: 1, column: 12, firstLine: 1))
    }

    /// A number followed by a vertical tab (JSON5 whitespace) was read as one word with it.
    @Test func verticalTabAfterANumber() throws {
        let data = try #require(FileManager.default.contents(atPath: fixturesDirectory + "/crashes/vertical-tab-after-number.json5"))
        #expect(JSON5Scanner.firstProblem(in: Array(data)) == nil)
        #expect(throws: Never.self) { _ = try JSONValue.parse(data) }
        #expect(JSON5Scanner.firstProblem(in: Array("[1\u{0C},\u{0B}true\u{0B}]".utf8)) == nil)
    }

    /// `{n0name:1e-}` made Foundation's JSON5 reader trap (JSON5Scanner.validateNumber): numbers
    /// are now checked exactly by the scanner, before the decoder sees them.
    @Test func exponentWithoutDigits() throws {
        let data = try #require(FileManager.default.contents(atPath: fixturesDirectory + "/crashes/exponent-without-digits.json5"))
        let message = "a value (an object, a list, a string, a number, true, false or null), found \"1e-}\""
        #expect(throws: JSONParseError(line: 1, column: 9, path: "", message: message)) { try JSONValue.parse(data) }
        for text in ["[1e+]", "[1.5E-]", "1e-", "{a: 1e-, b: 2}"] {
            #expect(throws: JSONParseError.self, "\(text)") { try JSONValue.parse(text) }
        }
    }

    /// JSON5 numbers, accepted and refused exactly as JSONDecoder does.
    @Test func numbersFollowTheJSON5Grammar() throws {
        let accepted = ["0", "-0", "0.5", "1E5", "1e05", "+Infinity", "+NaN", "-NaN", "-0x1F", "0X1f", "+.5", "5.", "-5.e3",
                        "0.", "0e0", "1e+5", "1E-5", "123.456e-7"]
        let refused = ["00", "-01", ".e3", "1_0", "0b1", "0o7", "1.2.3", "Infinity1", "0x", "1e5.5", "00.5", "0x1F.5", "+-1",
                       "--1", "1e", "1e+", "-", ".", "+", "e5", "0xG"]
        for word in accepted {
            #expect(JSON5Scanner.isLiteral(word), "\(word)")
            #expect(throws: Never.self) { _ = try JSONValue.parse("[\(word)]") }
        }
        for word in refused {
            #expect(!JSON5Scanner.isLiteral(word), "\(word)")
            #expect(throws: JSONParseError.self) { try JSONValue.parse("[\(word)]") }
        }
    }

    @Test func firstInvalidUTF8() {
        #expect(JSON5Scanner.firstInvalidUTF8(in: Array("ok é ✓".utf8)) == nil)
        #expect(JSON5Scanner.firstInvalidUTF8(in: [0x61, 0xC3]) == 1)
        #expect(JSON5Scanner.firstInvalidUTF8(in: [0x61, 0x62, 0xED, 0xA0, 0x80]) == 2)
    }
}
