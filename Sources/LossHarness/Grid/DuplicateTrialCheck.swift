/// Checks, before anything runs, that no two cells of an experiment's grid are the same trial.
///
/// A trial is identified by its resolved configuration (``Trial/id``), not by its label, so two
/// loss entries that differ only by `label` (`"cce"` beside `{name: "cce", label: "cce_weighted"}`),
/// or a sweep that lists a value twice (`delta: [1, 1]`), would train the same trial once and file
/// it under one label only: a series would vanish and a claim against it would have nothing to
/// compare. Such a file is refused, naming both places.
public enum DuplicateTrialCheck {
    /// At most this many distinct configurations are examined (repetitions do not matter).
    public static let limit = 50_000

    public static func problems(in grid: Grid) -> [SpecError] {
        let experiment = grid.experiment
        guard grid.count > 0 else { return [] }
        let seeds = max(1, experiment.seeds)
        var first: [UInt64: Trial] = [:]
        var problems: [SpecError] = []
        var reported: Set<String> = []
        let configurations = min(grid.count / seeds, limit)
        for configuration in 0..<configurations {
            let trial = grid.trial(at: configuration * seeds)
            let hash = trial.configurationHash
            guard let earlier = first[hash] else {
                first[hash] = trial
                continue
            }
            let key = "\(earlier.lossEntry)-\(trial.lossEntry)"
            guard reported.insert(key).inserted else { continue }
            problems.append(problem(earlier, trial, experiment: experiment))
        }
        return problems
    }

    static func problem(_ earlier: Trial, _ later: Trial, experiment: Experiment) -> SpecError {
        let values = later.swept.keys.sorted().map { "\($0) = \(later.swept[$0]!)" }.joined(separator: ", ")
        let at = values.isEmpty ? "" : " (at \(values))"
        if earlier.lossEntry != later.lossEntry {
            return SpecError(file: experiment.file, path: "loss[\(later.lossEntry)]", value: quoteJSON(later.label),
                             expected: "a loss entry whose trials differ from those of loss[\(earlier.lossEntry)] (\(quoteJSON(earlier.label)))",
                             suggestion: "Both define the same trials\(at): trials are told apart by their configuration, not by their label, "
                                 + "so one series would vanish. Remove one entry, or change a parameter of one of them")
        }
        let settings = experiment.fields + experiment.losses[later.lossEntry].fields
        let repeated = settings.first { setting in setting.isSwept && Set(setting.values).count < setting.values.count }
        let path = repeated.map { $0.path.hasPrefix("loss.") ? "loss[\(later.lossEntry)].\($0.path.dropFirst(5))" : $0.path }
            ?? "loss[\(later.lossEntry)]"
        return SpecError(file: experiment.file, path: path, value: repeated.map { JSONValue.array($0.values).description },
                         expected: "a sweep that lists each value once",
                         suggestion: "Two cells of the grid are the same trial\(at)")
    }
}
