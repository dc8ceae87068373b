import Foundation
import LossCore
import LossHarness

/// `losslab bench`: times the peers' workloads W1 to W5 (`shared/peers/workloads.md`).
enum BenchCommand: Subcommand {
    static let name = "bench"
    static let summary = "time the training workloads W1 to W5 against which the peers are measured"
    static let defaultExperiment = "experiments/w5-sweep.json5"
    static let help = """
    Usage: losslab bench [--workload W1,...] [--repeat N] [--threads N,...] [--format table|csv]
                         [--record] [--results DIR] [--experiment FILE]
           losslab bench --commits A..B [--force] [--workload ...] [--repeat N] [--results DIR]
           losslab bench --against REV [--rounds N] [--alpha A] [--threshold T%] [--workload ...]
           losslab bench --compare-formula [--repeat N] [--variants LIST]
           losslab bench --scaling [--peak GFLOPS] [--widths LIST] [--batches LIST] [--repeat N]
                         [--samples N] [--results DIR] [--plots DIR] [--format table|csv]

    Times the workloads of the peer baselines (PyTorch, JAX, scikit-learn) doing the same work:
    the same model, loss, Adam (eps 1e-8), batch size, epochs, sample counts and float32.
      W1_logistic  linear 20->1, sigmoid + binary crossentropy, 10,000 rows, B=64, 20 epochs
      W2_softmax   linear 32->10, softmax + categorical crossentropy, 20,000 rows, B=128, 10 epochs
      W3_mlp       MLP 32->64->64->10 (ReLU), softmax + CCE, 20,000 rows, B=128, 10 epochs
      W4_poisson   linear 8->1, exp + Poisson, 20,000 rows, B=256, 10 epochs
      W5_sweep     `losslab run FILE --jobs T --fresh --quiet --no-plots` in a new process:
                   8 losses x 5 seeds = 40 MLPs 16->32->k, B=64, 10 epochs, 5,000 rows each

    W1 to W4 run in this process on one thread (the training core is single-threaded so that
    results are identical whatever the parallelism); their timed region is initialisation,
    training and one evaluation on the test set; their data is generated beforehand. W5 is timed
    end to end, cold, from process start to exit, as a user runs it; --threads applies to W5 only
    (its --jobs). Each workload runs once as a warm-up, then --repeat times; the table gives the
    minimum and median seconds, samples per second (n x epochs / median seconds), GFLOP/s where
    the FLOP count is defined (W3: 41,532 FLOP/sample x 200,000 = 8.31 GFLOP) and the test metric
    (accuracy for W1-W3, the mean Poisson loss exp(f) - y f for W4, the mean accuracy of the
    classification losses for W5), which should land near the peers' values; "truth" is the
    same metric for the model that generated the data, which training can only approach.

    Options:
      --workload LIST   workloads to run, W1..W5 or their full names (default: all)
      --repeat N        timed repetitions after the warm-up (default: 5)
      --threads LIST    W5's --jobs values (default: 1,2)
      --format F        table (default) or csv: one row per repetition with the columns
                        date,commit,build,workload,threads,repetition,seconds,
                        samples_per_second,gflops,metric,metric_value
      --record          append the rows to DIR/bench/history.csv (created with a header)
      --results DIR     results root for --record (default: results)
      --experiment FILE the W5 sweep (default: \(defaultExperiment))

    History (see docs/bench.md, "Regression tracking across history"):
      --commits A..B    for each commit of the git range, oldest first (or of one revision):
                        check it out in a temporary git worktree, build it as `make release` does
                        (swift build -c release; the build kept in .build/history/<commit>, so a
                        rerun does not build again), run that commit's own `losslab bench` (the
                        workloads and options it has; --format csv, or --record for older ones)
                        and append its rows to DIR/bench/history.csv as soon as it is done. A
                        commit that does not build, whose bench fails or that has no bench gets
                        one row saying so (workload -, metric build-failed, run-failed or
                        no-bench, the reason in metric_value) and the range goes on. Commits the
                        history already has are skipped. The worktrees are removed afterwards.
      --force           with --commits: measure recorded commits again (the last run counts)
      --against REV     build REV the same way, then run REV's bench and this binary's in turn,
                        --rounds times (A B A B ...), --repeat repetitions each; per workload the
                        ratio median(this) / median(REV) and a two-sided Mann-Whitney U test on
                        the pooled repetitions. A workload regressed when p < alpha and the ratio
                        exceeds 1 + threshold, improved when p < alpha and it is below
                        1 / (1 + threshold). Exit 2 if any regressed, 4 if some improved and none
                        regressed, 0 otherwise.
      --rounds N        interleaved rounds of --against (default: 5)
      --alpha A         --against's significance level (default: \(TimingComparison.defaultAlpha))
      --threshold T     --against's smallest change that counts, 5% or 0.05 (default: 5%)
    `losslab history` lists the steps of the recorded history and draws it.
    \(FormulaBenchReport.help)
    \(ScalingBenchReport.help)

    Timings on a loaded machine are noisy: check `uptime` first, and compare the minimum.

    Exit codes: 0 done (--against: no significant change), 1 a workload failed (diverged, or the
    W5 run exited non-zero; --against: REV does not build), 2 --against: a regression,
    4 --against: improvements only, 64 bad options (also: not in a git repository, a revision git
    cannot resolve), 66 the W5 experiment file is missing, 73 cannot write the history.

    Examples:
      losslab bench
      losslab bench --workload W3 --repeat 20
      losslab bench --workload W5 --threads 1,2 --repeat 3
      losslab bench --format csv > bench.csv
      losslab bench --record
      losslab bench --commits HEAD~10..HEAD --workload W1,W3
      losslab bench --against main --workload W1,W4 --rounds 5 --repeat 3
      losslab bench --compare-formula --repeat 20
      losslab bench --scaling --peak 200.2
      losslab bench --scaling --widths 64,256 --batches 32,128 --repeat 3
    """

    struct Options {
        var workloads: [BenchWorkload]
        var repetitions: Int
        var threads: [Int]
        var csv: Bool
        var record: Bool
        var resultsRoot: String
        var experiment: String
        /// `--commits A..B`: measure every commit of the range instead of this binary.
        var commits: String? = nil
        /// `--force`: measure commits of the range that the history already has.
        var force = false
        /// `--against REV`: this binary against REV's, interleaved.
        var against: String? = nil
        /// `--rounds N`: interleaved rounds of `--against`.
        var rounds = 5
        /// `--alpha` and `--threshold` of `--against`'s decision.
        var alpha = TimingComparison.defaultAlpha
        var threshold = TimingComparison.defaultThreshold
    }

    static func parse(_ arguments: inout Arguments) throws -> Options {
        var workloads = BenchWorkload.allCases
        if let list = try arguments.value("workload") {
            workloads = try list.split(separator: ",").map { item in
                let text = item.trimmingCharacters(in: .whitespaces)
                guard let workload = BenchWorkload.named(text) else {
                    throw CommandError("bench: --workload \(text): expected one of "
                                       + BenchWorkload.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return workload
            }
            if workloads.isEmpty { throw CommandError("bench: --workload needs at least one workload") }
        }
        let repetitions = try arguments.positiveInteger("repeat") ?? 5
        var threads = [1, 2]
        if let list = try arguments.value("threads") {
            threads = try list.split(separator: ",").map { item in
                guard let count = Int(item.trimmingCharacters(in: .whitespaces)), count >= 1 else {
                    throw CommandError("bench: --threads \(list): expected whole numbers of at least 1, e.g. 1,2")
                }
                return count
            }
            if threads.isEmpty { throw CommandError("bench: --threads needs at least one count") }
        }
        let format = try arguments.value("format") ?? "table"
        guard format == "table" || format == "csv" else {
            throw CommandError("bench: --format \(format): expected table or csv")
        }
        let record = arguments.flag("record")
        let resultsRoot = try arguments.path("results", default: "results")
        let experiment = try arguments.value("experiment") ?? defaultExperiment
        let commits = try arguments.value("commits")
        let force = arguments.flag("force")
        let against = try arguments.value("against")
        let rounds = try arguments.positiveInteger("rounds")
        let alpha = try arguments.number("alpha")
        let threshold = try arguments.value("threshold")
        try arguments.finish()
        var options = Options(workloads: workloads, repetitions: repetitions, threads: threads, csv: format == "csv",
                              record: record, resultsRoot: resultsRoot, experiment: experiment)
        if commits != nil && against != nil {
            throw CommandError("bench: --commits and --against are two different runs: give one of them")
        }
        if force && commits == nil { throw CommandError("bench: --force only applies to --commits") }
        if commits != nil || against != nil {
            let name = commits != nil ? "--commits" : "--against"
            if record && against != nil { throw CommandError("bench: --against records nothing: drop --record") }
            if format == "csv" { throw CommandError("bench: \(name) prints a table: drop --format csv") }
        }
        if against == nil {
            for (name, given) in [("rounds", rounds != nil), ("alpha", alpha != nil), ("threshold", threshold != nil)] where given {
                throw CommandError("bench: --\(name) only applies to --against")
            }
        }
        options.commits = commits
        options.force = force
        options.against = against
        options.rounds = rounds ?? 5
        if let alpha {
            guard alpha > 0, alpha <= 1 else { throw CommandError("bench: --alpha \(alpha): expected a level in (0, 1], e.g. 0.05") }
            options.alpha = alpha
        }
        if let threshold {
            guard let fraction = TimingComparison.parseThreshold(threshold) else {
                throw CommandError("bench: --threshold \(threshold): expected a percentage of at least 0, e.g. 5%")
            }
            options.threshold = fraction
        }
        return options
    }

    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode {
        if arguments.flag("compare-formula") { return try FormulaBenchReport.run(&arguments, console: console) }
        if arguments.flag("scaling") { return try ScalingBenchReport.run(&arguments, console: console) }
        let options = try parse(&arguments)
        if options.commits != nil { return try runCommits(options, arguments: arguments, console: console) }
        if options.against != nil { return try runAgainst(options, arguments: arguments, console: console) }
        if options.workloads.contains(.sweep) && !FileManager.default.fileExists(atPath: options.experiment) {
            throw CommandError("bench: W5 needs the sweep file \(options.experiment), which does not exist "
                               + "(run from the repository root, or pass --experiment FILE)", code: .noInput)
        }
        if let load = Double(loadAverage()), load >= 1 {
            console.printError("bench: load average \(loadAverage()): other work is running, timings will be noisy "
                               + "(compare minimums, or wait for a quiet machine)")
        }
        let date = ISO8601DateFormatter.string(from: Date(), timeZone: .current,
                                               formatOptions: [.withInternetDateTime])
        let commit = gitCommit() ?? ""
        let build = BuildIdentity.current
        var summaries: [BenchSummary] = []
        var records: [BenchRecord] = []
        for workload in options.workloads {
            let threadCounts = workload == .sweep ? options.threads : [1]
            for threads in threadCounts {
                console.printError("bench: \(workload.name)" + (workload == .sweep ? " --jobs \(threads)" : "")
                                   + ": 1 warm-up + \(options.repetitions) repetitions")
                let (first, runs, truth) = try measure(workload, threads: threads, repetitions: options.repetitions,
                                                       experiment: options.experiment)
                summaries.append(BenchSummary(workload: workload, threads: threads, firstSeconds: first,
                                              seconds: runs.map(\.seconds), metricValue: runs.last!.metric,
                                              truthMetric: truth))
                for (index, run) in runs.enumerated() {
                    records.append(BenchRecord(date: date, commit: commit, build: build, workload: workload,
                                               threads: threads, repetition: index + 1, seconds: run.seconds,
                                               metricValue: run.metric))
                }
            }
        }
        if options.csv {
            console.print(String((BenchRecord.header + records.map(\.csvLine).joined()).dropLast()))
        } else {
            console.print("# losslab bench, \(date), \(machineDescription()), load average \(loadAverage())")
            console.print(BenchSummary.table(summaries.map(\.tableRow)))
        }
        if options.record {
            let path = try appendHistory(records, resultsRoot: options.resultsRoot)
            console.printError("bench: \(records.count) rows appended to \(path)")
        }
        return .success
    }

    /// The warm-up's seconds, the timed repetitions' seconds and metrics, and the true model's metric.
    static func measure(_ workload: BenchWorkload, threads: Int, repetitions: Int, experiment: String) throws
        -> (first: Double, runs: [(seconds: Double, metric: Double)], truth: Double?) {
        var runs: [(seconds: Double, metric: Double)] = []
        if let definition = workload.definition {
            let bench = InProcessBench(definition)
            var first = 0.0
            for index in 0...repetitions {
                let outcome = bench.run()
                guard outcome.status == .completed else {
                    throw CommandError("bench: \(workload.name) did not complete: \(outcome.status.rawValue)", code: .failure)
                }
                if index == 0 { first = outcome.seconds } else { runs.append((outcome.seconds, outcome.metric)) }
            }
            return (first, runs, bench.truthMetric)
        }
        var first = 0.0
        for index in 0...repetitions {
            let run = try sweep(jobs: threads, experiment: experiment)
            if index == 0 { first = run.seconds } else { runs.append(run) }
        }
        return (first, runs, nil)
    }

    /// One cold `losslab run` of the W5 sweep into a fresh temporary results root.
    static func sweep(jobs: Int, experiment: String) throws -> (seconds: Double, metric: Double) {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("losslab-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let errorPath = root + "/stderr.txt"
        let outcome = try ProcessTimer.run(ProcessTimer.currentExecutable,
                                           ["run", experiment, "--jobs", String(jobs), "--fresh", "--quiet", "--no-plots",
                                            "--results", root + "/results"], errorPath: errorPath)
        guard outcome.status == 0 else {
            let message = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            throw CommandError("bench: W5 `losslab run \(experiment) --jobs \(jobs)` exited \(outcome.status)\n" + message,
                               code: .failure)
        }
        let trials = (try? FileManager.default.contentsOfDirectory(atPath: root + "/results")) ?? []
        var metric = Double.nan
        if let name = trials.first(where: { !$0.hasPrefix(".") }),
           let text = try? String(contentsOfFile: root + "/results/\(name)/trials.csv", encoding: .utf8) {
            metric = SweepAccuracy.mean(trialsCSV: text) ?? .nan
        }
        return (outcome.seconds, metric)
    }

    /// Appends `records` to `<resultsRoot>/bench/history.csv`, writing the header when the file is
    /// new; returns the path.
    static func appendHistory(_ records: [BenchRecord], resultsRoot: String) throws -> String {
        try appendHistory(text: records.map(\.csvLine).joined(), resultsRoot: resultsRoot)
    }

    /// Appends CSV rows (``BenchRecord/columns``) to the history, creating it with its header.
    @discardableResult
    static func appendHistory(text: String, resultsRoot: String) throws -> String {
        let directory = resultsRoot + "/bench"
        let path = directory + "/history.csv"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let isNew = !FileManager.default.fileExists(atPath: path)
            if isNew && !FileManager.default.createFile(atPath: path, contents: nil) {
                throw CommandError("bench: cannot create \(path)", code: .cannotCreate)
            }
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw CommandError("bench: cannot write \(path)", code: .cannotCreate)
            }
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(((isNew ? BenchRecord.header : "") + text).utf8))
        } catch let error as CommandError {
            throw error
        } catch {
            throw CommandError("bench: cannot write \(path): \(error.localizedDescription)", code: .cannotCreate)
        }
        return path
    }

    /// The CPU model and count from /proc/cpuinfo, for the table's header line.
    static func machineDescription() -> String {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = info.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last!.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        return "\(model) x\(ProcessInfo.processInfo.activeProcessorCount)"
    }

    /// The 1-minute load average, as text.
    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").first.map(String.init) ?? "n/a"
    }
}
