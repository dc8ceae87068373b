import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

/// `losslab bench --scaling`: the swept models, the work per sample, the derived columns and the
/// figure. No timing is asserted; the derived columns are checked on given seconds.
@Suite struct ScalingBenchTests {
    /// Weights and biases of 32 -> h -> h -> 10: (32 h + h) + (h h + h) + (10 h + 10).
    /// h = 16: 528 + 272 + 170 = 970; h = 64: 2,112 + 4,160 + 650 = 6,922 (W3, workloads.md's
    /// 41,532 flop per sample); h = 512: 16,896 + 262,656 + 5,130 = 284,682.
    @Test(arguments: [(16, 970), (64, 6_922), (512, 284_682)])
    func theSweptMLPIsW3WithAnotherWidth(width: Int, parameters: Int) {
        let definition = ScalingBench.definition(width: width, batch: 32)
        #expect(definition.layerSizes == [32, width, width, 10])
        #expect(definition.parameterCount == parameters)
        #expect(definition.batchSize == 32 && definition.epochs == 1 && definition.trainCount == 20_000)
        let w3 = BenchWorkload.mlp.definition!
        #expect(definition.learningRate == w3.learningRate && definition.dataSeed == w3.dataSeed)
        #expect(definition.outputActivation == w3.outputActivation && definition.loss.name == w3.loss.name)
        let point = ScalingPoint(axis: .width, width: width, batch: 32, parameters: parameters, samples: 1, seconds: [1])
        #expect(point.flopsPerSample == 6 * parameters)
    }

    /// W3's point with the seconds 0.2, 0.1 and 0.3 for 20,000 samples: best 0.1 s, so 5 us per
    /// sample and 41,532 x 20,000 / 0.1 = 8.3064 GFLOP/s; at a 200 GFLOP/s peak the roofline is
    /// 41,532 / 200e9 s = 0.20766 us and the point reaches 8.3064 / 200 = 4.1532% of it.
    @Test func derivedColumnsFollowFromTheSecondsAndThePeak() {
        let point = ScalingPoint(axis: .batch, width: 64, batch: 128, parameters: 6_922, samples: 20_000,
                                 seconds: [0.2, 0.1, 0.3])
        #expect(point.minimumSeconds == 0.1 && point.medianSeconds == 0.2)
        #expect(isClose(point.microsecondsPerSample, 5, relative: 1e-12))
        #expect(isClose(point.gflops, 8.3064, relative: 1e-12))
        #expect(isClose(point.rooflineMicroseconds(peak: 200), 0.20766, relative: 1e-12))
        let even = ScalingPoint(axis: .batch, width: 64, batch: 128, parameters: 6_922, samples: 1, seconds: [4, 1, 3, 2])
        #expect(even.medianSeconds == 2.5)
        let csv = CSVTable(text: ScalingTable.csv([point], peak: 200))
        #expect(csv.header == ScalingTable.columns)
        #expect(csv.rows == [["batch", "64", "128", "6922", "41532", "20000", "3", "0.100000", "0.200000", "5.00000",
                              "8.31", "200.0", "0.20766", "4.2"]])
        let withoutPeak = CSVTable(text: ScalingTable.csv([point], peak: nil))
        #expect(withoutPeak.rows[0].suffix(3) == ["", "", ""])
        #expect(ScalingTable.rows([point], peak: nil)[0].count == ScalingTable.header(peak: nil).count)
        #expect(ScalingTable.rows([point], peak: 200)[0].suffix(2) == ["0.208", "4"])
    }

    /// A small point really trains: one warm-up and two timed runs of one epoch.
    @Test func measuringAPointTrainsTheModel() throws {
        let point = try #require(ScalingBench.measure(axis: .width, width: 8, batch: 16, samples: 200, repetitions: 2))
        #expect(point.seconds.count == 2 && point.seconds.allSatisfy { $0 > 0 })
        #expect(point.parameters == 32 * 8 + 8 + 8 * 8 + 8 + 8 * 10 + 10)
        #expect(point.samples == 200)
    }

    /// The script reads the CSV itself, draws the roofline only with a peak, and gnuplot renders it.
    @Test(arguments: [200.2, nil] as [Double?])
    func theFigureIsAStandaloneScriptOfTheCSV(peak: Double?) throws {
        let folder = try TemporaryFolder()
        let figure = ScalingFigure(resultsRoot: folder.file("results"), plotsRoot: folder.file("plots"))
        let points = [ScalingPoint(axis: .width, width: 16, batch: 128, parameters: 970, samples: 100, seconds: [0.001]),
                      ScalingPoint(axis: .width, width: 64, batch: 128, parameters: 6_922, samples: 100, seconds: [0.002]),
                      ScalingPoint(axis: .batch, width: 64, batch: 8, parameters: 6_922, samples: 100, seconds: [0.004]),
                      ScalingPoint(axis: .batch, width: 64, batch: 128, parameters: 6_922, samples: 100, seconds: [0.002])]
        let script = try figure.write(points, peak: peak, caption: "test machine")
        #expect(script == folder.file("plots") + "/bench/scaling.gp")
        let csv = CSVTable(text: try String(contentsOfFile: figure.dataPath, encoding: .utf8))
        #expect(csv.rows.count == 4)
        let text = try String(contentsOfFile: script, encoding: .utf8)
        #expect(text.contains("data = " + GnuplotText.quotedPath(figure.dataPath)))
        #expect(text.contains("roofline: flop per sample / sgemm peak") == (peak != nil))
        #expect(text.contains("200.2 GFLOP/s") == (peak != nil))
        if GnuplotRenderer.locate() != nil {
            #expect(GnuplotRenderer().render(scriptPath: script) == .rendered(warnings: ""))
            for name in ["scaling.png", "scaling.svg"] {
                let size = try FileManager.default.attributesOfItem(atPath: folder.file("plots") + "/bench/" + name)[.size] as? Int
                #expect((size ?? 0) > 1_000, "\(name) is drawn")
            }
        }
    }
}
