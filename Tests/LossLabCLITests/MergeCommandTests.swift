import Foundation
import LossHarness
import Testing
@testable import LossLabCLI
import LossLabTestSupport

@Suite struct MergeCommandTests {
    @Test func mergingEveryShardEqualsOneRunApartFromTrainSeconds() throws {
        let scratch = try ShardingCLIScratch()
        for shard in 0..<3 {
            let run = scratch.losslab(["run", scratch.file, "--shard", "\(shard)/3", "--results", scratch.results, "--quiet", "--seeds", "1"])
            #expect(run.code == .success, "\(run.error)")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.directory + "/trials.csv"))
        let merged = scratch.losslab(["merge", scratch.directory + "/", "--no-plots"])
        #expect(merged.code == .success, "\(merged.error)")
        #expect(merged.error.contains("cli-shards: merged 6 trials into \(scratch.directory)"))
        let single = scratch.losslab(["run", scratch.file, "--results", scratch.path + "/single", "--quiet", "--no-plots", "--seeds", "1"])
        #expect(single.code == .success)
        for name in ["history.csv", "summary.csv", "claims.csv"] {
            #expect(try scratch.read("results/cli-shards/\(name)") == (try scratch.read("single/cli-shards/\(name)")), "\(name)")
        }
        let trials = try scratch.read("results/cli-shards/trials.csv").split(separator: "\n").count
        #expect(trials == 7)
    }

    @Test func missingShardsAreNamedWithTheCommandsThatRerunThem() throws {
        let scratch = try ShardingCLIScratch()
        #expect(scratch.losslab(["run", scratch.file, "--shard", "1/4", "--results", scratch.results, "--quiet"]).code == .success)
        let merged = scratch.losslab(["merge", scratch.directory, "--no-plots"])
        #expect(merged.code == .failure)
        #expect(merged.error.contains("\(scratch.directory): 9 of 12 trials are missing."))
        #expect(merged.error.contains("In 4 shards (--shard I/4), 3 shards have missing trials; run each again with:"))
        for shard in [0, 2, 3] {
            #expect(merged.error.contains("  shard \(shard)/4: 3 of 3 trials missing (no record: still running, or stopped before it could write one)"))
            #expect(merged.error.contains("    losslab run \(scratch.file) --shard \(shard)/4 --results \(scratch.results)\n"))
        }
        #expect(!merged.error.contains("shard 1/4:"))
        #expect(merged.error.contains("--partial"))
        #expect(!FileManager.default.fileExists(atPath: scratch.directory + "/trials.csv"))
    }

    @Test func partialAssemblesWhatIsStoredAndSaysSo() throws {
        let scratch = try ShardingCLIScratch()
        #expect(scratch.losslab(["run", scratch.file, "--shard", "0/2", "--results", scratch.results, "--quiet"]).code == .success)
        let merged = scratch.losslab(["merge", scratch.directory, "--partial", "--no-plots", "--quiet"])
        #expect(merged.code == .success)
        #expect(merged.error.contains("PARTIAL: \(scratch.directory): assembled 6 of 12 trials; 6 are missing"))
        #expect(merged.error.contains("shard 1/2: 6 of 6 trials missing"))
        #expect(try scratch.read("results/cli-shards/spec.json").contains("\"missing_trials\": 6,"))
        #expect(try scratch.read("results/cli-shards/trials.csv").split(separator: "\n").count == 7)
    }

    @Test func aRunWithADifferentDefinitionIsRefusedUnlessFresh() throws {
        let scratch = try ShardingCLIScratch()
        #expect(scratch.losslab(["run", scratch.file, "--shard", "0/2", "--results", scratch.results, "--quiet"]).code == .success)
        let other = scratch.losslab(["run", scratch.file, "--shard", "1/2", "--results", scratch.results, "--quiet", "--set", "training.epochs=3"])
        #expect(other.code == .cannotCreate)
        #expect(other.error.contains("cli-shards holds the results of another definition of this experiment (fields that differ: training)"))
        #expect(other.error.contains("--fresh"))
        let fresh = scratch.losslab(["run", scratch.file, "--results", scratch.results, "--quiet", "--no-plots", "--set", "training.epochs=3", "--fresh"])
        #expect(fresh.code == .success)
        #expect(try scratch.read("results/cli-shards/experiment.json").contains("\"epochs\": 3"))
        #expect(!FileManager.default.fileExists(atPath: scratch.directory + "/shards"))
    }

    @Test func theOriginalFileIsNotNeeded() throws {
        let scratch = try ShardingCLIScratch()
        #expect(scratch.losslab(["run", scratch.file, "--results", scratch.results, "--quiet", "--no-plots", "--set", "training.epochs=3"]).code == .success)
        try FileManager.default.removeItem(atPath: scratch.file)
        try FileManager.default.removeItem(atPath: scratch.directory + "/trials.csv")
        let merged = scratch.losslab(["merge", scratch.directory, "--no-plots", "--quiet"])
        #expect(merged.code == .success, "\(merged.error)")
        #expect(try scratch.read("results/cli-shards/history.csv").contains(",3,"))
    }

    @Test func foldersThatAreNotResultsAreRefused() throws {
        let scratch = try ShardingCLIScratch()
        let absent = scratch.losslab(["merge", scratch.path + "/nowhere"])
        #expect(absent.code == .noInput)
        #expect(absent.error.contains("no such folder"))
        let plain = scratch.losslab(["merge", scratch.path])
        #expect(plain.code == .noInput)
        #expect(plain.error.contains("experiment.json: does not exist"))
        #expect(scratch.losslab(["merge"]).code == .usage)
        #expect(scratch.losslab(["merge", "a", "b"]).code == .usage)
        #expect(scratch.losslab(["merge", scratch.path, "--bogus"]).code == .usage)
    }

    @Test func helpListsTheOptions() {
        let recording = RecordingConsole()
        #expect(LossLab.run(["merge", "--help"], console: recording.console) == .success)
        #expect(recording.out.hasPrefix("Usage: losslab merge RESULTS_DIR [--plots DIR] [--no-plots] [--partial] [--quiet]\n"))
        #expect(!LossLab.help.contains("merge sharded results"))
    }
}
