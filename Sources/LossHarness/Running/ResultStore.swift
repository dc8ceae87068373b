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
        directory = Paths.join(resultsRoot, experiment)
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
        // Not flushed: a trial file lost to a power cut only means the trial is run again.
        try AtomicFile.write(try encoder.encode(result), to: trialPath(result.id), durable: false)
    }

    /// The stored trial with this id, or `nil` when there is none or it cannot be read (a file
    /// that does not decode, or holds another trial's id, is treated as absent, so the trial is
    /// run again: see ``state(of:)``).
    public func load(_ id: String) -> TrialResult? {
        if case .readable(let result) = read(id) { return result }
        return nil
    }

    /// What is stored for a trial.
    public enum StoredTrial: Sendable {
        case absent
        /// A file that is not a trial this build can use: torn, not JSON, a renamed key, an
        /// unknown status, another trial's id. The reason says which.
        case unreadable(reason: String)
        case readable(TrialResult)
    }

    /// Decodes the stored trial with this id. The done/stale check of a run and the assembly of
    /// the CSV files both go through here, so they agree on what a readable trial is.
    public func read(_ id: String) -> StoredTrial {
        guard let data = FileManager.default.contents(atPath: trialPath(id)) else {
            return FileManager.default.fileExists(atPath: trialPath(id)) ? .unreadable(reason: "the file cannot be read") : .absent
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let result: TrialResult
        do { result = try decoder.decode(TrialResult.self, from: data) } catch {
            return .unreadable(reason: ExperimentLoader.parseErrorText(error))
        }
        guard result.id == id else { return .unreadable(reason: "it holds trial \(result.id)") }
        return .readable(result)
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
///
/// The hash is the linker's GNU build ID when the executable has one (a hash of the linked output,
/// read from the notes at the start of the ELF file: a few kilobytes), else FNV-1a over the whole
/// file (4.5 MB read, 7 ms, at every start of `losslab`).
public enum BuildIdentity {
    public static let version = "0.1.0"

    public static let current: String = {
        let path = CommandLine.arguments.first.flatMap { _ in Bundle.main.executablePath } ?? "/proc/self/exe"
        if let id = gnuBuildID(path: path), id.count >= 6 {
            return "\(version)+" + id.prefix(6).map { String(format: "%02x", $0) }.joined()
        }
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

    /// The `NT_GNU_BUILD_ID` note of a 64-bit little-endian ELF file, or `nil`.
    static func gnuBuildID(path: String) -> [UInt8]? {
        guard let file = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? file.close() }
        func read(_ offset: UInt64, _ count: Int) -> [UInt8]? {
            guard (try? file.seek(toOffset: offset)) != nil, let data = try? file.read(upToCount: count),
                  data.count == count else { return nil }
            return [UInt8](data)
        }
        func integer(_ bytes: [UInt8], _ offset: Int, _ size: Int) -> UInt64 {
            (0..<size).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
        }
        // ELF header: magic, class 2 (64-bit), data 1 (little-endian); program headers at e_phoff.
        guard let header = read(0, 64), header[0..<4] == [0x7f, 0x45, 0x4c, 0x46], header[4] == 2, header[5] == 1 else {
            return nil
        }
        let tableOffset = integer(header, 32, 8), entrySize = Int(integer(header, 54, 2)), count = Int(integer(header, 56, 2))
        guard entrySize >= 56, count < 256, let table = read(tableOffset, entrySize * count) else { return nil }
        for index in 0..<count where integer(table, index * entrySize, 4) == 4 {  // PT_NOTE
            let offset = integer(table, index * entrySize + 8, 8), size = Int(integer(table, index * entrySize + 32, 8))
            guard size < 1 << 16, let notes = read(offset, size) else { continue }
            var position = 0
            while position + 12 <= size {
                let nameSize = Int(integer(notes, position, 4)), descriptionSize = Int(integer(notes, position + 4, 4))
                let type = integer(notes, position + 8, 4)
                let name = position + 12, description = name + (nameSize + 3) & ~3
                guard description + descriptionSize <= size else { break }
                if type == 3 && nameSize == 4 && notes[name..<(name + 3)] == [0x47, 0x4e, 0x55] {  // "GNU"
                    return Array(notes[description..<(description + descriptionSize)])
                }
                position = description + (descriptionSize + 3) & ~3
            }
        }
        return nil
    }
}
