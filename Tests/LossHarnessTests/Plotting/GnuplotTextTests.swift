import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

/// The title from the issue: it tries to end a double- and a single-quoted string, call
/// `system`, substitute a backtick command and continue the line.
let poisonedTitle = "'\"; system(\"touch /tmp/pwned-$$\") ; `touch /tmp/pwned2` \\"

let hostileTexts = [
    poisonedTitle, "it's", "''", "'''a'", "a''''b", "'", "@GPVAL_TERM @data", "`echo hi`", "a\\", "#x;y$z{}",
    "\"quoted\"", "unicode é ü 日本 ∑", "tab\tand\nnew\r\nline", "x'.\"'\".'y", "^_&~{}", "", "   spaced   out  ",
    "'\n set output '/tmp/x'", "a' . system('id') . '",
]

@Suite struct GnuplotTextTests {
    @Test func plainTextIsOneSingleQuotedString() {
        #expect(GnuplotText.quoted("Outliers (MAE vs MSE) 2 < 3, 50%") == "'Outliers (MAE vs MSE) 2 < 3, 50%'")
        #expect(GnuplotText.quoted("") == "''")
    }

    @Test func specialsBecomeOctalEscapesInDoubleQuotes() {
        #expect(GnuplotText.quoted("it's") == "'it'.\"\\047\".'s'")
        #expect(GnuplotText.quoted("'a") == "\"\\047\".'a'")
        #expect(GnuplotText.quoted("a@b`c") == "'a'.\"\\100\".'b'.\"\\140\".'c'")
        #expect(GnuplotText.quoted("\\") == "\"\\134\"")
    }

    @Test func lineBreaksAndControlCharactersBecomeSpaces() {
        #expect(GnuplotText.sanitized("a\nb\r\nc\td\u{7}e\u{2028}f") == "a b c d e f")
        #expect(GnuplotText.sanitized("  a   b  ") == "a b")
        #expect(GnuplotText.sanitized(String(repeating: "x", count: 20), maximumLength: 10) == "xxxxxxx...")
    }

    @Test func commentsNeverEndWithABackslash() {
        #expect(GnuplotText.comment("path\\") == "path")
        #expect(GnuplotText.comment("a\nplot x\\ \\") == "a plot x")
    }

    /// Outside the `"\ooo"` escapes, the quoted form holds no character gnuplot treats specially,
    /// and it reads back as the sanitised text.
    @Test(arguments: hostileTexts)
    func quotedFormHoldsNoLiveSpecialCharacter(text: String) throws {
        let quoted = GnuplotText.quoted(text)
        #expect(!quoted.contains("\n") && !quoted.contains("\r"))
        #expect(try Self.evaluate(quoted) == GnuplotText.sanitized(text))
    }

    /// A tiny evaluator of the quoted form: single-quoted pieces and double-quoted octal escapes
    /// joined by `.`; anything else fails, so the test proves the form has no other syntax.
    static func evaluate(_ expression: String) throws -> String {
        struct Malformed: Error {}
        var result = ""
        var characters = Substring(expression)
        while !characters.isEmpty {
            if characters.first == "'" {
                characters = characters.dropFirst()
                guard let end = characters.firstIndex(of: "'") else { throw Malformed() }
                let piece = characters[..<end]
                guard !piece.contains(where: { "\"`@\\#$;{}".contains($0) }) else { throw Malformed() }
                result += piece
                characters = characters[characters.index(after: end)...]
            } else if characters.first == "\"" {
                characters = characters.dropFirst()
                while characters.first == "\\" {
                    let digits = characters.dropFirst().prefix(3)
                    guard digits.count == 3, let value = UInt8(digits, radix: 8) else { throw Malformed() }
                    result.unicodeScalars.append(Unicode.Scalar(value))
                    characters = characters.dropFirst(4)
                }
                guard characters.first == "\"" else { throw Malformed() }
                characters = characters.dropFirst()
            } else {
                throw Malformed()
            }
            if !characters.isEmpty {
                guard characters.first == "." else { throw Malformed() }
                characters = characters.dropFirst()
            }
        }
        return result
    }

    /// gnuplot itself reads every hostile text back exactly, and runs nothing.
    @Test(.enabled(if: GnuplotRenderer.locate() != nil))
    func gnuplotReadsTheQuotedFormBackExactly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let marker = folder.path + "/pwned-marker"
        let texts = hostileTexts + ["'; system('touch \(marker)') ; '", "`touch \(marker)`", "' . system(\"touch \(marker)\") . '"]
        var script = "x = 'not a macro'\n"
        for (index, text) in texts.enumerated() {
            script += "set print " + GnuplotText.quotedPath(folder.path + "/\(index).txt") + "\n"
            script += "print " + GnuplotText.quoted(text) + "\n"
        }
        script += "unset print\n"
        try folder.write(script, to: "print.gp")
        let result = GnuplotRenderer().render(scriptPath: folder.path + "/print.gp")
        #expect(result == .rendered(warnings: ""))
        for (index, text) in texts.enumerated() {
            #expect(folder.contents("\(index).txt") == GnuplotText.sanitized(text) + "\n", "text \(index): \(text)")
        }
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    /// The issue's poisoned title, as a figure title, a series label, a caption and axis labels: the
    /// figure renders, shows the text, and creates none of the files the title asks for.
    @Test(.enabled(if: GnuplotRenderer.locate() != nil))
    func poisonedTitleRendersAndRunsNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let marker = folder.path + "/pwned-\(UUID().uuidString)"
        let before = Set((try? FileManager.default.contentsOfDirectory(atPath: "/tmp")) ?? []).filter { $0.hasPrefix("pwned") }
        let local = "'\"; system(\"touch \(marker)\") ; `touch \(marker)-2` \\"
        func json(_ text: String) -> String { quoteJSON(text) }
        let experiment = try LossHarnessTests.experiment("""
        { name: "poison", kind: "curves", title: \(json(poisonedTitle)),
          loss: [{name: "mse", label: \(json("m'@x_{y}`touch /tmp/pwned3`"))}, "mae"],
          plots: [{name: "v", type: "curves", caption: \(json(local + "\n" + poisonedTitle)),
                   xlabel: \(json("`touch \(marker)-2`")), ylabel: \(json("$1 #c ;d @GPVAL_TERM \\"))}] }
        """)
        try folder.write("""
        loss,series,x,target,value,gradient,gradient_logit
        "m'@x_{y}`touch /tmp/pwned3`","m'@x_{y}`touch /tmp/pwned3`",-1,1,1,-2,
        "m'@x_{y}`touch /tmp/pwned3`","m'@x_{y}`touch /tmp/pwned3`",0,1,0,0,
        "m'@x_{y}`touch /tmp/pwned3`","m'@x_{y}`touch /tmp/pwned3`",1,1,1,2,
        mae,mae,-1,1,1,-1,
        mae,mae,0,1,0,0,
        mae,mae,1,1,1,1,

        """, to: "results/poison/curves.csv")
        let writer = FigureWriter(experiment: experiment, resultsRoot: folder.path + "/results", plotsRoot: folder.path + "/plots",
                                  command: "test")
        let outcomes = try writer.write(try FigureSpec.parseAll(experiment), renderer: GnuplotRenderer())
        #expect(outcomes.count == 1)
        // gnuplot may warn while it measures a rotated label holding `@` and `\\` (its width
        // estimate runs the enhanced-text parser even on noenhanced labels); the text drawn is exact.
        guard case .rendered(let warnings)? = outcomes.first?.result else {
            Issue.record("not rendered: \(String(describing: outcomes.first?.result))")
            return
        }
        #expect(!warnings.lowercased().contains("error"))
        let png = try #require(FileManager.default.contents(atPath: folder.path + "/plots/poison/v.png"))
        #expect(png.count > 1000)
        let svg = try #require(folder.contents("plots/poison/v.svg"))
        #expect(svg.contains("system(\"touch /tmp/pwned-$$\") ; `touch /tmp/pwned2`"))
        #expect(svg.contains("m'@x_{y}`touch /tmp/pwned3`"))
        for suffix in ["", "-2"] { #expect(!FileManager.default.fileExists(atPath: marker + suffix)) }
        let after = Set((try? FileManager.default.contentsOfDirectory(atPath: "/tmp")) ?? []).filter { $0.hasPrefix("pwned") }
        #expect(after.subtracting(before).isEmpty)
    }
}
