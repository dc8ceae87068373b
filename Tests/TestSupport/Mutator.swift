import Foundation
import LossCore

/// Seeded mutations of experiment files, by character and by token.
public enum Mutator {
    public static let replacements: [String] = [
        "1e400", "-1e308", "NaN", "Infinity", "-0", "0", "1e300", "123456789012345678901234567890", "0x7FFFFFFFFFFFFFFF",
        "\"\"", "\"../x\"", "\"a\\u0000b\"", "[]", "[[]]", "{}", "null", "true", "[1, 2, 3]", "{name: \"mse\"}",
        "\"gaussian\"", "\"focal\"", "[\"mse\", \"mse\"]", String(repeating: "[", count: 40), "\"\u{202E}\"", "'x'",
    ]

    public static func mutate(_ bytes: inout [UInt8], _ generator: inout SplitMix64) {
        func random(_ n: Int) -> Int { n <= 0 ? 0 : Int(generator.next() % UInt64(n)) }
        let position = random(bytes.count + 1)
        switch random(8) {
        case 0 where !bytes.isEmpty: // delete a run
            let end = min(bytes.count, position + 1 + random(8))
            if position < end { bytes.removeSubrange(position..<end) }
        case 1 where !bytes.isEmpty: // duplicate a run
            let end = min(bytes.count, position + 1 + random(40))
            if position < end { bytes.insert(contentsOf: bytes[position..<end], at: position) }
        case 2: // a structural character
            let characters = Array("{}[]:,\"'/\\*\n 0.-+eE".utf8)
            bytes.insert(characters[random(characters.count)], at: position)
        case 3: // any byte, UTF-8 or not
            bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: position)
        case 4, 5: // replace a number or a quoted string by a value of another type
            let text = bytes
            var start = position
            while start < text.count, !(text[start] == UInt8(ascii: "\"") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[start])) {
                start += 1
            }
            guard start < text.count else { return }
            var end = start + 1
            if text[start] == UInt8(ascii: "\"") {
                while end < text.count, text[end] != UInt8(ascii: "\"") { end += 1 }
                end = min(text.count, end + 1)
            } else {
                while end < text.count, "0123456789.eE+-".utf8.contains(text[end]) { end += 1 }
            }
            bytes.replaceSubrange(start..<end, with: Array(replacements[random(replacements.count)].utf8))
        case 6: // swap two runs
            let length = 1 + random(12)
            let other = random(bytes.count + 1)
            guard position + length <= bytes.count, other + length <= bytes.count else { return }
            for i in 0..<length { bytes.swapAt(position + i, other + i) }
        default: // a huge number or a long string in place
            let huge = random(2) == 0 ? "9" + String(repeating: "9", count: random(400)) : "\"" + String(repeating: "a", count: random(5000)) + "\""
            bytes.insert(contentsOf: Array(huge.utf8), at: position)
        }
    }

    /// `count` seeded mutants of `sources` (mostly one mutation each, so that many still parse and
    /// reach the validator).
    public static func mutants(of sources: [String], count: Int, seed: UInt64) -> [[UInt8]] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            var bytes = Array(sources[Int(generator.next() % UInt64(sources.count))].utf8)
            let rounds = generator.next() % 4 == 0 ? 2 + Int(generator.next() % 3) : 1
            for _ in 0..<rounds { mutate(&bytes, &generator) }
            return bytes
        }
    }
}
