import LossHarness

/// `losslab plot`: regenerates gnuplot scripts and figures from existing results.
enum PlotCommand: Subcommand {
    static let name = "plot"
    static let summary = "write gnuplot scripts and figures from existing results, training nothing"
    static let help = """
    Usage: losslab plot [FILE...] [--results DIR] [--plots DIR] [--set PATH=VALUE]... [--quiet]
    """

    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode {
        .failure
    }

    /// Writes the figures of one experiment whose results are in `resultsRoot`.
    static func plot(experiment: Experiment, grid: Grid, resultsRoot: String, plotsRoot: String, console: Console, quiet: Bool) throws {
    }
}
