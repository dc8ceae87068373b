import Dispatch
import Foundation
import Synchronization

/// Options of one run of one experiment.
public struct RunOptions: Sendable {
    public var resultsRoot: String
    public var jobs: Int
    public var fresh: Bool
    /// `(index, count)`: run only the trials of shard `index` (0-based) of `count`.
    public var shard: (index: Int, count: Int)?
    public var maximumTrials: Int
    public var build: String
    /// Where the experiment came from, recorded in `experiment.json` (`nil`: its file, unchanged).
    public var origin: ExperimentOrigin?

    public init(resultsRoot: String = "results", jobs: Int = max(1, ProcessInfo.processInfo.activeProcessorCount),
                fresh: Bool = false, shard: (index: Int, count: Int)? = nil,
                maximumTrials: Int = Schema.defaultMaximumTrials, build: String = BuildIdentity.current,
                origin: ExperimentOrigin? = nil) {
        self.origin = origin
        self.resultsRoot = resultsRoot
        self.jobs = jobs
        self.fresh = fresh
        self.shard = shard
        self.maximumTrials = maximumTrials
        self.build = build
    }
}

/// What a run tells its observer as it goes.
public enum RunEvent: Sendable {
    /// The results folder was claimed (``Runner/claimResults()``): it now records this definition.
    case claimed(ExperimentRecord.Claim)
    /// Before the first trial: trials in scope, already done, stale (made by another build: to
    /// redo), unreadable (a stored file that does not decode: to redo), to run now (the stale, the
    /// unreadable and the missing).
    case started(total: Int, cached: Int, stale: Int, unreadable: Int, pending: Int)
    /// A trial finished and was stored; `done` of `pending` so far.
    case finished(TrialResult, done: Int, pending: Int)
}

/// How a run ended.
public struct RunOutcome: Sendable {
    public var total: Int
    public var ran: Int
    public var cached: Int
    /// Trials still missing (interrupted runs, or trials of other shards).
    public var missing: Int
    public var statusCounts: [TrialStatus: Int]
    public var interrupted: Bool
}

/// Runs the trials of an experiment in parallel on worker threads and stores each as it finishes.
///
/// Each trial is independent and single-threaded, and its seeds come from the experiment, so the
/// stored results are the same whatever `jobs` is and whatever order trials finish in (apart from
/// the training-seconds column).
public struct Runner: Sendable {
    public let experiment: Experiment
    public let grid: Grid
    public let options: RunOptions
    public let store: ResultStore

    public init(experiment: Experiment, options: RunOptions) throws {
        self.experiment = experiment
        self.options = options
        grid = Grid(experiment)
        store = ResultStore(resultsRoot: options.resultsRoot, experiment: experiment.name)
        guard grid.count <= options.maximumTrials else {
            throw SpecErrors([SpecError(file: experiment.file, path: "(grid)", value: grid.count == Int.max ? "more than 9e18 trials" : "\(grid.count) trials",
                                        expected: "at most \(options.maximumTrials) trials",
                                        suggestion: "Sweep fewer values, or raise the limit with --max-trials")])
        }
    }

    /// The grid indices this run is responsible for (all, or one shard's).
    public func trialIndices() -> [Int] {
        guard let shard = options.shard else { return Array(0..<grid.count) }
        return ShardAssignment(grid: grid, count: shard.count).trials(inShard: shard.index)
    }

    /// Whether a trial's result is stored, readable and made by this build.
    public enum CacheState: String, Sendable {
        case done
        /// Stored by another build of losslab: redone.
        case stale
        /// Stored, but the file does not decode as a trial: redone.
        case unreadable
        case pending
    }

    /// Calls `body` with each trial in `indices`, its id and its cache state.
    public func forEachTrialState(indices: [Int], _ body: (Trial, String, CacheState) throws -> Void) rethrows {
        let stored = store.storedIDs()
        try grid.forEachTrial(at: indices) { trial, id in
            let state: CacheState
            if !stored.contains(id) {
                state = .pending
            } else {
                switch store.read(id) {
                case .absent: state = .pending
                case .unreadable: state = .unreadable
                case .readable(let result): state = result.build == options.build ? .done : .stale
                }
            }
            try body(trial, id, state)
        }
    }

    /// For each trial in scope, its grid index by cache state (`missing`: not stored).
    public func cacheState(indices: [Int]) -> (done: [Int], stale: [Int], unreadable: [Int], missing: [Int]) {
        var done: [Int] = [], stale: [Int] = [], unreadable: [Int] = [], missing: [Int] = []
        forEachTrialState(indices: indices) { trial, _, state in
            switch state {
            case .done: done.append(trial.index)
            case .stale: stale.append(trial.index)
            case .unreadable: unreadable.append(trial.index)
            case .pending: missing.append(trial.index)
            }
        }
        return (done, stale, unreadable, missing)
    }

    /// The lock file of a run: one per shard, so that the shards of one experiment can run at once
    /// on a shared folder, each refusing a second copy of itself.
    public static func lockName(shard: (index: Int, count: Int)?) -> String {
        shard.map { ".lock-shard-\($0.index)-of-\($0.count)" } ?? ".lock"
    }

    /// The record of this run's experiment, for `experiment.json`.
    public var record: ExperimentRecord {
        ExperimentRecord(experiment, origin: options.origin ?? ExperimentOrigin(file: experiment.file))
    }

    /// Makes the results folder hold this experiment (``ExperimentRecord/claim(_:fresh:shard:)``):
    /// records it in `experiment.json`, or refuses a folder that holds another definition, and
    /// when `fresh` discards the stored trials in scope (a shard run discards only its own shard's,
    /// since the other shards may be running at the same moment) and the shard records they
    /// invalidate.
    ///
    /// When an edited file replaces its earlier version, trials are keyed by their resolved
    /// configuration, so the trials of the old definition that the new one still contains are
    /// reused and the others are simply left out of the CSV files (they stay stored, so undoing
    /// the edit finds them again). A shard run refuses a folder that holds another definition
    /// unless `fresh`, because `merge` rebuilds the grid from the record and shards of two
    /// definitions would never add up to one.
    @discardableResult
    public func claimResults() throws -> ExperimentRecord.Claim {
        let claim = try record.claim(store, fresh: options.fresh, shard: options.shard != nil)
        guard options.fresh else { return claim }
        if let shard = options.shard {
            store.removeTrials(ids: trialIndices().map { grid.trial(at: $0).id })
            ShardRecord.remove(in: store, only: shard)
        } else {
            try store.removeTrials()
            ShardRecord.remove(in: store)
        }
        return claim
    }

    /// Runs every pending trial; `observe` is called from worker threads, one event at a time.
    public func run(cancellation: Cancellation, observe: @escaping @Sendable (RunEvent) -> Void) throws -> RunOutcome {
        try store.prepare()
        let lock = try RunLock(path: store.path(Runner.lockName(shard: options.shard)), purpose: "running \(experiment.name)")
        defer { withExtendedLifetime(lock) {} }
        store.removeTemporaryFiles(olderThan: options.shard == nil ? nil : 3600)
        observe(.claimed(try claimResults()))
        let indices = trialIndices()
        let state = cacheState(indices: indices)
        let pending = (state.stale + state.unreadable + state.missing).sorted()
        observe(.started(total: indices.count, cached: state.done.count, stale: state.stale.count, unreadable: state.unreadable.count,
                         pending: pending.count))

        let next = Atomic<Int>(0)
        let completed = Atomic<Int>(0)
        let counts = Mutex<[TrialStatus: Int]>([:])
        let firstError = Mutex<Error?>(nil)
        let group = DispatchGroup()
        let workers = max(1, min(options.jobs, pending.count))
        let metrics = experiment.metrics
        // The first repetition keeps its first test samples when an `images` figure draws them.
        let recordedSamples = ((try? FigureSpec.parseAll(experiment)) ?? []).compactMap(\.images?.samples).max() ?? 0
        let build = options.build
        let grid = self.grid
        let store = self.store
        // Workers are threads of their own, not blocks on Dispatch's global queue: long CPU-bound
        // blocks there occupy every thread of the pool (one per core), and the signal handlers,
        // which run on that pool, waited for the whole run before they could cancel it.
        for _ in 0..<workers {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                while !cancellation.isCancelled {
                    let position = next.add(1, ordering: .relaxed).oldValue
                    guard position < pending.count else { break }
                    let trial = grid.trial(at: pending[position])
                    let result = TrialExecutor.run(trial, metrics: metrics, build: build,
                                                   recordSamples: trial.repetition == 0 ? recordedSamples : 0,
                                                   cancelled: { cancellation.isCancelled })
                    if cancellation.isCancelled && result.status == .timeout { break }
                    do {
                        try store.save(result)
                    } catch {
                        firstError.withLock { if $0 == nil { $0 = error } }
                        cancellation.cancel()
                        break
                    }
                    counts.withLock { $0[result.status, default: 0] += 1 }
                    let done = completed.add(1, ordering: .relaxed).newValue
                    observe(.finished(result, done: done, pending: pending.count))
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        if let error = firstError.withLock({ $0 }) { throw error }
        let ran = completed.load(ordering: .relaxed)
        return RunOutcome(total: indices.count, ran: ran, cached: state.done.count, missing: pending.count - ran,
                          statusCounts: counts.withLock { $0 }, interrupted: cancellation.isCancelled)
    }
}
