@testable import LossHarness
import Testing
@testable import LossLabCLI
import LossLabTestSupport

/// The progress line counts what happened; divergence is an outcome of the study, not a failure.
struct ProgressPrinterTests {
    static func result(_ status: TrialStatus) -> TrialResult {
        TrialResult(id: "0", index: 0, label: "mse", series: "mse", repetition: 0, seed: 0, swept: [:], status: status, message: "",
                    epochsRun: 1, trainSeconds: 0, metrics: [:], history: [], historyMetrics: [], build: "b")
    }

    func lines(_ statuses: [TrialStatus], terminal: Bool = false) -> String {
        let recording = RecordingConsole()
        let base = recording.console
        let console = Console(out: { base.print($0) }, error: { base.writeError(raw: $0) }, errorIsTerminal: terminal)
        let printer = ProgressPrinter(console: console, quiet: false, label: "study")
        printer.handle(.started(total: statuses.count, cached: 0, stale: 0, unreadable: 0, pending: statuses.count))
        for (index, status) in statuses.enumerated() {
            printer.handle(.finished(Self.result(status), done: index + 1, pending: statuses.count))
        }
        printer.close()
        return recording.error
    }

    @Test func divergedTrialsAreNotFailures() {
        let text = lines([.completed, .diverged, .diverged, .skipped, .failed])
        let last = text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("study: 5/5 trials"), "\(text)")
        #expect(last.hasSuffix(", 1 failed, 2 diverged, 1 skipped"), "\(text)")
        #expect(!text.contains("failures"))
        let clean = lines([.completed, .completed])
        #expect(clean.split(separator: "\n").last?.hasSuffix("ETA 0s") == true, "\(clean)")
    }

    @Test func theTerminalBarCountsTheSame() {
        let text = lines([.diverged, .completed], terminal: true)
        #expect(text.contains("1 diverged"), "\(text)")
        #expect(!text.contains("failed") && !text.contains("failures"), "\(text)")
    }
}
