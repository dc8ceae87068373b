import Foundation

/// The two batch scripts that run an experiment on a Slurm cluster: a job array with one task per
/// shard (`array.sbatch`), and a job that merges the shards (`merge.sbatch`), submitted to start
/// once every task has succeeded. They are plain text meant to be read and edited.
///
/// Each task runs `losslab run FILE --shard $SLURM_ARRAY_TASK_ID/N`, which stores every trial the
/// moment it ends and skips the trials already stored: submitting the array again (or one task of
/// it, `sbatch --array=3 array.sbatch`) re-runs only what is missing.
public struct SlurmJob: Sendable {
    public var experiment: String
    public var trials: Int
    /// The experiment file and the options that resolve it, as the user gave them.
    public var file: String
    public var overrides: [String]
    public var seeds: Int?
    public var shards: Int
    public var resultsRoot: String
    public var plotsRoot: String
    public var partition: String?
    public var time: String?
    public var cpusPerTask: Int?
    public var memory: String?
    /// Absolute path of the losslab executable on the cluster.
    public var executable: String
    /// Absolute folder the jobs start in (the folder `file` and `resultsRoot` are relative to).
    public var workingDirectory: String
    /// The command that wrote the scripts, quoted in their header.
    public var commandLine: [String]

    public init(experiment: String, trials: Int, file: String, overrides: [String] = [], seeds: Int? = nil, shards: Int,
                resultsRoot: String = "results", plotsRoot: String = "plots", partition: String? = nil, time: String? = nil,
                cpusPerTask: Int? = nil, memory: String? = nil, executable: String, workingDirectory: String,
                commandLine: [String] = []) {
        self.experiment = experiment
        self.trials = trials
        self.file = file
        self.overrides = overrides
        self.seeds = seeds
        self.shards = shards
        self.resultsRoot = resultsRoot
        self.plotsRoot = plotsRoot
        self.partition = partition
        self.time = time
        self.cpusPerTask = cpusPerTask
        self.memory = memory
        self.executable = executable
        self.workingDirectory = workingDirectory
        self.commandLine = commandLine
    }

    /// `results/<experiment>`, as the user gave the results root.
    public var resultsDirectory: String { Paths.join(resultsRoot, experiment) }
    /// Where the scripts go: `results/<experiment>/slurm`.
    public var scriptDirectory: String { Paths.join(resultsDirectory, "slurm") }
    public var arrayScriptPath: String { scriptDirectory + "/array.sbatch" }
    public var mergeScriptPath: String { scriptDirectory + "/merge.sbatch" }
    /// The jobs' logs, absolute: Slurm opens them before the job starts, wherever it starts.
    public var logDirectory: String { absolute(scriptDirectory + "/logs") }

    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : Paths.join(workingDirectory, path)
    }

    /// `#SBATCH` lines for the resources given on the command line (Slurm's defaults otherwise).
    private func resourceLines(cpus: Int?) -> [String] {
        var lines: [String] = []
        if let partition { lines.append("#SBATCH --partition=\(partition)") }
        if let time { lines.append("#SBATCH --time=\(time)") }
        lines.append("#SBATCH --ntasks=1")
        if let cpus { lines.append("#SBATCH --cpus-per-task=\(cpus)") }
        if let memory { lines.append("#SBATCH --mem=\(memory)") }
        return lines
    }

    private var header: String {
        """
        #!/bin/bash
        # LossLab: experiment "\(experiment)" (\(trials) trials) on Slurm, in \(shards) shards.
        # Written by: \(ShellWords.join(commandLine.isEmpty ? ["losslab", "slurm"] : commandLine))
        """
    }

    /// The job array: task I runs shard I of N.
    public func arrayScript() -> String {
        let run = [ShellWords.quote(executable), "run", ShellWords.quote(file),
                   "--shard", "\"${SLURM_ARRAY_TASK_ID}/\(shards)\"", "--jobs", "\"${SLURM_CPUS_PER_TASK:-1}\"",
                   "--results", ShellWords.quote(resultsRoot)]
            + overrides.flatMap { ["--set", ShellWords.quote($0)] } + (seeds.map { ["--seeds", String($0)] } ?? []) + ["--quiet"]
        return header + "\n" + """
        #
        # Each array task runs one shard: the trials that `losslab run --shard I/\(shards)` assigns to
        # shard I, balanced by estimated cost. Trials run in parallel on the task's CPUs
        # (--jobs follows --cpus-per-task) and each is stored in \(resultsDirectory)/trials/ the moment
        # it ends; the task writes \(resultsDirectory)/shards/I-of-\(shards).json when it stops.
        #
        # Resume: submitting this script again re-runs only the trials that are not stored yet, so
        # after a time limit or a node failure re-submit the failed tasks only:
        #   sbatch --array=3,7 \(arrayScriptPath)
        # then merge by hand (`\(ShellWords.join([executable, "merge", resultsDirectory]))`) or
        # submit merge.sbatch again. Logs: \(logDirectory)/array-<job>_<task>.out
        #SBATCH --job-name=losslab-\(experiment)
        #SBATCH --array=0-\(shards - 1)
        #SBATCH --chdir=\(workingDirectory)
        #SBATCH --output=\(logDirectory)/array-%A_%a.out
        \(resourceLines(cpus: cpusPerTask).joined(separator: "\n"))

        set -euo pipefail
        echo "losslab: shard ${SLURM_ARRAY_TASK_ID}/\(shards) of \(experiment) on $(hostname), ${SLURM_CPUS_PER_TASK:-1} CPUs"
        exec \(run.joined(separator: " "))

        """
    }

    /// The merge job: assembles the CSV files and figures once every shard is stored.
    public func mergeScript() -> String {
        let merge = [executable, "merge", resultsDirectory, "--plots", plotsRoot]
        return header + "\n" + """
        #
        # Merges the shards of the array into \(resultsDirectory)/ (trials.csv, history.csv,
        # summary.csv, claims.csv, spec.json) and draws the figures into \(plotsRoot)/. Submitted with
        # --dependency=afterok:<array job>, it starts once every task has succeeded; if a task fails
        # it is cancelled (--kill-on-invalid-dep): re-submit the failed tasks, then merge by hand
        # (`losslab merge` names any shard that is still missing and the command that runs it).
        #SBATCH --job-name=losslab-\(experiment)-merge
        #SBATCH --chdir=\(workingDirectory)
        #SBATCH --output=\(logDirectory)/merge-%j.out
        #SBATCH --kill-on-invalid-dep=yes
        \(resourceLines(cpus: nil).joined(separator: "\n"))

        set -euo pipefail
        exec \(ShellWords.join(merge))

        """
    }

    /// The array size `N` of an array script written by ``arrayScript()`` (its `--array=0-K`
    /// line), for `merge` to tell whether re-submitting some of its tasks re-runs a missing shard.
    public static func arrayCount(inScript text: String) -> Int? {
        for line in text.split(separator: "\n") where line.hasPrefix("#SBATCH --array=0-") {
            return Int(line.dropFirst("#SBATCH --array=0-".count)).map { $0 + 1 }
        }
        return nil
    }

    /// Checks a value that goes into an `#SBATCH` line: one word of the characters Slurm's values use.
    public static func isValidDirectiveValue(_ value: String) -> Bool {
        !value.isEmpty && value.count <= 200 && value.unicodeScalars.allSatisfy { c in
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || "_-.:,+=@%/[]".unicodeScalars.contains(c)
        }
    }
}
