import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

/// One bad file of `Fixtures/bad/` and the first problem it must be reported with.
struct BadFile: Sendable, Decodable, CustomTestStringConvertible {
    var file: String
    /// The field path as messages print it ("(top level)" for the document itself).
    var path: String
    var message: String
    var value: String?
    var suggestion: String?
    /// Another fragment the message must hold (a line and column, a reason).
    var detail: String?

    var testDescription: String { file }

    static let directory = fixturesDirectory + "/bad"

    static let all: [BadFile] = {
        let data = FileManager.default.contents(atPath: directory + "/manifest.json") ?? Data("[]".utf8)
        return (try? JSONDecoder().decode([BadFile].self, from: data)) ?? []
    }()
}

struct ValidatorTests {
    @Test func theCorpusIsComplete() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: BadFile.directory).filter { $0.hasSuffix(".json5") }
        #expect(files.count >= 40)
        #expect(Set(files) == Set(BadFile.all.map(\.file)), "every fixture has a manifest entry and the reverse")
    }

    /// Each bad file is refused with its field path, its value and what was expected.
    @Test(arguments: BadFile.all)
    func badFileIsReportedPrecisely(_ bad: BadFile) throws {
        let data = try #require(FileManager.default.contents(atPath: BadFile.directory + "/" + bad.file))
        let errors = problems(in: data, file: bad.file)
        let first = try #require(errors.first, "\(bad.file) was accepted")
        #expect(first.file == bad.file)
        #expect((first.path.isEmpty ? "(top level)" : first.path) == bad.path)
        #expect(first.expected.contains(bad.message), "\(first)")
        #expect(first.value == bad.value, "\(first)")
        if let suggestion = bad.suggestion { #expect(first.suggestion?.hasSuffix(suggestion) == true, "\(first)") }
        if let detail = bad.detail { #expect(first.description.contains(detail), "\(first)") }
    }

    @Test func everyProblemOfAFileIsListedOnce() throws {
        let errors = problems(in: Data("""
        {name: "Bad Name", dataset: {generator: "gausian", train_size: 0}, loss: ["mse", "maee"],
         training: {epochs: -1, learning_rte: 0.1}, seeds: 0}
        """.utf8), file: "many.json5")
        #expect(errors.map(\.path) == ["seeds", "name", "dataset.generator", "dataset.train_size", "training.learning_rte",
                                       "training.epochs", "loss[1].name"])
        #expect(errors.first { $0.path == "dataset.generator" }?.suggestion == "Did you mean \"gaussian\"?")
    }

    /// Without a known generator, its parameters are not each called unknown.
    @Test func parametersOfAMissingGeneratorAreNotUnknownFields() throws {
        let errors = problems(in: Data(#"{name: "a", dataset: {noise: 1, features: 3}, loss: ["mse"]}"#.utf8), file: "g.json5")
        #expect(errors.map(\.path) == ["dataset.generator"])
    }

    @Test func aOneMegabyteTitleIsRefusedWithAShortQuote() throws {
        let title = String(repeating: "x", count: 1 << 20)
        let errors = problems(in: Data(#"{name: "a", title: "\#(title)", dataset: {generator: "gaussian"}, loss: ["mse"]}"#.utf8),
                              file: "title.json5")
        #expect(errors.count == 1)
        #expect(errors[0].path == "title")
        #expect(errors[0].expected == "a string of at most 200 characters")
        #expect(errors[0].value!.count == 120)
    }

    /// Class proportions are one value (a list), checked against the file's class count.
    @Test func listParametersAreOneValue() throws {
        let experiment = try loadExperiment("""
        {name: "p", dataset: {generator: "classes", classes: 2, proportions: [1, 3]}, loss: ["cce"], seeds: 1}
        """)
        #expect(Grid(experiment).count == 1)
        #expect(experiment.field("dataset.proportions") == WrittenField(path: "dataset.proportions", values: [.array([.number(1), .number(3)])], isSwept: false))
        let sweep = try loadExperiment("""
        {name: "p", dataset: {generator: "classes", classes: 2, proportions: [[1, 3], [1, 1], "equal"]}, loss: ["cce"], seeds: 1}
        """)
        #expect(Grid(sweep).count == 3)
    }

    /// A regression loss on class labels is an error when every trial of it is impossible, but only
    /// a skipped trial (with its reason) when it comes from a sweep of generators.
    @Test func impossiblePairingsFromASweepAreSkipped() throws {
        let folder = try TemporaryFolder()
        let experiment = try loadExperiment("""
        {name: "pairs", dataset: {generator: ["classes", "gaussian"], train_size: 60, test_size: 30},
         loss: ["mse", "cce"], training: {epochs: 1}, seeds: 1}
        """)
        #expect(PairingCheck.problems(in: Grid(experiment)).isEmpty)
        try runExperiment(experiment, root: folder.path, jobs: 1)
        let table = CSVTable(text: try folder.read("pairs/trials.csv"))
        let rows = table.rows.map { [table.value($0, "loss")!, table.value($0, "dataset.generator")!, table.value($0, "status")!] }
        #expect(rows == [["mse", "classes", "skipped"], ["cce", "classes", "completed"],
                         ["mse", "gaussian", "completed"], ["cce", "gaussian", "skipped"]])
        let messages = table.rows.map { table.value($0, "message")! }
        #expect(messages[0].hasPrefix("mse is a regression loss and the targets are class labels"))
        #expect(messages[3] == "cce is a classification loss and the dataset is a regression task")
    }
}
