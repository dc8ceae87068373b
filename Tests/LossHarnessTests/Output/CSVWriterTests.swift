import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

struct CSVWriterTests {
    static let hostile = [
        "plain", "comma, inside", "quote \" inside", "\"quoted\"", "back\\slash", "new\nline", "carriage\r\nreturn",
        "system(\"rm -rf /\")", "`backticks`", "$(echo hi)", "'single'", "tab\there", "trailing space ", "",
        "ünïcödé ✓", "\u{202E}rtl", ";semicolon", "#hash", "=1+1",
    ]

    @Test func fieldsParseBackToThemselves() {
        let text = Self.hostile.map { CSV.row([$0, "x"]) }.joined()
        let rows = CSV.parse(text)
        #expect(rows.count == Self.hostile.count)
        #expect(rows.map(\.first) == Self.hostile.map(Optional.some))
        #expect(rows.allSatisfy { $0.count == 2 && $0[1] == "x" })
    }

    @Test func quotingIsMinimal() {
        #expect(CSV.field("plain") == "plain")
        #expect(CSV.field("a,b") == "\"a,b\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("a\nb") == "\"a\nb\"")
        #expect(CSV.number(.nan) == "nan" && CSV.number(-.infinity) == "-inf" && CSV.number(nil) == "")
        #expect(CSV.number(3) == "3" && CSV.number(0.1) == "0.1")
    }

    /// Titles, descriptions, labels and statements full of quotes, backslashes, newlines and shell
    /// syntax come back unchanged from trials.csv, claims.csv and spec.json.
    @Test func hostileStringsSurviveARun() throws {
        let title = "T \"quoted\" \\ back `tick` $(x) system(\"ls\")\nsecond line"
        let label = "m,\"a\"\\e`x`\n"
        let statement = "it's \"better\"; `rm -rf` \\n"
        let source = """
        {name: "hostile", title: \(quoteJSON(title)), description: \(quoteJSON(statement + "\r\n\t")), claim: 'a \\'claim\\'',
         dataset: {generator: "gaussian", train_size: 40, test_size: 20},
         loss: ["mse", {name: "mae", label: \(quoteJSON(label))}], training: {epochs: 1}, seeds: 2,
         expect: [{metric: "mae", better: \(quoteJSON(label)), than: "mse", statement: \(quoteJSON(statement))}]}
        """
        let experiment = try loadExperiment(source)
        let folder = try TemporaryFolder()
        try runExperiment(experiment, root: folder.path, jobs: 1)

        let trials = CSVTable(text: try folder.read("hostile/trials.csv"))
        #expect(trials.rows.count == 4)
        #expect(trials.rows.map { trials.value($0, "loss")! } == ["mse", "mse", label, label])
        #expect(trials.rows.allSatisfy { $0.count == trials.header.count })
        let history = CSVTable(text: try folder.read("hostile/history.csv"))
        #expect(history.rows.allSatisfy { $0.count == history.header.count })
        let claims = CSVTable(text: try folder.read("hostile/claims.csv"))
        #expect(claims.rows.map { claims.value($0, "statement")! } == [statement])
        #expect(claims.rows.map { claims.value($0, "better")! } == [label])

        let spec = try #require(try JSONSerialization.jsonObject(with: Data(try folder.read("hostile/spec.json").utf8)) as? [String: Any])
        let written = try #require(spec["experiment"] as? [String: Any])
        #expect(written["title"] as? String == title)
        #expect(written["description"] as? String == statement + "\r\n\t")
        #expect(written["claim"] as? String == "a 'claim'")
        let losses = try #require(written["loss"] as? [Any])
        #expect((losses[1] as? [String: Any])?["label"] as? String == label)
    }
}
