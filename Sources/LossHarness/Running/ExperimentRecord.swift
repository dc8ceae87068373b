import Foundation

/// How an experiment was read from the command line: the file, and the changes applied to it.
/// Recorded so that a results folder says which command re-creates it.
public struct ExperimentOrigin: Sendable, Codable, Equatable {
    /// The experiment file, as given on the command line.
    public var file: String
    /// The `--set PATH=VALUE` overrides, in order.
    public var overrides: [String]
    /// `--seeds N`, if given.
    public var seeds: Int?
    /// The working folder `file` is relative to (`nil`: unknown).
    public var directory: String?
    /// Whether `--quick` reduced the experiment (``QuickSettings``).
    public var quick: Bool

    public init(file: String, overrides: [String] = [], seeds: Int? = nil, directory: String? = nil, quick: Bool = false) {
        self.file = file
        self.overrides = overrides
        self.seeds = seeds
        self.directory = directory
        self.quick = quick
    }

    enum CodingKeys: String, CodingKey {
        case file, overrides, seeds, directory, quick
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        overrides = try container.decode([String].self, forKey: .overrides)
        seeds = try container.decodeIfPresent(Int.self, forKey: .seeds)
        directory = try container.decodeIfPresent(String.self, forKey: .directory)
        quick = try container.decodeIfPresent(Bool.self, forKey: .quick) ?? false
    }

    /// Whether the experiment is the file exactly as written: no `--set`, `--seeds` or `--quick`.
    public var isFileAsWritten: Bool { overrides.isEmpty && seeds == nil && !quick }

    /// The file's path from `currentDirectory`: as recorded when it is absolute or was recorded in
    /// that same folder, else made absolute from the recorded folder.
    public func filePath(from currentDirectory: String?) -> String {
        guard !file.hasPrefix("/"), let directory, directory != currentDirectory else { return file }
        return Paths.join(directory, file)
    }

    /// The options that re-create the same experiment from the file: `--set`, `--seeds`, `--quick`.
    public var options: [String] {
        overrides.flatMap { ["--set", $0] } + (seeds.map { ["--seeds", String($0)] } ?? []) + (quick ? ["--quick"] : [])
    }
}

/// `results/<experiment>/experiment.json`: the resolved experiment (the file after `--set` and
/// `--seeds`) and where it came from. Every run writes it before its first trial, so a results
/// folder describes itself: `losslab merge` rebuilds the grid from it without the original file, and
/// a run whose experiment differs from the one already there is refused instead of mixing two
/// studies in one folder.
///
/// ```json
/// {
///   "format": 1,
///   "name": "outliers",
///   "provenance": {"file": "experiments/outliers.json5", "overrides": ["training.epochs=5"], "seeds": 3, "directory": "/home/me/losslab"},
///   "experiment": { ...the resolved file, keys sorted... }
/// }
/// ```
public struct ExperimentRecord: Sendable, Equatable {
    public static let fileName = "experiment.json"
    public static let format = 1

    /// The resolved experiment source (``Experiment/source``).
    public var experiment: JSONValue
    public var provenance: ExperimentOrigin

    public init(experiment: JSONValue, provenance: ExperimentOrigin) {
        self.experiment = experiment
        self.provenance = provenance
    }

    public init(_ experiment: Experiment, origin: ExperimentOrigin) {
        self.init(experiment: experiment.source, provenance: origin)
    }

    /// The experiment's name, as its source gives it.
    public var name: String? {
        if case .object(let members) = experiment, case .string(let name)? = members["name"] { return name }
        return nil
    }

    /// The text of `experiment.json`.
    public var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let provenanceText = (try? encoder.encode(provenance)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return """
        {
          "format": \(ExperimentRecord.format),
          "name": \(quoteJSON(name ?? "")),
          "provenance": \(provenanceText),
          "experiment": \(experiment.formatted(indentation: "  "))
        }

        """
    }

    private struct Stored: Decodable {
        var format: Int
        var provenance: ExperimentOrigin
        var experiment: JSONValue
    }

    /// Reads the record at `path`; `nil` when there is no such file.
    public static func read(_ path: String) throws -> ExperimentRecord? {
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) { throw FileError(input: path, reason: "cannot be read") }
            return nil
        }
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        let stored: Stored
        do {
            stored = try decoder.decode(Stored.self, from: data)
        } catch {
            throw SpecErrors([SpecError(file: path, path: "", expected: "an experiment record written by losslab run: \(ExperimentLoader.parseErrorText(error))")])
        }
        guard stored.format == format else {
            throw SpecErrors([SpecError(file: path, path: "format", value: String(stored.format),
                                        expected: "\(format) (written by another version of losslab)")])
        }
        return ExperimentRecord(experiment: stored.experiment, provenance: stored.provenance)
    }

    /// The experiment, validated again from the recorded source (problems name `file`).
    public func resolve(file: String) throws -> Experiment {
        try ExperimentLoader.load(source: experiment, file: file)
    }

    /// The top-level fields whose values differ between two sources (`[""]`: not both objects).
    public static func differingFields(_ a: JSONValue, _ b: JSONValue) -> [String] {
        guard case .object(let x) = a, case .object(let y) = b else { return a == b ? [] : [""] }
        return Set(x.keys).union(y.keys).sorted().filter { x[$0] != y[$0] }
    }

    /// Top-level fields that change what a study says about its results, not the numbers: editing
    /// them needs no new trial.
    public static let presentationFields: Set<String> = ["title", "description", "claim", "plots"]

    /// The fields that make the numbers of this record and `other` differ: the experiment's
    /// fields other than ``presentationFields``, and `--quick` (reported as `(--quick)`).
    public func numericDifferences(from other: ExperimentRecord) -> [String] {
        let fields = Self.differingFields(experiment, other.experiment).filter { !Self.presentationFields.contains($0) }
        return fields + (provenance.quick != other.provenance.quick ? ["(--quick)"] : [])
    }

    /// What ``claim(_:fresh:shard:)`` did to `experiment.json`.
    public enum Claim: Sendable, Equatable {
        /// The folder held no record, or the same definition: nothing changed for the numbers.
        case kept
        /// The folder held an earlier version of the same file, run as written, and this run (also
        /// as written) replaces it; trials of the old version that the new one still has are
        /// reused. The fields that changed.
        case updated(fields: [String])
        /// `--fresh` replaced another definition.
        case replaced(fields: [String])
    }

    /// Makes `store`'s `experiment.json` hold this record, or refuses. The rule a researcher can
    /// rely on: **a results folder only ever holds the results of one definition, and the report
    /// and the figures name it.**
    ///
    /// - No record, or the same definition (presentation fields such as the title or the figures
    ///   may differ): the record is written and nothing else changes.
    /// - Another definition, and both this run and the recorded one are the file as written (no
    ///   `--set`, `--seeds` or `--quick`) on a single machine: the file was edited, and the folder
    ///   follows it (``Claim/updated(fields:)``); the caller says so.
    /// - Another definition otherwise (a quick look with `--set` on a finished study, a plain run on
    ///   a folder made with overrides, a shard): refused with ``ResultsConflict``, which names what
    ///   differs and the two ways on: `--fresh`, or another `--results` folder. With `fresh` the
    ///   record is replaced (the caller discards the stored trials).
    @discardableResult
    public func claim(_ store: ResultStore, fresh: Bool, shard: Bool) throws -> Claim {
        let path = store.path(ExperimentRecord.fileName)
        let existing: ExperimentRecord?
        do {
            existing = try ExperimentRecord.read(path)
        } catch where fresh {
            existing = nil
        }
        var outcome = Claim.kept
        if let existing {
            // The same definition made the same way: the record (and its provenance, which a merge
            // uses to name re-run commands) stays as it is.
            if existing.experiment == experiment && existing.provenance.quick == provenance.quick { return .kept }
            let fields = numericDifferences(from: existing)
            if !fields.isEmpty {
                if fresh {
                    outcome = .replaced(fields: fields)
                } else if !shard && existing.provenance.isFileAsWritten && provenance.isFileAsWritten {
                    outcome = .updated(fields: fields)
                } else {
                    throw ResultsConflict(store: store, existing: existing, new: self)
                }
            }
        }
        try AtomicFile.write(text, to: path)
        return outcome
    }

    /// The conflict that claiming `store` would meet, without writing anything.
    public func conflict(in store: ResultStore, shard: Bool) throws -> ResultsConflict? {
        guard let existing = try ExperimentRecord.read(store.path(ExperimentRecord.fileName)),
              !numericDifferences(from: existing).isEmpty else { return nil }
        if !shard && existing.provenance.isFileAsWritten && provenance.isFileAsWritten { return nil }
        return ResultsConflict(store: store, existing: existing, new: self)
    }
}

/// A results folder that already holds another definition of the experiment.
public struct ResultsConflict: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var fields: [String]
    public var existingOrigin: ExperimentOrigin

    public var newOrigin: ExperimentOrigin
    /// The second way on, after another `--results` folder.
    public var startOver = "discard the stored results and start over with --fresh"

    init(store: ResultStore, existing: ExperimentRecord, new: ExperimentRecord) {
        path = store.path(ExperimentRecord.fileName)
        fields = new.numericDifferences(from: existing)
        existingOrigin = existing.provenance
        newOrigin = new.provenance
    }

    public var description: String {
        let which = fields == [""] ? "" : " (fields that differ: \(fields.joined(separator: ", ")))"
        let made = ShellWords.join([existingOrigin.file] + existingOrigin.options)
        let asked = ShellWords.join([newOrigin.file] + newOrigin.options)
        return "\(Paths.parent(of: path)) holds the results of another definition of this experiment\(which): they were made by "
            + "`losslab run \(made)`, and this run is `losslab run \(asked)`. Nothing was changed. A results folder holds one "
            + "definition only, so that its figures and report never show numbers of another: give this run its own folder with "
            + "--results DIR (e.g. --results /tmp/quick), or \(startOver)."
    }
}
