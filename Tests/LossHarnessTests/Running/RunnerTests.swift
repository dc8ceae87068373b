import Foundation
import Synchronization
import Testing
@testable import LossHarness
import LossLabTestSupport

/// Runs write real files: these tests take a few seconds each, so they run one at a time.
@Suite(.serialized)
struct RunnerTests {
    static let small = """
    {name: "small", dataset: {generator: "outliers", outlier_fraction: [0, 0.3], train_size: 120, test_size: 80, features: 2},
     loss: ["mse", "mae", {name: "huber", delta: [1, 2]}], training: {learning_rate: 0.05, epochs: 4, batch_size: 16},
     seeds: 3, metrics: ["coefficient_error", "mae"],
     expect: [{metric: "coefficient_error", better: "mae", than: "mse", where: {"dataset.outlier_fraction": 0.3}}]}
    """

    /// The stored results do not depend on the number of workers: the four CSV files are byte for
    /// byte the same with 1 and 2 jobs, apart from the training time.
    @Test func serialEqualsParallel() throws {
        let experiment = try loadExperiment(Self.small)
        let serial = try TemporaryFolder(), parallel = try TemporaryFolder()
        let one = try runExperiment(experiment, root: serial.path, jobs: 1)
        let two = try runExperiment(experiment, root: parallel.path, jobs: 2)
        #expect(one.run.ran == 24 && two.run.ran == 24)
        let a = try resultFiles(serial.path + "/small"), b = try resultFiles(parallel.path + "/small")
        for name in a.keys.sorted() { #expect(a[name] == b[name], "\(name) differs") }
        #expect(CSVTable(text: a["trials.csv"]!).rows.count == 24)
        #expect(try serial.read("small/spec.json") == parallel.read("small/spec.json"))
    }

    /// A run cancelled after a few trials keeps what finished; running again completes the rest and
    /// gives the same files as a run that was never interrupted.
    @Test func interruptedRunResumesToTheSameFiles() throws {
        let experiment = try loadExperiment(Self.small)
        let reference = try TemporaryFolder(), resumed = try TemporaryFolder()
        try runExperiment(experiment, root: reference.path, jobs: 2)

        let cancellation = Cancellation()
        let first = try runExperiment(experiment, root: resumed.path, jobs: 2, cancellation: cancellation) { event in
            if case .finished(_, let done, _) = event, done >= 5 { cancellation.cancel() }
        }
        #expect(first.run.interrupted)
        let stored = ResultStore(resultsRoot: resumed.path, experiment: "small").storedIDs().count
        #expect(stored >= 5 && stored < 24)
        #expect(first.run.missing == 24 - stored)
        #expect(first.report?.missing.count == 24 - stored)

        let second = try runExperiment(experiment, root: resumed.path, jobs: 2)
        #expect(!second.run.interrupted)
        #expect(second.run.cached == stored)
        #expect(second.run.ran == 24 - stored)
        let a = try resultFiles(reference.path + "/small"), b = try resultFiles(resumed.path + "/small")
        for name in a.keys.sorted() { #expect(a[name] == b[name], "\(name) differs") }
    }

    @Test func freshRunsEverythingAgain() throws {
        let experiment = try loadExperiment(Self.small.replacingOccurrences(of: "seeds: 3", with: "seeds: 1"))
        let folder = try TemporaryFolder()
        try runExperiment(experiment, root: folder.path, jobs: 2)
        let again = try runExperiment(experiment, root: folder.path, jobs: 2)
        #expect(again.run.ran == 0 && again.run.cached == 8)
        let fresh = try runExperiment(experiment, root: folder.path, jobs: 2, fresh: true)
        #expect(fresh.run.ran == 8 && fresh.run.cached == 0)
    }

    /// A result stored by another build is stale: it is redone, and only it.
    @Test func staleResultsAreRedone() throws {
        let experiment = try loadExperiment(Self.small.replacingOccurrences(of: "seeds: 3", with: "seeds: 1"))
        let folder = try TemporaryFolder()
        try runExperiment(experiment, root: folder.path, jobs: 2, build: "build-a")
        let store = ResultStore(resultsRoot: folder.path, experiment: "small")
        let id = Grid(experiment).trial(at: 3).id
        var result = try #require(store.load(id))
        result.build = "build-old"
        try store.save(result)

        let started = Mutex<(Int, Int, Int)?>(nil)
        let outcome = try runExperiment(experiment, root: folder.path, jobs: 1, build: "build-a") { event in
            if case .started(_, let cached, let stale, _, let pending) = event { started.withLock { $0 = (cached, stale, pending) } }
        }
        #expect(started.withLock { $0 }! == (7, 1, 1))
        #expect(outcome.run.ran == 1)
        #expect(store.load(id)?.build == "build-a")

        // A new build makes every stored trial stale.
        let rebuilt = try runExperiment(experiment, root: folder.path, jobs: 2, build: "build-b")
        #expect(rebuilt.run.ran == 8 && rebuilt.run.cached == 0)
    }

    /// A stored file that does not decode (torn by a crash of another tool) is redone, not trusted.
    @Test func unreadableStoredTrialsAreRedone() throws {
        let experiment = try loadExperiment(Self.small.replacingOccurrences(of: "seeds: 3", with: "seeds: 1"))
        let folder = try TemporaryFolder()
        try runExperiment(experiment, root: folder.path, jobs: 2)
        let store = ResultStore(resultsRoot: folder.path, experiment: "small")
        let id = Grid(experiment).trial(at: 0).id
        try Data("{\"id\": \"".utf8).write(to: URL(fileURLWithPath: store.trialPath(id)))
        try Data("partial".utf8).write(to: URL(fileURLWithPath: store.trialsDirectory + "/.\(id).json.tmp-1-2"))
        let outcome = try runExperiment(experiment, root: folder.path, jobs: 1)
        #expect(outcome.run.ran == 1)
        #expect(store.load(id) != nil)
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: store.trialsDirectory)).contains { $0.contains(".tmp-") })
    }

    /// A second run on the same results folder is refused while the first holds it.
    @Test func aSecondRunOnTheSameFolderIsRefused() throws {
        let experiment = try loadExperiment(Self.small)
        let folder = try TemporaryFolder()
        let store = ResultStore(resultsRoot: folder.path, experiment: "small")
        try store.prepare()
        do {
            let held = try RunLock(path: store.path(".lock"), purpose: "running small")
            let error = try #require(throws: FileError.self) { try runExperiment(experiment, root: folder.path, jobs: 1) }
            #expect(error.path == store.path(".lock"))
            #expect(error.reason == "another losslab process is using this folder (pid \(getpid()): running small), "
                    + "so running small cannot start; wait for it to finish or stop it, then run again")
            #expect(store.storedIDs().isEmpty)
            withExtendedLifetime(held) {}
        }
        // Released when the holder goes away.
        #expect(try runExperiment(experiment, root: folder.path, jobs: 2).run.ran == 24)
    }
}
