import Foundation
import LossHarness

/// `losslab run --quick --commits A..B`: the quick run of every study at each commit of a range,
/// by that commit's release build (``CommitBuilds``, shared with `losslab bench --commits`), its
/// quality metrics appended to `<results>/quality-history.csv` (``QualityHistory``).
extension RunCommand {
    static func runCommits(_ range: String, arguments: inout Arguments, console: Console) throws -> ExitCode {
        let resultsRoot = try arguments.path("results", default: "results")
        let quick = arguments.flag("quick")
        let force = arguments.flag("force")
        try arguments.finish()
        guard quick else {
            throw CommandError("run: --commits runs the quick studies of each commit: add --quick (a full run per commit takes hours)")
        }
        let directory = arguments.workingDirectory ?? FileManager.default.currentDirectoryPath
        let builds = try CommitBuilds(inside: directory, log: console.printError)
        defer { builds.removeWorktrees() }
        let commits = try builds.commits(range)
        let path = resultsRoot + "/quality-history.csv"
        let recorded = Set(try QualityHistory.load(path).runs.map(\.commit))
        var summary: [[String]] = []
        for (index, commit) in commits.enumerated() where force || !recorded.contains(commit.hash) {
            console.printError("run: commit \(index + 1) of \(commits.count): \(commit.short) \(commit.subject.prefix(70))")
            let date = BenchCommand.now()
            var text: String
            var status = "measured"
            switch try builds.build(commit) {
            case .failed(let reason):
                status = BenchRunStatus.buildFailed.rawValue
                text = QualityHistory.statusRow(date: date, commit: commit.hash, status: .buildFailed, note: reason)
            case .built(let binary, let worktree):
                let help = try Subprocess.run(binary, ["run", "--help"], in: worktree)
                if !help.output.contains("--quick") {
                    status = BenchRunStatus.noQuick.rawValue
                    text = QualityHistory.statusRow(date: date, commit: commit.hash, status: .noQuick,
                                                    note: "its losslab run has no --quick")
                } else {
                    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("losslab-quick-\(getpid())-\(commit.short)").path
                    defer { try? FileManager.default.removeItem(atPath: scratch) }
                    let files = ((try? FileManager.default.contentsOfDirectory(atPath: worktree + "/experiments")) ?? [])
                        .filter { $0.hasSuffix(".json5") }.sorted().map { "experiments/" + $0 }
                    let ran = try Subprocess.run(binary, ["run", "--quick"] + files
                                                 + ["--results", scratch + "/results", "--plots", scratch + "/plots", "--no-plots", "--quiet"],
                                                 in: worktree)
                    text = QualityHistory.rows(date: date, commit: commit.hash, resultsRoot: scratch + "/results")
                    if ran.status != 0 || text.isEmpty {
                        status = BenchRunStatus.runFailed.rawValue
                        let reason = "losslab run --quick exited \(ran.status): "
                            + ran.errorOutput.split(separator: "\n").suffix(2).joined(separator: " ")
                        text = QualityHistory.statusRow(date: date, commit: commit.hash, status: .runFailed, note: reason)
                    }
                }
            }
            builds.removeWorktrees()
            try append(text, to: path)
            summary.append([commit.short, status, String(text.split(separator: "\n").count) + " rows"])
        }
        if summary.isEmpty {
            console.print("run: nothing to run: every commit of \(range) is in \(path) (--force runs them again)")
        } else {
            console.print(TextTable.render(header: ["commit", "status", "recorded"], rows: summary))
        }
        return .success
    }

    /// Appends `text` to the quality history, creating it with its header.
    static func append(_ text: String, to path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let isNew = !FileManager.default.fileExists(atPath: path)
            if isNew { _ = FileManager.default.createFile(atPath: path, contents: nil) }
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw CommandError("run: cannot write \(path)", code: .cannotCreate)
            }
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(((isNew ? CSV.row(QualityHistory.columns) : "") + text).utf8))
        } catch let error as CommandError {
            throw error
        } catch {
            throw CommandError("run: cannot write \(path): \(error.localizedDescription)", code: .cannotCreate)
        }
    }
}
