import Foundation
import LossHarness

/// `losslab slurm`: writes (and optionally submits) the Slurm job array of a sharded run and the
/// job that merges it.
enum SlurmCommand: Subcommand {
    static let name = "slurm"
    static let summary = "write and submit a Slurm job array that runs a study in shards, then merges it"
    static let help = """
    Usage: losslab slurm FILE --shards N [options]

    Writes two batch scripts into RESULTS/<name>/slurm/: array.sbatch, a job array of N tasks
    (--array=0-(N-1)) where task I runs `losslab run FILE --shard I/N --jobs $SLURM_CPUS_PER_TASK`,
    and merge.sbatch, which runs `losslab merge RESULTS/<name>`. Prints the sbatch commands that
    submit them; with --submit, submits them (the merge job with --dependency=afterok on the array)
    and prints both job ids.

    The jobs start in the current folder, so FILE and --results are taken from it; the cluster's
    nodes must see this folder and the losslab executable (a shared file system). Re-submitting
    the array, or some of its tasks (`sbatch --array=3,7 .../array.sbatch`), re-runs only the trials
    that are not stored yet.

    Options:
      --shards N           number of array tasks (required; at most the number of trials)
      --partition P        #SBATCH --partition
      --time T             #SBATCH --time, per task, e.g. 01:00:00
      --cpus-per-task C    #SBATCH --cpus-per-task; each task trains C trials at once
      --mem M              #SBATCH --mem, e.g. 4G
      --results DIR        results root (default: results)
      --plots DIR          figures root for the merge (default: plots)
      --set PATH=VALUE     override a field (passed to every task)
      --seeds N            number of repetitions (passed to every task)
      --losslab PATH       the losslab executable the jobs run (default: this one)
      --submit             submit both scripts with sbatch

    Exit codes: 0 written (and submitted), 1 sbatch failed, 64 bad options, 65 invalid file,
    66 unreadable file, 73 cannot write the scripts, or the results folder holds another
    definition of the experiment.

    Examples:
      losslab slurm experiments/outliers.json5 --shards 16 --partition cpu --time 01:00:00 --cpus-per-task 4 --submit
      losslab slurm experiments/outliers.json5 --shards 4 --seeds 3 --set training.epochs=5
    """

    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode {
        guard let shards = try arguments.positiveInteger("shards") else {
            throw CommandError("slurm: --shards N is required (the number of array tasks), see `losslab slurm --help`")
        }
        let partition = try directive(arguments.value("partition"), "partition")
        let time = try directive(arguments.value("time"), "time")
        let cpus = try arguments.positiveInteger("cpus-per-task")
        let memory = try directive(arguments.value("mem"), "mem")
        let resultsRoot = try arguments.path("results", default: "results")
        let plotsRoot = try arguments.path("plots", default: "plots")
        let overrides = try arguments.values("set")
        let seeds = try arguments.positiveInteger("seeds")
        let executableOption = try arguments.path("losslab")
        let submit = arguments.flag("submit")
        let positionals = try arguments.positionals()
        guard positionals.count == 1, let file = positionals.first else {
            throw CommandError("slurm: expected one experiment file (see `losslab slurm --help`)")
        }
        let directory = arguments.workingDirectory ?? FileManager.default.currentDirectoryPath
        let executable = try executablePath(executableOption, directory: directory)

        let (experiment, grid) = try ExperimentFiles.load(file, overrides: overrides, seeds: seeds, maximumTrials: Schema.defaultMaximumTrials, arguments: arguments)
        guard experiment.kind == .train else {
            throw CommandError("\(file): a curves experiment trains nothing and takes seconds; run it with `losslab run \(file)`", code: .dataError)
        }
        guard shards <= grid.count else {
            throw CommandError("slurm: --shards \(shards): \(experiment.name) has only \(grid.count) trials; use at most \(grid.count) shards")
        }
        let store = ResultStore(resultsRoot: resultsRoot, experiment: experiment.name)
        let record = ExperimentRecord(experiment, origin: ExperimentOrigin(file: file, overrides: overrides, seeds: seeds, directory: directory))
        if var conflict = try record.conflict(in: store, shard: true) {
            conflict.startOver = "remove that folder first"
            throw conflict
        }

        let job = SlurmJob(experiment: experiment.name, trials: grid.count, file: file, overrides: overrides, seeds: seeds,
                           shards: shards, resultsRoot: resultsRoot, plotsRoot: plotsRoot, partition: partition, time: time,
                           cpusPerTask: cpus, memory: memory, executable: executable, workingDirectory: directory,
                           commandLine: ["losslab"] + Array(CommandLine.arguments.dropFirst()))
        try AtomicFile.createDirectory(job.logDirectory)
        try AtomicFile.write(job.arrayScript(), to: job.arrayScriptPath)
        try AtomicFile.write(job.mergeScript(), to: job.mergeScriptPath)
        let assignment = ShardAssignment(grid: grid, count: shards)
        let mean = assignment.costs.reduce(0, +) / Double(shards)
        let balance = mean > 0 ? assignment.costs.max()! / mean : 1
        var sizes = [Int](repeating: 0, count: shards)
        for shard in assignment.shardOfTrial { sizes[Int(shard)] += 1 }
        let low = sizes.min()!, high = sizes.max()!
        console.printError("\(experiment.name): \(grid.count) trials in \(shards) shards (\(low == high ? "\(low)" : "\(low)-\(high)") trials each, "
                           + String(format: "the largest shard's estimated cost is %.2f x the mean", balance) + ")")
        console.printError("wrote \(job.arrayScriptPath) (array 0-\(shards - 1)) and \(job.mergeScriptPath); logs go to \(job.logDirectory)/")

        let arrayPath = ShellWords.quote(job.arrayScriptPath), mergePath = ShellWords.quote(job.mergeScriptPath)
        guard submit else {
            console.print("""
            # submit the array, then the merge to start when every task has succeeded:
            jobid=$(sbatch --parsable \(arrayPath) | cut -d';' -f1)
            sbatch --dependency=afterok:$jobid \(mergePath)
            """)
            return .success
        }
        let arrayJob = try sbatch(["--parsable", job.arrayScriptPath])
        let mergeJob = try sbatch(["--parsable", "--dependency=afterok:\(arrayJob)", job.mergeScriptPath])
        console.print("array job: \(arrayJob)")
        console.print("merge job: \(mergeJob)")
        console.printError("""
        submitted: sbatch --parsable \(arrayPath)  ->  job \(arrayJob) (tasks 0-\(shards - 1))
                   sbatch --parsable --dependency=afterok:\(arrayJob) \(mergePath)  ->  job \(mergeJob)
        progress:  squeue -j \(arrayJob),\(mergeJob)    (or: losslab merge \(ShellWords.quote(job.resultsDirectory)) --partial)
        """)
        return .success
    }

    /// A value for an `#SBATCH` line, checked so that it cannot break the script.
    static func directive(_ value: String?, _ option: String) throws -> String? {
        guard let value else { return nil }
        guard SlurmJob.isValidDirectiveValue(value) else {
            throw CommandError("slurm: --\(option) \(value): expected one word of letters, digits and _-.:,+=@%/[] (as Slurm writes it)")
        }
        return value
    }

    /// The absolute path of the losslab the jobs run: `--losslab`, or this executable.
    static func executablePath(_ option: String?, directory: String) throws -> String {
        if let option {
            let path = option.hasPrefix("/") ? option : Paths.join(directory, option)
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw CommandError("slurm: --losslab \(option): not an executable file", code: .noInput)
            }
            return Paths.normalized(path)
        }
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"), path.hasPrefix("/") { return path }
        if let path = Bundle.main.executablePath { return path }
        throw CommandError("slurm: cannot tell where this losslab is; give its absolute path with --losslab PATH")
    }

    /// Runs `sbatch` with `arguments` and returns the job id it prints (`--parsable`: `id[;cluster]`).
    static func sbatch(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sbatch"] + arguments
        let out = Pipe(), error = Pipe()
        process.standardOutput = out
        process.standardError = error
        do { try process.run() } catch {
            throw CommandError("slurm: cannot run sbatch: \(error.localizedDescription)", code: .failure)
        }
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errorText = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let command = ShellWords.join(["sbatch"] + arguments)
        guard process.terminationStatus == 0 else {
            let reason = errorText.trimmingCharacters(in: .whitespacesAndNewlines)
            throw CommandError("slurm: `\(command)` failed (exit \(process.terminationStatus))" + (reason.isEmpty ? "" : ": \(reason)")
                               + (process.terminationStatus == 127 ? " (is sbatch on the PATH? run this on a login node)" : ""), code: .failure)
        }
        let id = output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ";").first.map(String.init) ?? ""
        guard !id.isEmpty, id.allSatisfy(\.isNumber) else {
            throw CommandError("slurm: `\(command)` printed no job id: \(output)", code: .failure)
        }
        return id
    }
}
