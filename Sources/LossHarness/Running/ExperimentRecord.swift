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

    public init(file: String, overrides: [String] = [], seeds: Int? = nil, directory: String? = nil) {
        self.file = file
        self.overrides = overrides
        self.seeds = seeds
        self.directory = directory
    }

    /// The file's path from `currentDirectory`: as recorded when it is absolute or was recorded in
    /// that same folder, else made absolute from the recorded folder.
    public func filePath(from currentDirectory: String?) -> String {
        guard !file.hasPrefix("/"), let directory, directory != currentDirectory else { return file }
        return (directory as NSString).appendingPathComponent(file)
    }

    /// The options that re-create the same experiment from the file: `--set` and `--seeds`.
    public var options: [String] {
        overrides.flatMap { ["--set", $0] } + (seeds.map { ["--seeds", String($0)] } ?? [])
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
            if FileManager.default.fileExists(atPath: path) { throw FileError(path: path, reason: "cannot be read") }
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

    /// Makes `store`'s `experiment.json` hold this record: writes it (atomically) when there is
    /// none, leaves it alone when it holds the same experiment, and when it holds another one
    /// replaces it if `replace` (`--fresh`) and throws ``ResultsConflict`` otherwise.
    public func claim(_ store: ResultStore, replace: Bool) throws {
        let path = store.path(ExperimentRecord.fileName)
        let existing: ExperimentRecord?
        do {
            existing = try ExperimentRecord.read(path)
        } catch where replace {
            existing = nil
        }
        if let existing {
            if existing.experiment == experiment { return }
            if !replace { throw ResultsConflict(store: store, existing: existing, new: self) }
        }
        try AtomicFile.write(text, to: path)
    }

    /// The conflict that claiming `store` would meet, without writing anything.
    public func conflict(in store: ResultStore) throws -> ResultsConflict? {
        guard let existing = try ExperimentRecord.read(store.path(ExperimentRecord.fileName)),
              existing.experiment != experiment else { return nil }
        return ResultsConflict(store: store, existing: existing, new: self)
    }
}

/// A results folder that already holds another definition of the experiment.
public struct ResultsConflict: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var fields: [String]
    public var existingOrigin: ExperimentOrigin

    init(store: ResultStore, existing: ExperimentRecord, new: ExperimentRecord) {
        path = store.path(ExperimentRecord.fileName)
        fields = ExperimentRecord.differingFields(existing.experiment, new.experiment)
        existingOrigin = existing.provenance
    }

    public var description: String {
        let which = fields == [""] ? "" : " (fields that differ: \(fields.joined(separator: ", ")))"
        let made = ShellWords.join([existingOrigin.file] + existingOrigin.options)
        return "\(path) holds a different definition of this experiment\(which), made from \(made). "
            + "Results of two definitions are not mixed in one folder: run with --fresh to discard the stored trials and start over, "
            + "or use another --results folder."
    }
}
