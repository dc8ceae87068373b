import Foundation
import LossHarness

/// `losslab run`: trains every trial of experiment files in parallel and writes results and figures.
enum RunCommand: Subcommand {
    static let name = "run"
    static let summary = "run experiment files: train every trial, write results/ and plots/"
    static let help = """
    Usage: losslab run [FILE...] [options]
           losslab run --quick --commits A..B [--results DIR] [--force]

    Runs every trial of each experiment file (default: every experiments/*.json5) over its seeds,
    in parallel, and writes results/<name>/ (trials.csv, history.csv, summary.csv, claims.csv,
    spec.json, trials/*.json) and plots/<name>/ (gnuplot scripts, PNG and SVG).

    A results folder holds the results of one definition of an experiment, recorded in
    results/<name>/experiment.json before the first trial (the file after --set, --seeds and
    --quick, and the command that made it); figures and the report name it. A run on a folder
    that holds another definition:
      - is refused (exit 73, nothing changed) when either run used --set, --seeds or --quick, or
        for a shard: a quick look never replaces a finished study. Give it its own folder with
        --results DIR, or start over with --fresh;
      - follows the file when both are the file as written: the file was edited, the folder is
        updated (with a notice), and stored trials the new version still has are reused.
    Changing only the title, description, claim or plots needs no new trial.
    A shard run stores its trials and writes results/<name>/shards/I-of-N.json when it stops;
    `losslab merge` assembles the shards.

    Finished trials are stored at once: a run that is interrupted or killed resumes where it
    stopped when run again. Trials stored by another build of losslab are stale and redone.

    Options:
      --jobs N           trials run in parallel (default: the number of active cores)
      --results DIR      results root (default: results)
      --plots DIR        figures root (default: plots)
      --set PATH=VALUE   override a field, e.g. --set training.epochs=5 --set "loss=[mse,mae]"
      --seeds N          number of repetitions (overrides the file's seeds)
      --quick            reduced settings for a fast regression gate, train experiments only:
                         2 seeds (or --seeds N), at most 3 epochs, at most 400 training and 400
                         test samples; caps apply after --set, curves experiments run as written
      --commits A..B     with --quick: for each commit of the git range (or one revision), build it
                         (release, in a temporary git worktree, cached in .build/history/<commit>),
                         run --quick on that commit's experiments/*.json5 and append the mean of
                         each quality metric per study to <results>/quality-history.csv (commits
                         already there are skipped unless --force); draw it with `losslab history`
      --fresh            discard stored trials of these experiments and start over (with --shard:
                         only that shard's); replaces a different definition
      --dry-run          list the trials and whether each is done, stale or pending; run nothing
      --shard I/N        run only shard I of N (0-based), for clusters; see `losslab merge`
      --max-trials N     refuse grids larger than N trials (default: \(Schema.defaultMaximumTrials))
      --no-plots         write results only
      --quiet            no progress on standard error

    Exit codes: 0 the run completed (whatever the trials' outcomes: diverged and skipped trials
    are results), 1 a claim had no pair of trials to compare (the results are written),
    65 invalid file, 66 unreadable file, 73 cannot write results (or the results folder holds
    another definition), 130/143/129 stopped by SIGINT/SIGTERM/SIGHUP (run the same command
    again to resume), 64 bad options.

    Examples:
      losslab run experiments/outliers.json5
      losslab run experiments/outliers.json5 --seeds 3 --set training.epochs=5 --results /tmp/quick
      losslab run --dry-run experiments/imbalanced.json5
      losslab run --quick --results .build/quick-results --no-plots --quiet
      losslab run experiments/outliers.json5 --shard 0/4   # then: losslab merge results/outliers
    """

    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode {
        if let range = try arguments.value("commits") { return try runCommits(range, arguments: &arguments, console: console) }
        _ = GitCommit.shared  // starts the lookup for spec.json while the files load
        let jobs = try arguments.positiveInteger("jobs") ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
        let resultsRoot = try arguments.path("results", default: "results")
        let plotsRoot = try arguments.path("plots", default: "plots")
        let overrides = try arguments.values("set")
        let seeds = try arguments.positiveInteger("seeds")
        let maximumTrials = try arguments.positiveInteger("max-trials") ?? Schema.defaultMaximumTrials
        let shard = try parseShard(try arguments.value("shard"))
        let fresh = arguments.flag("fresh")
        let dryRun = arguments.flag("dry-run")
        let quiet = arguments.flag("quiet")
        let noPlots = arguments.flag("no-plots")
        let quick = arguments.flag("quick")
        let files = try ExperimentFiles.expand(try arguments.positionals(), arguments: arguments)
        let loaded = try files.map { file in
            try ExperimentFiles.load(file, overrides: overrides, seeds: seeds, quick: quick, maximumTrials: maximumTrials, arguments: arguments)
        }
        var names: [String: String] = [:]
        for (experiment, _) in loaded {
            if let other = names[experiment.name] {
                throw CommandError("\(experiment.file): name \"\(experiment.name)\" is also the name of \(other); each experiment needs its own name (its results folder)", code: .dataError)
            }
            names[experiment.name] = experiment.file
        }
        var failed = false
        let cancellation = Cancellation()
        if !dryRun { Signals.install(cancellation, console: console) }
        defer { if !dryRun { Signals.uninstall() } }
        let provenance = currentProvenance()
        let directory = arguments.workingDirectory ?? FileManager.default.currentDirectoryPath
        for (experiment, _) in loaded {
            let origin = ExperimentOrigin(file: experiment.file, overrides: overrides, seeds: seeds, directory: directory, quick: quick)
            let options = RunOptions(resultsRoot: resultsRoot, jobs: jobs, fresh: fresh, shard: shard, maximumTrials: maximumTrials,
                                     origin: origin)
            let runner = try Runner(experiment: experiment, options: options)
            if dryRun {
                printDryRun(runner, console: console)
                continue
            }
            let progress = ProgressPrinter(console: console, quiet: quiet, label: experiment.name)
            let result: ExperimentRun.Outcome
            do {
                result = try ExperimentRun.execute(runner, provenance: provenance, cancellation: cancellation,
                                                    observe: progress.handle)
            } catch {
                progress.close()
                throw error
            }
            progress.close()
            let outcome = result.run
            if outcome.interrupted, let signal = cancellation.signal {
                console.printError("\(experiment.name): stopped after \(outcome.cached + outcome.ran) of \(outcome.total) trials; "
                                   + "finished trials are kept in \(runner.store.directory). Run the same command again to resume.")
                return .stopped(by: signal)
            }
            if !quiet {
                printOutcome(experiment, outcome, runner: runner, console: console)
                for claim in result.report?.claims ?? [] where claim.pairs > 0 { console.printError("  " + describe(claim)) }
            }
            if reportClaimsWithoutPairs(result.report?.claims ?? [], experiment: experiment, console: console) { failed = true }
            if shard == nil && !noPlots {
                try PlotCommand.plot(experiment: experiment, grid: runner.grid, resultsRoot: resultsRoot, plotsRoot: plotsRoot,
                                     console: console, quiet: quiet, note: RecordedDefinition.note(origin))
            }
        }
        return failed ? .failure : .success
    }

    /// Prints an error for each claim that had no pair of trials to test (every trial of one side
    /// missing, skipped, diverged or without the metric): that is not a verdict. True if any.
    static func reportClaimsWithoutPairs(_ claims: [ClaimVerdict], experiment: Experiment, console: Console) -> Bool {
        let empty = claims.filter { $0.pairs == 0 }
        for claim in empty {
            console.printError("error: \(experiment.file): claim \"\(claim.claim.statement)\" has no pair of trials to compare: "
                               + "no repetition has a finite \(claim.claim.metric) for both \(claim.claim.better) and "
                               + "\(claim.claim.than) (see the status column of trials.csv); it is not judged")
        }
        return !empty.isEmpty
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
        var counts: [Runner.CacheState: Int] = [:]
        var rows = ""
        runner.forEachTrialState(indices: indices) { trial, id, state in
            counts[state, default: 0] += 1
            let fields = [String(trial.index), id, trial.series] + runner.grid.sweptPaths.map { trial.swept[$0]?.text ?? "" }
                + [String(trial.repetition), state.rawValue]
            rows += CSV.row(fields)
        }
        console.print("# \(runner.experiment.name): \(indices.count) trials (\(counts[.done] ?? 0) done, \(counts[.stale] ?? 0) stale, \(counts[.unreadable] ?? 0) unreadable, \(counts[.pending] ?? 0) pending)")
        console.print(String(CSV.row(["index", "trial_id", "series"] + runner.grid.sweptPaths + ["repetition", "state"]).dropLast()))
        if !rows.isEmpty { console.print(String(rows.dropLast())) }
    }

    static func printOutcome(_ experiment: Experiment, _ outcome: RunOutcome, runner: Runner, console: Console) {
        let statuses = TrialStatus.allCases.compactMap { status in
            outcome.statusCounts[status].map { "\($0) \(status.rawValue)" }
        }.joined(separator: ", ")
        console.printError("\(experiment.name): ran \(outcome.ran) trials" + (statuses.isEmpty ? "" : " (\(statuses))")
                           + ", \(outcome.cached) cached; results in \(runner.store.directory)")
    }

    static func describe(_ claim: ClaimVerdict) -> String {
        claim.summaryLine
    }
}
