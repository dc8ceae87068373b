/// Checks, before anything runs, that every loss entry of an experiment has at least one trial that
/// can run. An entry whose every combination is impossible (a regression loss on class labels, say)
/// is an error in the file; impossible combinations that come from a sweep, beside possible ones,
/// are only recorded as `skipped` when the run reaches them.
public enum PairingCheck {
    /// At most this many distinct configurations are examined (repetitions do not matter).
    public static let limit = 20_000

    public static func problems(in grid: Grid) -> [SpecError] {
        let experiment = grid.experiment
        guard experiment.kind == .train else { return [] }
        var runnable = [Bool](repeating: false, count: experiment.losses.count)
        var reasons = [String?](repeating: nil, count: experiment.losses.count)
        var examined = 0
        var index = 0
        while index < grid.count && examined < limit && runnable.contains(false) {
            let trial = grid.trial(at: index)
            if !runnable[trial.lossEntry] {
                do {
                    _ = try TrialPlan(trial: trial, metrics: experiment.metrics)
                    runnable[trial.lossEntry] = true
                } catch {
                    if reasons[trial.lossEntry] == nil { reasons[trial.lossEntry] = "\(error)" }
                }
                examined += 1
            }
            index += experiment.seeds
        }
        if examined >= limit { return [] }
        return experiment.losses.indices.compactMap { entry in
            guard !runnable[entry], let reason = reasons[entry] else { return nil }
            return SpecError(file: experiment.file, path: "loss[\(entry)]", value: quoteJSON(experiment.losses[entry].label),
                             expected: "a loss entry with at least one trial that can run", suggestion: "Every trial of it would be skipped: " + reason)
        }
    }
}
