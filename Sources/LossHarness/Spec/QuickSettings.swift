/// The reduced settings of `losslab run --quick`, for a regression gate that runs every study in a
/// few minutes: the same studies, fewer seeds, shorter training, smaller datasets.
///
/// On a `train` experiment (a `curves` experiment is returned as it is: it has no seeds, data or
/// training):
///
/// | setting | quick value |
/// | --- | --- |
/// | `seeds` | 2 (an explicit `--seeds N` wins) |
/// | `training.epochs` | at most 3 |
/// | `dataset.train_size` | at most 400 |
/// | `dataset.test_size` | at most 400 |
///
/// Caps apply to every value, swept ones and those of a loss entry's own dataset included; a sweep
/// whose values meet under a cap keeps one of each (a zip group keeps one of each combination),
/// so no two trials are the same. The caps apply after `--set`. Expectations whose conditions
/// name a capped value may then match no trial and come out inconclusive.
public enum QuickSettings {
    public static let seeds = 2
    /// Field path to its cap.
    public static let caps: [String: Double] = [
        "training.epochs": 3,
        "dataset.train_size": 400,
        "dataset.test_size": 400,
    ]

    /// The experiment with the quick settings applied; `seeds` replaces ``seeds`` when given.
    public static func apply(to experiment: Experiment, seeds: Int? = nil) -> Experiment {
        guard experiment.kind == .train else { return experiment }
        var quick = experiment
        quick.seeds = seeds ?? Self.seeds
        quick.settings = capped(experiment.settings, zipGroups: experiment.zipGroups)
        for index in quick.losses.indices {
            quick.losses[index].settings = capped(quick.losses[index].settings, zipGroups: [])
        }
        return quick
    }

    /// `settings` with every capped path's values capped, then duplicates removed (per zip group,
    /// duplicate combinations).
    static func capped(_ settings: [Setting], zipGroups: [[String]]) -> [Setting] {
        var result = settings.map { setting -> Setting in
            guard let cap = caps[setting.path] else { return setting }
            var capped = setting
            capped.values = setting.values.map { value in
                if case .number(let x) = value, x > cap { return .number(cap) }
                return value
            }
            return capped
        }
        var zipped: Set<String> = []
        for group in zipGroups where group.contains(where: { caps[$0] != nil }) {
            let indices = group.compactMap { path in result.firstIndex { $0.path == path } }
            zipped.formUnion(group)
            guard let length = indices.first.map({ result[$0].values.count }) else { continue }
            var seen: Set<[JSONValue]> = []
            var kept: [Int] = []
            for position in 0..<length where seen.insert(indices.map { result[$0].values[position] }).inserted {
                kept.append(position)
            }
            for index in indices { result[index].values = kept.map { result[index].values[$0] } }
        }
        for index in result.indices where caps[result[index].path] != nil && !zipped.contains(result[index].path) {
            var seen: Set<JSONValue> = []
            result[index].values = result[index].values.filter { seen.insert($0).inserted }
        }
        return result
    }
}
