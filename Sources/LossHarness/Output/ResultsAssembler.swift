import Foundation
import LossCore

/// Builds the tidy CSV files of an experiment from its stored trials, in grid order, streaming
/// each file so that memory stays bounded by the number of groups, not of epochs.
public struct ResultsAssembler {
    public let experiment: Experiment
    public let grid: Grid
    public let store: ResultStore

    public init(experiment: Experiment, grid: Grid, store: ResultStore) {
        self.experiment = experiment
        self.grid = grid
        self.store = store
    }

    /// What was assembled.
    public struct Report: Sendable {
        public var trialsWritten: Int
        public var missing: [Int]
        public var claims: [ClaimVerdict]
    }

    /// The metric columns: the experiment's list, or every metric that appears, in catalogue order.
    func metricColumns(_ present: Set<String>) -> [String] {
        if let metrics = experiment.metrics { return metrics.map(\.rawValue) }
        return Metric.allCases.map(\.rawValue).filter(present.contains)
    }

    /// Grids up to this many trials are read from the store once and kept in memory for the three
    /// passes (each trial file decoded once instead of three times); larger grids are streamed.
    static let preloadLimit = 4096

    /// Writes trials.csv, history.csv, summary.csv, claims.csv, claim-units.csv and spec.json from the
    /// stored trials.
    public func assemble(provenance: Provenance) throws -> Report {
        // Ids are hashed once per configuration; small grids are read once and kept. A stored
        // trial gives its outcome; its identity (label, series, swept values, position) is the
        // grid's, so a label renamed in the file since the trial ran shows the new label.
        var ids: [String] = []
        var identities: [TrialIdentity] = []
        ids.reserveCapacity(grid.count)
        identities.reserveCapacity(grid.count)
        grid.forEachTrial(at: 0..<grid.count) { trial, id in
            ids.append(id)
            identities.append(TrialIdentity(trial))
        }
        let load: (Int) -> TrialResult? = { index in store.load(ids[index]).map { identities[index].applied(to: $0) } }
        let preloaded: [TrialResult?]? = grid.count <= Self.preloadLimit ? (0..<grid.count).map(load) : nil
        let stored: (Int) -> TrialResult? = { index in preloaded?[index] ?? (preloaded == nil ? load(index) : nil) }
        let paths = grid.sweptPaths
        var missing: [Int] = []
        var presentMetrics: Set<String> = []
        var historyMetrics: Set<String> = []
        var groups: [GroupKey: GroupValues] = [:]
        var groupOrder: [GroupKey] = []
        // First pass: which metrics appear, and the per-group metric vectors for the summary.
        for index in 0..<grid.count {
            guard let result = stored(index) else {
                missing.append(index)
                continue
            }
            presentMetrics.formUnion(result.metrics.keys)
            historyMetrics.formUnion(result.historyMetrics)
            let key = result.groupKey(sweptPaths: paths)
            if groups[key] == nil {
                groups[key] = GroupValues()
                groupOrder.append(key)
            }
            groups[key]!.add(result)
        }
        let metrics = metricColumns(presentMetrics)
        let epochMetrics = metricColumns(historyMetrics)
        try writeTrials(paths: paths, metrics: metrics, stored: stored)
        try writeHistory(paths: paths, metrics: epochMetrics, stored: stored)
        try writePredictions(paths: paths, stored: stored)
        let summary = SummaryTable(experiment: experiment, sweptPaths: paths, metrics: metrics,
                                   groups: groups, order: groupOrder)
        try AtomicFile.write(summary.csv(), to: store.path("summary.csv"))
        let sampling = Self.sampling(experiment)
        var claims = experiment.expectations.map { expectation in
            let claim = Claim(expectation, sampling: sampling)
            return ClaimVerdict(claim: claim, observations: ClaimObservations(claim: claim, summary: summary))
        }
        ClaimFamily.adjust(&claims)
        try AtomicFile.write(ClaimVerdict.csv(claims), to: store.path("claims.csv"))
        try AtomicFile.write(ClaimVerdict.unitsCSV(claims), to: store.path("claim-units.csv"))
        try writeSpec(provenance: provenance, missing: missing.count)
        return Report(trialsWritten: grid.count - missing.count, missing: missing, claims: claims)
    }

    /// How the repetitions drew their data: a generator draws new data for each (independent); a
    /// table is split again for each, and the splits share most of their rows, so claims on it take
    /// the corrected resampled t-test (Nadeau & Bengio 2003) with its train and test fractions.
    static func sampling(_ experiment: Experiment) -> RepetitionSampling {
        guard let table = experiment.base.dataset.table else { return .independent }
        let counts = table.source(validationFraction: experiment.base.dataset.validationFraction ?? 0).counts
        let total = Double(counts.total)
        return .resampledSplits(trainFraction: Double(counts.train) / total, testFraction: Double(counts.test) / total)
    }

    private func identityFields(_ result: TrialResult, paths: [String]) -> [String] {
        [result.id, result.label, result.series] + paths.map { result.swept[$0] ?? "" }
            + [String(result.repetition), String(result.seed)]
    }

    private func writeTrials(paths: [String], metrics: [String], stored: (Int) -> TrialResult?) throws {
        let file = try StreamingFile(path: store.path("trials.csv"))
        do {
            try file.append(CSV.row(["trial_id", "loss", "series"] + paths + ["repetition", "seed", "status", "message",
                                    "epochs_run", "train_seconds"] + metrics))
            for index in 0..<grid.count {
                guard let result = stored(index) else { continue }
                let fields = identityFields(result, paths: paths)
                    + [result.status.rawValue, result.message, String(result.epochsRun), String(format: "%.6f", result.trainSeconds)]
                    + metrics.map { CSV.number(result.metric($0)) }
                try file.append(CSV.row(fields))
            }
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    /// `predictions.csv`, when trials kept samples (an `images` figure draws them): one row per
    /// value, `kind` input, target or prediction, `index` its position in the sample's array.
    /// Without samples the file is not written (and an old one removed: it would be stale).
    private func writePredictions(paths: [String], stored: (Int) -> TrialResult?) throws {
        let path = store.path("predictions.csv")
        guard (0..<grid.count).contains(where: { stored($0)?.samples != nil }) else {
            try? FileManager.default.removeItem(atPath: path)
            return
        }
        let file = try StreamingFile(path: path)
        do {
            try file.append(CSV.row(["trial_id", "loss", "series"] + paths + ["repetition", "sample", "kind", "index", "value"]))
            for index in 0..<grid.count {
                guard let result = stored(index), let samples = result.samples else { continue }
                let identity = [result.id, result.label, result.series] + paths.map { result.swept[$0] ?? "" } + [String(result.repetition)]
                for (sample, inputs) in samples.inputs.enumerated() {
                    for (kind, values) in [("input", inputs), ("target", samples.targets[sample]), ("prediction", samples.predictions[sample])] {
                        for (position, value) in values.enumerated() {
                            try file.append(CSV.row(identity + [String(sample), kind, String(position), CSV.number(Double(value))]))
                        }
                    }
                }
            }
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    private func writeHistory(paths: [String], metrics: [String], stored: (Int) -> TrialResult?) throws {
        let file = try StreamingFile(path: store.path("history.csv"))
        do {
            try file.append(CSV.row(["trial_id", "loss", "series"] + paths + ["repetition", "seed", "epoch", "train_loss",
                                    "test_loss"] + metrics))
            for index in 0..<grid.count {
                guard let result = stored(index) else { continue }
                let identity = identityFields(result, paths: paths)
                for row in result.history {
                    var values: [String: Double?] = [:]
                    for (name, value) in zip(result.historyMetrics, row.metrics) { values[name] = value }
                    let fields = identity + [String(row.epoch), CSV.number(row.trainLoss), CSV.number(row.testLoss)]
                        + metrics.map { CSV.number(values[$0] ?? nil) }
                    try file.append(CSV.row(fields))
                }
            }
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    private func writeSpec(provenance: Provenance, missing: Int) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let provenanceJSON = String(decoding: try encoder.encode(provenance), as: UTF8.self)
        let fixed = grid.fixedValues.keys.sorted().map { "    \(quoteJSON($0)): \(grid.fixedValues[$0]!)" }.joined(separator: ",\n")
        let text = """
        {
          "experiment": \(experiment.source),
          "trials": \(grid.count),
          "missing_trials": \(missing),
          "seeds": \(experiment.seeds),
          "seed": \(experiment.seed),
          "swept": [\(grid.sweptPaths.map(quoteJSON).joined(separator: ", "))],
          "fixed": {
        \(fixed)
          },
          "provenance": \(provenanceJSON.replacingOccurrences(of: "\n", with: "\n  "))
        }

        """
        try AtomicFile.write(text, to: store.path("spec.json"))
    }
}

/// Where a trial sits in the current grid: what the CSV files say about it besides its outcome.
struct TrialIdentity {
    var index: Int
    var label: String
    var series: String
    var repetition: Int
    var seed: UInt64
    var swept: [String: String]

    init(_ trial: Trial) {
        index = trial.index
        label = trial.label
        series = trial.series
        repetition = trial.repetition
        seed = trial.seed
        swept = trial.swept.mapValues(\.text)
    }

    func applied(to result: TrialResult) -> TrialResult {
        var result = result
        result.index = index
        result.label = label
        result.series = series
        result.repetition = repetition
        result.seed = seed
        result.swept = swept
        return result
    }
}

/// The metric values of one group's trials, by repetition.
struct GroupValues {
    var trials = 0
    var statusCounts: [TrialStatus: Int] = [:]
    /// Metric name to (repetition, value) pairs.
    var values: [String: [(repetition: Int, value: Double)]] = [:]

    mutating func add(_ result: TrialResult) {
        trials += 1
        statusCounts[result.status, default: 0] += 1
        for (name, _) in result.metrics {
            if let value = result.metric(name) { values[name, default: []].append((result.repetition, value)) }
        }
    }

    func byRepetition(_ metric: String) -> [Int: Double] {
        Dictionary((values[metric] ?? []).map { ($0.repetition, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}
