import Foundation

/// `results/quality-history.csv`: the quality metrics of `losslab run --quick` at each commit
/// (`losslab run --quick --commits A..B`), one row per commit, study and metric.
///
/// Columns: `date,commit,study,metric,mean,trials,note`. `mean` is the mean of the metric over the
/// study's completed trials of the quick run (2 seeds, at most 3 epochs and 400 samples: see
/// `losslab run --help`), `trials` how many; every column of a study's `trials.csv` that
/// ``Measure`` knows as a quality metric is one row. Quick runs are deterministic for a given
/// build, so any change between two commits is a change of the numerics. A commit that could not
/// be run has one row with `study` `-`, its ``BenchRunStatus`` as `metric` (`build-failed`, `run-failed`,
/// `no-quick`) and the reason in `note`.
public struct QualityHistory: Sendable {
    public static let columns = ["date", "commit", "study", "metric", "mean", "trials", "note"]

    /// One commit's means, keyed by ``seriesName(study:metric:)``.
    public struct Run: Sendable, Equatable {
        public var commit: String
        public var status: BenchRunStatus
        public var note: String
        public var means: [String: Double]
    }

    public var runs: [Run]

    public static func seriesName(study: String, metric: String) -> String { study + " " + metric }

    /// The rows of one quick run whose results are in `resultsRoot` (one folder per study).
    public static func rows(date: String, commit: String, resultsRoot: String) -> String {
        let studies = ((try? FileManager.default.contentsOfDirectory(atPath: resultsRoot)) ?? []).sorted()
        var text = ""
        for study in studies {
            guard let csv = try? String(contentsOfFile: resultsRoot + "/" + study + "/trials.csv", encoding: .utf8) else { continue }
            let table = CSVTable(text: csv)
            let completed = table.rows.filter { $0 != [""] && (table.value($0, "status") ?? "completed") == "completed" }
            for metric in table.header where Measure.named(metric)?.kind == .quality {
                let values = completed.compactMap { table.value($0, metric).flatMap(Double.init) }.filter(\.isFinite)
                guard !values.isEmpty else { continue }
                let mean = values.reduce(0, +) / Double(values.count)
                text += CSV.row([date, commit, study, metric, CSV.number(mean), String(values.count), ""])
            }
        }
        return text
    }

    public static func statusRow(date: String, commit: String, status: BenchRunStatus, note: String) -> String {
        let oneLine = note.split(whereSeparator: \.isNewline).joined(separator: " ")
        return CSV.row([date, commit, BenchRunStatus.noWorkload, status.rawValue, "", "", String(oneLine.prefix(200))])
    }

    public init(csv table: CSVTable) {
        var order: [String] = []
        var rows: [String: [[String]]] = [:]
        for row in table.rows where row != [""] {
            let commit = table.value(row, "commit") ?? ""
            if rows[commit] == nil { order.append(commit) }
            rows[commit, default: []].append(row)
        }
        runs = order.map { commit in
            let all = rows[commit]!
            let lastDate = table.value(all.last!, "date") ?? ""
            var run = Run(commit: commit, status: .measured, note: "", means: [:])
            for row in all where (table.value(row, "date") ?? "") == lastDate {
                let study = table.value(row, "study") ?? ""
                if study == BenchRunStatus.noWorkload {
                    run.status = BenchRunStatus(rawValue: table.value(row, "metric") ?? "") ?? .runFailed
                    run.note = table.value(row, "note") ?? ""
                } else if let mean = table.value(row, "mean").flatMap(Double.init) {
                    run.means[Self.seriesName(study: study, metric: table.value(row, "metric") ?? "")] = mean
                }
            }
            return run
        }
    }

    public static func load(_ path: String) throws -> QualityHistory {
        guard FileManager.default.fileExists(atPath: path) else { return QualityHistory(csv: CSVTable(header: columns, rows: [])) }
        do {
            return QualityHistory(csv: CSVTable(text: try String(contentsOfFile: path, encoding: .utf8)))
        } catch {
            throw FileError(path: path, reason: "cannot read the quality history: \(error.localizedDescription)", isInput: true)
        }
    }
}
