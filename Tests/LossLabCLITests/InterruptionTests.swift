import Foundation
import LossCore
import LossHarness
import Testing
import LossLabTestSupport

/// The real `losslab` executable, interrupted: SIGINT and SIGTERM stop it cleanly (exit 130 and
/// 143, with the resume message), `kill -9` at random moments loses nothing, and a second run on
/// the same folder is refused while the first holds it. About 20 s in a debug build.
@Suite(.serialized)
struct InterruptionTests {
    /// 144 trials of a few milliseconds each: long enough to be caught running (the release build
    /// is several times faster than the debug one, so it trains longer).
    static let experiment = """
    {name: "long", dataset: {generator: "outliers", outlier_fraction: [0, 0.1, 0.2, 0.3], train_size: 400, test_size: 100, features: 3},
     loss: ["mse", "mae", {name: "huber", delta: [0.5, 1, 2]}, "log_cosh"], training: {epochs: \(externalExecutable == nil ? 8 : 80), batch_size: 16},
     metrics: ["coefficient_error", "mae"], seeds: 6}
    """
    static let trialCount = 4 * 6 * 6

    final class Running {
        let process = Process()
        let errorPipe = Pipe()

        init(_ arguments: [String], in folder: TemporaryFolder) throws {
            process.executableURL = URL(fileURLWithPath: try losslabExecutable())
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
            process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
            process.standardError = errorPipe
            try process.run()
        }

        /// Waits for the end (at most `timeout` seconds) and returns the status and standard error.
        func finish(timeout: Double = 60) -> (status: Int32, reason: Process.TerminationReason, error: String) {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            let error = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            return (process.terminationStatus, process.terminationReason, error)
        }
    }

    static func storedCount(_ folder: TemporaryFolder) -> Int {
        ResultStore(resultsRoot: folder.path + "/results", experiment: "long").storedIDs().count
    }

    /// Polls until at least `count` trials are stored (or the process ended, or 30 s passed).
    static func waitForTrials(_ count: Int, _ folder: TemporaryFolder, _ running: Running) {
        let deadline = Date().addingTimeInterval(30)
        while storedCount(folder) < count && running.process.isRunning && Date() < deadline { usleep(5_000) }
    }

    static let arguments = ["run", "--jobs", "2", "--no-plots", "long.json5"]

    @Test func interruptAndTerminateStopCleanlyAndResume() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.experiment, to: "long.json5")

        let first = try Running(Self.arguments, in: folder)
        Self.waitForTrials(3, folder, first)
        first.process.interrupt()
        let interrupted = first.finish()
        #expect(interrupted.reason == .exit)
        #expect(interrupted.status == 130, "\(interrupted.error)")
        #expect(interrupted.error.contains("losslab: interrupted; finishing up"))
        #expect(interrupted.error.contains("long: stopped after "))
        #expect(interrupted.error.contains("Run the same command again to resume."))
        let afterInterrupt = Self.storedCount(folder)
        #expect(afterInterrupt >= 3 && afterInterrupt < Self.trialCount)

        let second = try Running(Self.arguments, in: folder)
        Self.waitForTrials(afterInterrupt + 3, folder, second)
        second.process.terminate()
        let terminated = second.finish()
        #expect(terminated.status == 143, "\(terminated.error)")
        #expect(terminated.error.contains("losslab: terminated; finishing up"))
        #expect(terminated.error.contains("long: \(Self.trialCount) trials, \(afterInterrupt) already done"))
        #expect(terminated.error.contains("Run the same command again to resume."))

        // A closed terminal or ssh session (SIGHUP) stops the run the same way, with 129.
        let third = try Running(Self.arguments, in: folder)
        let beforeHangUp = Self.storedCount(folder)
        Self.waitForTrials(beforeHangUp + 3, folder, third)
        kill(third.process.processIdentifier, SIGHUP)
        let hungUp = third.finish()
        #expect(hungUp.status == 129, "\(hungUp.error)")
        #expect(hungUp.error.contains("losslab: hung up; finishing up"))
        #expect(hungUp.error.contains("Run the same command again to resume."))
        let trials = try folder.read("results/long/trials.csv")
        #expect(trials.split(separator: "\n").count == 1 + Self.storedCount(folder), "trials.csv is consistent with the stored trials")

        let last = try Running(Self.arguments, in: folder)
        let completed = last.finish()
        #expect(completed.status == 0, "\(completed.error)")
        #expect(Self.storedCount(folder) == Self.trialCount)
    }

    /// SIGKILL at seeded random moments, then a run to completion: trials.csv equals an
    /// uninterrupted run's (minus timing), with no lost, duplicated or torn rows.
    @Test func killedRunsLoseNothing() throws {
        let reference = try TemporaryFolder(), killed = try TemporaryFolder()
        try reference.write(Self.experiment, to: "long.json5")
        try killed.write(Self.experiment, to: "long.json5")
        let uninterrupted = try Running(Self.arguments, in: reference).finish()
        #expect(uninterrupted.status == 0, "\(uninterrupted.error)")

        var generator = SplitMix64(seed: 9)
        var kills = 0
        for _ in 0..<4 {
            let running = try Running(Self.arguments, in: killed)
            let delay = 0.05 + Double(generator.next() % 1000) / 1000 * 0.6
            usleep(UInt32(delay * 1e6))
            guard running.process.isRunning else { _ = running.finish(); break }
            kill(running.process.processIdentifier, SIGKILL)
            let outcome = running.finish()
            #expect(outcome.reason == .uncaughtSignal && outcome.status == SIGKILL)
            kills += 1
            // Every stored trial file is whole: it decodes.
            let store = ResultStore(resultsRoot: killed.path + "/results", experiment: "long")
            for id in store.storedIDs() { #expect(store.load(id) != nil, "trial \(id) is torn") }
        }
        #expect(kills >= 2)
        let resumed = try Running(Self.arguments, in: killed).finish()
        #expect(resumed.status == 0, "\(resumed.error)")

        let expected = withoutTiming(try reference.read("results/long/trials.csv"))
        let actual = withoutTiming(try killed.read("results/long/trials.csv"))
        #expect(actual.count == Self.trialCount + 1)
        #expect(Set(actual.dropFirst().map { $0[0] }).count == Self.trialCount)
        #expect(actual == expected)
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: killed.path + "/results").filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    /// While one run holds the folder, a second is refused with a clear message and exit 73.
    @Test func aSecondRunIsRefusedWhileTheFirstRuns() throws {
        let folder = try TemporaryFolder()
        try folder.write(Self.experiment, to: "long.json5")
        let first = try Running(Self.arguments, in: folder)
        Self.waitForTrials(1, folder, first)
        #expect(first.process.isRunning)
        let second = try Running(Self.arguments, in: folder).finish()
        #expect(second.status == 73)
        #expect(second.error.contains("results/long/.lock: another losslab process is using this folder "
                                      + "(pid \(first.process.processIdentifier): running long), so running long cannot start; "
                                      + "wait for it to finish or stop it, then run again"), "\(second.error)")
        first.process.terminate()
        #expect(first.finish().status == 143)
    }
}
