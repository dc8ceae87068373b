import Foundation
import LossCore
import Testing
@testable import LossHarness
import LossLabTestSupport

@Suite struct LossPaletteTests {
    @Test func everyLossHasItsOwnColourAndStyle() {
        let styles = LossRegistry.builtIn.map(LossPalette.style(for:))
        #expect(Set(styles.map(\.color)).count == LossRegistry.builtIn.count)
        #expect(!styles.contains { $0.color == LossPalette.unknown.color })
        // gnuplot has 15 distinct point shapes (pt 1 to 15; higher numbers repeat them): the first
        // 15 losses take one each; later ones share the shape of a related loss, by colour apart.
        #expect(styles.allSatisfy { (1...15).contains($0.pointType) })
        #expect(Set(styles.map(\.pointType)).count == min(15, LossRegistry.builtIn.count))
        #expect(Set(styles).count == LossRegistry.builtIn.count)
        #expect(LossPalette.style(for: .meanSquaredError) == SeriesStyle(color: "#1f77b4", pointType: 7))
        #expect(LossPalette.style(for: .meanAbsoluteError) == SeriesStyle(color: "#d62728", pointType: 5))
    }

    @Test func aSingleSeriesGetsTheBaseStyleWhateverItsPosition() {
        let styles = LossPalette.styles(for: [.meanAbsoluteError, .huber, .meanSquaredError])
        #expect(styles == [.meanAbsoluteError, .huber, .meanSquaredError].map(LossPalette.style(for:)))
    }

    @Test func seriesOfOneLossDifferInDashMarkerAndLightness() throws {
        let styles = LossPalette.styles(for: [.binaryCrossentropy, .binaryFocalCrossentropy, .binaryFocalCrossentropy, .binaryFocalCrossentropy])
        let base = LossPalette.style(for: .binaryFocalCrossentropy)
        #expect(styles[0] == LossPalette.style(for: .binaryCrossentropy))
        // Solid, dashed, dotted; open, filled, open triangle (binary_focal's shape is pt 8).
        #expect(styles[1...].map(\.dashType) == [1, 2, 3])
        #expect(base.pointType == 8 && styles[1...].map(\.pointType) == [8, 9, 8])
        // Lightness 75, 50, 25 (three steps of 25 fill the whole 25...75 window), to within the
        // rounding to 8-bit channels; neighbours at least 15 apart in ΔE00.
        let lightness = try styles[1...].map { try #require(CIELabColor(hex: $0.color)).lightness }
        #expect(zip(lightness, [75.0, 50, 25]).allSatisfy { abs($0 - $1) < 0.5 }, "\(lightness)")
        for (one, other) in zip(styles[1...].dropLast(), styles[2...]) {
            #expect(try #require(CIELabColor.difference(hex: one.color, other.color)) >= 15)
        }
        // Two variants: 25 apart, centred on the base lightness where the window allows.
        let mse = try #require(CIELabColor(hex: LossPalette.style(for: .meanSquaredError).color)).lightness
        let pair = try [0, 1].map { try #require(CIELabColor(hex: LossPalette.ramp("#1f77b4", index: $0, count: 2))).lightness }
        #expect(abs(pair[0] - (mse + 12.5)) < 0.5 && abs(pair[1] - (mse - 12.5)) < 0.5, "\(pair), base \(mse)")
        #expect(LossPalette.ramp("#1f77b4", index: 0, count: 1) == "#1f77b4")
        // The fill flips within a shape pair and stays for shapes without a fill.
        #expect([4, 5, 6, 7, 14, 15, 1, 2, 3].map(LossPalette.flippedFill) == [5, 4, 7, 6, 15, 14, 1, 2, 3])
        // Beyond five variants the dash patterns repeat.
        #expect(LossPalette.variant(of: base, index: 5, count: 6).dashType == 1)
    }

    /// The same loss is drawn in the same colour in two experiments, whatever else they hold and
    /// in whichever order.
    @Test func sameLossSameColourAcrossExperiments() throws {
        func script(_ losses: String) throws -> String {
            let experiment = try LossHarnessTests.experiment("""
            { name: "p", dataset: { generator: "gaussian", noise: [0.1, 1] }, loss: \(losses), metrics: ["mae"],
              plots: [{name: "l", type: "lines", x: "dataset.noise", y: "mae"}] }
            """)
            let spec = try #require(try FigureSpec.parseAll(experiment).first)
            var rows = SyntheticResults.summaryHeader.replacingOccurrences(of: "loss.delta,", with: "")
            for entry in experiment.losses {
                rows += "\(entry.definition.alias),\(entry.label),0.1,mae,3,3,0,1,0.1,0.9,1.1,,,,,,,,,,,,\n"
            }
            let data = FigureDataBuilder.build(spec, experiment: experiment, table: CSVTable(text: rows))
            return GnuplotScript(spec: spec, experiment: experiment, data: data,
                                 paths: FigurePaths(resultsRoot: "r", plotsRoot: "p", experiment: "p"), command: "test").text
        }
        let first = try script("[\"mse\", \"mae\"]")
        let second = try script("[\"log_cosh\", \"poisson\", \"mae\", \"mse\"]")
        for text in [first, second] {
            #expect(text.contains("lc rgb '#1f77b4' lw 2 dt 1 pt 7 ps 1.2  # mse"))
            #expect(text.contains("lc rgb '#d62728' lw 2 dt 1 pt 5 ps 1.2  # mae"))
        }
    }

    /// A loss of one's own (a formula loss named by its entry) takes a hue at least 15 degrees from
    /// every built-in loss's, whatever its name: hue of #rrggbb computed as in HSL.
    @Test func aLossOfOnesOwnKeepsClearOfTheBuiltInHues() throws {
        func hue(_ color: String) -> Double {
            let (r, g, b) = CIELabColor.components(color)!
            let (maxC, minC) = (max(r, g, b), min(r, g, b))
            guard maxC > minC else { return -1000 }
            let d = maxC - minC
            let h: Double = maxC == r ? (g - b) / d : maxC == g ? 2 + (b - r) / d : 4 + (r - g) / d
            return (h * 60 + 360).truncatingRemainder(dividingBy: 360)
        }
        let builtInHues = LossPalette.table.values.map { hue($0.color) }.filter { $0 >= 0 }
        for name in ["cauchy", "pinball", "welsch", "tukey", "quantile", "tempered_ce", "x"] {
            let definition = LossDefinition.formula(try Formula("(p - y)^2"), name: name, defaults: [:], activation: .identity,
                                                    encoding: .values)
            let h = hue(LossPalette.style(for: definition).color)
            let nearest = builtInHues.map { min(abs($0 - h), 360 - abs($0 - h)) }.min()!
            #expect(nearest >= 15, "\(name): hue \(h) is \(nearest) degrees from a built-in loss's")
        }
    }
}
