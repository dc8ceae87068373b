import Foundation

/// The bench history laid out along the commit history, with the steps of each workload: what
/// `losslab history` lists and ``BenchHistoryFigure`` draws.
///
/// Commits are placed in the order given (git's, oldest first: `git rev-list --topo-order
/// --reverse HEAD`); recorded commits missing from it (another branch) follow in file order. Each
/// series (workload, and thread count for W5) has one point per commit that timed it; a commit that
/// did not (a build or run that failed, a workload its bench did not have yet) is listed in
/// ``Series/missing``. Steps come from ``StepDetection`` on each series' per-commit minimum, over
/// the commits of the given order only (those of other branches are drawn last, not fitted).
public struct BenchHistoryAnalysis: Sendable {
    /// One recorded commit, in history order.
    public struct Commit: Sendable {
        public var position: Int
        public var run: BenchHistory.Run
        public var subject: String
        public var short: String { String(run.commit.prefix(7)) }
    }

    /// One commit's timings of one series.
    public struct Point: Sendable {
        public var position: Int
        public var minimum: Double
        public var median: Double
    }

    /// A step, placed at the commit that starts the new level.
    public struct Step: Sendable {
        public var series: String
        public var position: Int
        /// The position of the previous commit that timed this series (the step happened between).
        public var previousPosition: Int
        public var before: Double
        public var after: Double
        public var ratio: Double { after / before }
    }

    public struct Series: Sendable {
        public var name: String
        public var points: [Point]
        /// Positions of commits that did not time this series.
        public var missing: [Int]
        public var steps: [Step]
    }

    public var commits: [Commit]
    public var series: [Series]
    /// Recorded commits that are not in the given order (listed after it).
    public var outsideOrder: [String]

    public init(history: BenchHistory, order: [String], subjects: [String: String],
                penaltyFactor: Double = StepDetection.defaultPenaltyFactor) {
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let inOrder = history.runs.filter { rank[$0.commit] != nil }.sorted { rank[$0.commit]! < rank[$1.commit]! }
        let outside = history.runs.filter { rank[$0.commit] == nil }
        outsideOrder = outside.map(\.commit)
        let commits = (inOrder + outside).enumerated().map { position, run in
            Commit(position: position, run: run, subject: subjects[run.commit] ?? "")
        }
        self.commits = commits
        let names = history.seriesNames
        series = names.map { name in
            var points: [Point] = []
            var missing: [Int] = []
            for commit in commits {
                if let values = commit.run.seconds[name], !values.isEmpty {
                    let summary = SampleSummary(values)
                    points.append(Point(position: commit.position, minimum: summary.minimum, median: summary.median))
                } else {
                    missing.append(commit.position)
                }
            }
            // Commits of other branches are drawn, but a step is a move along the history.
            let fitted = points.filter { $0.position < inOrder.count || inOrder.isEmpty }
            let fit = StepDetection(times: fitted.map(\.minimum), penaltyFactor: penaltyFactor)
            let steps = fit.steps.map { step in
                Step(series: name, position: fitted[step.index].position, previousPosition: fitted[step.index - 1].position,
                     before: step.before, after: step.after)
            }
            return Series(name: name, points: points, missing: missing, steps: steps)
        }
    }

    /// Every step of every series, largest first (by |log ratio|).
    public var stepsBySize: [Step] {
        series.flatMap(\.steps).sorted { abs(log($0.ratio)) > abs(log($1.ratio)) }
    }
}
