import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

/// A training experiment with two swept fields (one global, one a loss parameter), a fixed field
/// and a metrics list, with `plots` spliced in.
func trainingExperiment(plots: String, metrics: String = "metrics: [\"coefficient_error\", \"mae\"],") throws -> Experiment {
    try experiment("""
    {
      name: "spec-test", title: "Spec test",
      dataset: { generator: "outliers", outlier_fraction: [0, 0.2], features: 3, train_size: 40, test_size: 20 },
      loss: ["mse", "mae", {name: "huber", delta: [1, 2]}],
      training: { epochs: 2 },
      seeds: 3,
      \(metrics)
      plots: \(plots),
    }
    """, file: "spec.json5")
}

func curvesExperiment(plots: String, losses: String = "[\"mse\", \"mae\"]") throws -> Experiment {
    try experiment("""
    { name: "curves-test", kind: "curves", loss: \(losses), plots: \(plots) }
    """, file: "curves.json5")
}

/// The errors `parseAll` throws for `experiment`, or none.
func figureErrors(_ experiment: Experiment) -> [SpecError] {
    do {
        _ = try FigureSpec.parseAll(experiment)
        return []
    } catch let errors as SpecErrors {
        return errors.errors
    } catch {
        return [SpecError(file: "", path: "unexpected", expected: "\(error)")]
    }
}

@Suite struct FigureSpecTests {
    /// A corpus of bad figures: each with the one error it must produce, path and expectation word
    /// for word.
    static let corpus: [(plots: String, path: String, expected: String, suggestion: String?)] = [
        ("[{type: \"lines\", x: \"dataset.outlier_fraction\", y: \"mae\"}]", "plots[0].name",
         "a figure name (\(FigureSpec.namePattern))", "The name is required: it names plots/spec-test/<name>.png"),
        ("[{name: \"Bad Name\", type: \"bars\", y: \"mae\"}]", "plots[0].name", "a figure name (\(FigureSpec.namePattern))", nil),
        ("[{name: \"a\", type: \"bars\", y: \"mae\"}, {name: \"a\", type: \"box\", y: \"mae\"}]", "plots[1].name",
         "a name no other figure of this file has", "plots[0] is also called \"a\"; figure names name files, so each must be unique"),
        ("[{name: \"a\", type: \"line\", x: \"dataset.outlier_fraction\", y: \"mae\"}]", "plots[0].type",
         "one of \"lines\", \"bars\", \"box\", \"history\", \"images\"", "Did you mean \"lines\"?"),
        ("[{name: \"a\", y: \"mae\"}]", "plots[0].type", "one of \"lines\", \"bars\", \"box\", \"history\", \"images\"", "The type is required"),
        ("[{name: \"a\", type: \"curves\"}]", "plots[0].type", "one of \"lines\", \"bars\", \"box\", \"history\", \"images\"",
         "curves figures belong to experiments of kind \"curves\""),
        ("[{name: \"a\", type: \"lines\", y: \"mae\"}]", "plots[0].x",
         "the swept path along the x axis, one of: dataset.outlier_fraction, loss.delta", "A lines figure needs x"),
        ("[{name: \"a\", type: \"lines\", x: \"dataset.outlier_fractoin\", y: \"mae\"}]", "plots[0].x",
         "a swept path: dataset.outlier_fraction, loss.delta", "Did you mean \"dataset.outlier_fraction\"?"),
        ("[{name: \"a\", type: \"lines\", x: \"dataset.features\", y: \"mae\"}]", "plots[0].x",
         "a swept path: dataset.outlier_fraction, loss.delta", "dataset.features is not swept: every trial has dataset.features = 3"),
        ("[{name: \"a\", type: \"bars\", x: 3, y: \"mae\"}]", "plots[0].x",
         "a swept path as a string, e.g. \"dataset.outlier_fraction\"", nil),
        ("[{name: \"a\", type: \"lines\", x: \"dataset.outlier_fraction\", y: \"coefficent_error\"}]", "plots[0].y",
         "a metric column of the results: coefficient_error, mae", "Did you mean \"coefficient_error\"?"),
        ("[{name: \"a\", type: \"bars\", y: \"rmse\"}]", "plots[0].y", "one of the experiment's metrics: coefficient_error, mae",
         "Add \"rmse\" to the metrics list to plot it"),
        ("[{name: \"a\", type: \"box\"}]", "plots[0].y", "a metric column of the results: coefficient_error, mae", "A box figure needs y"),
        ("[{name: \"a\", type: \"history\", y: \"accuracy\"}]", "plots[0].y",
         "one of the experiment's metrics: train_loss, test_loss, coefficient_error, mae", "Add \"accuracy\" to the metrics list to plot it"),
        ("[{name: \"a\", type: \"history\", x: \"step\"}]", "plots[0].x",
         "\"epoch\" (or leave x out: a history figure always has epoch along x)", nil),
        ("[{name: \"a\", type: \"lines\", x: \"dataset.outlier_fraction\", y: \"mae\", logy: \"yes\"}]", "plots[0].logy",
         "true, false or \"auto\"", nil),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", logx: true}]", "plots[0].logx",
         "false or \"auto\" (the x axis of a bars figure is categorical)", nil),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", where: {\"dataset.noise\": 1}}]", "plots[0].where.dataset.noise",
         "a swept path: dataset.outlier_fraction, loss.delta", nil),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", where: {\"dataset.features\": 3}}]", "plots[0].where.dataset.features",
         "a swept path: dataset.outlier_fraction, loss.delta", "dataset.features is not swept: every trial has dataset.features = 3"),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", where: {\"dataset.outlier_fraction\": 0.5}}]", "plots[0].where.dataset.outlier_fraction",
         "one of the values of dataset.outlier_fraction: 0, 0.2", nil),
        ("[{name: \"a\", type: \"lines\", x: \"dataset.outlier_fraction\", y: \"mae\", where: {\"dataset.outlier_fraction\": 0}}]",
         "plots[0].where.dataset.outlier_fraction", "a path other than x (dataset.outlier_fraction is along the x axis of this figure)", nil),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", where: [1]}]", "plots[0].where",
         "an object of swept path: value, e.g. {\"dataset.outlier_fraction\": ...}", nil),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", series: [\"mse\", \"hubr\"]}]", "plots[0].series[1]",
         "a series or loss label of this experiment: mse, mae, huber, huber(delta=1), huber(delta=2)", "Did you mean \"huber\"?"),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", series: [\"mse\", \"mse\"]}]", "plots[0].series[1]", "each series once", nil),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", series: []}]", "plots[0].series",
         "at least one series (or leave the field out for every series)", nil),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", series: \"mse\"}]", "plots[0].series",
         "a list of series names or loss labels, e.g. [\"mse\", \"mae\"]", nil),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", errorbars: \"band\"}]", "plots[0].errorbars", "one of \"bars\", \"none\"", nil),
        ("[{name: \"a\", type: \"box\", y: \"mae\", errorbars: \"bars\"}]", "plots[0].errorbars",
         "one of \"none\" (a box already shows the spread across seeds)", nil),
        ("[{name: \"a\", type: \"lines\", x: \"dataset.outlier_fraction\", y: \"mae\", errorbars: \"bands\"}]", "plots[0].errorbars",
         "one of \"band\", \"bars\", \"none\"", "Did you mean \"band\"?"),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", captoin: \"x\"}]", "plots[0].captoin", "a known field", "Unknown field. Did you mean \"caption\"?"),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", title: \"\(String(repeating: "t", count: 201))\"}]", "plots[0].title",
         "a string of at most 200 characters", nil),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", caption: 3}]", "plots[0].caption", "a string of at most 500 characters", nil),
        ("[\"coefficient_error\"]", "plots[0]", "an object {name: ..., type: ..., x: ..., y: ...}", nil),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", legend: \"outsde\"}]", "plots[0].legend",
         "one of \"outside\", \"inside\", \"below\", \"none\"", "Did you mean \"outside\"?"),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", reference_lines: \"yes\"}]", "plots[0].reference_lines", "true or false", nil),
        ("[{name: \"a\", type: \"lines\", x: \"dataset.outlier_fraction\", y: \"mae\", yrange: [1]}]", "plots[0].yrange",
         "[low, high]: two numbers, or null for an end gnuplot picks, e.g. [0, 1] or [0.001, null]", nil),
        ("[{name: \"a\", type: \"lines\", x: \"dataset.outlier_fraction\", y: \"mae\", yrange: [\"a\", 1]}]", "plots[0].yrange",
         "[low, high]: two numbers, or null for an end gnuplot picks, e.g. [0, 1] or [0.001, null]", nil),
        ("[{name: \"a\", type: \"lines\", x: \"dataset.outlier_fraction\", y: \"mae\", xrange: [1, 0]}]", "plots[0].xrange",
         "low < high", "Write the smaller end first: [0, 1]"),
        ("[{name: \"a\", type: \"lines\", x: \"dataset.outlier_fraction\", y: \"mae\", logy: true, yrange: [0, 1]}]", "plots[0].yrange",
         "ends > 0 (logy is true, and a log axis cannot reach 0)", "Use null for that end, or set logy: false"),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", xrange: [0, 1]}]", "plots[0].xrange",
         "no xrange (the x axis of a bars figure is categorical: one group per value)", "Use where or series to choose what is drawn"),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", style: {serie: {}}}]", "plots[0].style.serie", "a known field",
         "Unknown field. Did you mean \"series\"?"),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", style: {series: {hubr: {dash: \"dashed\"}}}}]", "plots[0].style.series.hubr",
         "a series or loss label of this experiment: mse, mae, huber, huber(delta=1), huber(delta=2)", "Did you mean \"huber\"?"),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", style: {series: {mae: {colour: \"#ff0000\"}}}}]", "plots[0].style.series.mae.colour",
         "a known field", "Unknown field. Did you mean \"color\"?"),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", style: {series: {mae: {color: \"red\"}}}}]", "plots[0].style.series.mae.color",
         "a colour as \"#rrggbb\" (six hexadecimal digits), e.g. \"#d62728\"", nil),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", style: {series: {mae: {dash: \"dashes\"}}}}]", "plots[0].style.series.mae.dash",
         "one of \"solid\", \"dashed\", \"dotted\", \"dash-dot\", \"dash-dot-dot\"", "Did you mean \"dashed\"?"),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", style: {series: {mae: {marker: \"circel\"}}}}]", "plots[0].style.series.mae.marker",
         "one of " + SeriesStyle.markers.map { "\"\($0)\"" }.joined(separator: ", "), "Did you mean \"circle\"?"),
        ("[{name: \"a\", type: \"lines\", x: \"dataset.outlier_fraction\", y: \"mae\", facet: \"dataset.outlier_fraction\"}]", "plots[0].facet",
         "a path other than x (dataset.outlier_fraction is along the x axis of this figure)", nil),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", facet: \"dataset.outlier_fraction\", where: {\"dataset.outlier_fraction\": 0}}]",
         "plots[0].facet", "a path that where does not fix (where keeps only dataset.outlier_fraction = 0)", nil),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", facet: \"loss.delta\"}]", "plots[0].facet",
         "a swept dataset, model or training path (a loss parameter belongs to some losses only: use it as x or in series)", nil),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", facet: \"dataset.outlier_fractio\"}]", "plots[0].facet",
         "a swept path: dataset.outlier_fraction, loss.delta", "Did you mean \"dataset.outlier_fraction\"?"),
        ("[{name: \"a\", type: \"bars\", y: \"mae\", style: [1]}]", "plots[0].style",
         "an object {series: {<series or loss label>: {color: \"#rrggbb\", dash: ..., marker: ...}}}", nil),
    ]

    @Test(arguments: 0..<corpus.count)
    func badFigureIsReportedWithPathAndExpectation(index: Int) throws {
        let entry = Self.corpus[index]
        let errors = figureErrors(try trainingExperiment(plots: entry.plots))
        #expect(errors.count == 1, "\(entry.plots): \(errors)")
        let error = try #require(errors.first)
        #expect(error.file == "spec.json5")
        #expect(error.path == entry.path)
        #expect(error.expected == entry.expected)
        if let suggestion = entry.suggestion { #expect(error.suggestion == suggestion) }
    }

    @Test func everyProblemOfAFileIsListed() throws {
        let errors = figureErrors(try trainingExperiment(plots: """
        [{name: "A", type: "lines", y: "nope"}, {name: "b", type: "bars", y: "mae", logy: 2}]
        """))
        #expect(errors.map(\.path) == ["plots[0].name", "plots[0].x", "plots[0].y", "plots[1].logy"])
    }

    @Test func valueIsQuotedInTheMessage() throws {
        let error = try #require(figureErrors(try trainingExperiment(plots: "[{name: \"a\", type: \"line\", y: \"mae\"}]")).first)
        #expect(error.description == "spec.json5: plots[0].type = \"line\": expected one of \"lines\", \"bars\", \"box\", \"history\", \"images\". Did you mean \"lines\"?")
    }

    @Test func metricMustApplyToTheTaskWhenNoListIsGiven() throws {
        let errors = figureErrors(try trainingExperiment(plots: "[{name: \"a\", type: \"bars\", y: \"accuracy\"}]", metrics: ""))
        #expect(errors.map(\.path) == ["plots[0].y"])
        #expect(errors.first?.expected.hasPrefix("a metric that applies to a regression task: mse, rmse, mae") == true)
    }

    @Test func curvesExperimentsTakeOnlyCurvesFigures() throws {
        let errors = figureErrors(try curvesExperiment(plots: "[{name: \"a\", type: \"lines\", x: \"x\", y: \"mae\"}]"))
        #expect(errors.map(\.path) == ["plots[0].type"])
        #expect(errors.first?.expected == "\"curves\" (a curves experiment trains nothing: it has no metrics, seeds or history)")
    }

    @Test func gradientLogitNeedsProbabilityCurves() throws {
        let errors = figureErrors(try curvesExperiment(plots: "[{name: \"a\", type: \"curves\", y: \"gradient_logit\"}]"))
        #expect(errors.map(\.path) == ["plots[0].y"])
        #expect(errors.first?.expected == "\"value\" or \"gradient\" (gradient_logit exists only on probability curves: crossentropy losses, or curves.x \"probability\")")
        #expect(figureErrors(try curvesExperiment(plots: "[{name: \"a\", type: \"curves\", y: \"gradient_logit\"}]",
                                                  losses: "[\"bce\", \"mse\"]")).isEmpty)
    }

    @Test func curvesXMustBeX() throws {
        let errors = figureErrors(try curvesExperiment(plots: "[{name: \"a\", type: \"curves\", x: \"error\"}]"))
        #expect(errors.first?.path == "plots[0].x")
        #expect(errors.first?.expected == "\"x\" (or leave x out: a curves figure always has x along x)")
    }

    @Test func defaultsAreFilledIn() throws {
        let specs = try FigureSpec.parseAll(try trainingExperiment(plots: """
        [{name: "lines", type: "lines", x: "dataset.outlier_fraction", y: "mae"},
         {name: "bars", type: "bars", y: "mae", logy: true, where: {"loss.delta": 1}, series: ["huber", "mse"]},
         {name: "history", type: "history", logx: false, errorbars: "none", caption: "c"}]
        """))
        #expect(specs.map(\.name) == ["lines", "bars", "history"])
        #expect(specs[0].title == "Spec test")
        #expect(specs[0].xScale == .automatic && specs[0].yScale == .automatic)
        #expect(specs[0].errorBars == .band)
        #expect(specs[0].series == nil && specs[0].conditions.isEmpty && specs[0].caption == nil)
        #expect(specs[1].x == nil && specs[1].errorBars == .bars && specs[1].yScale == .logarithmic)
        #expect(specs[1].conditions == ["loss.delta": .number(1)])
        #expect(specs[1].series == ["huber", "mse"])
        // A history figure shows the study's first metric unless asked for a loss.
        #expect(specs[2].x == "epoch" && specs[2].y == "coefficient_error" && specs[2].xScale == .linear && specs[2].errorBars == FigureSpec.ErrorBars.none)
        #expect(specs[0].legend == .outside && specs[0].referenceLines && specs[0].styles.isEmpty && specs[0].xRange == nil && specs[0].yRange == nil)
        #expect(specs[2].caption == "c")
        let curves = try FigureSpec.parseAll(try curvesExperiment(plots: "[{name: \"v\", type: \"curves\"}]"))
        #expect(curves.first?.x == "x" && curves.first?.y == "value" && curves.first?.errorBars == FigureSpec.ErrorBars.none)
    }

    @Test func historyWithoutAMetricsListShowsTheTasksFirstMetric() throws {
        let specs = try FigureSpec.parseAll(try trainingExperiment(plots: "[{name: \"h\", type: \"history\"}, {name: \"t\", type: \"history\", y: \"test_loss\"}]",
                                                                   metrics: ""))
        #expect(specs.map(\.y) == ["mse", "test_loss"])
    }

    @Test func presentationFieldsAreRead() throws {
        let specs = try FigureSpec.parseAll(try trainingExperiment(plots: """
        [{name: "l", type: "lines", x: "dataset.outlier_fraction", y: "mae", xrange: [0, null], yrange: [0.5, 2], legend: "below",
          reference_lines: false, style: {series: {mae: {color: "#ABCDEF", dash: "dotted", marker: "star"}, "huber(delta=2)": {dash: "dash-dot"}}}}]
        """))
        let spec = try #require(specs.first)
        #expect(spec.xRange == FigureSpec.AxisRange(low: 0, high: nil) && spec.yRange == FigureSpec.AxisRange(low: 0.5, high: 2))
        #expect(spec.legend == .below && !spec.referenceLines)
        #expect(spec.styles == ["mae": FigureSpec.StyleOverride(color: "#abcdef", dashType: 3, pointType: 3),
                                "huber(delta=2)": FigureSpec.StyleOverride(dashType: 4)])
        #expect(spec.styleOverride(series: "huber(delta=2)", label: "huber") == FigureSpec.StyleOverride(dashType: 4))
        #expect(spec.styleOverride(series: "huber(delta=1)", label: "huber") == nil)
    }

    @Test func seriesMayNameTheLossWithoutTheXParameter() throws {
        let specs = try FigureSpec.parseAll(try experiment("""
        { name: "f", dataset: { generator: "classes", classes: 2 },
          loss: ["bce", {name: "binary_focal", gamma: [0, 2], alpha: [0.25, 0.5]}],
          plots: [{name: "gamma", type: "lines", x: "loss.gamma", y: "accuracy", series: ["binary_focal(alpha=0.5)", "bce"]}] }
        """))
        #expect(specs.first?.series == ["binary_focal(alpha=0.5)", "bce"])
    }

    @Test func noFiguresIsValid() throws {
        #expect(try FigureSpec.parseAll(try trainingExperiment(plots: "[]")).isEmpty)
    }
}

/// `images` figures: validation, and the panels made from predictions.csv.
struct ImagesFigureTests {
    static let file = """
    {name: "img", dataset: {generator: "gaussian", features: 4, train_size: 20, test_size: 5}, loss: ["mse", "mae"], seeds: 1,
     plots: [{name: "pictures", type: "images", image: [2, 2], samples: 1, caption: "c"}]}
    """

    @Test func anImagesFigureNeedsItsImageShape() throws {
        let specs = try FigureSpec.parseAll(try loadExperiment(Self.file))
        #expect(specs.first?.images == FigureSpec.ImageLayout(width: 2, height: 2, samples: 1))
        let refused = try #require(throws: SpecErrors.self) {
            try FigureSpec.parseAll(try loadExperiment(Self.file.replacingOccurrences(of: "image: [2, 2]", with: "image: [2], y: \"mse\"")))
        }
        #expect(Set(refused.errors.map(\.path)) == ["plots[0].image", "plots[0].y"])
    }

    /// Inputs [0.1, 0.2, 0.3, 0.4] as a 2 x 2 image (row 0 on top, so pixel 0 is at y = 1); one
    /// target and one prediction replace the last pixel: the truth ends in 1, MSE's in 0.5, MAE's
    /// in 0.9; the panels are input, truth, mse, mae.
    @Test func thePredictionsReplaceTheLastPixels() throws {
        let experiment = try loadExperiment(Self.file)
        let spec = try FigureSpec.parseAll(experiment)[0]
        var text = "trial_id,loss,series,repetition,sample,kind,index,value\n"
        for (id, loss, prediction) in [("a", "mse", "0.5"), ("b", "mae", "0.9")] {
            for (i, v) in ["0.1", "0.2", "0.3", "0.4"].enumerated() { text += "\(id),\(loss),\(loss),0,0,input,\(i),\(v)\n" }
            text += "\(id),\(loss),\(loss),0,0,target,0,1\n\(id),\(loss),\(loss),0,0,prediction,0,\(prediction)\n"
        }
        let data = ImagesFigure.data(spec, experiment: experiment, predictions: try CSVTable(strict: text, file: "predictions.csv"))
        #expect(data.blocks.map(\.name) == ["input", "truth", "mse", "mae"])
        #expect(data.blocks[0].rows.map { $0[2] }.map { Float($0) } == [0.1, 0.2, 0.3, 0.4])
        #expect(data.blocks[0].rows.map { [$0[0], $0[1]] } == [[0, 1], [1, 1], [0, 0], [1, 0]])
        #expect(data.blocks.map { Float($0.rows[3][2]) } == [0.4, 1, 0.5, 0.9])
        let script = ImagesFigure.script(spec, experiment: experiment, data: data,
                                         paths: FigurePaths(resultsRoot: "results", plotsRoot: "plots", experiment: "img"), command: "test")
        #expect(script.contains("set multiplot layout 1,4"))
        #expect(script.components(separatedBy: "with image").count - 1 == 8, "4 panels, PNG then SVG")
    }
}
