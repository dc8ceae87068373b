import Foundation
import LossHarness

/// `losslab report`: writes `results/REPORT.md` from existing results and figures, with the
/// report-wide adjustment of the claims and the rankings of the losses.
enum ReportCommand: Subcommand {
    static let name = "report"
    static let summary = "write results/REPORT.md: each study's claims adjusted for multiplicity, and rankings of the losses"
    static let help = """
    Usage: losslab report [FILE...] [--results DIR] [--plots DIR] [--output PATH] [--correction holm|bh]

    Writes a Markdown report of the experiment files (default: every experiments/*.json5), in
    file-name order: for each, its title, its claim and description, its figures (embedded by
    paths relative to the report) and the table of its checked claims; then the rankings of the
    losses across settings and studies. It reads what `losslab run` and `losslab plot` wrote
    (claims.csv and summary.csv of each study) and trains nothing.

    The p-values of every claim of the report are adjusted together (the report family; claims
    whose trials are identical count once), and the verdicts use the adjusted value at 0.05.
    Rankings: mean ranks per metric family, the Friedman and Iman-Davenport tests, Nemenyi's
    critical difference and Holm's pairwise tests, and a Bayesian signed-rank test per pair.

    Writes, beside the report: <results>/claims.csv (every claim with its raw and adjusted
    p-values), <results>/rankings.csv, ranking-values.csv and ranking-pairs.csv (the inputs and
    outputs of every ranking), <results>/rankings/<id>.csv and the critical-difference diagrams
    <plots>/rankings/<id>.{gp,png,svg} (rendered when gnuplot is installed).

    Options:
      --results DIR      results root to read (default: results)
      --plots DIR        figures root the report links to (default: plots)
      --output PATH      the report (default: <results>/REPORT.md)
      --correction C     holm (default: family-wise error rate) or bh (Benjamini-Hochberg: false
                         discovery rate) for the report's verdicts

    Exit codes: 0 report written, 1 gnuplot failed on a diagram, 65 invalid experiment file or a
    damaged claims.csv or summary.csv (file:line:column), 66 unreadable file or no results at
    all (run `losslab run` first), 73 cannot write the report, 64 bad options.

    Examples:
      losslab report
      losslab report --correction bh
      losslab report experiments/outliers.json5 --output /tmp/outliers.md
    """

    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode {
        let resultsRoot = try arguments.path("results", default: "results")
        let plotsRoot = try arguments.path("plots", default: "plots")
        let output = try arguments.path("output") ?? Paths.join(resultsRoot, "REPORT.md")
        let correctionText = try arguments.value("correction") ?? MultiplicityCorrection.holm.rawValue
        guard let correction = MultiplicityCorrection(rawValue: correctionText) else {
            throw CommandError("report: --correction \(correctionText): expected holm or bh")
        }
        let files = try ExperimentFiles.expand(try arguments.positionals(), arguments: arguments)
            .sorted { (Paths.lastComponent(of: $0), $0) < (Paths.lastComponent(of: $1), $1) }
        let workingDirectory = arguments.workingDirectory ?? FileManager.default.currentDirectoryPath
        let reportDirectory = Paths.parent(of: output)
        let linkDirectory = reportDirectory.isEmpty ? "." : reportDirectory
        var studies: [StudyReport.Study] = []
        for file in files {
            let (experiment, _, note) = try ExperimentFiles.loadForResults(file, overrides: [], resultsRoot: resultsRoot, arguments: arguments)
            let paths = FigurePaths(resultsRoot: resultsRoot, plotsRoot: plotsRoot, experiment: experiment.name)
            var study: StudyReport.Study
            do {
                study = try .load(experiment: experiment, paths: paths, reportDirectory: linkDirectory, workingDirectory: workingDirectory)
            } catch let error as ResultsFileError {
                throw CommandError("report: " + error.description + " (run `losslab run \(file)` again to rewrite it; finished trials are reused)",
                                   code: .dataError)
            }
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
        let rankings: [LossRanking]
        do { rankings = try StudyReport.rankings(of: studies) } catch {
            throw CommandError("report: " + error.description, code: .dataError)
        }
        var images: [String: String] = [:]
        var failures = 0
        if !reportDirectory.isEmpty { try AtomicFile.createDirectory(reportDirectory) }
        for ranking in rankings {
            let figure = CriticalDifferenceFigure(ranking: ranking, resultsRoot: resultsRoot, plotsRoot: plotsRoot)
            let script = try figure.write()
            images[ranking.id] = RelativePath.from(directory: linkDirectory, to: figure.pngPath, workingDirectory: workingDirectory)
            if !FigureRendering.render(script, label: "report", announce: false, rerun: "losslab report", console: console) {
                failures += 1
            }
        }
        let report = StudyReport(studies: studies, rankings: rankings, rankingImages: images, correction: correction)
        try AtomicFile.write(report.family.csv, to: Paths.join(resultsRoot, "claims.csv"))
        try AtomicFile.write(LossRanking.rankingsCSV(rankings), to: Paths.join(resultsRoot, "rankings.csv"))
        try AtomicFile.write(LossRanking.valuesCSV(rankings), to: Paths.join(resultsRoot, "ranking-values.csv"))
        try AtomicFile.write(LossRanking.pairsCSV(rankings), to: Paths.join(resultsRoot, "ranking-pairs.csv"))
        try AtomicFile.write(report.markdown, to: output)
        let family = report.family
        console.printError("wrote \(output): \(studies.count) experiment\(studies.count == 1 ? "" : "s"), \(family.entries.count) claim\(family.entries.count == 1 ? "" : "s")"
                           + " (\(family.count(.supported)) supported after \(correction.title) over \(family.familySize) tests, "
                           + "\(family.count(.supported, uncorrected: true)) before), \(rankings.count) ranking\(rankings.count == 1 ? "" : "s")")
        return failures > 0 ? .failure : .success
    }
}
