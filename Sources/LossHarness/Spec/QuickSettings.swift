/// The reduced settings of `losslab run --quick`, for a regression gate that runs every study in a
/// few minutes: the same studies, fewer seeds, shorter training, smaller datasets.
///
/// Applied to the file's tree before it is validated, so the experiment, its record
/// (`experiment.json`) and its trial ids are those of the reduced study. On a `train` experiment
/// (a `curves` experiment is returned as it is: it has no seeds, data or training):
///
/// | setting | quick value |
/// | --- | --- |
/// | `seeds` | 2 (an explicit `--seeds N` wins) |
/// | `training.epochs` | at most 3 |
/// | `dataset.train_size` | at most 400 |
/// | `dataset.test_size` | at most 400 |
///
/// A table of one's own (`dataset.source: "table"`) keeps all its rows.
///
/// The caps (``Schema/quickCaps``) apply to every value, swept ones and those of a loss entry's own
/// dataset included; a sweep whose values meet under a cap keeps one of each (a zip group keeps
/// one of each combination), so no two trials are the same. The caps apply after `--set`.
/// Expectations whose conditions name a capped value may then match no trial.
public enum QuickSettings {
    public static var seeds: Int { Schema.quickSeeds }

    /// The tree with the quick settings applied; `seeds` replaces ``seeds`` when given.
    public static func apply(to root: JSONValue, seeds: Int? = nil) -> JSONValue {
        guard case .object(var top) = root else { return root }
        if case .string(let kind)? = top["kind"], kind != Experiment.Kind.train.rawValue { return root }
        top["seeds"] = .number(Double(seeds ?? Self.seeds))
        let zipGroups: [[String]] = {
            guard case .array(let groups)? = top["zip"] else { return [] }
            return groups.compactMap { group in
                guard case .array(let items) = group else { return nil }
                return items.compactMap { if case .string(let path) = $0 { path } else { nil } }
            }
        }()
        for section in Set(Schema.quickCaps.map(\.section)) {
            top[section] = capped(top[section] ?? .object([:]), section: section, defaults: true)
        }
        for group in zipGroups { deduplicateJointly(&top, paths: group) }
        for (section, field, _) in Schema.quickCaps where !zipGroups.joined().contains(section + "." + field) {
            deduplicate(&top, section: section, field: field)
        }
        if case .array(var entries)? = top[LossConfiguration.sectionName] {
            for index in entries.indices {
                guard case .object(var entry) = entries[index], let dataset = entry[DatasetConfiguration.sectionName] else { continue }
                entry[DatasetConfiguration.sectionName] = capped(dataset, section: DatasetConfiguration.sectionName, defaults: false)
                for (section, field, _) in Schema.quickCaps where section == DatasetConfiguration.sectionName {
                    deduplicate(&entry, section: section, field: field)
                }
                entries[index] = .object(entry)
            }
            top[LossConfiguration.sectionName] = .array(entries)
        }
        return .object(top)
    }

    /// A section with each capped field's values capped; with `defaults`, a field left out whose
    /// default is above its cap is written at the cap (a loss entry's own dataset inherits the
    /// top level's instead).
    static func capped(_ section: JSONValue, section name: String, defaults: Bool) -> JSONValue {
        guard case .object(var members) = section else { return section }
        // A table is split by fractions: its rows are the data, not a size to cap.
        if name == DatasetConfiguration.sectionName, members["source"] != nil { return section }
        for (capSection, field, cap) in Schema.quickCaps where capSection == name {
            if members[field] == nil, defaults, case .number(let x)? = Schema.defaultValue(section: name, field: field), x > cap {
                members[field] = .number(cap)
            }
            func cut(_ value: JSONValue) -> JSONValue {
                if case .number(let x) = value, x > cap { return .number(cap) }
                return value
            }
            switch members[field] {
            case .number?: members[field] = cut(members[field]!)
            case .array(let items)?: members[field] = .array(items.map(cut))
            default: break
            }
        }
        return .object(members)
    }

    /// Removes repeated values of a swept field, keeping the first of each.
    static func deduplicate(_ object: inout [String: JSONValue], section: String, field: String) {
        guard case .object(var members)? = object[section], case .array(let items)? = members[field] else { return }
        var seen: Set<JSONValue> = []
        members[field] = .array(items.filter { seen.insert($0).inserted })
        object[section] = .object(members)
    }

    /// Removes repeated combinations of a zip group's lists, position by position.
    static func deduplicateJointly(_ top: inout [String: JSONValue], paths: [String]) {
        let parts = paths.map { path -> (String, String) in
            let split = path.split(separator: ".", maxSplits: 1).map(String.init)
            return (split.first ?? "", split.count > 1 ? split[1] : "")
        }
        guard parts.contains(where: { part in Schema.quickCaps.contains { $0.section == part.0 && $0.field == part.1 } }) else { return }
        var lists: [[JSONValue]] = []
        for (section, field) in parts {
            guard case .object(let members)? = top[section], case .array(let items)? = members[field] else { return }
            lists.append(items)
        }
        guard let length = lists.first?.count, lists.allSatisfy({ $0.count == length }) else { return }
        var seen: Set<[JSONValue]> = []
        let kept = (0..<length).filter { position in seen.insert(lists.map { $0[position] }).inserted }
        for (index, (section, field)) in parts.enumerated() {
            guard case .object(var members)? = top[section] else { continue }
            members[field] = .array(kept.map { lists[index][$0] })
            top[section] = .object(members)
        }
    }
}
