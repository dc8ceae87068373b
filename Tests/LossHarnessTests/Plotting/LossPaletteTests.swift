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

    @Test func seriesOfOneLossTakeARampOfItsHue() {
        let styles = LossPalette.styles(for: [.binaryCrossentropy, .binaryFocalCrossentropy, .binaryFocalCrossentropy, .binaryFocalCrossentropy])
        let base = LossPalette.style(for: .binaryFocalCrossentropy)
        #expect(styles[0] == LossPalette.style(for: .binaryCrossentropy))
        #expect(styles[1...].allSatisfy { $0.pointType == base.pointType })
        // Light, base, dark: 60% white, the colour, 40% black.
        #expect(styles[1].color == LossPalette.ramp(base.color, position: 0))
        #expect(styles[2].color == base.color)
        #expect(styles[3].color == LossPalette.ramp(base.color, position: 1))
        #expect(LossPalette.ramp("#000000", position: 0) == "#999999")
        #expect(LossPalette.ramp("#ffffff", position: 1) == "#999999")
        #expect(LossPalette.ramp("#336699", position: 0.5) == "#336699")
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
            #expect(text.contains("lc rgb '#1f77b4' lw 2 pt 7 ps 1.2  # mse"))
            #expect(text.contains("lc rgb '#d62728' lw 2 pt 5 ps 1.2  # mae"))
        }
    }

    /// A loss of one's own (a formula loss named by its entry) takes a hue at least 15 degrees from
    /// every built-in loss's, whatever its name: hue of #rrggbb computed as in HSL.
    @Test func aLossOfOnesOwnKeepsClearOfTheBuiltInHues() throws {
        func hue(_ color: String) -> Double {
            let (r, g, b) = LossPalette.components(color)
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
