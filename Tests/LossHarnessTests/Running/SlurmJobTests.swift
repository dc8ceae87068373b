import Testing
@testable import LossHarness
import LossLabTestSupport

@Suite struct SlurmJobTests {
    static let job = SlurmJob(experiment: "outliers", trials: 200, file: "experiments/outliers.json5",
                              overrides: ["training.epochs=5", "loss=[mse, mae]"], seeds: 3, shards: 16,
                              resultsRoot: "results", plotsRoot: "plots", partition: "cpu", time: "01:00:00", cpusPerTask: 4,
                              memory: "4G", executable: "/opt/losslab/bin/losslab", workingDirectory: "/home/me/losslab",
                              commandLine: ["losslab", "slurm", "experiments/outliers.json5", "--shards", "16"])

    static func lines(_ text: String, prefix: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { $0.hasPrefix(prefix) }
    }

    @Test func theArrayHasOneTaskPerShard() {
        let script = Self.job.arrayScript()
        #expect(script.hasPrefix("#!/bin/bash\n"))
        #expect(Self.lines(script, prefix: "#SBATCH") == [
            "#SBATCH --job-name=losslab-outliers",
            "#SBATCH --array=0-15",
            "#SBATCH --chdir=/home/me/losslab",
            "#SBATCH --output=/home/me/losslab/results/outliers/slurm/logs/array-%A_%a.out",
            "#SBATCH --partition=cpu",
            "#SBATCH --time=01:00:00",
            "#SBATCH --ntasks=1",
            "#SBATCH --cpus-per-task=4",
            "#SBATCH --mem=4G",
        ])
        #expect(SlurmJob.arrayCount(inScript: script) == 16)
    }

    /// Each task runs its shard with as many parallel trials as it has CPUs, and the same
    /// overrides, seeds and results root as the command that wrote the script.
    @Test func eachTaskRunsItsShardOnItsCPUs() {
        let exec = Self.lines(Self.job.arrayScript(), prefix: "exec ")
        #expect(exec == ["exec /opt/losslab/bin/losslab run experiments/outliers.json5 --shard \"${SLURM_ARRAY_TASK_ID}/16\" "
                         + "--jobs \"${SLURM_CPUS_PER_TASK:-1}\" --results results --set training.epochs=5 --set 'loss=[mse, mae]' "
                         + "--seeds 3 --quiet"])
    }

    @Test func theScriptsSayHowToResumeAndMerge() {
        let script = Self.job.arrayScript()
        #expect(script.contains("#   sbatch --array=3,7 results/outliers/slurm/array.sbatch"))
        #expect(script.contains("/opt/losslab/bin/losslab merge results/outliers"))
        #expect(script.contains("# Written by: losslab slurm experiments/outliers.json5 --shards 16"))
    }

    @Test func theMergeJobRunsMergeAndIsCancelledIfATaskFails() {
        let script = Self.job.mergeScript()
        #expect(Self.lines(script, prefix: "#SBATCH") == [
            "#SBATCH --job-name=losslab-outliers-merge",
            "#SBATCH --chdir=/home/me/losslab",
            "#SBATCH --output=/home/me/losslab/results/outliers/slurm/logs/merge-%j.out",
            "#SBATCH --kill-on-invalid-dep=yes",
            "#SBATCH --partition=cpu",
            "#SBATCH --time=01:00:00",
            "#SBATCH --ntasks=1",
            "#SBATCH --mem=4G",
        ])
        #expect(Self.lines(script, prefix: "exec ") == ["exec /opt/losslab/bin/losslab merge results/outliers --plots plots"])
        #expect(SlurmJob.arrayCount(inScript: script) == nil)
    }

    @Test func resourcesNotGivenAreLeftToSlurm() {
        let job = SlurmJob(experiment: "x", trials: 10, file: "/data/x.json5", shards: 2, resultsRoot: "/scratch/r",
                           executable: "/bin/losslab", workingDirectory: "/w")
        #expect(Self.lines(job.arrayScript(), prefix: "#SBATCH") == [
            "#SBATCH --job-name=losslab-x", "#SBATCH --array=0-1", "#SBATCH --chdir=/w",
            "#SBATCH --output=/scratch/r/x/slurm/logs/array-%A_%a.out", "#SBATCH --ntasks=1",
        ])
        #expect(job.arrayScript().contains("--jobs \"${SLURM_CPUS_PER_TASK:-1}\" --results /scratch/r --quiet"))
        #expect(job.arrayScriptPath == "/scratch/r/x/slurm/array.sbatch")
    }

    @Test(arguments: ["cpu", "01:00:00", "2-00:00:00", "4G", "gpu,cpu", "node[1-4]"])
    func slurmValuesAreAccepted(value: String) {
        #expect(SlurmJob.isValidDirectiveValue(value))
    }

    @Test(arguments: ["", "a b", "cpu\n#SBATCH --x", "$(rm -rf /)", "'q'", "a;b"])
    func valuesThatWouldBreakTheScriptAreRefused(value: String) {
        #expect(!SlurmJob.isValidDirectiveValue(value))
    }
}
