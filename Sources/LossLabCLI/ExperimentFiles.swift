import Foundation
import LossHarness

/// Loading experiment files for a command: the file, its grid's size, its pairings, duplicates and
/// figures checked before anything runs. Problems are ``InputError``s (65 invalid, 66 unreadable).
enum ExperimentFiles {
    /// Loads `path` (opened relative to `arguments`' working directory, named as given in messages).
    static func load(_ path: String, overrides: [String], seeds: Int?, quick: Bool = false, maximumTrials: Int,
                     arguments: Arguments) throws -> (Experiment, Grid) {
        let experiment = try ExperimentLoader.load(path: arguments.resolve(path), name: path, overrides: overrides, seeds: seeds,
                                                   quick: quick)
        let grid = Grid(experiment)
        if grid.count > maximumTrials {
            let count = grid.count == Int.max ? "more than 9e18" : "\(grid.count)"
            throw SpecErrors([SpecError(file: path, path: "(grid)", value: "\(count) trials", expected: "at most \(maximumTrials) trials",
                                        suggestion: "Sweep fewer values or seeds, or raise the limit with --max-trials")])
        }
        let problems = DuplicateTrialCheck.problems(in: grid) + PairingCheck.problems(in: grid)
        if !problems.isEmpty { throw SpecErrors(problems) }
        // Figures are checked before anything runs, so that a typo in a plot does not surface
        // only after hours of training.
        _ = try FigureSpec.parseAll(experiment)
        return (experiment, grid)
    }

    /// The experiment of `path` as the results in `resultsRoot` were made: the file with
    /// `overrides` when the results are of that definition (or unrecorded), else the file with the
    /// options recorded in its `experiment.json` (`--set`, `--seeds`, `--quick`) when those give the
    /// recorded definition. Otherwise the results are of another version of the file and the
    /// command is refused (65), naming what differs and how to bring them up to date. The note
    /// names the recorded options, for figures and the report.
    static func loadForResults(_ path: String, overrides: [String], resultsRoot: String,
                               arguments: Arguments) throws -> (experiment: Experiment, grid: Grid, note: String?) {
        let (experiment, grid) = try load(path, overrides: overrides, seeds: nil, maximumTrials: Int.max, arguments: arguments)
        let store = ResultStore(resultsRoot: arguments.resolve(resultsRoot), experiment: experiment.name)
        let origin = ExperimentOrigin(file: path, overrides: overrides)
        switch try RecordedDefinition.match(experiment, origin: origin, store: store) {
        case .unrecorded:
            return (experiment, grid, nil)
        case .same(let recorded):
            return (experiment, grid, RecordedDefinition.note(recorded))
        case .other(let fields, let recorded):
            if recorded.options != origin.options {
                let (again, againGrid) = try load(path, overrides: recorded.overrides, seeds: recorded.seeds, quick: recorded.quick,
                                                  maximumTrials: Int.max, arguments: arguments)
                if case .same = try RecordedDefinition.match(again, origin: recorded, store: store) {
                    return (again, againGrid, RecordedDefinition.note(recorded))
                }
            }
            let made = ShellWords.join([recorded.file] + recorded.options)
            throw CommandError("\(store.directory) holds results of another definition of \(path) (fields that differ: "
                               + "\(fields.joined(separator: ", "))), made by `losslab run \(made)`: the file was changed since. "
                               + "Run `losslab run \(path)` to bring the results up to date, then try again.", code: .dataError)
        }
    }

    /// The files named on the command line, or every `experiments/*.json5` when none is named.
    static func expand(_ paths: [String], arguments: Arguments) throws -> [String] {
        if !paths.isEmpty { return paths }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: arguments.resolve("experiments"))) ?? []
        let files = names.filter { $0.hasSuffix(".json5") || $0.hasSuffix(".json") }.sorted().map { "experiments/" + $0 }
        if files.isEmpty { throw CommandError("no experiment file given and none found in experiments/") }
        return files
    }
}
