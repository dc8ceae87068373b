import Foundation

/// `REPORT.md`: every study with its claim, description, figures and checked claims, then the
/// rankings of the losses across settings and studies. Built from values (``Study``, the
/// ``ReportFamily`` and the ``LossRanking``s), so it is tested without files;
/// ``Study/load(experiment:paths:reportDirectory:workingDirectory:)`` reads what a study left in
/// the results folder.
///
/// Verdicts are those of the report family: the p-values of every claim of the report adjusted
/// together (Holm by default), duplicates counted once.
public struct StudyReport: Sendable {
    /// One experiment's part of the report.
    public struct Study: Sendable {
        public var experiment: Experiment
        public var figures: [FigureSpec]
        /// Figure name to the image's path relative to the report.
        public var images: [String: String]
        /// The rows of claims.csv; `nil` when the study has no results yet.
        public var claims: [ClaimRecord]?
        /// The study's summary.csv, for the rankings (`nil` for curves studies and missing results).
        public var summary: StrictCSVTable?
        /// Where the study's results are, as given (for the text).
        public var resultsDirectory: String
        /// How the results were made when not from the file as written ("made with --seeds 3"),
        /// said under the study's title.
        public var provenance: String?

        public init(experiment: Experiment, figures: [FigureSpec], images: [String: String], claims: [ClaimRecord]?,
                    summary: StrictCSVTable? = nil, resultsDirectory: String) {
            self.experiment = experiment
            self.figures = figures
            self.images = images
            self.claims = claims
            self.summary = summary
            self.resultsDirectory = resultsDirectory
        }

        /// Whether the study has results (a curves study has curves.csv and no claims).
        public var hasResults: Bool { claims != nil }

        /// Reads the study's claims.csv and summary.csv strictly (a damaged file is a
        /// ``ResultsFileError``), or for a curves study notes that curves.csv exists, and computes
        /// image links relative to `reportDirectory`.
        public static func load(experiment: Experiment, paths: FigurePaths, reportDirectory: String,
                                workingDirectory: String) throws -> Study {
            let figures = try FigureSpec.parseAll(experiment)
            var images: [String: String] = [:]
            for figure in figures {
                images[figure.name] = RelativePath.from(directory: reportDirectory, to: paths.png(figure.name),
                                                        workingDirectory: workingDirectory)
            }
            var claims: [ClaimRecord]?
            var summary: StrictCSVTable?
            if experiment.kind == .curves {
                if FileManager.default.fileExists(atPath: paths.results("curves.csv")) { claims = [] }
            } else if let text = try? String(contentsOfFile: paths.results("claims.csv"), encoding: .utf8) {
                claims = try ClaimRecord.records(StrictCSVTable(text: text, file: paths.results("claims.csv")))
                if let summaryText = try? String(contentsOfFile: paths.results("summary.csv"), encoding: .utf8) {
                    summary = try StrictCSVTable(text: summaryText, file: paths.results("summary.csv"))
                }
            }
            return Study(experiment: experiment, figures: figures, images: images, claims: claims, summary: summary,
                         resultsDirectory: paths.resultsDirectory)
        }
    }

    public var studies: [Study]
    public var family: ReportFamily
    public var rankings: [LossRanking]
    /// Ranking id to its critical-difference diagram's path relative to the report.
    public var rankingImages: [String: String]

    public init(studies: [Study], rankings: [LossRanking] = [], rankingImages: [String: String] = [:],
                correction: MultiplicityCorrection = .holm) {
        self.studies = studies
        family = ReportFamily(studies: studies.compactMap { study in study.claims.map { (study.experiment.name, $0) } },
                              correction: correction)
        self.rankings = rankings
        self.rankingImages = rankingImages
    }

    /// The rankings of the studies' summaries (``LossRanking/all(studies:order:)``).
    public static func rankings(of studies: [Study]) throws(ResultsFileError) -> [LossRanking] {
        var summaries: [String: StrictCSVTable] = [:]
        for study in studies { if let summary = study.summary { summaries[study.experiment.name] = summary } }
        return try LossRanking.all(studies: summaries, order: studies.map(\.experiment.name))
    }

    // MARK: Formatting

    static func number(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "n/a" }
        return String(format: "%.4g", x)
    }

    static func percent(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "n/a" }
        return String(format: "%+.1f%%", x * 100)
    }

    static func pValue(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "n/a" }
        return x < 0.0001 ? "< 0.0001" : String(format: "%.2g", x)
    }

    // MARK: Document

    public var markdown: String {
        let correction = family.correction.title
        let duplicates = family.entries.filter { $0.record.duplicateOf != nil }.count
        var lines = [
            "# LossLab report",
            "",
            "Written by `losslab report` from the results of `losslab run`; run it again to update this file.",
            "",
            "**How a claim is judged.** Each claim compares two losses on one metric over the same seeds. Its unit is the",
            "repetition: every loss sees the same data in a repetition, and a study's settings share their seeds, so a claim",
            "pooled over several settings is tested on one value per repetition (its difference averaged over the settings, or",
            "its log-ratio where the settings' scales differ by a factor of 2 or more), never on every pair as if independent.",
            "The test and why it fits are given under each table. The p-values of all the claims of this report are adjusted",
            "together for multiplicity (\(correction), the report family; each study's `claims.csv` also holds the adjustment",
            "over the study alone), and a claim is **supported** or **contradicted** when its adjusted p-value is below 0.05,",
            "else **inconclusive**. A claim whose trials are bit-identical to an earlier claim's is the same test: it is",
            "counted once. The effect is the mean unit value with its 95% interval; for an inconclusive claim, the seeds for",
            "80% power are those a two-sided test would need at the Bonferroni level 0.05 / m against the observed effect.",
            "Every claim with these numbers is in `results/claims.csv`.",
            "",
            "**Verdicts:** \(family.entries.count) claims in \(studies.filter { !($0.claims ?? []).isEmpty }.count) studies"
                + " (\(family.familySize) distinct tests; \(duplicates) duplicate\(duplicates == 1 ? "" : "s") counted once):"
                + " \(family.count(.supported)) supported, \(family.count(.contradicted)) contradicted,"
                + " \(family.count(.inconclusive)) inconclusive after \(correction) over the report"
                + " (before correction: \(family.count(.supported, uncorrected: true)) supported,"
                + " \(family.count(.contradicted, uncorrected: true)) contradicted, \(family.count(.inconclusive, uncorrected: true)) inconclusive).",
            "",
        ]
        for study in studies { lines += section(study) }
        lines += rankingSection
        return lines.joined(separator: "\n") + "\n"
    }
}
