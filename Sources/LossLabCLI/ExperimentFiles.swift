import Foundation
import LossHarness

/// Loading experiment files for a command, with every problem turned into a message and an exit
/// code: 66 for a file that cannot be read, 65 for an invalid one.
enum ExperimentFiles {
    /// Loads `path` (opened relative to `arguments`' working directory, named as given in messages).
    static func load(_ path: String, overrides: [String], seeds: Int?, maximumTrials: Int, arguments: Arguments) throws -> (Experiment, Grid) {
        do {
            let experiment = try ExperimentLoader.load(path: arguments.resolve(path), name: path, overrides: overrides, seeds: seeds)
            let grid = Grid(experiment)
            if grid.count > maximumTrials {
                let count = grid.count == Int.max ? "more than 9e18" : "\(grid.count)"
                throw SpecErrors([SpecError(file: path, path: "(grid)", value: "\(count) trials", expected: "at most \(maximumTrials) trials",
                                            suggestion: "Sweep fewer values or seeds, or raise the limit with --max-trials")])
            }
            let problems = PairingCheck.problems(in: grid)
            if !problems.isEmpty { throw SpecErrors(problems) }
            // Figures are checked before anything runs, so that a typo in a plot does not surface
            // only after hours of training.
            _ = try FigureSpec.parseAll(experiment)
            return (experiment, grid)
        } catch let errors as SpecErrors {
            throw CommandError(errors.description, code: .dataError)
        } catch let error as FileError {
            throw CommandError(error.description, code: .noInput)
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
