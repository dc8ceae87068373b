import Foundation
import Testing
import LossHarness
@testable import LossLabCLI
import LossLabTestSupport

/// `losslab baseline save|list` and `losslab check`: the round trip and its exit codes.
@Suite struct BaselineCommandTests {
    /// A results root with one experiment.
    static func resultsRoot() throws -> String {
        let root = try CLIFixtures.temporaryFolder()
        try CLIFixtures.write(CLIFixtures.trials(), to: root + "/one/trials.csv")
        try CLIFixtures.write("summary\n", to: root + "/one/summary.csv")
        return root
    }

    @Test func saveListAndCheckRoundTrip() throws {
        let root = try Self.resultsRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let saved = CLIFixtures.run(["baseline", "save", "main", "--results", root])
        #expect(saved.code == .success)
        #expect(saved.out == "saved baseline main (1 experiment: one) from \(root) to \(root)/baselines/main\n")
        #expect(FileManager.default.fileExists(atPath: root + "/baselines/main/one/trials.csv"))
        #expect(FileManager.default.fileExists(atPath: root + "/baselines/main/one/summary.csv"))

        let list = CLIFixtures.run(["baseline", "list", "--results", root])
        #expect(list.code == .success)
        let lines = list.out.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("name  date"))
        #expect(lines[1].hasPrefix("main  "))
        #expect(lines[1].hasSuffix("1: one"))

        #expect(CLIFixtures.run(["check", "--results", root]).code == .success)
        try CLIFixtures.write(CLIFixtures.trials(mseShift: 0.25), to: root + "/one/trials.csv")
        let regressed = CLIFixtures.run(["check", "--results", root, "--format", "markdown"])
        #expect(regressed.code == .regression)
        #expect(regressed.out.hasPrefix("**Regression**: 1 regressed"))
        #expect(CLIFixtures.run(["check", "--results", root, "--tolerance", "mse=50%"]).code == .success)
        try CLIFixtures.write(CLIFixtures.trials(mseShift: -0.25), to: root + "/one/trials.csv")
        #expect(CLIFixtures.run(["check", "--results", root]).code == .improvementsOnly)
    }

    @Test func saveTakesTheResultsFromAnotherFolder() throws {
        let root = try Self.resultsRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let elsewhere = root + "/../" + Paths.lastComponent(of: root) + "-quick"
        try CLIFixtures.write(CLIFixtures.trials(), to: elsewhere + "/two/trials.csv")
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        #expect(CLIFixtures.run(["baseline", "save", "quick", elsewhere, "--results", root]).code == .success)
        #expect(FileManager.default.fileExists(atPath: root + "/baselines/quick/two/trials.csv"))
        #expect(CLIFixtures.run(["compare", root + "/baselines/quick", elsewhere]).code == .success)
    }

    @Test func aMissingBaselineExitsFiveWithTheCommandThatSavesIt() throws {
        let root = try Self.resultsRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = CLIFixtures.run(["check", "--results", root, "--baseline", "v1"])
        #expect(result.code == .baselineMissing)
        #expect(result.error == "error: check: baseline \(root)/baselines/v1 does not exist; save one from the current results with `losslab baseline save v1 --results \(root)`\n")
    }

    @Test func unsafeNamesAreUsageErrors() throws {
        let root = try Self.resultsRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for name in ["../escape", "a/b", "", ".."] {
            let result = CLIFixtures.run(["baseline", "save", name, "--results", root])
            #expect(result.code == .usage, "\(name)")
            #expect(result.error.hasPrefix("error: baseline save: baseline name \"\(name)\": expected letters, digits"))
            #expect(CLIFixtures.run(["check", "--baseline", name, "--results", root]).code == .usage)
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/escape"))
        #expect(!FileManager.default.fileExists(atPath: root + "/baselines"))
    }

    @Test func otherMistakesHaveTheirExitCodes() throws {
        let root = try Self.resultsRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(CLIFixtures.run(["baseline"]).code == .usage)
        #expect(CLIFixtures.run(["baseline", "drop", "main"]).code == .usage)
        #expect(CLIFixtures.run(["baseline", "save"]).code == .usage)
        #expect(CLIFixtures.run(["baseline", "save", "main", root + "/nothing"]).code == .noInput)
        #expect(CLIFixtures.run(["baseline", "save", "main", root + "/one"]).code == .noInput)
        let empty = CLIFixtures.run(["baseline", "list", "--results", root])
        #expect(empty.code == .success)
        #expect(empty.error == "no baselines in \(root)/baselines; save one with `losslab baseline save NAME`\n")
    }
}
