import Foundation
import LossHarness

/// `losslab run`: trains every trial of experiment files in parallel and writes results and figures.
enum RunCommand: Subcommand {
    static let name = "run"
    static let summary = "run experiment files: train every trial, write results/ and plots/"
    static let help = """
    Usage: losslab run [FILE...] [options]

    Runs every trial of each experiment file (default: every experiments/*.json5) over its seeds,
    in parallel, and writes results/<name>/ (trials.csv, history.csv, summary.csv, claims.csv,
    spec.json, trials/*.json) and plots/<name>/ (gnuplot scripts, PNG and SVG).

    Finished trials are stored at once: a run that is interrupted or killed resumes where it
    stopped when run again. Trials stored by another build of losslab are stale and redone.

    Options:
      --jobs N           trials run in parallel (default: the number of active cores)
      --results DIR      results root (default: results)
      --plots DIR        figures root (default: plots)
      --set PATH=VALUE   override a field, e.g. --set training.epochs=5 --set "loss=[mse,mae]"
      --seeds N          number of repetitions (overrides the file's seeds)
      --fresh            discard stored trials of these experiments and start over
      --dry-run          list the trials and whether each is done, stale or pending; run nothing
      --shard I/N        run only shard I of N (0-based), for clusters; see `losslab merge`
      --max-trials N     refuse grids larger than N trials (default: \(Schema.defaultMaximumTrials))
      --no-plots         write results only
      --quiet            no progress on standard error

    Exit codes: 0 the run completed (whatever the trials' outcomes: diverged and skipped trials
    are results), 65 invalid file, 66 unreadable file, 73 cannot write results, 130/143
    interrupted by SIGINT/SIGTERM (run the same command again to resume), 64 bad options.

    Examples:
      losslab run experiments/outliers.json5
      losslab run experiments/outliers.json5 --seeds 3 --set training.epochs=5 --jobs 2
      losslab run --dry-run experiments/imbalanced.json5
    """

    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode {
        _ = GitCommit.shared  // starts the lookup for spec.json while the files load
        let jobs = try arguments.positiveInteger("jobs") ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
        let resultsRoot = try arguments.value("results") ?? "results"
        let plotsRoot = try arguments.value("plots") ?? "plots"
        let overrides = try arguments.values("set")
        let seeds = try arguments.positiveInteger("seeds")
        let maximumTrials = try arguments.positiveInteger("max-trials") ?? Schema.defaultMaximumTrials
        let shard = try parseShard(try arguments.value("shard"))
        let fresh = arguments.flag("fresh")
        let dryRun = arguments.flag("dry-run")
        let quiet = arguments.flag("quiet")
        let noPlots = arguments.flag("no-plots")
        let files = try ExperimentFiles.expand(try arguments.positionals())
        let loaded = try files.map { try ExperimentFiles.load($0, overrides: overrides, seeds: seeds, maximumTrials: maximumTrials) }
        var names: [String: String] = [:]
        for (experiment, _) in loaded {
            if let other = names[experiment.name] {
                throw CommandError("\(experiment.file): name \"\(experiment.name)\" is also the name of \(other); each experiment needs its own name (its results folder)", code: .dataError)
            }
            names[experiment.name] = experiment.file
        }
        let cancellation = Cancellation()
        if !dryRun { Signals.install(cancellation, console: console) }
        let provenance = currentProvenance()
        for (experiment, _) in loaded {
            let options = RunOptions(resultsRoot: resultsRoot, jobs: jobs, fresh: fresh, shard: shard, maximumTrials: maximumTrials)
            let runner: Runner
            do { runner = try Runner(experiment: experiment, options: options) } catch let errors as SpecErrors {
                throw CommandError(errors.description, code: .dataError)
            }
            if dryRun {
                printDryRun(runner, console: console)
                continue
            }
            let progress = ProgressPrinter(console: console, quiet: quiet, label: experiment.name)
            let result: ExperimentRun.Outcome
            do {
                result = try ExperimentRun.execute(runner, provenance: provenance, cancellation: cancellation,
                                                    observe: progress.handle)
            } catch let error as FileError {
                progress.close()
                throw CommandError(error.description, code: .cannotCreate)
            }
            progress.close()
            let outcome = result.run
            if outcome.interrupted, let signal = cancellation.signal {
                console.printError("\(experiment.name): stopped after \(outcome.cached + outcome.ran) of \(outcome.total) trials; "
                                   + "finished trials are kept in \(runner.store.directory). Run the same command again to resume.")
                return signal == SIGINT ? .interrupted : .terminated
            }
            if !quiet {
                printOutcome(experiment, outcome, runner: runner, console: console)
                for claim in result.report?.claims ?? [] { console.printError("  " + describe(claim)) }
            }
            if shard == nil && !noPlots {
                try PlotCommand.plot(experiment: experiment, grid: runner.grid, resultsRoot: resultsRoot, plotsRoot: plotsRoot,
                                     console: console, quiet: quiet)
            }
        }
        return .success
    }

    static func parseShard(_ text: String?) throws -> (index: Int, count: Int)? {
        guard let text else { return nil }
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, index >= 0, index < count else {
            throw CommandError("run: --shard \(text): expected I/N with 0 <= I < N, e.g. --shard 0/4")
        }
        return (index, count)
    }

    static func printDryRun(_ runner: Runner, console: Console) {
        let indices = runner.trialIndices()
        let state = runner.cacheState(indices: indices)
        let done = Set(state.done), stale = Set(state.stale)
        console.print("# \(runner.experiment.name): \(indices.count) trials (\(state.done.count) done, \(state.stale.count) stale, \(state.missing.count) pending)")
        console.print(CSV.row(["index", "trial_id", "series"] + runner.grid.sweptPaths + ["repetition", "state"]).dropLast().description)
        for index in indices {
            let trial = runner.grid.trial(at: index)
            let mark = done.contains(index) ? "done" : (stale.contains(index) ? "stale" : "pending")
            let fields = [String(index), trial.id, trial.series] + runner.grid.sweptPaths.map { trial.swept[$0]?.description ?? "" }
                + [String(trial.repetition), mark]
            console.print(String(CSV.row(fields).dropLast()))
        }
    }

    static func printOutcome(_ experiment: Experiment, _ outcome: RunOutcome, runner: Runner, console: Console) {
        let statuses = TrialStatus.allCases.compactMap { status in
            outcome.statusCounts[status].map { "\($0) \(status.rawValue)" }
        }.joined(separator: ", ")
        console.printError("\(experiment.name): ran \(outcome.ran) trials" + (statuses.isEmpty ? "" : " (\(statuses))")
                           + ", \(outcome.cached) cached; results in \(runner.store.directory)")
    }

    static func describe(_ claim: ClaimVerdict) -> String {
        let p = claim.pValue.map { String(format: "p = %.3g", $0) } ?? "p = n/a"
        let difference = claim.meanDifference.map { String(format: "%+.4g", $0) } ?? "n/a"
        return "\(claim.verdict.rawValue.uppercased()): \(claim.expectation.statement) (difference \(difference), \(claim.pairs) pairs, \(p))"
    }
}
