import LossCore

/// One cell of an experiment's grid: a fully resolved configuration and a repetition.
public struct Trial: Sendable {
    /// Position in grid order.
    public var index: Int
    public var experiment: String
    /// Index of the loss entry in the file.
    public var lossEntry: Int
    /// The loss entry's label.
    public var label: String
    public var repetition: Int
    public var baseSeed: UInt64
    /// The trial's typed configuration: what it trains or evaluates.
    public var configuration: TrialConfiguration
    /// The values of the swept paths only, as written (CSV columns, series names).
    public var swept: [String: JSONValue]

    /// Every resolved field path and its value, fixed ones and defaults included (`loss.name` too),
    /// as files write them: what the id hashes.
    public var values: [String: JSONValue] { configuration.canonicalValues }

    /// The loss of the trial (every trial of a grid has one).
    public var loss: LossConfiguration { configuration.loss! }

    /// The canonical text of the trial: a version line, the base seed, every resolved value sorted
    /// by path, then the repetition. Reordering a file or writing a default explicitly does not
    /// change it. The repetition comes last so that the trials of one configuration share the hash
    /// of everything before it (``configurationHash``).
    public var canonicalText: String {
        configurationText + "repetition=\(repetition)"
    }

    /// Every line of ``canonicalText`` but the repetition, each ended by a newline.
    var configurationText: String {
        let values = self.values
        return (["v2", "seed=\(baseSeed)"] + values.keys.sorted().map { "\($0)=\(values[$0]!)" }).joined(separator: "\n") + "\n"
    }

    /// The FNV-1a state after ``configurationText``: the same for every repetition.
    public var configurationHash: UInt64 { fnv1a64(configurationText) }

    /// A stable id: 16 hex digits of the FNV-1a 64-bit hash of ``canonicalText``.
    public var id: String {
        Trial.id(configurationHash: configurationHash, repetition: repetition)
    }

    /// The id of a repetition of a configuration whose text hashes to `configurationHash`.
    static func id(configurationHash: UInt64, repetition: Int) -> String {
        hexDigits(fnv1a64("repetition=\(repetition)", seed: configurationHash))
    }

    /// Where the loss entry's own swept parameters distinguish series: `focal(gamma=0.5)`, or the
    /// label alone.
    public var series: String {
        let parameters = swept.keys.filter { $0.hasPrefix("loss.") }.sorted()
        if parameters.isEmpty { return label }
        return label + "(" + parameters.map { "\($0.dropFirst(5))=\(swept[$0]!.text)" }.joined(separator: ",") + ")"
    }

    /// The seeds of this trial, derived from the base seed and the repetition only: every loss and
    /// every swept value of one repetition sees the same data, initial weights and batch order.
    public var dataSeed: UInt64 { SplitMix64.derive(seed: baseSeed, UInt64(repetition), 1) }
    public var initializationSeed: UInt64 { SplitMix64.derive(seed: baseSeed, UInt64(repetition), 2) }
    public var batchOrderSeed: UInt64 { SplitMix64.derive(seed: baseSeed, UInt64(repetition), 3) }

    /// The seed column of the results: the data seed, which identifies the repetition's data.
    public var seed: UInt64 { dataSeed }
}

/// FNV-1a, 64-bit (Fowler, Noll, Vo): a simple, stable, non-cryptographic hash of the UTF-8 bytes
/// of `text`, continuing from `seed` (the offset basis by default).
public func fnv1a64(_ text: String, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
    var text = text
    return text.withUTF8 { buffer in
        var hash = seed
        for index in 0..<buffer.count {
            hash ^= UInt64(buffer[index])
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}

public func fnv1a64(bytes: some Sequence<UInt8>, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
    var hash = seed
    for byte in bytes {
        hash ^= UInt64(byte)
        hash &*= 0x100_0000_01b3
    }
    return hash
}

func hexDigits(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
}
