import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

/// Bench CSVs: grouped by workload and threads, repetitions in `seconds`, the last run of a history.
@Suite struct BenchTableTests {
    static let header = "date,commit,workload,threads,repetitions,min_seconds,median_seconds,samples_per_second,gflops,metric,metric_value,seconds\n"

    /// Rows of one run: per workload, one row per repetition time, the summaries repeated.
    static func run(date: String, slowdown: Double, mse: Double = 0.25) -> String {
        var text = ""
        for (workload, base) in [("W1", 1.0), ("W2", 2.0)] {
            let times = [base, base * 1.01, base * 0.99, base * 1.02, base * 0.98].map { $0 * slowdown }
            let median = times.sorted()[2]
            for time in times {
                text += "\(date),abc,\(workload),1,5,\(times.min()!),\(median),\(1000 / median),\(3 / median),mse,\(mse),\(time)\n"
            }
        }
        return text
    }

    static func load(_ text: String) throws -> ResultSet {
        let folder = try TrackingFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try TrackingFixtures.write(text, to: folder + "/bench.csv")
        return try ResultSet.load(path: folder + "/bench.csv")
    }

    @Test func groupsAreWorkloadsAndRepetitionsAreSamples() throws {
        let set = try Self.load(Self.header + Self.run(date: "2026-01-01", slowdown: 1))
        #expect(set.shape == .bench)
        #expect(set.groups.map(\.identity.label) == ["W1, threads=1", "W2, threads=1"])
        let w1 = set.groups[0]
        #expect(w1.samples["seconds"]?.finiteValues.count == 5)
        // Summaries repeated on every repetition row count once.
        #expect(w1.samples["median_seconds"]?.finiteValues == [1.0])
        #expect(w1.samples["mse"]?.finiteValues == [0.25])
        #expect(Set(w1.measureNames) == ["min_seconds", "median_seconds", "samples_per_second", "gflops", "mse", "seconds"])
    }

    @Test func aHistoryIsReducedToItsLastRun() throws {
        let set = try Self.load(Self.header + Self.run(date: "2026-01-01", slowdown: 1) + Self.run(date: "2026-01-02", slowdown: 2))
        #expect(set.groups[0].samples["median_seconds"]?.finiteValues == [2.0])
        #expect(set.groups[0].samples["seconds"]?.finiteValues.count == 5)
    }

    /// A commit of `losslab bench --commits` that did not build, recorded after the last run, is
    /// no run: the last measured one is compared, and no group `-` appears.
    @Test func aStatusRowIsNotTheLastRun() throws {
        let failed = "2026-01-03,def,-,,,,,,,build-failed,error: x,\n"
        let set = try Self.load(Self.header + Self.run(date: "2026-01-02", slowdown: 2) + failed)
        #expect(set.groups.map(\.identity.label) == ["W1, threads=1", "W2, threads=1"])
        #expect(set.groups[0].samples["median_seconds"]?.finiteValues == [2.0])
    }

    @Test func aSlowerBenchIsARegressionByMannWhitney() throws {
        let before = try Self.load(Self.header + Self.run(date: "2026-01-01", slowdown: 1))
        let after = try Self.load(Self.header + Self.run(date: "2026-01-02", slowdown: 1.5, mse: 0.25))
        let comparison = try Comparison(baseline: before, current: after)
        func row(_ workload: String, _ metric: String) -> ComparisonRow? {
            comparison.rows.first { $0.group.value("workload") == workload && $0.measure.name == metric }
        }
        let seconds = try #require(row("W1", "seconds"))
        #expect(seconds.evidence?.test == .mannWhitney)
        // 5 against 5 without overlap: exact p = 2 / C(10, 5).
        #expect(TrackingFixtures.close(seconds.evidence?.pValue, 2.0 / 252))
        #expect(seconds.verdict == .regressed)
        let median = try #require(row("W2", "median_seconds"))
        #expect(median.evidence?.test == .mannWhitneyOfSeconds)
        #expect(median.verdict == .regressed)
        let throughput = try #require(row("W1", "samples_per_second"))
        #expect(throughput.measure.polarity == .higherIsBetter)
        #expect(throughput.verdict == .regressed)
        #expect(row("W1", "mse")?.verdict == .unchanged)
        #expect(row("W1", "mse")?.evidence?.test == ChangeTest.none)
        #expect(comparison.outcome == .regression)
    }

    @Test func aFasterBenchIsAnImprovement() throws {
        let before = try Self.load(Self.header + Self.run(date: "2026-01-01", slowdown: 1))
        let after = try Self.load(Self.header + Self.run(date: "2026-01-02", slowdown: 0.5))
        let comparison = try Comparison(baseline: before, current: after)
        #expect(comparison.outcome == .improvementsOnly)
        #expect(comparison.rows.filter { $0.measure.kind != .quality }.allSatisfy { $0.verdict == .improved })
    }

    @Test func summariesWithoutRepetitionsAreSingleValues() throws {
        let before = try Self.load("workload,median_seconds\nW1,1.0\n")
        let after = try Self.load("workload,median_seconds\nW1,1.2\n")
        let row = try #require(try Comparison(baseline: before, current: after).rows.first)
        #expect(row.evidence?.test == ChangeTest.none)
        #expect(row.significance == .assumed)
        #expect(row.verdict == .regressed)
    }

    @Test func unknownMetricsAndColumnsAreNoted() throws {
        let set = try Self.load("workload,host,metric,metric_value,seconds\nW1,vm,wobble,1,2\n")
        #expect(set.notes.count == 2)
        #expect(set.notes.contains { $0.hasSuffix("column host is not compared (not a known metric, timing or throughput)") })
        #expect(set.notes.contains { $0.hasSuffix("metric wobble is not compared (not a known metric)") })
        #expect(set.groups[0].identity.label == "W1")
    }

    @Test func aBenchCSVAndTrialsCannotBeCompared() throws {
        let folder = try TrackingFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var fixture = TrialsFixture()
        fixture.add(loss: "a", first: [1])
        try fixture.write(experimentFolder: folder)
        let bench = try Self.load("workload,seconds\nW1,1\n")
        #expect(throws: TrackingError.self) { try Comparison(baseline: bench, current: try ResultSet.load(path: folder)) }
    }
}
