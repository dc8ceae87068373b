import LossCore

/// The trials of an experiment in their documented order, computed lazily by index so that a grid
/// of any size costs no memory until its trials are used.
///
/// Order (the last listed varies fastest), the promise that `trials.csv` keeps:
/// 1. the swept dataset, model, training and curves fields, sorted by path (`curves.*`, then
///    `dataset.*` before `model.*` before `training.*`, alphabetical within a section); a `zip`
///    group is one axis, placed where the first of its paths in that order would be, its values
///    taken together (the i-th value of every path of the group);
/// 2. the loss entries in file order, each crossed with its own swept parameters (sorted by name);
/// 3. the repetitions `0..<seeds`.
///
/// So for `dataset.noise: [0.1, 1]`, `loss: ["mse", {name: "huber", delta: [1, 2]}]` and 2 seeds, the
/// trials are (0.1, mse, r0), (0.1, mse, r1), (0.1, huber 1, r0), (0.1, huber 1, r1),
/// (0.1, huber 2, r0), ..., (1, huber 2, r1).
public struct Grid: Sendable {
    public let experiment: Experiment
    /// Axes of the global sweep, each a list of paths (one path, or a zip group) with its values.
    let globalAxes: [[(path: String, values: [JSONValue])]]
    let globalRadices: [Int]
    let globalCount: Int
    /// Per loss entry, its swept parameters' axes and their product.
    let entryAxes: [[Setting]]
    let entryCounts: [Int]
    let entryOffsets: [Int]
    /// Trials per global combination (all entries, all repetitions).
    let perGlobal: Int
    public let count: Int
    /// The swept paths, in column order (the `loss.*` paths after the global ones).
    public let sweptPaths: [String]
    /// Every resolved path of a trial, fixed ones included, for ids and spec.json.
    let fixedValues: [String: JSONValue]

    public init(_ experiment: Experiment) {
        self.experiment = experiment
        var axes: [[(String, [JSONValue])]] = []
        var zipped: Set<String> = []
        let swept = experiment.settings.filter(\.isSwept).sorted { $0.path < $1.path }
        for setting in swept where !zipped.contains(setting.path) {
            if let group = experiment.zipGroups.first(where: { $0.contains(setting.path) }) {
                axes.append(group.compactMap { path in swept.first { $0.path == path }.map { (path, $0.values) } })
                zipped.formUnion(group)
            } else {
                axes.append([(setting.path, setting.values)])
            }
        }
        globalAxes = axes
        globalRadices = axes.map { $0.first?.1.count ?? 1 }
        globalCount = globalRadices.reduce(1) { multiplyClamped($0, $1) }
        entryAxes = experiment.losses.map { entry in entry.settings.filter(\.isSwept).sorted { $0.path < $1.path } }
        entryCounts = entryAxes.map { $0.reduce(1) { multiplyClamped($0, $1.values.count) } }
        var offsets: [Int] = []
        var total = 0
        for count in entryCounts {
            offsets.append(total)
            total = addClamped(total, multiplyClamped(count, experiment.seeds))
        }
        entryOffsets = offsets
        perGlobal = total
        count = multiplyClamped(globalCount, total)
        var paths = swept.map(\.path)
        for entry in entryAxes { for setting in entry where !paths.contains(setting.path) { paths.append(setting.path) } }
        sweptPaths = paths
        var fixed: [String: JSONValue] = [:]
        for setting in experiment.settings where !setting.isSwept { fixed[setting.path] = setting.values[0] }
        fixedValues = fixed
    }

    /// The trial at `index` (0-based, in grid order).
    public func trial(at index: Int) -> Trial {
        precondition(index >= 0 && index < count)
        var globalIndex = index / perGlobal
        var within = index % perGlobal
        var values = fixedValues
        var swept: [String: JSONValue] = [:]
        for (axis, radix) in zip(globalAxes, globalRadices).reversed() {
            let position = globalIndex % radix
            globalIndex /= radix
            for (path, axisValues) in axis {
                values[path] = axisValues[position]
                swept[path] = axisValues[position]
            }
        }
        var entryIndex = entryOffsets.count - 1
        while entryOffsets[entryIndex] > within { entryIndex -= 1 }
        within -= entryOffsets[entryIndex]
        let repetition = within % experiment.seeds
        var combination = within / experiment.seeds
        let entry = experiment.losses[entryIndex]
        for setting in entry.settings where !setting.isSwept { values[setting.path] = setting.values[0] }
        for setting in entryAxes[entryIndex].reversed() {
            let position = combination % setting.values.count
            combination /= setting.values.count
            values[setting.path] = setting.values[position]
            swept[setting.path] = setting.values[position]
        }
        values["loss.name"] = .string(entry.kind.rawValue)
        Self.fillDefaults(&values, loss: entry.kind)
        return Trial(index: index, experiment: experiment.name, lossEntry: entryIndex, label: entry.label,
                     repetition: repetition, baseSeed: experiment.seed, values: values, swept: swept)
    }

    /// The repetition of the trial at `index`, without resolving it.
    func repetition(at index: Int) -> Int {
        var within = index % perGlobal
        var entryIndex = entryOffsets.count - 1
        while entryOffsets[entryIndex] > within { entryIndex -= 1 }
        within -= entryOffsets[entryIndex]
        return within % experiment.seeds
    }

    /// Calls `body` with the trial at each of `indices` and its id, in the order given. Trials that
    /// differ only by repetition (consecutive in grid order) are resolved and hashed once, which
    /// makes listing a large grid (dry runs, resume, assembly) several times faster than
    /// ``trial(at:)`` and ``Trial/id`` one by one.
    public func forEachTrial(at indices: some Sequence<Int>, _ body: (Trial, String) throws -> Void) rethrows {
        var cachedStart = -1
        var cached: Trial?
        var cachedHash: UInt64 = 0
        for index in indices {
            let repetition = repetition(at: index)
            let start = index - repetition
            if start != cachedStart || cached == nil {
                let resolved = trial(at: index)
                cached = resolved
                cachedHash = resolved.configurationHash
                cachedStart = start
            }
            var trial = cached!
            trial.index = index
            trial.repetition = repetition
            try body(trial, Trial.id(configurationHash: cachedHash, repetition: repetition))
        }
    }

    /// Writes the defaults of the trial's generator, loss and optimizer into `values` where the file
    /// left them out, so that a trial's values (and its id) are the same whether a default is
    /// written or not.
    static func fillDefaults(_ values: inout [String: JSONValue], loss: LossKind) {
        if case .string(let name)? = values["dataset.generator"], let generator = DataGenerators.named(name) {
            for info in generator.parameters where values["dataset.\(info.name)"] == nil {
                values["dataset.\(info.name)"] = JSONValue(info.defaultValue)
            }
        }
        for info in loss.parameters where values["loss.\(info.name)"] == nil {
            values["loss.\(info.name)"] = JSONValue(info.defaultValue)
        }
        if values["training.learning_rate"] == nil, case .string(let name)? = values["training.optimizer"],
           let kind = Optimizer.Kind(rawValue: name) {
            // The Float default's shortest text, so that 0.001 written in a file matches it.
            values["training.learning_rate"] = .number(Double(Optimizer.defaultLearningRate(kind).description) ?? 0)
        }
    }

    /// Every trial, in order (a lazy sequence).
    public var trials: LazyMapSequence<Range<Int>, Trial> {
        (0..<count).lazy.map { trial(at: $0) }
    }
}

func multiplyClamped(_ a: Int, _ b: Int) -> Int {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? Int.max : product
}

func addClamped(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? Int.max : sum
}
