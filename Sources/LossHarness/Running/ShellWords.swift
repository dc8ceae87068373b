import Foundation

/// Quoting for POSIX shells, for the commands LossLab prints and the scripts it writes.
public enum ShellWords {
    /// `word` as one shell word: as it is when it holds only characters no shell treats specially,
    /// otherwise in single quotes (a single quote inside becomes `'\''`).
    public static func quote(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { c in
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || "_-./:=,+@%".unicodeScalars.contains(c)
        }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The words quoted and joined by spaces.
    public static func join(_ words: [String]) -> String {
        words.map(quote).joined(separator: " ")
    }
}
