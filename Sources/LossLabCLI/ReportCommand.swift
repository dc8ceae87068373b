import Foundation
import LossHarness

/// `losslab report`: writes `results/REPORT.md` from existing results and figures.
enum ReportCommand: Subcommand {
    static let name = "report"
    static let summary = "write results/REPORT.md: each study's claim, figures and verdicts, and a ranking of the losses"
    static let help = """
    Usage: losslab report [FILE...] [--results DIR] [--plots DIR] [--output PATH]

    Writes a Markdown report of the experiment files (default: every experiments/*.json5), in
    file-name order: for each, its title, its claim and description, its figures (embedded by
    paths relative to the report), the table of its checked claims (statement, verdict,
    difference, relative difference, p-value, pairs) and a one-line verdict; then a ranking of
    the losses across studies: where each wins and loses, with the effect sizes. It reads what
    `losslab run` and `losslab plot` wrote; it runs and draws nothing.

    Options:
      --results DIR      results root to read (default: results)
      --plots DIR        figures root the report links to (default: plots)
      --output PATH      the report (default: <results>/REPORT.md)

    Exit codes: 0 report written, 65 invalid file, 66 unreadable file or no results at all (run
    `losslab run` first), 73 cannot write the report, 64 bad options.

    Examples:
      losslab report
      losslab report experiments/outliers.json5 --output /tmp/outliers.md
    """

    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode {
        let resultsRoot = try arguments.path("results", default: "results")
        let plotsRoot = try arguments.path("plots", default: "plots")
        let output = try arguments.path("output") ?? Paths.join(resultsRoot, "REPORT.md")
        let files = try ExperimentFiles.expand(try arguments.positionals(), arguments: arguments)
            .sorted { (Paths.lastComponent(of: $0), $0) < (Paths.lastComponent(of: $1), $1) }
        let workingDirectory = FileManager.default.currentDirectoryPath
        let reportDirectory = Paths.parent(of: output)
        var studies: [StudyReport.Study] = []
        for file in files {
            let (experiment, _, note) = try ExperimentFiles.loadForResults(file, overrides: [], resultsRoot: resultsRoot, arguments: arguments)
            let paths = FigurePaths(resultsRoot: resultsRoot, plotsRoot: plotsRoot, experiment: experiment.name)
            var study = try StudyReport.Study.load(experiment: experiment, paths: paths,
                                                   reportDirectory: reportDirectory.isEmpty ? "." : reportDirectory,
                                                   workingDirectory: workingDirectory)
            study.provenance = note
            if !study.hasResults {
                console.printError("\(experiment.name): no results in \(paths.resultsDirectory) (run `losslab run \(file)`); the report says so")
            } else {
                for figure in study.figures where !FileManager.default.fileExists(atPath: paths.png(figure.name)) {
                    console.printError("\(experiment.name): \(paths.png(figure.name)) does not exist yet (run `losslab plot \(file)`)")
                }
            }
            studies.append(study)
        }
        guard studies.contains(where: \.hasResults) else {
            throw CommandError("no results to report in \(resultsRoot): run `losslab run` first", code: .noInput)
        }
        if !reportDirectory.isEmpty { try AtomicFile.createDirectory(reportDirectory) }
        try AtomicFile.write(StudyReport(studies: studies).markdown, to: output)
        let claims = studies.reduce(0) { $0 + ($1.claims?.count ?? 0) }
        console.printError("wrote \(output): \(studies.count) experiment\(studies.count == 1 ? "" : "s"), \(claims) claim\(claims == 1 ? "" : "s")")
        return .success
    }
}
