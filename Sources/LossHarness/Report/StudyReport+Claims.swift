/// A study's section of the report: its claim, description, figures, and the table of its claims
/// with the report family's verdicts.
extension StudyReport {
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
        guard study.claims != nil else {
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
        let entries = family.entries(of: experiment.name)
        if !entries.isEmpty {
            let name = family.correction == .holm ? "Holm" : "BH"
            lines.append("| # | Statement | Verdict | Difference (relative) | Effect per unit [95% CI] | Test (units) | p | \(name) p, study | \(name) p, report | Seeds for 80% power |")
            lines.append("| ---: | --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |")
            for entry in entries { lines.append(row(entry)) }
            lines.append("")
            for entry in entries where entry.record.settings > 1 || entry.record.testToTrainRatio != nil {
                lines.append("- #\(entry.index + 1): " + MarkdownText.line(entry.record.testReason) + ".")
            }
            if entries.contains(where: { $0.record.settings > 1 || $0.record.testToTrainRatio != nil }) { lines.append("") }
        }
        lines += ["**Verdict:** " + verdictLine(entries), ""]
        return lines
    }

    func row(_ entry: ReportFamily.Entry) -> String {
        let r = entry.record
        var verdict = entry.verdict.rawValue
        if entry.uncorrectedVerdict != entry.verdict { verdict += " (\(entry.uncorrectedVerdict.rawValue) before correction)" }
        if let duplicate = r.duplicateOf { verdict += "; same trials as #\(duplicate + 1), counted once" }
        let effect: String
        if r.scale == "log_ratio" {
            let ratio = { (x: Double?) in x.map { String(format: "×%.3g", exp($0)) } ?? "n/a" }
            effect = "\(ratio(r.effect)) [\(ratio(r.effectLow)), \(ratio(r.effectHigh))]"
        } else {
            effect = "\(Self.number(r.effect)) [\(Self.number(r.effectLow)), \(Self.number(r.effectHigh))]"
        }
        let adjusted = family.correction == .holm ? (r.studyHolm, entry.holm) : (r.studyBenjaminiHochberg, entry.benjaminiHochberg)
        let seeds = entry.verdict == .inconclusive ? (entry.seedsFor80Power.map(String.init) ?? "unreachable") : ""
        let cells = [String(entry.index + 1), MarkdownText.cell(r.statement), MarkdownText.cell(verdict),
                     "\(Self.number(r.difference)) (\(Self.percent(r.relativeDifference)))", effect,
                     MarkdownText.cell(r.test) + " (\(r.units))", Self.pValue(r.pValue), Self.pValue(adjusted.0), Self.pValue(adjusted.1), seeds]
        return "| " + cells.joined(separator: " | ") + " |"
    }

    /// The one-line verdict of a study's claims.
    func verdictLine(_ entries: [ReportFamily.Entry]) -> String {
        guard !entries.isEmpty else { return "no claims were declared (add an `expect` list to check some)." }
        let count = { (verdict: ClaimVerdict.Verdict) in entries.filter { $0.verdict == verdict }.count }
        var parts = ["\(count(.supported)) of \(entries.count) claim\(entries.count == 1 ? "" : "s") supported"]
        if count(.contradicted) > 0 { parts.append("\(count(.contradicted)) contradicted") }
        if count(.inconclusive) > 0 { parts.append("\(count(.inconclusive)) inconclusive") }
        let before = entries.filter { $0.uncorrectedVerdict == .supported }.count
        return parts.joined(separator: ", ") + " after \(family.correction.title) over the report (\(before) supported before correction)."
    }
}

import Foundation
