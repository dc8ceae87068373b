import Testing
@testable import LossLabCLI
import LossLabTestSupport

/// `losslab bench --compare-formula`.
struct FormulaBenchReportTests {
    @Test func aTableOfTheVariantsWithTheirRatios() {
        let outcome = runLossLab(["bench", "--compare-formula", "--repeat", "1", "--variants", "builtin-unfused,formula"])
        #expect(outcome.code == .success, "\(outcome.error)")
        let lines = outcome.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 5, "\(outcome.out)")
        #expect(lines[0].hasPrefix("# losslab bench --compare-formula, W1_logistic, ") && lines[0].contains("load average"))
        #expect(lines[2].split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            == ["loss", "reps", "min", "s", "median", "s", "min", "ratio", "median", "ratio", "accuracy"])
        let reference = lines[3].split(separator: " ").map(String.init)
        #expect(reference.first == "builtin-unfused" && reference[4] == "1.00" && reference[5] == "1.00")
        #expect(lines[4].hasPrefix("formula "))
    }

    @Test func unknownVariantsAndLeftoversAreRefused() {
        let bad = runLossLab(["bench", "--compare-formula", "--variants", "formula,fast"])
        #expect(bad.code == .usage && bad.error.contains("--variants fast: expected some of builtin-fused"))
        #expect(runLossLab(["bench", "--compare-formula", "--workload", "W1"]).code == .usage)
        #expect(runLossLab(["bench", "--help"]).out.contains("--compare-formula"))
    }
}
