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
    let globalRadices: [Int]
    let globalCount: Int
    /// Per loss entry, its combinations times the seeds, and where its trials start within one
    /// global combination.
    let entryCounts: [Int]
    let entryOffsets: [Int]
    /// Trials per global combination (all entries, all repetitions).
    let perGlobal: Int
    public let count: Int
    /// The swept paths, in column order (the loss entries' own paths after the global ones).
    public let sweptPaths: [String]

    public init(_ experiment: Experiment) {
        self.experiment = experiment
        globalRadices = experiment.axes.map(\.count)
        globalCount = globalRadices.reduce(1) { multiplyClamped($0, $1) }
        entryCounts = experiment.losses.map(\.combinations.count)
        var offsets: [Int] = []
        var total = 0
        for count in entryCounts {
            offsets.append(total)
            total = addClamped(total, multiplyClamped(count, experiment.seeds))
        }
        entryOffsets = offsets
        perGlobal = total
        count = multiplyClamped(globalCount, total)
        var paths = experiment.axes.flatMap(\.paths).sorted()
        for entry in experiment.losses {
            for path in entry.sweptPaths where !paths.contains(path) { paths.append(path) }
        }
        sweptPaths = paths
    }

    /// What the file fixed for every trial, by path, as `spec.json` lists it.
    public var fixedValues: [String: JSONValue] {
        let swept = Set(experiment.axes.flatMap(\.paths))
        return experiment.base.sectionValues(withGeneratorDefaults: false).filter { !swept.contains($0.key) }
    }

    /// The trial at `index` (0-based, in grid order).
    public func trial(at index: Int) -> Trial {
        precondition(index >= 0 && index < count)
        var globalIndex = index / perGlobal
        var within = index % perGlobal
        var configuration = experiment.base
        var swept: [String: JSONValue] = [:]
        for (axis, radix) in zip(experiment.axes, globalRadices).reversed() {
            let position = globalIndex % radix
            globalIndex /= radix
            for assignment in axis.values[position] {
                assignment.apply(&configuration)
                swept[assignment.path] = assignment.value
            }
        }
        var entryIndex = entryOffsets.count - 1
        while entryOffsets[entryIndex] > within { entryIndex -= 1 }
        within -= entryOffsets[entryIndex]
        let repetition = within % experiment.seeds
        let entry = experiment.losses[entryIndex]
        let (loss, assignments) = entry.combinations[within / experiment.seeds]
        for assignment in entry.fixedAssignments { assignment.apply(&configuration) }
        for assignment in assignments {
            assignment.apply(&configuration)
            swept[assignment.path] = assignment.value
        }
        configuration.loss = loss
        return Trial(index: index, experiment: experiment.name, lossEntry: entryIndex, label: entry.label,
                     repetition: repetition, baseSeed: experiment.seed, configuration: configuration, swept: swept)
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
