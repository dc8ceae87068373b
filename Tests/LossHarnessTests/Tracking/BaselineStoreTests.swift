import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

/// Saving, replacing and listing baselines, and what a baseline name may be.
@Suite struct BaselineStoreTests {
    /// A results root with two experiments (with per-trial JSON, a curves experiment, a bench
    /// record and an older baseline beside them).
    static func resultsRoot() throws -> String {
        let root = try TrackingFixtures.temporaryFolder()
        var fixture = TrialsFixture()
        fixture.add(loss: "a", first: [1, 2])
        for experiment in ["one", "two"] {
            try fixture.write(experimentFolder: root + "/" + experiment)
            for file in ["summary.csv", "history.csv", "claims.csv", "spec.json", "trials/0123.json"] {
                try TrackingFixtures.write("\(experiment) \(file)\n", to: "\(root)/\(experiment)/\(file)")
            }
        }
        try TrackingFixtures.write("loss,x\n", to: root + "/shapes/curves.csv")
        try TrackingFixtures.write("workload,seconds\n", to: root + "/bench/history.csv")
        return root
    }

    @Test func savingCopiesTheCSVFilesOfEveryExperiment() throws {
        let root = try Self.resultsRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = BaselineStore(resultsRoot: root)
        let manifest = try store.save(name: "main", from: root, date: "2026-01-02T03:04:05Z", gitCommit: "abc")
        #expect(manifest == BaselineManifest(name: "main", date: "2026-01-02T03:04:05Z", gitCommit: "abc", source: root,
                                             experiments: ["one", "two"]))
        let saved = try FileManager.default.contentsOfDirectory(atPath: store.path(of: "main")).sorted()
        #expect(saved == ["baseline.json", "one", "two"])
        let files = try FileManager.default.contentsOfDirectory(atPath: store.path(of: "main") + "/one").sorted()
        #expect(files == ["claims.csv", "history.csv", "spec.json", "summary.csv", "trials.csv"])
        #expect(FileManager.default.contents(atPath: store.path(of: "main") + "/one/trials.csv")
                == FileManager.default.contents(atPath: root + "/one/trials.csv"))
        #expect(store.list() == [manifest])
        // No temporary folder is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory) == ["main"])
    }

    /// The rounding of the build that saved it is kept, and read back: a manifest without the
    /// field (saved before it existed) reads as `nil`.
    @Test func theManifestRecordsTheRoundingOfTheBuild() throws {
        let root = try Self.resultsRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = BaselineStore(resultsRoot: root)
        try store.save(name: "fused", from: root, date: "1", gitCommit: nil, rounding: "fma")
        try store.save(name: "older", from: root, date: "2", gitCommit: nil)
        let json = try String(contentsOfFile: store.path(of: "fused") + "/baseline.json", encoding: .utf8)
        #expect(json.contains(#""rounding" : "fma""#))
        #expect(store.list().map(\.rounding) == ["fma", nil])
    }

    @Test func savingAgainReplacesTheWholeBaseline() throws {
        let root = try Self.resultsRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = BaselineStore(resultsRoot: root)
        try store.save(name: "main", from: root, date: "1", gitCommit: nil)
        // A baseline is not an experiment: saving from the root skips baselines/, and an
        // experiment removed since disappears from the baseline.
        try FileManager.default.removeItem(atPath: root + "/two")
        try store.save(name: "main", from: root, date: "2", gitCommit: nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.path(of: "main")).sorted() == ["baseline.json", "one"])
        #expect(store.list().map(\.date) == ["2"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory) == ["main"])
    }

    @Test func aSavedBaselineComparesUnchangedWithItsSource() throws {
        let root = try Self.resultsRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = BaselineStore(resultsRoot: root)
        try store.save(name: "main", from: root, date: "1", gitCommit: nil)
        let comparison = try Comparison(baseline: try ResultSet.load(path: store.path(of: "main")), current: try ResultSet.load(path: root))
        #expect(comparison.comparesExperiments)
        #expect(comparison.rows.count == 6)
        #expect(comparison.rows.allSatisfy { $0.verdict == .unchanged })
    }

    @Test func listingFindsBaselinesWithoutAManifest() throws {
        let root = try TrackingFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var fixture = TrialsFixture()
        fixture.add(loss: "a", first: [1])
        try fixture.write(experimentFolder: root + "/baselines/old/one")
        #expect(BaselineStore(resultsRoot: root).list() == [BaselineManifest(name: "old", date: "unknown", gitCommit: nil, source: "unknown",
                                                                             experiments: ["one"])])
        #expect(BaselineStore(resultsRoot: root + "/none").list().isEmpty)
    }

    @Test func savingNothingOrAnExperimentFolderIsRefused() throws {
        let root = try Self.resultsRoot()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let store = BaselineStore(resultsRoot: root)
        #expect(throws: TrackingError.notFound(path: root + "/missing")) {
            try store.save(name: "x", from: root + "/missing", date: "1", gitCommit: nil)
        }
        #expect(throws: TrackingError.self) { try store.save(name: "x", from: root + "/one", date: "1", gitCommit: nil) }
        #expect(throws: TrackingError.self) { try store.save(name: "x", from: root + "/shapes", date: "1", gitCommit: nil) }
        #expect(!store.exists("x"))
    }

    @Test(arguments: ["main", "quick", "v0.2", "before-adam_fix", "A1"])
    func safeNamesAreAccepted(name: String) throws {
        try BaselineStore.validate(name: name)
    }

    @Test(arguments: ["", ".", "..", "../x", "a/b", "/abs", ".hidden", "-flag", "_x", "a b", "a\\b", String(repeating: "a", count: 65)])
    func unsafeNamesAreRejected(name: String) {
        #expect(throws: TrackingError.invalidBaselineName(name: name, expected: BaselineStore.namePattern)) {
            try BaselineStore.validate(name: name)
        }
    }
}
