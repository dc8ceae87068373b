import Foundation

/// The files of one experiment's results folder, `results/<experiment>/`:
///
/// | file | what |
/// | --- | --- |
/// | `trials/<id>.json` | one finished trial (``TrialResult``), written atomically when it ends; the source of truth for resume and merge |
/// | `trials.csv` | one row per trial, in grid order |
/// | `history.csv` | one row per trial and epoch |
/// | `summary.csv` | per group and metric: n, mean, sd, 95% CI, paired difference against the reference loss |
/// | `claims.csv` | the verdict on each expectation |
/// | `spec.json` | the resolved experiment and its provenance |
/// | `experiment.json` | the resolved experiment and the file and options it came from (``ExperimentRecord``), written before the first trial |
/// | `shards/<I>-of-<N>.json` | how each shard run ended (``ShardRecord``) |
/// | `slurm/` | the job scripts `losslab slurm` wrote, and their logs |
public struct ResultStore: Sendable {
    public let directory: String

    public init(resultsRoot: String, experiment: String) {
        directory = (resultsRoot as NSString).appendingPathComponent(experiment)
    }

    public init(directory: String) {
        self.directory = directory
    }

    public var trialsDirectory: String { directory + "/trials" }
    public func path(_ file: String) -> String { directory + "/" + file }
    public func trialPath(_ id: String) -> String { trialsDirectory + "/\(id).json" }

    public func prepare() throws {
        try AtomicFile.createDirectory(trialsDirectory)
    }

    /// Stores a finished trial.
    public func save(_ result: TrialResult) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        try AtomicFile.write(try encoder.encode(result), to: trialPath(result.id))
    }

    /// The stored trial with this id, or `nil` when there is none or it cannot be read (a file
    /// that does not decode is treated as absent, so the trial is run again).
    public func load(_ id: String) -> TrialResult? {
        guard let data = FileManager.default.contents(atPath: trialPath(id)) else { return nil }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try? decoder.decode(TrialResult.self, from: data)
    }

    /// The build that made the stored trial with this id (decoding nothing else), or `nil` when
    /// there is none or it cannot be read.
    public func build(of id: String) -> String? {
        struct Build: Decodable { var build: String }
        // The decoder reads the whole document, so a torn file has no build.
        guard let data = FileManager.default.contents(atPath: trialPath(id)) else { return nil }
        return try? JSONDecoder().decode(Build.self, from: data).build
    }

    /// The ids of every stored trial file.
    public func storedIDs() -> Set<String> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: trialsDirectory)) ?? []
        return Set(names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) })
    }

    /// Removes every stored trial (for `--fresh`).
    public func removeTrials() throws {
        for id in storedIDs() { try? FileManager.default.removeItem(atPath: trialPath(id)) }
    }

    /// Removes the stored trials with these ids (a shard's, for `--fresh --shard`).
    public func removeTrials(ids: [String]) {
        for id in ids { try? FileManager.default.removeItem(atPath: trialPath(id)) }
    }

    /// Removes temporary files left by a run that was killed while writing: every one, or with
    /// `olderThan`, only those last modified at least that many seconds ago. Shard runs pass an
    /// age, because the other shards of the experiment may be writing into the same folder at this
    /// very moment (on other machines, so their process ids say nothing here); a temporary file
    /// lives for the milliseconds of one write, so an hour-old one is an orphan.
    public func removeTemporaryFiles(olderThan age: Double? = nil) {
        let now = Date()
        for folder in [directory, trialsDirectory] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names where name.hasPrefix(".") && name.contains(".tmp-") {
                let path = folder + "/" + name
                if let age {
                    let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
                    guard let modified, now.timeIntervalSince(modified) >= age else { continue }
                }
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }
}

/// Identifies the build that produced a result: the LossLab version and a hash of the running
/// executable, so that any change to the code marks older cached trials as stale.
public enum BuildIdentity {
    public static let version = "0.1.0"

    public static let current: String = {
        let path = CommandLine.arguments.first.flatMap { _ in Bundle.main.executablePath } ?? "/proc/self/exe"
        guard let data = FileManager.default.contents(atPath: path) else { return version }
        let hash = data.withUnsafeBytes { raw -> UInt64 in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            let words = raw.count / 8
            for i in 0..<words {
                hash ^= raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)
                hash &*= 0x100_0000_01b3
            }
            return fnv1a64(bytes: raw[(words * 8)...], seed: hash)
        }
        return "\(version)+\(hexDigits(hash).prefix(12))"
    }()
}
