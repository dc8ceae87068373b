import Testing
@testable import LossHarness
import LossLabTestSupport

/// Small synthetic results, values chosen to be checked by hand.
enum SyntheticResults {
    /// Noise swept over [0.1, 1]; mse, and Huber with delta [1, 2]; 3 seeds; metric mae.
    static func experiment(plots: String) throws -> Experiment {
        try LossHarnessTests.experiment("""
        { name: "synthetic", title: "Synthetic",
          dataset: { generator: "gaussian", noise: [0.1, 1] },
          loss: ["mse", {name: "huber", delta: [1, 2]}],
          seeds: 3, metrics: ["mae"],
          plots: \(plots) }
        """)
    }

    static let summaryHeader = "loss,series,dataset.noise,loss.delta,metric,trials,n,diverged,mean,sd,ci95_low,ci95_high,median,q1,q3,min,max,reference,pairs,diff_mean,diff_ci95_low,diff_ci95_high,p_value,wilcoxon_p\n"

    /// summary.csv, in grid order (noise slowest), with an r2 row that figures of mae must skip.
    static let summary = summaryHeader + """
    mse,mse,0.1,,mae,3,3,0,1.5,0.5,1,2,,,,,,mse,,,,,,
    mse,mse,0.1,,r2,3,3,0,0.9,0.1,0.8,1,,,,,,mse,,,,,,
    huber,huber(delta=1),0.1,1,mae,3,3,0,1.25,0.25,1,1.5,,,,,,mse,,,,,,
    huber,huber(delta=2),0.1,2,mae,3,3,0,1.4,0.2,1.2,1.6,,,,,,mse,,,,,,
    mse,mse,1,,mae,3,3,0,2.5,0.5,2,3,,,,,,mse,,,,,,
    huber,huber(delta=1),1,1,mae,3,2,1,2.25,0.25,,,,,,,,mse,,,,,,
    huber,huber(delta=2),1,2,mae,3,3,0,2.4,0.2,2.2,2.6,,,,,,mse,,,,,,

    """

    static let trials = """
    trial_id,loss,series,dataset.noise,loss.delta,repetition,seed,status,message,epochs_run,train_seconds,mae
    a,mse,mse,0.1,,0,11,completed,,2,0.1,4
    b,mse,mse,0.1,,1,12,completed,,2,0.1,1
    c,mse,mse,0.1,,2,13,completed,,2,0.1,2
    d,huber,huber(delta=1),0.1,1,0,11,completed,,2,0.1,1
    e,huber,huber(delta=1),0.1,1,1,12,diverged,,2,0.1,nan
    f,huber,huber(delta=1),0.1,1,2,13,completed,,2,0.1,3
    g,mse,mse,1,,0,11,completed,,2,0.1,5

    """

    static let history = """
    trial_id,loss,series,dataset.noise,loss.delta,repetition,seed,epoch,train_loss,test_loss,mae
    a,mse,mse,0.1,,0,11,1,9,1,0.5
    a,mse,mse,0.1,,0,11,2,8,2,0.5
    b,mse,mse,0.1,,1,12,1,9,3,0.5
    b,mse,mse,0.1,,1,12,2,8,4,0.5
    g,mse,mse,1,,0,11,1,9,10,0.5

    """
}

@Suite struct FigureDataBuilderTests {
    func build(_ plots: String, _ table: String) throws -> FigureData {
        let experiment = try SyntheticResults.experiment(plots: plots)
        let spec = try #require(try FigureSpec.parseAll(experiment).first)
        return FigureDataBuilder.build(spec, experiment: experiment, table: CSVTable(text: table))
    }

    @Test func linesTakeMeanAndIntervalFromTheSummary() throws {
        let data = try build("[{name: \"l\", type: \"lines\", x: \"dataset.noise\", y: \"mae\"}]", SyntheticResults.summary)
        #expect(data.columns == ["x", "mean", "ci95_low", "ci95_high", "n"])
        #expect(data.blocks.map(\.name) == ["mse", "huber(delta=1)", "huber(delta=2)"])
        #expect(data.blocks.map(\.kind) == [.meanSquaredError, .huber, .huber])
        #expect(rowsMatch(data.blocks[0].rows, [[0.1, 1.5, 1, 2, 3], [1, 2.5, 2, 3, 3]]))
        #expect(rowsMatch(data.blocks[1].rows, [[0.1, 1.25, 1, 1.5, 3], [1, 2.25, .nan, .nan, 2]]))
        #expect(data.categories.isEmpty)
        #expect(data.seedCounts == 2...3)
        #expect(data.source == "summary.csv")
        #expect(data.text(description: "synthetic/l") == """
        # LossLab figure data: synthetic/l
        # columns: x mean ci95_low ci95_high n
        # one block per series, separated by two blank lines: gnuplot's `index i` selects series i
        # [0] mse
        0.1 1.5 1 2 3
        1 2.5 2 3 3


        # [1] huber(delta=1)
        0.1 1.25 1 1.5 3
        1 2.25 NaN NaN 2


        # [2] huber(delta=2)
        0.1 1.4 1.2 1.6 3
        1 2.4 2.2 2.6 3

        """)
    }

    @Test func whereOnALossParameterKeepsLossesWithoutIt() throws {
        let data = try build("[{name: \"l\", type: \"lines\", x: \"dataset.noise\", y: \"mae\", where: {\"loss.delta\": 2}}]",
                             SyntheticResults.summary)
        #expect(data.blocks.map(\.name) == ["mse", "huber(delta=2)"])
    }

    @Test func seriesListChoosesAndOrders() throws {
        let data = try build("[{name: \"l\", type: \"lines\", x: \"dataset.noise\", y: \"mae\", series: [\"huber(delta=2)\", \"mse\"]}]",
                             SyntheticResults.summary)
        #expect(data.blocks.map(\.name) == ["huber(delta=2)", "mse"])
        let byLabel = try build("[{name: \"l\", type: \"lines\", x: \"dataset.noise\", y: \"mae\", series: [\"huber\"]}]",
                                SyntheticResults.summary)
        #expect(byLabel.blocks.map(\.name) == ["huber(delta=1)", "huber(delta=2)"])
    }

    @Test func aLossParameterAlongXJoinsTheSeriesOfTheLoss() throws {
        let data = try build("[{name: \"d\", type: \"lines\", x: \"loss.delta\", y: \"mae\", reference_lines: false}]",
                             SyntheticResults.summary)
        // Noise is neither x nor fixed: each noise level is its own line.
        #expect(data.blocks.map(\.name) == ["huber, noise=0.1", "huber, noise=1"])
        #expect(rowsMatch(data.blocks[0].rows, [[1, 1.25, 1, 1.5, 3], [2, 1.4, 1.2, 1.6, 3]]))
        #expect(data.notes == ["series \"mse\" has no delta, so it has no place along x and is not drawn"])
    }

    /// By default a loss without the x parameter is a horizontal line at its mean, with its
    /// interval, from the lowest to the highest x of the figure (delta 1 to 2 here).
    @Test func aLossWithoutTheXParameterIsAReferenceLine() throws {
        let data = try build("[{name: \"d\", type: \"lines\", x: \"loss.delta\", y: \"mae\"}]", SyntheticResults.summary)
        #expect(data.blocks.map(\.name) == ["mse, noise=0.1 (no delta)", "mse, noise=1 (no delta)", "huber, noise=0.1", "huber, noise=1"])
        #expect(data.blocks.map(\.isReference) == [true, true, false, false])
        #expect(data.blocks.map(\.series) == ["mse", "mse", "huber", "huber"])
        #expect(rowsMatch(data.blocks[0].rows, [[1, 1.5, 1, 2, 3], [2, 1.5, 1, 2, 3]]))
        #expect(rowsMatch(data.blocks[1].rows, [[1, 2.5, 2, 3, 3], [2, 2.5, 2, 3, 3]]))
        #expect(data.notes == ["series \"mse\" has no delta: drawn as a horizontal reference line across x"])
        let script = GnuplotScript(spec: try #require(try FigureSpec.parseAll(try SyntheticResults.experiment(
            plots: "[{name: \"d\", type: \"lines\", x: \"loss.delta\", y: \"mae\"}]")).first),
            experiment: try SyntheticResults.experiment(plots: "[]"), data: data,
            paths: FigurePaths(resultsRoot: "r", plotsRoot: "p", experiment: "s"), command: "test").text
        #expect(script.contains("data index 0 using 1:2 with lines ls 1 title 'mse, noise=0.1 (no delta)' noenhanced"))
        #expect(script.contains("data index 0 using 1:3:4 with filledcurves"))
    }

    @Test func barsSitSideBySideInTheirGroups() throws {
        let data = try build("[{name: \"b\", type: \"bars\", x: \"dataset.noise\", y: \"mae\", where: {\"loss.delta\": 1}}]",
                             SyntheticResults.summary)
        #expect(data.columns == ["group", "position", "mean", "ci95_low", "ci95_high", "n"])
        #expect(data.categories == ["0.1", "1"])
        // Two bars per group, each 0.4 wide, centred at group -+ 0.2.
        #expect(rowsMatch(data.blocks[0].rows, [[0, -0.2, 1.5, 1, 2, 3], [1, 0.8, 2.5, 2, 3, 3]]))
        #expect(rowsMatch(data.blocks[1].rows, [[0, 0.2, 1.25, 1, 1.5, 3], [1, 1.2, 2.25, .nan, .nan, 2]]))
    }

    @Test func barsWithoutXFormOneGroup() throws {
        let data = try build("[{name: \"b\", type: \"bars\", y: \"mae\", where: {\"dataset.noise\": 1}}]", SyntheticResults.summary)
        #expect(data.categories == [""])
        #expect(data.blocks.count == 3)
        #expect(isClose(data.blocks[0].rows[0][1], -0.8 / 3, relative: 1e-9))
        #expect(data.blocks[2].rows[0][2] == 2.4)
    }

    @Test func boxHoldsPerSeedValuesAndTheirQuartiles() throws {
        let data = try build("[{name: \"x\", type: \"box\", x: \"dataset.noise\", y: \"mae\"}]", SyntheticResults.trials)
        #expect(data.columns == ["group", "position", "median", "q1", "q3", "min", "max", "n", "value_1", "value_2", "value_3"])
        #expect(data.blocks.map(\.name) == ["mse", "huber(delta=1)"])
        // mse at noise 0.1: values 4, 1, 2 (repetition order); sorted 1, 2, 4: median 2, q1 = 1 + 0.5 (2 - 1) = 1.5,
        // q3 = 2 + 0.5 (4 - 2) = 3 (linear interpolation). At noise 1: one value, 5.
        #expect(rowsMatch(data.blocks[0].rows, [[0, -0.2, 2, 1.5, 3, 1, 4, 3, 4, 1, 2], [1, 0.8, 5, 5, 5, 5, 5, 1, 5, .nan, .nan]]))
        // The diverged trial (nan) is left out and said so.
        #expect(rowsMatch(data.blocks[1].rows, [[0, 0.2, 2, 1.5, 2.5, 1, 3, 2, 1, 3, .nan]]))
        #expect(data.notes == ["left out 1 trial without a finite mae (diverged or undefined)"])
        #expect(data.seedCounts == 1...3)
        #expect(data.source == "trials.csv")
    }

    @Test func historyAveragesEachEpochAcrossSeeds() throws {
        let data = try build("[{name: \"h\", type: \"history\", y: \"test_loss\"}]", SyntheticResults.history)
        #expect(data.columns == ["epoch", "mean", "ci95_low", "ci95_high", "n"])
        #expect(data.blocks.map(\.name) == ["mse, noise=0.1", "mse, noise=1"])
        // Epoch 1 at noise 0.1: 1 and 3, mean 2, sd sqrt(2), standard error 1, t(0.975, 1) = 12.7062047361747.
        let t = 12.706204736174698
        #expect(rowsMatch(data.blocks[0].rows, [[1, 2, 2 - t, 2 + t, 2], [2, 3, 3 - t, 3 + t, 2]], relative: 1e-7))
        #expect(rowsMatch(data.blocks[1].rows, [[1, 10, .nan, .nan, 1]]))
        let filtered = try build("[{name: \"h\", type: \"history\", y: \"mae\", where: {\"dataset.noise\": 0.1}}]", SyntheticResults.history)
        #expect(filtered.blocks.map(\.name) == ["mse"])
        #expect(rowsMatch(filtered.blocks[0].rows, [[1, 0.5, 0.5, 0.5, 2], [2, 0.5, 0.5, 0.5, 2]]))
    }

    @Test func curvesTakeTheChosenColumnAndSkipEmptyCells() throws {
        let experiment = try curvesExperiment(plots: "[{name: \"g\", type: \"curves\", y: \"gradient_logit\"}]", losses: "[\"bce\", \"mse\"]")
        let spec = try #require(try FigureSpec.parseAll(experiment).first)
        let table = CSVTable(text: """
        loss,series,x,target,value,gradient,gradient_logit
        bce,bce,0.25,1,1.3862943611198906,-4,-0.75
        bce,bce,0.5,1,0.6931471805599453,-2,-0.5
        mse,mse,-1,1,1,-2,

        """)
        let data = FigureDataBuilder.build(spec, experiment: experiment, table: table)
        #expect(data.columns == ["x", "gradient_logit"])
        #expect(data.blocks.map(\.name) == ["bce"])
        #expect(rowsMatch(data.blocks[0].rows, [[0.25, -0.75], [0.5, -0.5]]))
        #expect(data.notes == ["series \"mse\" has no gradient_logit values"])
        #expect(data.seedCounts == nil)
    }

    @Test func categoricalXUsesPositionsAndLabels() throws {
        let experiment = try LossHarnessTests.experiment("""
        { name: "opt", dataset: { generator: "gaussian" }, loss: ["mse"], training: { optimizer: ["sgd", "adam"] },
          metrics: ["mae"], plots: [{name: "o", type: "lines", x: "training.optimizer", y: "mae"}] }
        """)
        let spec = try #require(try FigureSpec.parseAll(experiment).first)
        let table = CSVTable(text: #"""
        loss,series,training.optimizer,metric,trials,n,diverged,mean,sd,ci95_low,ci95_high
        mse,mse,"""sgd""",mae,2,2,0,3,1,2,4
        mse,mse,"""adam""",mae,2,2,0,1,1,0.5,1.5

        """#)
        let data = FigureDataBuilder.build(spec, experiment: experiment, table: table)
        #expect(data.categories == ["sgd", "adam"])
        #expect(rowsMatch(data.blocks[0].rows, [[0, 3, 2, 4, 2], [1, 1, 0.5, 1.5, 2]]))
    }

    @Test func requestedSeriesWithoutResultsIsNoted() throws {
        let summary = SyntheticResults.summaryHeader + "mse,mse,0.1,,mae,3,3,0,1.5,0.5,1,2,,,,,,mse,,,,,,\n"
        let data = try build("[{name: \"l\", type: \"lines\", x: \"dataset.noise\", y: \"mae\", series: [\"mse\", \"huber\"]}]", summary)
        #expect(data.blocks.map(\.name) == ["mse"])
        #expect(data.notes == ["no results for series \"huber\""])
    }
}
