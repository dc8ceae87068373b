import Foundation
import LossHarness
import Testing
@testable import LossLabCLI
import LossLabTestSupport

@Suite struct SlurmCommandTests {
    @Test func writesTheArrayAndMergeScriptsAndPrintsTheSbatchCommands() throws {
        let scratch = try ShardingCLIScratch()
        let result = scratch.losslab(["slurm", scratch.file, "--shards", "4", "--results", scratch.results, "--plots", scratch.path + "/plots",
                                      "--partition", "cpu", "--time", "01:00:00", "--cpus-per-task", "4", "--mem", "4G",
                                      "--set", "training.epochs=3", "--seeds", "1", "--losslab", "/bin/sh"])
        #expect(result.code == .success, "\(result.error)")
        let array = try scratch.read("results/cli-shards/slurm/array.sbatch")
        let merge = try scratch.read("results/cli-shards/slurm/merge.sbatch")
        #expect(array.contains("#SBATCH --array=0-3\n"))
        #expect(array.contains("#SBATCH --partition=cpu\n#SBATCH --time=01:00:00\n#SBATCH --ntasks=1\n#SBATCH --cpus-per-task=4\n#SBATCH --mem=4G\n"))
        #expect(array.contains("#SBATCH --chdir=\(FileManager.default.currentDirectoryPath)\n"))
        #expect(array.contains("exec /bin/sh run \(scratch.file) --shard \"${SLURM_ARRAY_TASK_ID}/4\" --jobs \"${SLURM_CPUS_PER_TASK:-1}\" "
                               + "--results \(scratch.results) --set training.epochs=3 --seeds 1 --quiet\n"))
        #expect(merge.contains("exec /bin/sh merge \(scratch.directory) --plots \(scratch.path)/plots\n"))
        #expect(merge.contains("#SBATCH --kill-on-invalid-dep=yes\n"))
        #expect(FileManager.default.fileExists(atPath: scratch.directory + "/slurm/logs"))
        #expect(result.out == """
        # submit the array, then the merge to start when every task has succeeded:
        jobid=$(sbatch --parsable \(scratch.directory)/slurm/array.sbatch | cut -d';' -f1)
        sbatch --dependency=afterok:$jobid \(scratch.directory)/slurm/merge.sbatch

        """)
        #expect(result.error.contains("cli-shards: 6 trials in 4 shards"))
        // Writing the scripts runs nothing: no trial and no experiment.json yet.
        #expect(!FileManager.default.fileExists(atPath: scratch.directory + "/experiment.json"))
    }

    @Test func theDefaultExecutableIsThisOneByItsAbsolutePath() throws {
        let scratch = try ShardingCLIScratch()
        #expect(scratch.losslab(["slurm", scratch.file, "--shards", "2", "--results", scratch.results]).code == .success)
        let exec = try scratch.read("results/cli-shards/slurm/array.sbatch").split(separator: "\n").first { $0.hasPrefix("exec ") }
        let path = try #require(exec?.split(separator: " ").dropFirst().first.map(String.init))
        #expect(path.hasPrefix("/") && FileManager.default.isExecutableFile(atPath: path))
    }

    @Test func badOptionsAreRefused() throws {
        let scratch = try ShardingCLIScratch()
        let base = ["slurm", scratch.file, "--results", scratch.results, "--losslab", "/bin/sh"]
        #expect(scratch.losslab(base).code == .usage)
        let tooMany = scratch.losslab(base + ["--shards", "13"])
        #expect(tooMany.code == .usage)
        #expect(tooMany.error.contains("cli-shards has only 12 trials; use at most 12 shards"))
        #expect(scratch.losslab(base + ["--shards", "0"]).code == .usage)
        let partition = scratch.losslab(base + ["--shards", "2", "--partition", "cpu\n#SBATCH --exclusive"])
        #expect(partition.code == .usage)
        #expect(partition.error.contains("slurm: --partition"))
        #expect(scratch.losslab(base + ["--shards", "2", "--time", "1 hour"]).code == .usage)
        #expect(scratch.losslab(["slurm", scratch.file, "--shards", "2", "--losslab", scratch.path + "/none"]).code == .noInput)
        #expect(scratch.losslab(["slurm", scratch.path + "/none.json5", "--shards", "2"]).code == .noInput)
    }

    @Test func aFolderHoldingAnotherDefinitionIsRefusedBeforeSubmitting() throws {
        let scratch = try ShardingCLIScratch()
        #expect(scratch.losslab(["run", scratch.file, "--shard", "0/2", "--results", scratch.results, "--quiet"]).code == .success)
        let result = scratch.losslab(["slurm", scratch.file, "--shards", "2", "--results", scratch.results, "--losslab", "/bin/sh",
                                      "--set", "training.epochs=3"])
        #expect(result.code == .cannotCreate)
        #expect(result.error.contains("holds the results of another definition"))
        #expect(result.error.contains("remove that folder first"))
        #expect(!FileManager.default.fileExists(atPath: scratch.directory + "/slurm"))
        #expect(scratch.losslab(["slurm", scratch.file, "--shards", "2", "--results", scratch.results, "--losslab", "/bin/sh"]).code == .success)
    }

    @Test func curvesExperimentsAreRunLocally() throws {
        let scratch = try ShardingCLIScratch(study: """
        { version: 1, name: "curves", kind: "curves", loss: ["mse", "mae"] }
        """)
        let result = scratch.losslab(["slurm", scratch.file, "--shards", "2", "--losslab", "/bin/sh"])
        #expect(result.code == .dataError)
        #expect(result.error.contains("a curves experiment trains nothing"))
    }

    @Test func helpShowsTheClusterExample() {
        let recording = RecordingConsole()
        #expect(LossLab.run(["slurm", "--help"], console: recording.console) == .success)
        #expect(recording.out.contains("losslab slurm experiments/outliers.json5 --shards 16 --partition cpu --time 01:00:00 --cpus-per-task 4 --submit"))
    }
}
