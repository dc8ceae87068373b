import Foundation

/// `REPORT.md`: every study with its claim, description, figures and checked claims, then a
/// ranking of the losses across studies. Built from values (``Study``), so it is tested without
/// files; ``Study/load(experiment:paths:reportDirectory:workingDirectory:)`` reads what a study
/// left in the results folder.
///
/// A loss **wins** a claim that is supported where it is `better`, or contradicted where it is
/// `than`, and **loses** the reverse; inconclusive claims count for neither.
public struct StudyReport: Sendable {
    /// One experiment's part of the report.
    public struct Study: Sendable {
        public var experiment: Experiment
        public var figures: [FigureSpec]
        /// Figure name to the image's path relative to the report.
        public var images: [String: String]
        /// The rows of claims.csv; `nil` when the study has no results yet.
        public var claims: [ClaimRecord]?
        /// Where the study's results are, as given (for the text).
        public var resultsDirectory: String
        /// How the results were made when not from the file as written ("made with --seeds 3"),
        /// said under the study's title.
        public var provenance: String?

        public init(experiment: Experiment, figures: [FigureSpec], images: [String: String], claims: [ClaimRecord]?,
                    resultsDirectory: String) {
            self.experiment = experiment
            self.figures = figures
            self.images = images
            self.claims = claims
            self.resultsDirectory = resultsDirectory
        }

        /// Whether the study has results (a curves study has curves.csv and no claims).
        public var hasResults: Bool { claims != nil }

        /// Reads the study's claims.csv (or, for a curves study, notes that curves.csv exists) and
        /// computes image links relative to `reportDirectory`.
        public static func load(experiment: Experiment, paths: FigurePaths, reportDirectory: String,
                                workingDirectory: String) throws -> Study {
            let figures = try FigureSpec.parseAll(experiment)
            var images: [String: String] = [:]
            for figure in figures {
                images[figure.name] = RelativePath.from(directory: reportDirectory, to: paths.png(figure.name),
                                                        workingDirectory: workingDirectory)
            }
            var claims: [ClaimRecord]?
            if experiment.kind == .curves {
                if FileManager.default.fileExists(atPath: paths.results("curves.csv")) { claims = [] }
            } else if let text = try? String(contentsOfFile: paths.results("claims.csv"), encoding: .utf8) {
                claims = ClaimRecord.records(CSVTable(text: text))
            }
            return Study(experiment: experiment, figures: figures, images: images, claims: claims,
                         resultsDirectory: paths.resultsDirectory)
        }
    }

    public var studies: [Study]

    public init(studies: [Study]) {
        self.studies = studies
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

    /// The one-line verdict of a study's claims.
    static func verdict(_ claims: [ClaimRecord]) -> String {
        guard !claims.isEmpty else { return "no claims were declared (add an `expect` list to check some)." }
        let supported = claims.filter { $0.verdict == "supported" }.count
        let contradicted = claims.filter { $0.verdict == "contradicted" }.count
        let inconclusive = claims.count - supported - contradicted
        var parts = ["\(supported) of \(claims.count) claim\(claims.count == 1 ? "" : "s") supported"]
        if contradicted > 0 { parts.append("\(contradicted) contradicted") }
        if inconclusive > 0 { parts.append("\(inconclusive) inconclusive") }
        return parts.joined(separator: ", ") + "."
    }

    // MARK: Document

    public var markdown: String {
        var lines = [
            "# LossLab report",
            "",
            "Written by `losslab report` from the results of `losslab run`; run it again to update this file.",
            "Each claim compares two losses on one metric over the same seeds: a two-sided paired t-test on the",
            "per-seed differences decides **supported** or **contradicted** at p < 0.05, else **inconclusive**.",
            "Difference is the mean of *better* − *than* in the metric's units; relative difference divides it by",
            "the mean of *than*.",
            "",
        ]
        for study in studies { lines += section(study) }
        lines += ranking
        return lines.joined(separator: "\n") + "\n"
    }

    func section(_ study: Study) -> [String] {
        let experiment = study.experiment
        var lines = ["## " + MarkdownText.line(experiment.title), ""]
        lines.append("Experiment `\(experiment.name)` (`\(MarkdownText.line(experiment.file))`)"
                     + (experiment.kind == .curves ? ", kind curves: losses evaluated on a grid, nothing trained." : "."))
        lines.append("")
        if let provenance = study.provenance {
            lines += ["**These results were not made from the file as written: they were \(MarkdownText.line(provenance)).**", ""]
        }
        if !experiment.claim.isEmpty {
            lines += ["**Claim:** " + MarkdownText.line(experiment.claim), ""]
        }
        if !experiment.description.isEmpty {
            lines += [experiment.description.trimmingCharacters(in: .whitespacesAndNewlines), ""]
        }
        guard let claims = study.claims else {
            lines += ["*No results yet: run `losslab run \(MarkdownText.line(experiment.file))`.*", ""]
            return lines
        }
        for figure in study.figures {
            let alt = MarkdownText.linkText(figure.title + ": " + figure.name)
            lines.append("![\(alt)](\(MarkdownText.destination(study.images[figure.name] ?? "")))")
            lines.append("")
            lines.append("*Figure `\(figure.name)`*" + (figure.caption.map { ": " + MarkdownText.line($0) } ?? ""))
            lines.append("")
        }
        if experiment.kind == .curves { return lines }
        if !claims.isEmpty {
            lines.append("| Statement | Verdict | Difference | Relative difference | p-value | Pairs |")
            lines.append("| --- | --- | ---: | ---: | ---: | ---: |")
            for claim in claims {
                lines.append("| " + [MarkdownText.cell(claim.statement), MarkdownText.cell(claim.verdict), Self.number(claim.difference),
                                      Self.percent(claim.relativeDifference), Self.pValue(claim.pValue), String(claim.pairs)]
                    .joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        lines += ["**Verdict:** " + Self.verdict(claims), ""]
        return lines
    }

    /// One claim as a line of the ranking.
    static func rankingLine(_ claim: ClaimRecord, study: Study) -> String {
        "  - " + MarkdownText.line(study.experiment.title) + " (`\(study.experiment.name)`): " + MarkdownText.line(claim.statement)
            + " — \(claim.verdict), difference \(number(claim.difference)) (\(percent(claim.relativeDifference))),"
            + " p = \(pValue(claim.pValue)), \(claim.pairs) pairs"
    }

    var ranking: [String] {
        var wins: [String: [String]] = [:], losses: [String: [String]] = [:], ties: [String: [String]] = [:]
        var labels: [String] = []
        for study in studies {
            for claim in study.claims ?? [] {
                for label in [claim.better, claim.than] where !labels.contains(label) { labels.append(label) }
                let line = Self.rankingLine(claim, study: study)
                if let winner = claim.winner, let loser = claim.loser {
                    wins[winner, default: []].append(line)
                    losses[loser, default: []].append(line)
                } else {
                    ties[claim.better, default: []].append(line)
                    ties[claim.than, default: []].append(line)
                }
            }
        }
        var lines = ["## Ranking across studies", ""]
        guard !labels.isEmpty else {
            return lines + ["No claims have been checked yet.", ""]
        }
        let count = { (table: [String: [String]], label: String) in table[label]?.count ?? 0 }
        labels.sort {
            let a = (count(wins, $0) - count(losses, $0), count(wins, $0)), b = (count(wins, $1) - count(losses, $1), count(wins, $1))
            return a != b ? a > b : $0 < $1
        }
        lines += [
            "A loss wins a claim that is supported where it is *better*, or contradicted where it is *than*, and loses the",
            "reverse; inconclusive claims count for neither. Losses are compared by their labels across studies.",
            "",
            "| Loss | Wins | Losses | Inconclusive |",
            "| --- | ---: | ---: | ---: |",
        ]
        for label in labels {
            lines.append("| \(MarkdownText.cell(label)) | \(count(wins, label)) | \(count(losses, label)) | \(count(ties, label)) |")
        }
        lines.append("")
        for label in labels {
            lines.append("### " + MarkdownText.line(label))
            lines.append("")
            for (title, table) in [("Wins", wins), ("Losses", losses), ("Inconclusive", ties)] {
                let entries = table[label] ?? []
                lines.append("- **\(title)** (\(entries.count))" + (entries.isEmpty ? ": none" : ":"))
                lines += entries
            }
            lines.append("")
        }
        return lines
    }
}
