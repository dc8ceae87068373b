/// Reads a trials.csv (the format `ResultsAssembler` writes: `trial_id`, `loss`, `series`, the
/// swept paths, `repetition`, `seed`, `status`, `message`, `epochs_run`, `train_seconds`, the
/// metrics) into groups.
///
/// - Group columns: every column before `repetition` except `trial_id` (loss, series, swept paths).
/// - Measures: the columns after `repetition` that ``Measure/named(_:)`` knows (`train_seconds`
///   and the metrics); `seed`, `status`, `message` and `epochs_run` are neither, and any other
///   column is reported as not compared.
/// - Values: a number, `nan`, `inf` or `-inf`. An empty cell is a value that does not apply and is
///   left out, except in a trial whose status is `diverged`, `failed` or `timeout`, where it counts
///   as non-finite: a trial that stopped producing a metric is a change to report.
/// - Repetitions pair across files by `repetition` and `seed` together.
enum TrialsTable {
    static let bookkeepingColumns: Set<String> = ["trial_id", "repetition", "seed", "status", "message", "epochs_run"]
    static let failureStatuses: Set<String> = ["diverged", "failed", "timeout"]

    /// Whether a header is a trials.csv header.
    static func matches(_ header: [String]) -> Bool {
        header.contains("repetition") && header.contains("status")
    }

    static func read(_ table: CSVTable, file: String, experiment: String?) throws(TrackingError) -> (groups: [ResultGroup], notes: [String]) {
        let header = table.header
        guard let repetitionColumn = header.firstIndex(of: "repetition"), let statusColumn = header.firstIndex(of: "status") else {
            throw .invalidResults(file: file, location: "header", value: header.joined(separator: ","),
                                  expected: "a trials.csv header with repetition and status columns, or a bench CSV with a workload column")
        }
        let seedColumn = header.firstIndex(of: "seed")
        let groupColumns = Array(header[..<repetitionColumn].enumerated().filter { $0.element != "trial_id" })
        var measureColumns: [(index: Int, name: String)] = []
        var notes: [String] = []
        for index in (repetitionColumn + 1)..<header.count where !bookkeepingColumns.contains(header[index]) {
            if Measure.named(header[index]) != nil {
                measureColumns.append((index, header[index]))
            } else {
                notes.append("\(file): column \(header[index]) is not compared (not a known metric, timing or throughput)")
            }
        }
        // A comparison of nothing would pass any gate: a file without trials or without a metric
        // is an error, not an empty table.
        guard !measureColumns.isEmpty else {
            throw .invalidResults(file: file, location: "header", value: header.joined(separator: ","),
                                  expected: "a trials.csv with at least one metric or timing column after repetition")
        }
        guard !table.rows.isEmpty else {
            throw .invalidResults(file: file, location: "line 2", value: "",
                                  expected: "at least one trial (the file has only its header: did the run finish any trial?)")
        }
        var order: [GroupIdentity] = []
        var observations: [GroupIdentity: [String: [Observation]]] = [:]
        for (rowIndex, row) in table.rows.enumerated() {
            // The strict reader (ResultSet+Loading) has checked every row's width.
            let line = table.location(row: rowIndex, column: 0).line
            let identity = GroupIdentity(experiment: experiment, columns: groupColumns.map(\.element),
                                         values: groupColumns.map { row[$0.offset] })
            if observations[identity] == nil {
                observations[identity] = [:]
                order.append(identity)
            }
            let failed = failureStatuses.contains(row[statusColumn])
            let key = row[repetitionColumn] + "/" + (seedColumn.map { row[$0] } ?? "")
            for (index, name) in measureColumns {
                let text = row[index]
                let value: Double
                if text.isEmpty {
                    guard failed else { continue }
                    value = .nan
                } else {
                    guard let parsed = Double(text) else {
                        throw .invalidResults(file: file, location: "line \(line), column \(name)", value: text,
                                              expected: "a number, nan, inf, -inf or an empty cell")
                    }
                    value = parsed
                }
                observations[identity]![name, default: []].append(Observation(pairingKey: key, value: value))
            }
        }
        let groups = order.map { identity in
            let samples = observations[identity]!.mapValues(MeasureSample.init)
            return ResultGroup(identity: identity, measureNames: measureColumns.map(\.name).filter { samples[$0] != nil }, samples: samples)
        }
        return (groups, notes)
    }
}
