import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

@Suite struct GnuplotScriptTests {
    func script(_ plots: String, _ table: String = SyntheticResults.summary) throws -> GnuplotScript {
        let experiment = try SyntheticResults.experiment(plots: plots)
        let spec = try #require(try FigureSpec.parseAll(experiment).first)
        let data = FigureDataBuilder.build(spec, experiment: experiment, table: CSVTable(text: table))
        return GnuplotScript(spec: spec, experiment: experiment, data: data,
                             paths: FigurePaths(resultsRoot: "results", plotsRoot: "plots", experiment: "synthetic"),
                             command: "losslab plot test.json5")
    }

    @Test func rendersPNGThenSVGFromTheDataFile() throws {
        let text = try script("[{name: \"l\", type: \"lines\", x: \"dataset.noise\", y: \"mae\"}]").text
        let lines = text.split(separator: "\n").map(String.init)
        let order = [
            GnuplotScript.pngTerminal, "set output 'plots/synthetic/l.png'", "data = 'results/synthetic/figures/l.dat'",
            GnuplotScript.svgTerminal, "set output 'plots/synthetic/l.svg'", "replot", "unset output",
        ]
        let positions = order.map { line in lines.firstIndex(of: line) }
        #expect(positions.allSatisfy { $0 != nil }, "\(positions)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(lines.last == "unset output")
        #expect(lines[0] == "# LossLab figure \"l\" of experiment \"synthetic\" (test.json5)")
        #expect(text.contains("#   gnuplot plots/synthetic/l.gp"))
        #expect(text.contains("made from results/synthetic/summary.csv"))
        #expect(text.contains("losslab plot test.json5"))
    }

    @Test func titlesLabelsAndKeyAreDrawnAsPlainText() throws {
        let text = try script("[{name: \"l\", type: \"lines\", x: \"dataset.noise\", y: \"mae\", caption: \"under\"}]").text
        #expect(text.contains("set title 'Synthetic' noenhanced"))
        #expect(text.contains("set label 1 'under' at graph 0.5, graph 1 offset 0,1.1 center noenhanced"))
        #expect(text.contains("set xlabel 'noise' noenhanced"))
        #expect(text.contains("set ylabel 'MAE (lower is better)' noenhanced"))
        #expect(text.contains("set key outside right top vertical noenhanced"))
        #expect(text.contains("set key title 'mean and 95% CI'.\"\\n\".'over 2 to 3 seeds' noenhanced"))
        #expect(text.contains("set grid"))
        #expect(text.contains("title 'huber(delta=1)' noenhanced"))
        #expect(text.contains("data index 0 using 1:3:4 with filledcurves"))
    }

    @Test func logScaleIsResolvedAndNoted() throws {
        let wide = SyntheticResults.summaryHeader + """
        mse,mse,0.1,,mae,3,3,0,0.01,0.5,0.005,0.02,,,,,,mse,,,,,,
        mse,mse,1,,mae,3,3,0,10,0.5,-1,20,,,,,,mse,,,,,,

        """
        let automatic = try script("[{name: \"l\", type: \"lines\", x: \"dataset.noise\", y: \"mae\"}]", wide)
        #expect(automatic.logY && !automatic.logX)
        #expect(automatic.yLabel == "MAE (lower is better; log scale)")
        #expect(automatic.text.contains("set logscale y 10"))
        // The lower end of the interval, -1, cannot be drawn on a log axis: it is clamped to a tenth
        // of the smallest mean.
        #expect(automatic.text.contains("floor = 0.001"))
        #expect(automatic.text.contains("using 1:($3 > floor ? $3 : floor):4 with filledcurves"))
        let linear = try script("[{name: \"l\", type: \"lines\", x: \"dataset.noise\", y: \"mae\", logy: false, ylabel: \"error\"}]", wide)
        #expect(!linear.logY && linear.yLabel == "error")
        let forced = try script("[{name: \"l\", type: \"lines\", x: \"dataset.noise\", y: \"mae\", logx: true, xlabel: \"σ\"}]")
        #expect(forced.logX && forced.xLabel == "σ (log scale)")
        #expect(GnuplotScript.isLogarithmic(.automatic, values: [1, 100]) == false)
        #expect(GnuplotScript.isLogarithmic(.automatic, values: [1, 101]) == true)
        #expect(GnuplotScript.isLogarithmic(.automatic, values: [0, 1000]) == false)
    }

    @Test func barsAndBoxesUseGroupTicsAndTheirWidth() throws {
        let bars = try script("[{name: \"b\", type: \"bars\", x: \"dataset.noise\", y: \"mae\", where: {\"loss.delta\": 1}}]").text
        #expect(bars.contains("set xtics noenhanced ('0.1' 0, '1' 1)"))
        #expect(bars.contains("set boxwidth 0.38 absolute"))
        #expect(bars.contains("set yrange [0:*]"))
        #expect(bars.contains("data index 1 using 2:3 with boxes"))
        #expect(bars.contains("data index 1 using 2:($4):(0):($5 - $4) with vectors heads"))
        let box = try script("[{name: \"x\", type: \"box\", x: \"dataset.noise\", y: \"mae\"}]", SyntheticResults.trials).text
        #expect(box.contains("using 2:4:6:7:5 with candlesticks"))
        #expect(box.contains("for [k=9:11] data index 0 using 2:(column(k)) with points"))
        #expect(box.contains("set key title 'median, quartiles, range'.\"\\n\".'and each of 1 to 3 seeds' noenhanced"))
    }

    @Test func subtitleNamesEveryFilterAndTheSeeds() throws {
        let plain = try script("[{name: \"l\", type: \"lines\", x: \"dataset.noise\", y: \"mae\", caption: \"under\"}]")
        #expect(plain.subtitle == "2 to 3 seeds")
        #expect(plain.text.contains("set title 'Synthetic' noenhanced font ',14' offset 0,2.2"))
        #expect(plain.text.contains("set label 3 '2 to 3 seeds' at graph 0.5, graph 1 offset 0,2.1 center noenhanced font ',10'"))
        #expect(plain.text.contains("set tmargin 6"))
        let filtered = try script("[{name: \"b\", type: \"bars\", y: \"mae\", where: {\"loss.delta\": 1, \"dataset.noise\": 0.1}}]")
        #expect(filtered.subtitle == "where noise = 0.1, delta = 1 · 3 seeds")
        #expect(filtered.text.contains("set label 3 'where noise = 0.1, delta = 1 · 3 seeds' at graph 0.5, graph 1 offset 0,1.1"))
        #expect(filtered.text.contains("set tmargin 5"))
    }

    /// Every band comes before every line, so no band is painted over another series' mean.
    @Test func bandsAreDrawnBelowEveryLine() throws {
        let text = try script("[{name: \"l\", type: \"lines\", x: \"dataset.noise\", y: \"mae\"}]").text
        let clauses = text.components(separatedBy: "\n").drop { !$0.hasPrefix("plot ") }.dropFirst().prefix { !$0.isEmpty }
        let kinds = clauses.map { $0.contains("filledcurves") ? "band" : "line" }
        #expect(kinds == ["band", "band", "band", "line", "line", "line"])
        #expect(text.contains("fs transparent solid 0.12 noborder notitle"))
    }

    @Test func legendRangesAndStylesFromTheFile() throws {
        let base = "name: \"l\", type: \"lines\", x: \"dataset.noise\", y: \"mae\""
        #expect(try script("[{\(base), legend: \"inside\"}]").text.contains("set key inside right top vertical noenhanced spacing 1.3 opaque box"))
        #expect(try script("[{\(base), legend: \"below\"}]").text.contains("set key outside below center horizontal"))
        let none = try script("[{\(base), legend: \"none\"}]").text
        #expect(none.contains("unset key") && !none.contains("set key title"))
        let ranged = try script("[{\(base), xrange: [0, null], yrange: [0.5, 3]}]").text
        #expect(ranged.contains("set xrange [0:*]") && ranged.contains("set yrange [0.5:3]"))
        // An "auto" log x cannot show 0: the axis stays linear.
        #expect(!(try script("[{\(base), logx: \"auto\", xrange: [0, null]}]").logX))
        let styled = try script("[{\(base), style: {series: {huber: {color: \"#000000\", marker: \"star\"}, mse: {dash: \"dotted\"}}}}]")
        #expect(styled.text.contains("set style line 1 lc rgb '#1f77b4' lw 2 dt 3 pt 7 ps 1.2  # mse"))
        // huber's two series keep their variant dashes and take the file's colour and marker.
        #expect(styled.text.contains("set style line 2 lc rgb '#000000' lw 2 dt 1 pt 3 ps 1.2  # huber(delta=1)"))
        #expect(styled.text.contains("set style line 3 lc rgb '#000000' lw 2 dt 2 pt 3 ps 1.2  # huber(delta=2)"))
    }

    @Test func variantBarsAreHatched() throws {
        let text = try script("[{name: \"b\", type: \"bars\", x: \"dataset.noise\", y: \"mae\"}]").text
        #expect(text.contains("data index 1 using 2:3 with boxes fc rgb") && text.contains("fs solid 0.85"))
        #expect(text.contains("data index 2 using 2:3 with boxes fc rgb") && text.contains("fs pattern 4 border"))
    }

    /// One panel per noise level: the data holds every panel's blocks in turn, each panel plots
    /// its own indices, the y range is shared and the key is drawn once.
    @Test func facetsDrawOnePanelPerValue() throws {
        let script = try script("[{name: \"b\", type: \"bars\", y: \"mae\", facet: \"dataset.noise\", caption: \"c\"}]")
        #expect(script.data.panels.map(\.title) == ["noise = 0.1", "noise = 1"])
        #expect(script.data.panels.map(\.blocks) == [0..<3, 3..<6])
        #expect(script.data.blocks.map(\.name) == ["mse", "huber(delta=1)", "huber(delta=2)", "mse", "huber(delta=1)", "huber(delta=2)"])
        // The panel of noise 1: mse 2.5 in [2, 3], huber(delta=1) 2.25 without an interval.
        #expect(rowsMatch(script.data.blocks[3].rows, [[0, -0.2667, 2.5, 2, 3, 3]].map { [$0[0], FigureDataBuilder.barPosition(group: 0, index: 0, count: 3)] + $0[2...] }))
        let text = script.text
        #expect(text.contains("set multiplot layout 1,2 rowsfirst title 'Synthetic'.\"\\n\".'2 to 3 seeds'.\"\\n\".'c' noenhanced"))
        #expect(text.contains("set title 'noise = 0.1' noenhanced") && text.contains("set title 'noise = 1' noenhanced"))
        #expect(text.contains("data index 3 using 2:3 with boxes") && text.contains("data index 5 using 2:3 with boxes"))
        // Bars from 0 to the highest mean or interval end, 3, plus 5%.
        #expect(text.components(separatedBy: "set yrange [0:3.15]").count == 5)
        #expect(text.components(separatedBy: "\nset multiplot layout").count == 3 && text.components(separatedBy: "\nunset multiplot").count == 3)
        #expect(!text.contains("\nreplot\n"))
        #expect(text.components(separatedBy: "unset key").count == 3)
    }

    /// gnuplot itself accepts what the new fields write: facets (a multiplot drawn twice), every
    /// legend position, ranges, style overrides, hatched bars and reference lines.
    @Test(.enabled(if: GnuplotRenderer.locate() != nil))
    func newFigureOptionsRenderWithoutComplaint() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(SyntheticResults.summary, to: "results/synthetic/summary.csv")
        let experiment = try SyntheticResults.experiment(plots: """
        [{name: "facet-bars", type: "bars", y: "mae", facet: "dataset.noise", legend: "outside", caption: "c"},
         {name: "facet-lines", type: "lines", x: "loss.delta", y: "mae", facet: "dataset.noise", legend: "below", logy: true},
         {name: "inside", type: "lines", x: "dataset.noise", y: "mae", legend: "inside", xrange: [0, 1.2], yrange: [0, null],
          style: {series: {mse: {color: "#000000", dash: "dash-dot", marker: "star"}}}},
         {name: "none", type: "lines", x: "loss.delta", y: "mae", legend: "none", where: {"dataset.noise": 1}}]
        """)
        let writer = FigureWriter(experiment: experiment, resultsRoot: folder.path + "/results", plotsRoot: folder.path + "/plots",
                                  command: "test")
        let outcomes = try writer.write(try FigureSpec.parseAll(experiment), renderer: GnuplotRenderer())
        #expect(outcomes.count == 4)
        for outcome in outcomes {
            guard case .rendered(let warnings)? = outcome.result else {
                Issue.record("\(outcome.spec.name) not rendered: \(String(describing: outcome.result))")
                continue
            }
            #expect(warnings.isEmpty, "\(outcome.spec.name): \(warnings)")
            #expect((FileManager.default.contents(atPath: outcome.pngPath)?.count ?? 0) > 1000, "\(outcome.pngPath)")
            #expect((FileManager.default.contents(atPath: outcome.svgPath)?.count ?? 0) > 1000, "\(outcome.svgPath)")
        }
    }

    /// Curves that coincide (bce and two-class cce) still show both markers: each series's markers
    /// start a fraction of the interval later than the previous series's.
    @Test func markersOfCurvesAreStaggered() throws {
        let experiment = try curvesExperiment(plots: "[{name: \"v\", type: \"curves\"}]", losses: "[\"bce\", \"cce\"]")
        let spec = try #require(try FigureSpec.parseAll(experiment).first)
        let rows = (0..<25).map { [Double($0), 1.0] }
        let data = FigureData(columns: ["x", "value"], blocks: [
            FigureData.Block(name: "bce", label: "bce", kind: .binaryCrossentropy, rows: rows),
            FigureData.Block(name: "cce", label: "cce", kind: .categoricalCrossentropy, rows: rows),
        ], source: "curves.csv")
        let text = GnuplotScript(spec: spec, experiment: experiment, data: data,
                                 paths: FigurePaths(resultsRoot: "r", plotsRoot: "p", experiment: "c"), command: "test").text
        // 25 rows: a marker every 3 rows, from row 0 for the first series and row 1 for the second.
        #expect(text.contains("data index 0 using 1:2 with lines ls 1 notitle"))
        #expect(text.contains("data index 0 every 3::0 using 1:2 with points ls 1 notitle"))
        #expect(text.contains("data index 1 every 3::1 using 1:2 with points ls 2 notitle"))
        #expect(text.contains("keyentry with linespoints ls 2 title 'cce' noenhanced"))
    }

    @Test func anEmptyFigureStillRenders() throws {
        let text = try script("[{name: \"l\", type: \"lines\", x: \"dataset.noise\", y: \"mae\"}]", SyntheticResults.summaryHeader).text
        #expect(text.contains("plot 2 notitle"))
        #expect(text.contains("No results match this figure"))
    }
}
