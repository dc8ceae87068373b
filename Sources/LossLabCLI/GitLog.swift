import Foundation

/// The commit history of the repository a command runs in, oldest first, for laying out the bench
/// history (``BenchHistoryAnalysis``): `git log --topo-order --reverse HEAD`. Outside a git
/// checkout (or without git) it is empty and the history file's own order is used.
enum GitLog {
    static func history(in directory: String) -> (order: [String], subjects: [String: String]) {
        guard let log = try? Subprocess.run("git", ["log", "--topo-order", "--reverse", "--format=%H%x09%s", "HEAD"], in: directory),
              log.status == 0 else { return ([], [:]) }
        var order: [String] = []
        var subjects: [String: String] = [:]
        for line in log.output.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            guard let hash = parts.first else { continue }
            order.append(hash)
            subjects[hash] = parts.count > 1 ? parts[1] : ""
        }
        return (order, subjects)
    }
}
