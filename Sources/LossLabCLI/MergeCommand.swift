import Foundation
import LossHarness

/// `losslab merge`: assembles the results of a sharded run from the trials its shards stored.
enum MergeCommand: Subcommand {
    static let name = "merge"
    static let summary = "assemble the results of a sharded run (after --shard or losslab slurm)"
    static let help = """
    Usage: losslab merge RESULTS_DIR [--plots DIR] [--no-plots] [--partial] [--quiet]

    Rebuilds the experiment of RESULTS_DIR (results/<name>) from its experiment.json, checks that
    every trial of its grid is stored in RESULTS_DIR/trials/, then writes trials.csv, history.csv,
    summary.csv, claims.csv and spec.json in grid order, and the figures into DIR/<name>/. The
    original experiment file is not needed. The CSV files are byte for byte those of a run on one
    machine, apart from the train_seconds column.

    When trials are missing, merge names the shards that own them (for each shard count seen in
    the folder) and the command that runs each again, writes nothing and exits 1. With --partial
    it assembles what is stored and says so: on standard error, and in spec.json's
    "missing_trials".

    Options:
      --plots DIR   figures root (default: plots)
      --no-plots    write results only
      --partial     assemble even when trials are missing
      --quiet       only warnings and errors on standard error

    Exit codes: 0 merged, 1 trials are missing (without --partial), 64 bad options, 65 invalid
    experiment.json, 66 no such folder or no experiment.json, 73 cannot write results.

    Examples:
      losslab merge results/outliers
      losslab merge results/outliers --partial --no-plots
    """

    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode {
        let plotsRoot = try arguments.path("plots", default: "plots")
        let noPlots = arguments.flag("no-plots")
        let partial = arguments.flag("partial")
        let quiet = arguments.flag("quiet")
        let positionals = try arguments.positionals()
        guard positionals.count == 1, let given = positionals.first else {
            throw CommandError("merge: expected one results folder, e.g. `losslab merge results/outliers` (see `losslab merge --help`)")
        }
        guard !given.isEmpty else { throw CommandError("merge: an empty path: name a results folder, e.g. results/outliers") }
        let directory = arguments.resolve(Paths.normalized(given))
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandError("\(directory): no such folder (expected results/<experiment>, the folder a run wrote)", code: .noInput)
        }
        let results = try ShardedResults(directory: directory)
        let experiment = results.experiment
        let resultsRoot = Paths.folder(of: directory)
        if results.builds.count > 1 {
            let builds = results.builds.keys.sorted().map { "\($0) (\(results.builds[$0]!) trials)" }.joined(separator: ", ")
            console.printError("warning: \(directory): the stored trials were made by \(results.builds.count) builds of losslab: \(builds)")
        }
        if !results.isComplete {
            reportMissing(results, directory: directory, resultsRoot: resultsRoot, partial: partial, console: console)
            if !partial { return .failure }
        }

        let lock = try RunLock(path: results.store.path(Runner.lockName(shard: nil)), purpose: "assembling \(experiment.name)")
        let report = try withExtendedLifetime(lock) {
            try ResultsAssembler(experiment: experiment, grid: results.grid, store: results.store).assemble(provenance: currentProvenance())
        }
        if !report.missing.isEmpty {
            console.printError("PARTIAL: \(directory): assembled \(report.trialsWritten) of \(results.grid.count) trials; "
                               + "\(report.missing.count) are missing (spec.json: \"missing_trials\": \(report.missing.count)). "
                               + "Summaries and claims use only the stored trials.")
        } else if !quiet {
            console.printError("\(experiment.name): merged \(report.trialsWritten) trials into \(directory)")
        }
        if !quiet {
            for claim in report.claims where claim.pairs > 0 { console.printError("  " + RunCommand.describe(claim)) }
        }
        // A partial merge lacks trials by design; a complete one whose claim has no pair is an error.
        let unjudged = report.missing.isEmpty && RunCommand.reportClaimsWithoutPairs(report.claims, experiment: experiment, console: console)
        if !noPlots {
            if Paths.lastComponent(of: directory) == experiment.name {
                try PlotCommand.plot(experiment: experiment, grid: results.grid, resultsRoot: resultsRoot, plotsRoot: plotsRoot,
                                     console: console, quiet: quiet, note: RecordedDefinition.note(results.record.provenance))
            } else {
                console.printError("warning: \(directory) is not named after its experiment (\(experiment.name)); figures not drawn")
            }
        }
        return unjudged ? .failure : .success
    }

    /// Names the shards that own the missing trials, and the commands that run them again.
    static func reportMissing(_ results: ShardedResults, directory: String, resultsRoot: String, partial: Bool, console: Console) {
        let current = FileManager.default.currentDirectoryPath
        let missing = results.missing.count
        console.printError("\(directory): \(missing) of \(results.grid.count) trials are missing"
                           + (partial ? "; assembling the \(results.grid.count - missing) stored (--partial)." : "."))
        if results.shardCounts.isEmpty {
            console.printError("No shard run has used this folder. Run the missing trials (stored ones are kept) with:\n  "
                               + results.rerunCommand(shard: nil, resultsRoot: resultsRoot, currentDirectory: current))
        }
        let arrayCount = (try? String(contentsOfFile: results.store.path("slurm/array.sbatch"), encoding: .utf8))
            .flatMap { SlurmJob.arrayCount(inScript: $0) }
        for count in results.shardCounts {
            let shards = results.missingShards(count: count)
            guard !shards.isEmpty else { continue }
            console.printError("In \(count) shards (--shard I/\(count)), \(shards.count == 1 ? "1 shard has" : "\(shards.count) shards have") missing trials; "
                               + (shards.count == 1 ? "run it again with:" : "run each again with:"))
            for shard in shards {
                let state: String
                if let record = shard.record {
                    state = "\(record.status.rawValue) on \(record.host), \(record.finished)"
                } else {
                    state = "no record: still running, or stopped before it could write one"
                }
                console.printError("  shard \(shard.shard)/\(count): \(shard.missing) of \(shard.trials) trials missing (\(state))")
                console.printError("    " + results.rerunCommand(shard: (shard.shard, count), resultsRoot: resultsRoot, currentDirectory: current))
            }
            if arrayCount == count {
                let tasks = shards.map { String($0.shard) }.joined(separator: ",")
                console.printError("  or re-submit those tasks of the Slurm array: sbatch --array=\(tasks) "
                                   + ShellWords.quote(results.store.path("slurm/array.sbatch")))
            }
        }
        if !partial {
            console.printError("Then merge again; `losslab merge \(ShellWords.quote(directory)) --partial` assembles what is stored now.")
        }
    }
}
