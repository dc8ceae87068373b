import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

/// The terminal table, markdown and CSV forms of a comparison.
@Suite struct ComparisonFormatTests {
    /// One regression (a, mse), one improvement (b, accuracy), one missing group and unchanged rows.
    static func comparison() throws -> Comparison {
        var baseline = TrialsFixture(), current = TrialsFixture()
        // Binary fractions, so that the planted differences are exact (sd 0, p = 0).
        let mse: [Double] = [1.0, 1.25, 0.75], accuracy: [Double] = [0.75, 0.875, 0.625]
        baseline.add(loss: "a", perSeed: zip(mse, accuracy).map { [$0, $1] })
        current.add(loss: "a", perSeed: zip(mse, accuracy).map { [$0 + 0.5, $1] })
        baseline.add(loss: "b", perSeed: zip(mse, accuracy).map { [$0, $1] })
        current.add(loss: "b", perSeed: zip(mse, accuracy).map { [$0, $1 + 0.125] })
        baseline.add(loss: "gone", perSeed: zip(mse, accuracy).map { [$0, $1] })
        return try ComparisonTests.compare(baseline, current)
    }

    @Test func theTableListsChangesAndCountsUnchangedRows() throws {
        let text = try Self.comparison().textTable(includeUnchanged: false)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[1].hasPrefix("verdict    group"))
        #expect(!lines[1].contains("experiment"))
        #expect(lines[2].hasPrefix("regressed  a, dataset.noise=0.1 "))
        #expect(lines[3].hasPrefix("improved   b, dataset.noise=0.1 "))
        #expect(lines[4].hasPrefix("missing    gone"))
        #expect(!text.contains("unchanged  "))
        #expect(text.contains("1 regressed, 0 likely regressed, 1 improved, 0 likely improved, 3 missing, 0 new, 4 unchanged (unchanged rows not listed; --all lists them); alpha = 0.05"))
        #expect(text.contains("paired t: two-sided paired t-test"))
        // Columns line up: every listed row is as wide as the header or narrower.
        let columnOfMetric = try #require(lines[1].range(of: "metric")).lowerBound.utf16Offset(in: lines[1])
        #expect(lines[2].dropFirst(columnOfMetric).hasPrefix("mse"))
    }

    @Test func allListsTheUnchangedRowsToo() throws {
        let text = try Self.comparison().textTable(includeUnchanged: true)
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("unchanged") }.count == 4)
        #expect(!text.contains("--all lists them"))
    }

    @Test func markdownIsASummaryLineAndATable() throws {
        let text = try Self.comparison().markdown(includeUnchanged: false)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("**Regression**: 1 regressed, 0 likely regressed, 1 improved, 0 likely improved, 3 missing, 0 new, 4 unchanged"))
        #expect(lines[1].isEmpty)
        #expect(lines[2] == "| verdict | group | metric | baseline | current | change | relative | p | wilcoxon p | test |")
        #expect(lines[3] == "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        #expect(lines[4].hasPrefix("| **regressed** | a, dataset.noise=0.1 | mse | 1 | 1.5 | +0.5 | +50.00% | 0 | "))
        #expect(lines.filter { $0.hasPrefix("| ") }.count == 2 + 5)
    }

    @Test func markdownWithoutChangesSaysSo() throws {
        var fixture = TrialsFixture()
        fixture.add(loss: "a", first: [1, 2])
        let text = try ComparisonTests.compare(fixture, fixture).markdown(includeUnchanged: false)
        #expect(text.hasPrefix("**No regression**: 0 regressed, 0 likely regressed, 0 improved, 0 likely improved, 0 missing, 0 new, 3 unchanged"))
        #expect(!text.contains("| verdict"))
    }

    @Test func csvHasEveryRowAndEveryNumber() throws {
        let comparison = try Self.comparison()
        let table = CSVTable(text: comparison.csv())
        #expect(table.header == ["experiment", "loss", "series", "dataset.noise", "group", "metric", "kind", "better", "verdict",
                                 "baseline_mean", "baseline_sd", "baseline_n", "baseline_nonfinite", "current_mean", "current_sd",
                                 "current_n", "current_nonfinite", "change", "relative_change", "tolerance", "threshold",
                                 "beyond_tolerance", "test", "pairs", "p_value", "wilcoxon_p", "significant", "effect_size", "seeds_needed"])
        #expect(table.rows.count == comparison.rows.count)
        #expect(table.rows.count == 9)
        let first = table.rows[0]
        #expect(table.value(first, "verdict") == "regressed")
        #expect(table.value(first, "loss") == "a")
        #expect(table.value(first, "metric") == "mse")
        #expect(table.value(first, "kind") == "quality")
        #expect(table.value(first, "better") == "lower")
        #expect(Double(table.value(first, "baseline_mean") ?? "") == 1.0)
        #expect(table.value(first, "baseline_n") == "3")
        #expect(TrackingFixtures.close(Double(table.value(first, "change") ?? ""), 0.5, relative: 1e-9))
        #expect(table.value(first, "tolerance") == "1%")
        #expect(table.value(first, "test") == "paired t")
        #expect(table.value(first, "pairs") == "3")
        #expect(table.value(first, "p_value") == "0")
        #expect(table.value(first, "significant") == "yes")
        let missing = try #require(table.rows.first { table.value($0, "verdict") == "missing" })
        #expect(table.value(missing, "current_mean") == "")
        #expect(table.value(missing, "test") == "")
        #expect(table.rows.contains { table.value($0, "metric") == "train_seconds" && table.value($0, "tolerance") == "10%" })
    }
}
