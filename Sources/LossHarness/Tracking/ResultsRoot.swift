import Foundation

/// A results root such as `results/`: one folder per experiment (`<experiment>/trials.csv` and its
/// neighbours), plus `baselines/` (saved baselines) and `bench/` (bench records), which are not
/// experiments. Hidden folders (temporary ones included) are skipped too.
public enum ResultsRoot {
    /// Folders of a results root that are never experiments.
    public static let reservedFolders: Set<String> = ["baselines", "bench"]

    /// What a root holds.
    public struct Contents: Sendable, Equatable {
        /// Folders with a trials.csv, sorted by name.
        public var experiments: [String]
        /// Folders with a curves.csv and no trials.csv (curves experiments: nothing to compare).
        public var curves: [String]
    }

    /// The experiments under `root`, or `nil` when `root` is not a readable folder.
    public static func contents(of root: String) -> Contents? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root) else { return nil }
        var contents = Contents(experiments: [], curves: [])
        for name in names.sorted() where !name.hasPrefix(".") && !reservedFolders.contains(name) {
            let folder = Paths.join(root, name)
            if isFile(folder + "/trials.csv") {
                contents.experiments.append(name)
            } else if isFile(folder + "/curves.csv") {
                contents.curves.append(name)
            }
        }
        return contents
    }

    /// Whether `path` is a folder.
    public static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
