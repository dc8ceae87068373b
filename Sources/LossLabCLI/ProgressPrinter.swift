import Foundation
import LossHarness

/// Progress of a run on standard error: a live bar redrawn in place on a terminal, a plain line
/// every few seconds otherwise (logs, CI, Slurm), nothing with `--quiet`.
final class ProgressPrinter: @unchecked Sendable {
    // Safety: all mutable state is guarded by `lock`.
    private let lock = NSLock()
    private let console: Console
    private let quiet: Bool
    private let label: String
    private var start = Date()
    private var lastPrint = Date.distantPast
    /// Trials that raised an error (`failed`). Diverged, timed-out and skipped trials are outcomes
    /// of the study, not errors of the run, and are counted apart.
    private var failures = 0
    private var diverged = 0
    private var skipped = 0
    private var lineOpen = false

    init(console: Console, quiet: Bool, label: String) {
        self.console = console
        self.quiet = quiet
        self.label = label
    }

    func handle(_ event: RunEvent) {
        guard !quiet else { return }
        lock.withLock {
            switch event {
            case .claimed(.updated(let fields)):
                console.printError("\(label): the experiment file changed since the last run (fields: \(fields.joined(separator: ", "))); "
                                   + "the results follow it, and stored trials it still has are reused")
            case .claimed(.replaced(let fields)):
                console.printError("\(label): --fresh: replacing the results of another definition (fields that differ: \(fields.joined(separator: ", ")))")
            case .claimed(.kept):
                break
            case .started(let total, let cached, let stale, let unreadable, let pending):
                start = Date()
                var text = "\(label): \(total) trials, \(cached) already done"
                if stale > 0 { text += ", \(stale) stale (made by another build of losslab, will be redone)" }
                if unreadable > 0 { text += ", \(unreadable) unreadable (stored files that do not decode, will be redone)" }
                text += ", \(pending) to run"
                console.printError(text)
            case .finished(let result, let done, let pending):
                switch result.status {
                case .failed: failures += 1
                case .diverged: diverged += 1
                case .skipped: skipped += 1
                case .completed, .stoppedEarly, .timeout: break
                }
                let now = Date()
                let elapsed = now.timeIntervalSince(start)
                let rate = Double(done) / max(elapsed, 1e-9)
                let eta = Double(pending - done) / max(rate, 1e-9)
                let finished = done == pending
                if console.errorIsTerminal {
                    guard finished || now.timeIntervalSince(lastPrint) > 0.1 else { return }
                    let width = 24
                    let filled = pending == 0 ? width : width * done / pending
                    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
                    console.writeError(raw: "\r[\(bar)] \(done)/\(pending) \(format(rate))/s ETA \(duration(eta))\(outcomes(separator: " "))\u{1B}[K")
                    lineOpen = !finished
                    if finished { console.writeError(raw: "\n") }
                } else {
                    guard finished || now.timeIntervalSince(lastPrint) > 5 else { return }
                    console.printError("\(label): \(done)/\(pending) trials, \(format(rate))/s, ETA \(duration(eta))\(outcomes(separator: ", "))")
                }
                lastPrint = now
            }
        }
    }

    /// The counts of outcomes other than a finished training, those that occurred: `, 2 diverged,
    /// 1 skipped` (`failed` first: those are errors of the run).
    private func outcomes(separator: String) -> String {
        let counts = [(failures, "failed"), (diverged, "diverged"), (skipped, "skipped")].filter { $0.0 > 0 }
        return counts.map { separator + "\($0.0) \($0.1)" }.joined()
    }

    /// Ends a bar left open (an interrupted run).
    func close() {
        lock.withLock {
            if lineOpen { console.writeError(raw: "\n") }
            lineOpen = false
        }
    }

    private func format(_ rate: Double) -> String {
        rate >= 10 ? String(format: "%.0f", rate) : String(format: "%.1f", rate)
    }

    private func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        if seconds < 60 { return String(format: "%.0fs", seconds) }
        if seconds < 3600 { return String(format: "%dm%02ds", Int(seconds) / 60, Int(seconds) % 60) }
        return String(format: "%dh%02dm", Int(seconds) / 3600, Int(seconds) % 3600 / 60)
    }
}
