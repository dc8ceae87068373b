import LossHarness

/// `losslab validate`: checks experiment files without running anything.
enum ValidateCommand: Subcommand {
    static let name = "validate"
    static let summary = "check experiment files without running them"
    static let help = """
    Usage: losslab validate [FILE...] [--set PATH=VALUE]... [--seeds N] [--max-trials N]

    Checks each experiment file (default: every experiments/*.json5): syntax, field names, types
    and ranges, loss and generator parameters, pairings, zips, expectations and figures. Prints
    every problem with the file, the field path, the value and what was expected; writes nothing.

    Exit codes: 0 all files valid, 65 a file is invalid, 66 a file cannot be read, 64 bad options.

    Examples:
      losslab validate experiments/outliers.json5
      losslab validate --set training.epochs=5 experiments/*.json5
    """

    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode {
        let overrides = try arguments.values("set")
        let seeds = try arguments.positiveInteger("seeds")
        let maximumTrials = try arguments.positiveInteger("max-trials") ?? Schema.defaultMaximumTrials
        let files = try ExperimentFiles.expand(try arguments.positionals(), arguments: arguments)
        var worst = ExitCode.success
        for file in files {
            do {
                let (experiment, grid) = try ExperimentFiles.load(file, overrides: overrides, seeds: seeds, maximumTrials: maximumTrials,
                                                                arguments: arguments)
                console.print("ok: \(file): \(experiment.name), \(grid.count) trials (\(experiment.losses.count) losses, \(experiment.seeds) seeds)")
            } catch let error as CommandError {
                console.printError("error: " + error.message)
                if worst == .success || error.code == .noInput { worst = error.code }
            } catch let error as any InputError {
                console.printError("error: \(error)")
                let code = ExitCode(error.kind)
                if worst == .success || code == .noInput { worst = code }
            }
        }
        return worst
    }
}
