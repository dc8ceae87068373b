import LossHarness

/// `losslab check`: compares the current results against a saved baseline, running nothing.
enum CheckCommand: Subcommand {
    static let name = "check"
    static let summary = "compare the current results against a saved baseline (runs nothing)"
    static let help = """
    Usage: losslab check [--baseline NAME] [--results DIR] [compare options]

    Compares the results root DIR (default: results; its baselines/ and bench/ folders are
    skipped) against the baseline saved as DIR/baselines/NAME (default NAME: main) by
    `losslab baseline save`, exactly as `losslab compare DIR/baselines/NAME DIR` does. Runs
    nothing: run the experiments first.

    Options:
      --baseline NAME          the saved baseline (default: main)
      --results DIR            results root (default: results)
    \(CompareOptions.help)

    Exit codes: 0 no regression and no improvement, 2 at least one regression (or likely
    regression, see `losslab compare --help`), 4 improvements (or likely ones) and no regression,
    5 the baseline does not exist (the message gives the command that saves it),
    64 bad options, 65 a results file is malformed, 66 DIR does not exist.

    Examples:
      losslab check
      losslab check --baseline v0.1 --format markdown
      losslab check --tolerance mse=2% --all
    """

    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode {
        let name = try arguments.value("baseline") ?? BaselineStore.defaultName
        let resultsRoot = try arguments.path("results", default: "results")
        let options = try CompareOptions.parse(&arguments, command: self.name)
        try arguments.finish()
        do { try BaselineStore.validate(name: name) } catch {
            throw CommandError("check: --baseline: " + error.description)
        }
        let store = BaselineStore(resultsRoot: resultsRoot)
        let resultsOption = resultsRoot == "results" ? "" : " --results \(resultsRoot)"
        let missing = "\(store.path(of: name)) does not exist; save one from the current results with `losslab baseline save \(name)\(resultsOption)`"
        return try CompareCommand.compare(baseline: store.path(of: name), current: resultsRoot, options: options, console: console,
                                          command: self.name, missingBaseline: missing)
    }
}
