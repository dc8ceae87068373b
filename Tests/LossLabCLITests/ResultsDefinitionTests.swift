import Foundation
import LossHarness
import Testing
@testable import LossLabCLI
import LossLabTestSupport

/// A results folder holds one definition of an experiment, and figures and the report name it:
/// a quick look never replaces a finished study, an edited file is followed, and results made with
/// overrides say so wherever they are shown.
@Suite struct ResultsDefinitionTests {
    /// What a finished study leaves that a later command must not replace.
    static let kept = ["results/tiny/trials.csv", "results/tiny/summary.csv", "results/tiny/claims.csv",
                       "results/tiny/experiment.json", "plots/tiny/l.gp", "results/tiny/figures/l.dat"]

    static func snapshot(_ folder: TemporaryFolder) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in kept { files[name] = try folder.read(name) }
        return files
    }

    static func finishedStudy() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write(tinyExperiment(), to: "tiny.json5")
        let first = losslab(["run", "tiny.json5", "--quiet"], in: folder)
        #expect(first.code == .success, "\(first.error)")
        return folder
    }

    /// The README's quick look on the folder of a finished study is refused and changes nothing.
    @Test(arguments: [["--seeds", "3", "--set", "training.epochs=1"], ["--quick"], ["--set", "training.epochs=1"], ["--seeds", "3"]])
    func aQuickLookNeverReplacesAFinishedStudy(_ options: [String]) throws {
        let folder = try Self.finishedStudy()
        let before = try Self.snapshot(folder)
        let look = losslab(["run", "tiny.json5"] + options, in: folder)
        #expect(look.code == .cannotCreate, "\(look.error)")
        #expect(look.error.contains("holds the results of another definition of this experiment"), "\(look.error)")
        #expect(look.error.contains("made by `losslab run tiny.json5`"), "\(look.error)")
        #expect(look.error.contains("--results DIR") && look.error.contains("--fresh"), "\(look.error)")
        #expect(look.error.contains("Nothing was changed"))
        #expect(try Self.snapshot(folder) == before)
        let report = losslab(["report", "tiny.json5"], in: folder)
        #expect(report.code == .success, "\(report.error)")
        #expect(!(try folder.read("results/REPORT.md")).contains("not made from the file as written"))
    }

    /// The quick look in a folder of its own: its figures and report say how it was made.
    @Test func aQuickLookInItsOwnFolderSaysHowItWasMade() throws {
        let folder = try Self.finishedStudy()
        let look = losslab(["run", "tiny.json5", "--seeds", "3", "--set", "training.epochs=1", "--results", "quick", "--plots", "quickplots",
                            "--quiet"], in: folder)
        #expect(look.code == .success, "\(look.error)")
        let note = "made with --set training.epochs=1 --seeds 3"
        #expect(try folder.read("quickplots/tiny/l.gp").contains(note))
        let plot = losslab(["plot", "tiny.json5", "--results", "quick", "--plots", "quickplots", "--quiet"], in: folder)
        #expect(plot.code == .success, "\(plot.error)")
        #expect(try folder.read("quickplots/tiny/l.gp").contains(note))
        let report = losslab(["report", "tiny.json5", "--results", "quick", "--plots", "quickplots"], in: folder)
        #expect(report.code == .success, "\(report.error)")
        #expect(try folder.read("quick/REPORT.md").contains("**These results were not made from the file as written: they were \(note).**"))
        // The finished study's own figure says nothing of the kind.
        #expect(!(try folder.read("plots/tiny/l.gp")).contains("made with"))
    }

    /// A plain run on a folder made with overrides would replace them: refused too.
    @Test func aPlainRunOnAFolderMadeWithOverridesIsRefused() throws {
        let folder = try TemporaryFolder()
        try folder.write(tinyExperiment(), to: "tiny.json5")
        #expect(losslab(["run", "tiny.json5", "--seeds", "3", "--quiet"], in: folder).code == .success)
        let plain = losslab(["run", "tiny.json5", "--quiet"], in: folder)
        #expect(plain.code == .cannotCreate)
        #expect(plain.error.contains("made by `losslab run tiny.json5 --seeds 3`, and this run is `losslab run tiny.json5`"), "\(plain.error)")
        let fresh = losslab(["run", "tiny.json5", "--fresh", "--quiet"], in: folder)
        #expect(fresh.code == .success, "\(fresh.error)")
        #expect(try folder.read("results/tiny/trials.csv").split(separator: "\n").count == 1 + 8)
    }

    /// Editing the file and running it again as written: the folder follows the file, with a
    /// notice, and trials that did not change are reused.
    @Test func anEditedFileIsFollowedWithANotice() throws {
        let folder = try Self.finishedStudy()
        try folder.write(tinyExperiment().replacingOccurrences(of: "noise: [0.1, 1]", with: "noise: [0.1, 1, 2]"), to: "tiny.json5")
        let again = losslab(["run", "tiny.json5"], in: folder)
        #expect(again.code == .success, "\(again.error)")
        #expect(again.error.contains("tiny: the experiment file changed since the last run (fields: dataset)"), "\(again.error)")
        #expect(again.error.contains("tiny: 12 trials, 8 already done, 4 to run"), "\(again.error)")
        #expect(try folder.read("results/tiny/trials.csv").split(separator: "\n").count == 1 + 12)
    }

    /// A new title or figure needs no trial: `plot` draws the stored results under the new file.
    @Test func editingOnlyTitlesAndFiguresNeedsNoRun() throws {
        let folder = try Self.finishedStudy()
        try folder.write(tinyExperiment(plots: #"[{name: "b", type: "bars", y: "mae"}]"#).replacingOccurrences(of: "Tiny study", with: "Renamed"),
                         to: "tiny.json5")
        let plot = losslab(["plot", "tiny.json5", "--quiet"], in: folder)
        #expect(plot.code == .success, "\(plot.error)")
        #expect(try folder.read("plots/tiny/b.gp").contains("Renamed"))
        let again = losslab(["run", "tiny.json5"], in: folder)
        #expect(again.error.contains("8 already done, 0 to run"), "\(again.error)")
        #expect(!again.error.contains("changed since the last run"))
    }

    /// Results of an earlier version of the file are never drawn or reported as the file's.
    @Test func resultsOfAnEarlierVersionOfTheFileAreNotShownAsItsOwn() throws {
        let folder = try Self.finishedStudy()
        try folder.write(tinyExperiment().replacingOccurrences(of: "epochs: 2", with: "epochs: 3"), to: "tiny.json5")
        let before = try Self.snapshot(folder)
        for command in [["plot", "tiny.json5"], ["report", "tiny.json5"]] {
            let outcome = losslab(command, in: folder)
            #expect(outcome.code == .dataError, "\(command): \(outcome.error)")
            #expect(outcome.error.contains("holds results of another definition of tiny.json5 (fields that differ: training)"), "\(outcome.error)")
            #expect(outcome.error.contains("Run `losslab run tiny.json5` to bring the results up to date"))
        }
        #expect(try Self.snapshot(folder) == before)
    }

    /// `plot` without options on results made with overrides redraws them as they were made.
    @Test func plotFollowsTheRecordedOverrides() throws {
        let folder = try TemporaryFolder()
        try folder.write(tinyExperiment(), to: "tiny.json5")
        #expect(losslab(["run", "tiny.json5", "--set", "training.epochs=1", "--no-plots", "--quiet"], in: folder).code == .success)
        let plot = losslab(["plot", "tiny.json5", "--quiet"], in: folder)
        #expect(plot.code == .success, "\(plot.error)")
        #expect(try folder.read("plots/tiny/l.gp").contains("made with --set training.epochs=1"))
    }
}
