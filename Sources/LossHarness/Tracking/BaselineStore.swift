import Foundation

/// Named baselines: copies of a results root's CSV files kept under `<results>/baselines/<name>/`,
/// one folder per experiment, so that later results can be compared against them (`losslab check`).
///
/// A baseline holds, per experiment, `trials.csv` (what `compare` reads), `summary.csv`,
/// `history.csv`, `claims.csv` and `spec.json` (those that exist), never the per-trial JSON files;
/// plus a `baseline.json` manifest (``BaselineManifest``). Curves experiments (no trials.csv) are
/// not saved.
///
/// Saving is atomic: everything is written to a hidden temporary folder beside the target, which
/// is then renamed into place (an older baseline of the same name is renamed away first and
/// removed after), so a reader never sees half a baseline.
public struct BaselineStore: Sendable {
    /// The results root whose `baselines/` folder holds the baselines.
    public let resultsRoot: String

    public init(resultsRoot: String) {
        self.resultsRoot = resultsRoot
    }

    /// The files copied from each experiment folder.
    public static let savedFiles = ["trials.csv", "summary.csv", "history.csv", "claims.csv", "spec.json"]
    /// The baseline `check` uses when none is named.
    public static let defaultName = "main"

    /// `<results>/baselines`.
    public var directory: String { Paths.join(resultsRoot, "baselines") }

    /// The folder of the baseline `name`.
    public func path(of name: String) -> String { Paths.join(directory, name) }

    /// What a baseline name may be: a folder name that stays inside `baselines/`.
    public static let namePattern = "letters, digits, '.', '-' and '_', starting with a letter or digit, at most 64 characters (e.g. main, v0.2, before-adam-fix)"

    /// Throws unless `name` matches ``namePattern`` (which rules out empty names, `/`, `..` and
    /// hidden folders).
    public static func validate(name: String) throws(TrackingError) {
        let allowed = { (c: Unicode.Scalar) in
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "-" || c == "_" || c == "."
        }
        let startsWell = name.unicodeScalars.first.map { $0 != "." && $0 != "-" && $0 != "_" } ?? false
        guard !name.isEmpty, name.count <= 64, startsWell, name.unicodeScalars.allSatisfy(allowed) else {
            throw .invalidBaselineName(name: name, expected: namePattern)
        }
    }

    /// Copies the experiments of the results root `source` to the baseline `name`, replacing a
    /// baseline of that name; `date`, `gitCommit` and `rounding` go into its manifest.
    @discardableResult
    public func save(name: String, from source: String, date: String, gitCommit: String?,
                     rounding: String? = nil) throws(TrackingError) -> BaselineManifest {
        try Self.validate(name: name)
        guard FileManager.default.fileExists(atPath: source) else { throw .notFound(path: source) }
        if ResultsRoot.isFile(Paths.join(source, "trials.csv")) {
            throw .unreadable(path: source, reason: "is one experiment's results folder; give the results root that holds it")
        }
        guard let contents = ResultsRoot.contents(of: source) else { throw .unreadable(path: source, reason: "is not a readable folder") }
        guard !contents.experiments.isEmpty else {
            throw .unreadable(path: source, reason: "holds no experiment results (<experiment>/trials.csv); run `losslab run` first")
        }
        let manifest = BaselineManifest(name: name, date: date, gitCommit: gitCommit, source: source,
                                        experiments: contents.experiments, rounding: rounding)
        let target = path(of: name)
        let suffix = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let temporary = Paths.join(directory, ".\(name).tmp-\(suffix)")
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: temporary, withIntermediateDirectories: true)
            for experiment in contents.experiments {
                let from = Paths.join(source, experiment)
                let to = Paths.join(temporary, experiment)
                try manager.createDirectory(atPath: to, withIntermediateDirectories: false)
                for file in Self.savedFiles where ResultsRoot.isFile(from + "/" + file) {
                    try manager.copyItem(atPath: from + "/" + file, toPath: to + "/" + file)
                }
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try AtomicFile.write(try encoder.encode(manifest) + Data("\n".utf8),
                                 to: Paths.join(temporary, BaselineManifest.fileName))
        } catch {
            try? manager.removeItem(atPath: temporary)
            throw .cannotWrite(path: target, reason: "cannot be written: \(Self.reason(error))")
        }
        let old = Paths.join(directory, ".\(name).old-\(suffix)")
        let hadOld = manager.fileExists(atPath: target)
        if hadOld, rename(target, old) != 0 {
            let reason = String(cString: strerror(errno))
            try? manager.removeItem(atPath: temporary)
            throw .cannotWrite(path: target, reason: "cannot be replaced: \(reason)")
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            if hadOld { _ = rename(old, target) }
            try? manager.removeItem(atPath: temporary)
            throw .cannotWrite(path: target, reason: "cannot be replaced: \(reason)")
        }
        if hadOld { try? manager.removeItem(atPath: old) }
        return manifest
    }

    /// Every saved baseline, sorted by name. A baseline without a readable manifest is listed
    /// with the experiments found in it and the date `unknown`.
    public func list() -> [BaselineManifest] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") && ResultsRoot.isFolder(path(of: $0)) }.map { name in
            let file = Paths.join(path(of: name), BaselineManifest.fileName)
            if let data = FileManager.default.contents(atPath: file),
               var manifest = try? JSONDecoder().decode(BaselineManifest.self, from: data) {
                manifest.name = name
                return manifest
            }
            let experiments = ResultsRoot.contents(of: path(of: name))?.experiments ?? []
            return BaselineManifest(name: name, date: "unknown", gitCommit: nil, source: "unknown", experiments: experiments)
        }
    }

    /// Whether the baseline `name` exists.
    public func exists(_ name: String) -> Bool {
        ResultsRoot.isFolder(path(of: name))
    }

    private static func reason(_ error: Error) -> String {
        if let error = error as? FileError { return error.reason }
        return (error as NSError).localizedDescription
    }
}
