import Foundation
import Synchronization

/// Release builds of other commits of the repository, for `losslab bench --commits` and
/// `--against`: each commit is checked out in a temporary `git worktree` and built with
/// `swift build -c release` (the Makefile's `make release`, so the flags of `Package.swift`), its
/// build folder kept in `<repository>/.build/history/<commit>` so that a second run reuses the
/// binary. The worktrees are removed by ``removeWorktrees()``, and those of an interrupted run by
/// the next one.
/// Numbers the ``CommitBuilds`` of a process (their worktree folders).
private let commitBuildsSerial = Atomic<Int>(0)

final class CommitBuilds {
    /// A commit to build: its full hash, and what the history shows of it.
    struct Commit: Equatable {
        var hash: String
        var subject: String
        var short: String { String(hash.prefix(10)) }
    }

    /// What building a commit gave.
    enum Build {
        /// The binary and the checked-out source tree to run it in.
        case built(binary: String, worktree: String)
        /// The build failed; the last lines of its log.
        case failed(reason: String)
    }

    let repository: String
    private let worktreeRoot: String
    private var worktrees: [String] = []
    private let log: (String) -> Void

    /// `directory` is any folder inside the repository; `log` receives progress lines.
    init(inside directory: String, log: @escaping (String) -> Void) throws {
        let top = try Subprocess.run("git", ["rev-parse", "--show-toplevel"], in: directory)
        guard top.status == 0 else {
            throw CommandError("bench: \(directory) is not inside a git repository (--commits and --against build other "
                               + "commits of it): \(top.errorOutput.trimmingCharacters(in: .whitespacesAndNewlines))", code: .usage)
        }
        repository = top.output.trimmingCharacters(in: .whitespacesAndNewlines)
        // One folder per object: two of them in one process (parallel tests) must not remove each
        // other's worktrees.
        let serial = commitBuildsSerial.wrappingAdd(1, ordering: .relaxed).newValue
        worktreeRoot = FileManager.default.temporaryDirectory.appendingPathComponent("losslab-history-\(getpid())-\(serial)").path
        self.log = log
        try removeAbandonedWorktrees()
    }

    /// Removes the worktrees that an interrupted run left (`losslab-history-<pid>-<n>/...`, or
    /// `losslab-history-<pid>/...` of older versions, of a process that no longer exists), so that
    /// they do not pile up in `git worktree list`.
    private func removeAbandonedWorktrees() throws {
        let listed = try Subprocess.run("git", ["worktree", "list", "--porcelain"], in: repository)
        for line in listed.output.split(separator: "\n") where line.hasPrefix("worktree ") {
            let path = String(line.dropFirst("worktree ".count))
            let parts = path.split(separator: "/")
            guard parts.count >= 2, let folder = parts.dropLast().last, folder.hasPrefix("losslab-history-"),
                  let pid = folder.dropFirst("losslab-history-".count).split(separator: "-").first.flatMap({ Int32($0) }),
                  pid != getpid(),
                  kill(pid, 0) != 0 && errno == ESRCH else { continue }
            _ = try Subprocess.run("git", ["worktree", "remove", "--force", path], in: repository)
            try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
        }
        _ = try Subprocess.run("git", ["worktree", "prune"], in: repository)
    }

    /// The commits of `range`, oldest first: `A..B` (those reachable from B and not from A,
    /// `git rev-list --reverse --topo-order`), or one revision.
    func commits(_ range: String) throws -> [Commit] {
        guard !range.hasPrefix("-"), !range.isEmpty else {
            throw CommandError("bench: --commits \(range): expected a git range A..B (e.g. HEAD~10..HEAD) or one revision")
        }
        let arguments = range.contains("..") ? ["rev-list", "--reverse", "--topo-order", range]
                                              : ["rev-list", "--no-walk", range]
        let listed = try Subprocess.run("git", arguments, in: repository)
        guard listed.status == 0 else {
            throw CommandError("bench: --commits \(range): git cannot resolve it: "
                               + listed.errorOutput.trimmingCharacters(in: .whitespacesAndNewlines), code: .usage)
        }
        let hashes = listed.output.split(separator: "\n").map(String.init)
        guard !hashes.isEmpty else { throw CommandError("bench: --commits \(range): the range holds no commit", code: .usage) }
        return try hashes.map { Commit(hash: $0, subject: try subject(of: $0)) }
    }

    /// One revision resolved to a commit.
    func commit(_ revision: String) throws -> Commit {
        let parsed = try Subprocess.run("git", ["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: repository)
        guard parsed.status == 0, !revision.hasPrefix("-") else {
            throw CommandError("bench: --against \(revision): not a commit of \(repository)", code: .usage)
        }
        let hash = parsed.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return Commit(hash: hash, subject: try subject(of: hash))
    }

    func subject(of hash: String) throws -> String {
        try Subprocess.run("git", ["log", "-1", "--format=%s", hash], in: repository).output
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `<repository>/.build/history/<hash>`, the commit's build folder.
    func buildFolder(_ commit: Commit) -> String { repository + "/.build/history/" + commit.hash }

    /// Checks `commit` out in a new worktree and builds it, or reuses the binary built before.
    func build(_ commit: Commit) throws -> Build {
        let folder = buildFolder(commit)
        let binary = folder + "/release/losslab", stamp = folder + "/built-by-losslab-history"
        let worktree = worktreeRoot + "/" + commit.short
        try? FileManager.default.createDirectory(atPath: worktreeRoot, withIntermediateDirectories: true)
        let added = try Subprocess.run("git", ["worktree", "add", "--detach", "--force", worktree, commit.hash], in: repository)
        guard added.status == 0 else {
            throw CommandError("bench: git worktree add for \(commit.short) failed: " + added.errorOutput, code: .failure)
        }
        worktrees.append(worktree)
        if FileManager.default.fileExists(atPath: stamp), FileManager.default.isExecutableFile(atPath: binary) {
            log("bench: \(commit.short): release build cached in \(folder)")
            return .built(binary: binary, worktree: worktree)
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        log("bench: \(commit.short): swift build -c release (\(commit.subject.prefix(60)))")
        let start = Date()
        // The fast flavour of each commit: manifests that know LOSSLAB_TARGET_CPU=auto opt into it
        // (as the Makefile does); older ones chose their flags themselves and would take "auto" for a
        // CPU name, so the variable is unset for them.
        let manifest = (try? String(contentsOfFile: worktree + "/Package.swift", encoding: .utf8)) ?? ""
        let flavour = manifest.contains("requested != \"auto\"") ? ["LOSSLAB_TARGET_CPU=auto"] : ["-u", "LOSSLAB_TARGET_CPU"]
        let built = try Subprocess.run("/usr/bin/env", flavour + ["swift", "build", "-c", "release", "--product", "losslab", "--scratch-path", folder],
                                       in: worktree, logPath: folder + "/build.log")
        guard built.status == 0, FileManager.default.isExecutableFile(atPath: binary) else {
            let lines = (built.output + built.errorOutput).split(separator: "\n")
            let errors = lines.filter { $0.contains("error:") }
            let reason = (errors.isEmpty ? Array(lines.suffix(2)) : Array(errors.prefix(2))).joined(separator: " ")
            log("bench: \(commit.short): build failed (log: \(folder)/build.log)")
            return .failed(reason: "swift build -c release exited \(built.status): " + reason)
        }
        FileManager.default.createFile(atPath: stamp, contents: Data("\(commit.hash)\n".utf8))
        log("bench: \(commit.short): built in \(String(format: "%.0f", Date().timeIntervalSince(start))) s")
        return .built(binary: binary, worktree: worktree)
    }

    /// Removes every worktree this object added (and git's record of them).
    func removeWorktrees() {
        for worktree in worktrees {
            _ = try? Subprocess.run("git", ["worktree", "remove", "--force", worktree], in: repository)
        }
        worktrees = []
        _ = try? Subprocess.run("git", ["worktree", "prune"], in: repository)
        try? FileManager.default.removeItem(atPath: worktreeRoot)
    }

    deinit { removeWorktrees() }
}
