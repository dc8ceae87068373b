/// Reads a bench CSV (`losslab bench --format csv`, or `results/bench/history.csv`) into groups.
///
/// The columns it understands (any order; only `workload` is required):
///
/// | column | role |
/// | --- | --- |
/// | `workload` | group (W1, W2, ...) |
/// | `threads` | group, when present |
/// | `seconds` | one training time per row: one row per repetition; the sample of the Mann-Whitney test |
/// | `min_seconds`, `median_seconds`, any `*_seconds` | timing summaries (lower is better) |
/// | `samples_per_second`, any `*_per_second`, `gflops` | throughputs (higher is better) |
/// | `metric` + `metric_value` | a quality metric named by `metric` (`mse`...), its polarity from the metric |
/// | a metric id (`mse`, `accuracy`...) | a quality metric |
/// | `date`, `commit`, `repetitions`, `repetition` | bookkeeping, ignored |
///
/// A file holding several runs (a history: rows appended by `--record`) is reduced to its last
/// run: the rows whose `date` (and `commit`, when present) equal those of the last row. The rows
/// of commits that were not measured (`workload` `-`, ``BenchHistory``) are skipped.
///
/// A summary column repeated on every repetition row of a group (the same value each time) counts
/// once; one that varies from row to row is a sample like `seconds`.
enum BenchTable {
    static let bookkeepingColumns: Set<String> = ["date", "commit", "repetitions", "repetition", "workload", "threads", "metric", "metric_value"]

    static func matches(_ header: [String]) -> Bool {
        header.contains("workload")
    }

    static func read(_ table: CSVTable, file: String) throws(TrackingError) -> (groups: [ResultGroup], notes: [String]) {
        let header = table.header
        guard let workloadColumn = header.firstIndex(of: "workload") else {
            throw .invalidResults(file: file, location: "header", value: header.joined(separator: ","), expected: "a workload column")
        }
        let threadsColumn = header.firstIndex(of: "threads")
        let metricColumn = header.firstIndex(of: "metric"), metricValueColumn = header.firstIndex(of: "metric_value")
        var notes: [String] = []
        var measureColumns: [(index: Int, name: String)] = []
        for (index, name) in header.enumerated() where !bookkeepingColumns.contains(name) {
            if Measure.named(name) != nil {
                measureColumns.append((index, name))
            } else {
                notes.append("\(file): column \(name) is not compared (not a known metric, timing or throughput)")
            }
        }
        var rows: [(line: Int, fields: [String])] = []
        for (rowIndex, row) in table.rows.enumerated()
        where row != [""] && !(row.count == header.count && row[workloadColumn] == BenchRunStatus.noWorkload) {
            guard row.count == header.count else {
                throw .invalidResults(file: file, location: "line \(rowIndex + 2)", value: "\(row.count) fields",
                                      expected: "\(header.count) fields, one per header column")
            }
            rows.append((rowIndex + 2, row))
        }
        let runColumns = ["date", "commit"].compactMap { header.firstIndex(of: $0) }
        if let last = rows.last, !runColumns.isEmpty {
            rows = rows.filter { row in runColumns.allSatisfy { row.fields[$0] == last.fields[$0] } }
        }
        let groupColumns = ["workload"] + (threadsColumn == nil ? [] : ["threads"])
        var order: [GroupIdentity] = []
        var values: [GroupIdentity: [String: [Double]]] = [:]
        var measureOrder: [GroupIdentity: [String]] = [:]
        var unknownMetrics: Set<String> = []
        for (line, row) in rows {
            let identity = GroupIdentity(experiment: nil, columns: groupColumns,
                                         values: [row[workloadColumn]] + (threadsColumn.map { [row[$0]] } ?? []))
            if values[identity] == nil {
                values[identity] = [:]
                measureOrder[identity] = []
                order.append(identity)
            }
            var cells = measureColumns.map { (name: $0.name, text: row[$0.index]) }
            if let metricColumn, let metricValueColumn, !row[metricColumn].isEmpty {
                let name = row[metricColumn]
                if let measure = Measure.named(name), measure.kind == .quality {
                    cells.append((name, row[metricValueColumn]))
                } else if !unknownMetrics.contains(name) {
                    unknownMetrics.insert(name)
                    notes.append("\(file): metric \(name) is not compared (not a known metric)")
                }
            }
            for (name, text) in cells where !text.isEmpty {
                guard let value = Double(text) else {
                    throw .invalidResults(file: file, location: "line \(line), column \(name)", value: text,
                                          expected: "a number, nan, inf or -inf")
                }
                if values[identity]![name] == nil { measureOrder[identity]!.append(name) }
                values[identity]![name, default: []].append(value)
            }
        }
        let groups = order.map { identity in
            var samples: [String: MeasureSample] = [:]
            for (name, sample) in values[identity]! {
                let repeated = name != Measure.repetitionSeconds && sample.dropFirst().allSatisfy { $0 == sample[0] }
                samples[name] = MeasureSample((repeated ? [sample[0]] : sample).map { Observation(pairingKey: nil, value: $0) })
            }
            return ResultGroup(identity: identity, measureNames: measureOrder[identity]!, samples: samples)
        }
        return (groups, notes)
    }
}
