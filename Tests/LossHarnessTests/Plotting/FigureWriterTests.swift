import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

@Suite struct FigureWriterTests {
    static let plots = """
    [{name: "lines", type: "lines", x: "dataset.noise", y: "mae"},
     {name: "box", type: "box", y: "mae"},
     {name: "history", type: "history"}]
    """

    func writeResults(_ folder: TemporaryFolder) throws {
        try folder.write(SyntheticResults.summary, to: "r/synthetic/summary.csv")
        try folder.write(SyntheticResults.trials, to: "r/synthetic/trials.csv")
        try folder.write(SyntheticResults.history, to: "r/synthetic/history.csv")
    }

    @Test func writesDataUnderResultsAndScriptsUnderPlotsOnly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try writeResults(folder)
        let experiment = try SyntheticResults.experiment(plots: Self.plots)
        let writer = FigureWriter(experiment: experiment, resultsRoot: folder.path + "/r", plotsRoot: folder.path + "/p", command: "test")
        let renderer = RecordingRenderer()
        let outcomes = try writer.write(try FigureSpec.parseAll(experiment), renderer: renderer)
        #expect(folder.files() == [
            "p/synthetic/box.gp", "p/synthetic/history.gp", "p/synthetic/lines.gp",
            "r/synthetic/figures/box.dat", "r/synthetic/figures/history.dat", "r/synthetic/figures/lines.dat",
            "r/synthetic/history.csv", "r/synthetic/summary.csv", "r/synthetic/trials.csv",
        ])
        #expect(renderer.scripts == ["lines", "box", "history"].map { folder.path + "/p/synthetic/\($0).gp" })
        #expect(outcomes.map(\.result) == Array(repeating: .rendered(warnings: ""), count: 3))
        #expect(outcomes[0].pngPath == folder.path + "/p/synthetic/lines.png")
        #expect(folder.contents("p/synthetic/lines.gp")?.contains("data = '\(folder.path)/r/synthetic/figures/lines.dat'") == true)
    }

    @Test func anUnavailableRendererIsAskedOnce() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try writeResults(folder)
        let experiment = try SyntheticResults.experiment(plots: Self.plots)
        let writer = FigureWriter(experiment: experiment, resultsRoot: folder.path + "/r", plotsRoot: folder.path + "/p", command: "test")
        let renderer = RecordingRenderer(result: .unavailable)
        let outcomes = try writer.write(try FigureSpec.parseAll(experiment), renderer: renderer)
        #expect(renderer.scripts.count == 1)
        #expect(outcomes.map(\.result) == [.unavailable, nil, nil])
        #expect(folder.files().filter { $0.hasSuffix(".gp") }.count == 3)
    }

    @Test func missingResultsAreNamed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(SyntheticResults.summary, to: "r/synthetic/summary.csv")
        let experiment = try SyntheticResults.experiment(plots: Self.plots)
        let writer = FigureWriter(experiment: experiment, resultsRoot: folder.path + "/r", plotsRoot: folder.path + "/p", command: "test")
        #expect(throws: MissingResultsError.self) { try writer.write(try FigureSpec.parseAll(experiment), renderer: RecordingRenderer()) }
        do {
            _ = try writer.write(try FigureSpec.parseAll(experiment), renderer: RecordingRenderer())
        } catch let error as MissingResultsError {
            #expect(error.directory == folder.path + "/r/synthetic")
            #expect(error.files == [folder.path + "/r/synthetic/trials.csv", folder.path + "/r/synthetic/history.csv"])
        }
        #expect(folder.files() == ["r/synthetic/summary.csv"])
    }

    @Test func filesOfRemovedFiguresAreRemovedAndOthersKept() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try writeResults(folder)
        try folder.write("# LossLab figure \"old\" of experiment \"synthetic\"\n", to: "p/synthetic/old.gp")
        try folder.write("png", to: "p/synthetic/old.png")
        try folder.write("# LossLab figure data: old\n", to: "r/synthetic/figures/old.dat")
        try folder.write("my own notes\n", to: "p/synthetic/mine.gp")
        let experiment = try SyntheticResults.experiment(plots: "[{name: \"lines\", type: \"lines\", x: \"dataset.noise\", y: \"mae\"}]")
        let writer = FigureWriter(experiment: experiment, resultsRoot: folder.path + "/r", plotsRoot: folder.path + "/p", command: "test")
        _ = try writer.write(try FigureSpec.parseAll(experiment), renderer: RecordingRenderer())
        let files = folder.files()
        #expect(!files.contains("p/synthetic/old.gp") && !files.contains("p/synthetic/old.png") && !files.contains("r/synthetic/figures/old.dat"))
        #expect(files.contains("p/synthetic/mine.gp") && files.contains("p/synthetic/lines.gp"))
    }

    @Test func pathsFollowTheDocumentedLayout() {
        let paths = FigurePaths(resultsRoot: "results", plotsRoot: "plots/", experiment: "e")
        #expect(paths.data("f") == "results/e/figures/f.dat")
        #expect(paths.script("f") == "plots/e/f.gp")
        #expect(paths.png("f") == "plots/e/f.png")
        #expect(paths.svg("f") == "plots/e/f.svg")
        #expect(paths.results("summary.csv") == "results/e/summary.csv")
    }
}
