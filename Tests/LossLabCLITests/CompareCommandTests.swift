import Foundation
import Testing
@testable import LossLabCLI
import LossCore
import LossLabTestSupport

/// `losslab compare`: exit codes, formats and option errors.
@Suite struct CompareCommandTests {
    /// Baseline and current experiment folders under a temporary folder.
    static func folders(mseShift: Double = 0, accuracyShift: Double = 0) throws -> (root: String, baseline: String, current: String) {
        let root = try CLIFixtures.temporaryFolder()
        try CLIFixtures.write(CLIFixtures.trials(), to: root + "/baseline/trials.csv")
        try CLIFixtures.write(CLIFixtures.trials(mseShift: mseShift, accuracyShift: accuracyShift), to: root + "/current/trials.csv")
        return (root, root + "/baseline", root + "/current")
    }

    @Test func unchangedResultsExitZero() throws {
        let (root, baseline, current) = try Self.folders()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = CLIFixtures.run(["compare", baseline, current])
        #expect(result.code == .success)
        #expect(result.out.contains("0 regressed, 0 likely regressed, 0 improved, 0 likely improved, 0 missing, 0 new, 6 unchanged"))
    }

    @Test func aRegressionExitsTwo() throws {
        let (root, baseline, current) = try Self.folders(mseShift: 0.25, accuracyShift: 0.125)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = CLIFixtures.run(["compare", baseline, current])
        #expect(result.code == .regression)
        #expect(result.code.rawValue == 2)
        let lines = result.out.split(separator: "\n")
        #expect(lines[2].hasPrefix("regressed  a"))
        #expect(lines[3].hasPrefix("improved   b"))
    }

    @Test func improvementsOnlyExitFour() throws {
        let (root, baseline, current) = try Self.folders(mseShift: -0.25)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(CLIFixtures.run(["compare", baseline, current]).code.rawValue == 4)
        // A tolerance wider than the change makes it unchanged.
        #expect(CLIFixtures.run(["compare", baseline, current, "--tolerance", "mse=30%"]).code == .success)
        #expect(CLIFixtures.run(["compare", baseline, current, "--tolerance=mse=0.3"]).code == .success)
    }

    @Test func aMissingBaselineExitsFive() throws {
        let (root, _, current) = try Self.folders()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = CLIFixtures.run(["compare", root + "/nothing", current])
        #expect(result.code.rawValue == 5)
        #expect(result.error == "error: compare: baseline \(root)/nothing does not exist\n")
        // A missing current side is missing input, not a missing baseline.
        #expect(CLIFixtures.run(["compare", current, root + "/nothing"]).code == .noInput)
    }

    @Test func formatsAreMarkdownAndCSV() throws {
        let (root, baseline, current) = try Self.folders(mseShift: 0.25)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let markdown = CLIFixtures.run(["compare", baseline, current, "--format", "markdown"])
        #expect(markdown.code == .regression)
        #expect(markdown.out.hasPrefix("**Regression**: 1 regressed, 0 likely regressed, 0 improved, 0 likely improved, 0 missing, 0 new, 5 unchanged"))
        #expect(markdown.out.contains("| **regressed** | a | mse | 1 | 1.25 | +0.25 | +25.00% | 0 |"))
        let csv = CLIFixtures.run(["compare", baseline, current, "--format", "csv"])
        let lines = csv.out.split(separator: "\n")
        #expect(lines.count == 7)
        #expect(lines[0].hasPrefix("experiment,loss,series,group,metric,kind,better,verdict,"))
        #expect(lines[1].hasPrefix(",a,a,a,mse,quality,lower,regressed,1,"))
        let all = CLIFixtures.run(["compare", baseline, current, "--all"])
        #expect(all.out.split(separator: "\n").filter { $0.hasPrefix("unchanged") }.count == 5)
    }

    @Test func badOptionsAreUsageErrors() throws {
        let (root, baseline, current) = try Self.folders()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let cases: [([String], String)] = [
            (["--format", "html"], "error: compare: --format html: expected one of table, markdown, csv\n"),
            (["--alpha", "0"], "error: compare: --alpha 0: expected a significance level with 0 < alpha <= 1, e.g. 0.05\n"),
            (["--alpha", "1.5"], "error: compare: --alpha 1.5: expected a significance level with 0 < alpha <= 1, e.g. 0.05\n"),
            (["--alpha", "nan"], "error: compare: --alpha nan: expected a significance level with 0 < alpha <= 1, e.g. 0.05\n"),
            (["--tolerance", "mse=lots"], "error: compare: --tolerance: mse = lots: expected \(ToleranceForms.text)\n"),
            (["--frobnicate"], "error: compare: unknown option --frobnicate (see `losslab compare --help`)\n"),
        ]
        for (options, message) in cases {
            let result = CLIFixtures.run(["compare", baseline, current] + options)
            #expect(result.code == .usage, "\(options)")
            #expect(result.error == message)
        }
        #expect(CLIFixtures.run(["compare", baseline]).code == .usage)
        #expect(CLIFixtures.run(["compare", root, current]).code == .usage)
    }

    @Test func thresholdsFilesAreReadAndCheckedByTheCommand() throws {
        let (root, baseline, current) = try Self.folders(mseShift: 0.25)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try CLIFixtures.write(#"{ "mse": "30%" }"#, to: root + "/ok.json5")
        #expect(CLIFixtures.run(["compare", baseline, current, "--thresholds", root + "/ok.json5"]).code == .success)
        // The command line wins over the file.
        #expect(CLIFixtures.run(["compare", baseline, current, "--thresholds", root + "/ok.json5", "--tolerance", "mse=1%"]).code == .regression)
        try CLIFixtures.write(#"{ "mse": "3O%" }"#, to: root + "/bad.json5")
        let bad = CLIFixtures.run(["compare", baseline, current, "--thresholds", root + "/bad.json5"])
        #expect(bad.code == .usage)
        #expect(bad.error == "error: compare: \(root)/bad.json5: mse = \"3O%\": expected \(ToleranceForms.text)\n")
        #expect(CLIFixtures.run(["compare", baseline, current, "--thresholds", root + "/none.json5"]).code == .noInput)
    }

    @Test func aMalformedResultsFileIsADataError() throws {
        let (root, baseline, _) = try Self.folders()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try CLIFixtures.write("trial_id,loss,series,repetition,seed,status,message,epochs_run,train_seconds,mse\nx,a,a,0,1,completed,,3,1\n",
                              to: root + "/broken/trials.csv")
        let result = CLIFixtures.run(["compare", baseline, root + "/broken"])
        #expect(result.code == .dataError)
        #expect(result.error == "error: compare: \(root)/broken/trials.csv: line 2, column 25 = 9 fields: expected 10 fields, one per header column (trial_id,loss,series,repetition,...)\n")
    }

    @Test func helpStatesTheExitCodesAndTests() {
        let help = CLIFixtures.run(["compare", "--help"])
        #expect(help.code == .success)
        #expect(help.out.contains("""
        Exit codes: 0 no regression and no improvement, 2 at least one regression (or likely
        regression), 4 improvements (or likely ones) and no regression, 5 BASELINE does not exist, 64 bad options or tolerances, 65 a results file is
        malformed, 66 CURRENT or a thresholds file does not exist.
        """))
        #expect(help.out.contains("the paired t-test across seeds"))
        #expect(help.out.contains("Mann-Whitney U test"))
        for name in ["compare", "baseline", "check"] {
            #expect(CLIFixtures.run([name, "--help"]).out.hasPrefix("Usage: losslab \(name)"))
        }
    }

    /// `--version` names the kernels' rounding, which the quick gate reads to pick its baseline.
    @Test func versionStatesTheRoundingOfTheKernels() {
        let result = CLIFixtures.run(["--version"])
        #expect(result.code == .success)
        let expected = KernelBuild.usesFusedMultiplyAdd ? "(rounding: fma)" : "(rounding: separate)"
        #expect(result.out.hasPrefix("losslab "))
        #expect(result.out.contains("\nkernels: ") && result.out.hasSuffix(expected + "\n"))
    }
}

/// The tolerance forms as messages quote them.
enum ToleranceForms {
    static let text = "a percentage such as 0.5% (relative to the baseline) or a non-negative number such as 0.002 (absolute)"
}
