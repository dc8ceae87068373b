import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

/// Every figure the repository's experiments declare, drawn from the committed results: any two
/// series of one figure must be told apart by what the script actually draws for them, a colour
/// difference ΔE00 >= 15, a different dash pattern, a different marker or a different fill.
@Suite struct CommittedFigureStylesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// What a script draws for one series (`data index i`): its colour, and the dash, marker and
    /// fill pattern where a clause of that series draws lines, points or boxes.
    struct Drawn: CustomStringConvertible {
        var title = ""
        var color = ""
        var dash: Int?
        var marker: Int?
        var fill: String?
        var description: String { "\(title) \(color) dt \(dash.map(String.init) ?? "-") pt \(marker.map(String.init) ?? "-") fill \(fill ?? "-")" }
    }

    static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[range])
    }

    /// Reads the script's line styles and plot clauses.
    static func drawn(_ script: String) -> [Int: Drawn] {
        var lineStyles: [Int: (color: String, dash: Int, marker: Int)] = [:]
        for line in script.split(separator: "\n").map(String.init) where line.hasPrefix("set style line ") {
            guard let number = firstMatch("^set style line (\\d+) ", in: line).flatMap({ Int($0) }),
                  let color = firstMatch("lc rgb '(#[0-9a-f]{6})'", in: line),
                  let dash = firstMatch(" dt (\\d+)", in: line).flatMap({ Int($0) }),
                  let marker = firstMatch(" pt (\\d+)", in: line).flatMap({ Int($0) }) else { continue }
            lineStyles[number] = (color, dash, marker)
        }
        var result: [Int: Drawn] = [:]
        let clauses = script.components(separatedBy: "\n").drop { !$0.hasPrefix("plot ") }.dropFirst().prefix { !$0.isEmpty }
        for clause in clauses {
            // A key entry belongs to the series whose line style it names.
            let keyEntry = clause.contains("keyentry") ? firstMatch(" ls (\\d+)", in: clause).flatMap { Int($0) }.map { $0 - 1 } : nil
            guard let index = keyEntry ?? firstMatch("data index (\\d+) ", in: clause).flatMap({ Int($0) }) else { continue }
            var entry = result[index] ?? Drawn()
            let style = firstMatch(" ls (\\d+)", in: clause).flatMap { Int($0) }.flatMap { lineStyles[$0] }
            if let title = firstMatch(" title (.*) noenhanced", in: clause) { entry.title = title }
            if clause.contains("filledcurves") { result[index] = entry; continue }
            if let style { entry.color = style.color }
            if let color = firstMatch("(?:lc|fc) rgb '(#[0-9a-f]{6})'", in: clause), entry.color.isEmpty { entry.color = color }
            let drawsLines = clause.contains("with lines") || clause.contains("with yerrorlines") || clause.contains("candlesticks")
            let drawsPoints = clause.contains("with linespoints") || clause.contains("with yerrorlines") || clause.contains("with points")
            if drawsLines { entry.dash = style?.dash ?? firstMatch(" dt (\\d+)", in: clause).flatMap { Int($0) } ?? 1 }
            if drawsPoints { entry.marker = style?.marker ?? firstMatch(" pt (\\d+)", in: clause).flatMap { Int($0) } }
            if clause.contains("with boxes") { entry.fill = firstMatch("fs (solid|pattern \\d+)", in: clause) }
            result[index] = entry
        }
        return result
    }

    static func distinguishable(_ one: Drawn, _ other: Drawn) -> Bool {
        if let difference = CIELabColor.difference(hex: one.color, other.color), difference >= 15 { return true }
        if let a = one.dash, let b = other.dash, a != b { return true }
        if let a = one.marker, let b = other.marker, a != b { return true }
        if let a = one.fill, let b = other.fill, a != b { return true }
        return false
    }

    @Test func everyTwoSeriesOfACommittedFigureLookDifferent() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/experiments").filter { $0.hasSuffix(".json5") }.sorted()
        #expect(files.count >= 10)
        var figures = 0
        var pairs = 0
        for file in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: Self.root + "/experiments/" + file))
            let experiment = try ExperimentLoader.load(data: data, file: "experiments/" + file)
            let paths = FigurePaths(resultsRoot: Self.root + "/results", plotsRoot: "plots", experiment: experiment.name)
            // Images figures draw pictures, not series (ImagesFigureTests).
            for spec in try FigureSpec.parseAll(experiment) where spec.type != .images {
                let source = paths.results(FigureDataBuilder.source(of: spec.type))
                guard FileManager.default.fileExists(atPath: source) else {
                    Issue.record("\(experiment.name)/\(spec.name): no committed \(source)")
                    continue
                }
                let figureData = FigureDataBuilder.build(spec, experiment: experiment, table: try CSVTable.read(source))
                let script = GnuplotScript(spec: spec, experiment: experiment, data: figureData, paths: paths, command: "test").text
                let series = Self.drawn(script)
                #expect(series.count == figureData.blocks.count, "\(experiment.name)/\(spec.name): \(series.count) series read")
                figures += 1
                let indices = series.keys.sorted()
                for (position, first) in indices.enumerated() {
                    for second in indices[(position + 1)...] {
                        pairs += 1
                        #expect(Self.distinguishable(series[first]!, series[second]!),
                                "\(experiment.name)/\(spec.name): \(series[first]!) and \(series[second]!) look alike")
                    }
                }
            }
        }
        #expect(figures >= 40 && pairs >= 100, "\(figures) figures, \(pairs) pairs")
    }

    /// The reading itself can fail: two series of one loss with the old look (same dash and
    /// marker, colours 10 apart) are caught.
    @Test func theCheckCatchesLookalikes() {
        let script = """
        set style line 1 lc rgb '#2ca02c' lw 2 dt 1 pt 9 ps 1.2  # a
        set style line 2 lc rgb '#1f8a1f' lw 2 dt 1 pt 9 ps 1.2  # b
        plot \\
            data index 0 using 1:2 with linespoints ls 1 title 'a' noenhanced, \\
            data index 1 using 1:2 with linespoints ls 2 title 'b' noenhanced

        """
        let series = Self.drawn(script)
        #expect(series.count == 2)
        #expect(CIELabColor.difference(hex: "#2ca02c", "#1f8a1f")! < 15)
        #expect(!Self.distinguishable(series[0]!, series[1]!))
        let dashed = Self.drawn(script.replacingOccurrences(of: "lw 2 dt 1 pt 9 ps 1.2  # b", with: "lw 2 dt 2 pt 9 ps 1.2  # b"))
        #expect(Self.distinguishable(dashed[0]!, dashed[1]!))
    }
}
