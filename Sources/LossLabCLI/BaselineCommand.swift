import Foundation
import LossHarness
import LossCore

/// `losslab baseline`: saves and lists named baselines.
enum BaselineCommand: Subcommand {
    static let name = "baseline"
    static let summary = "save the current results as a named baseline, or list the saved ones"
    static let help = """
    Usage: losslab baseline save NAME [RESULTS] [--results DIR]
           losslab baseline list [--results DIR]

    save: copies trials.csv, summary.csv, history.csv, claims.csv and spec.json of every
    experiment under RESULTS (default: DIR; its baselines/ and bench/ folders are skipped; the
    per-trial JSON files are not copied) to DIR/baselines/NAME/<experiment>/, with a
    baseline.json recording the date, the git commit, the experiments and the rounding of this
    losslab's kernels (`fma` or `separate`, see losslab --version: results compare bit for bit
    only with a baseline of the same rounding). The copy is written to a
    temporary folder and renamed into place: an existing baseline of that name is replaced whole,
    and a reader never sees half of one. NAME: letters, digits, '.', '-' and '_', starting with a
    letter or digit (no '/', no '..').

    list: prints every saved baseline with its date, commit and experiments.

    Options:
      --results DIR      results root that holds baselines/ (default: results)

    Exit codes: 0 done, 64 bad name or options, 66 RESULTS does not exist or holds no results,
    73 the baseline cannot be written.

    Examples:
      losslab baseline save main
      losslab baseline save quick .build/quick-results
      losslab baseline list
    """

    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode {
        let resultsRoot = try arguments.path("results", default: "results")
        let words = try arguments.positionals()
        let store = BaselineStore(resultsRoot: resultsRoot)
        switch words.first {
        case "save":
            guard words.count == 2 || words.count == 3 else {
                throw CommandError("baseline save: expected NAME and at most one RESULTS folder, got \(words.count - 1) argument\(words.count == 2 ? "" : "s") (see `losslab baseline --help`)")
            }
            return try save(name: words[1], source: words.count == 3 ? arguments.resolve(words[2]) : resultsRoot, store: store, console: console)
        case "list":
            guard words.count == 1 else { throw CommandError("baseline list: unexpected argument \(words[1])") }
            return list(store: store, console: console)
        case let other?:
            throw CommandError("baseline: unknown action '\(other)'; expected save or list (see `losslab baseline --help`)")
        case nil:
            throw CommandError("baseline: expected an action, save or list (see `losslab baseline --help`)")
        }
    }

    static func save(name: String, source: String, store: BaselineStore, console: Console) throws -> ExitCode {
        let provenance = currentProvenance()
        let manifest: BaselineManifest
        do {
            manifest = try store.save(name: name, from: source, date: provenance.date, gitCommit: provenance.gitCommit,
                                      rounding: KernelBuild.rounding)
        } catch {
            throw CommandError("baseline save: " + error.description, code: TrackingExitCodes.code(for: error, baselineSide: false))
        }
        console.print("saved baseline \(name) (\(manifest.experiments.count) experiment\(manifest.experiments.count == 1 ? "" : "s"): "
                      + manifest.experiments.joined(separator: ", ") + ") from \(source) to \(store.path(of: name))")
        return .success
    }

    static func list(store: BaselineStore, console: Console) -> ExitCode {
        let baselines = store.list()
        guard !baselines.isEmpty else {
            console.printError("no baselines in \(store.directory); save one with `losslab baseline save NAME`")
            return .success
        }
        let rows = [["name", "date", "commit", "experiments"]] + baselines.map { baseline in
            [baseline.name, baseline.date, baseline.gitCommit.map { String($0.prefix(12)) } ?? "-",
             "\(baseline.experiments.count): " + baseline.experiments.joined(separator: ", ")]
        }
        let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let padded = (0..<3).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
            console.print((padded + [row[3]]).joined(separator: "  "))
        }
        return .success
    }
}
