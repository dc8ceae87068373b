import Foundation

/// One experiment, end to end: run its pending trials (or evaluate its curves), then assemble its
/// CSV files and `spec.json` from everything stored. A shard run only stores its trials and its
/// ``ShardRecord``; `merge` assembles.
public enum ExperimentRun {
    public struct Outcome: Sendable {
        public var run: RunOutcome
        /// `nil` for shard runs and curves experiments.
        public var report: ResultsAssembler.Report?
    }

    public static func execute(_ runner: Runner, provenance: Provenance, cancellation: Cancellation,
                               observe: @escaping @Sendable (RunEvent) -> Void) throws -> Outcome {
        if runner.experiment.kind == .curves {
            try runner.store.prepare()
            let lock = try RunLock(path: runner.store.path(".lock"), purpose: "running \(runner.experiment.name)")
            defer { withExtendedLifetime(lock) {} }
            try runner.claimResults()
            try CurveEvaluator.write(grid: runner.grid, store: runner.store)
            let count = runner.grid.count
            return Outcome(run: RunOutcome(total: count, ran: count, cached: 0, missing: 0, statusCounts: [.completed: count],
                                           interrupted: false), report: nil)
        }
        let outcome = try runner.run(cancellation: cancellation, observe: observe)
        guard runner.options.shard == nil else {
            try ShardRecord.make(runner: runner, outcome: outcome, provenance: provenance, finished: Date()).write(to: runner.store)
            return Outcome(run: outcome, report: nil)
        }
        let lock = try RunLock(path: runner.store.path(".lock"), purpose: "assembling \(runner.experiment.name)")
        defer { withExtendedLifetime(lock) {} }
        let report = try ResultsAssembler(experiment: runner.experiment, grid: runner.grid, store: runner.store)
            .assemble(provenance: provenance)
        return Outcome(run: outcome, report: report)
    }
}
