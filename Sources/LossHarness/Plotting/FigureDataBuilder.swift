/// Derives a figure's ``FigureData`` from the results table its type reads:
///
/// | type | table | what |
/// | --- | --- | --- |
/// | lines, bars | summary.csv | the rows of metric `y`: mean, ci95_low, ci95_high, n |
/// | box | trials.csv | column `y` of every trial: per-seed values, and their median, quartiles, min and max |
/// | history | history.csv | column `y` per epoch across seeds: mean, 95% CI and n by ``SampleSummary`` |
/// | curves | curves.csv | x and column `y` |
///
/// Pure: the tables come in, the data goes out; files are the caller's business.
public enum FigureDataBuilder {
    /// The results file a figure type reads.
    public static func source(of type: FigureSpec.FigureType) -> String {
        switch type {
        case .lines, .bars: "summary.csv"
        case .box: "trials.csv"
        case .history: "history.csv"
        case .curves: "curves.csv"
        case .images: "predictions.csv"
        }
    }

    public static func build(_ spec: FigureSpec, experiment: Experiment, table: CSVTable) -> FigureData {
        if let facet = spec.facet { return faceted(spec, facet: facet, experiment: experiment, table: table) }
        return switch spec.type {
        case .lines: lines(spec, experiment: experiment, summary: table)
        case .bars: bars(spec, experiment: experiment, summary: table)
        case .box: box(spec, experiment: experiment, trials: table)
        case .history: history(spec, experiment: experiment, history: table)
        case .curves: curves(spec, experiment: experiment, curves: table)
        case .images: ImagesFigure.data(spec, experiment: experiment, predictions: table)
        }
    }

    /// A faceted figure: the data of each value of the facet path (as if `where` fixed it), one
    /// after the other, with a ``FigureData/Panel`` per value that has results.
    static func faceted(_ spec: FigureSpec, facet: String, experiment: Experiment, table: CSVTable) -> FigureData {
        let values = experiment.sweptFields.first { $0.path == facet }?.values ?? []
        var combined = FigureData(columns: [], source: source(of: spec.type))
        var counts: [Int] = []
        let name = GnuplotScript.words(facet)
        for value in values {
            var panelSpec = spec
            panelSpec.facet = nil
            panelSpec.conditions[facet] = value
            let panel = build(panelSpec, experiment: experiment, table: table)
            if combined.columns.count < panel.columns.count { combined.columns = panel.columns }
            for note in panel.notes where !combined.notes.contains(note) { combined.notes.append(note) }
            guard !panel.blocks.isEmpty else {
                combined.notes.append("no results for \(facet) = \(value)")
                continue
            }
            let start = combined.blocks.count
            combined.blocks += panel.blocks
            combined.panels.append(FigureData.Panel(title: "\(name) = " + FigureRowGrouping.display(value.description),
                                                    blocks: start..<combined.blocks.count, categories: panel.categories))
            combined.xValues += panel.xValues
            combined.yValues += panel.yValues
            if let seeds = panel.seedCounts { counts += [seeds.lowerBound, seeds.upperBound] }
        }
        // Box rows carry one column per seed: pad every row to the widest panel's columns.
        let width = combined.columns.count
        for index in combined.blocks.indices {
            combined.blocks[index].rows = combined.blocks[index].rows.map { $0 + Array(repeating: .nan, count: max(0, width - $0.count)) }
        }
        combined.seedCounts = seedRange(counts)
        return combined
    }

    // MARK: Shared

    /// Parses a CSV number (`nan`, `inf` and empty cells are not finite).
    static func number(_ text: String) -> Double {
        Double(text) ?? .nan
    }

    /// The x values in order: the experiment's values of the path first (file order), then any
    /// other value the results hold; and whether every one is a number.
    static func axisValues(path: String, experiment: Experiment, present: [String]) -> (values: [String], numeric: Bool) {
        var values: [String] = []
        let declared: [WrittenField] = experiment.fields.first { $0.path == path }.map { [$0] }
            ?? experiment.losses.flatMap { $0.fields.filter { $0.path == path } }
        for setting in declared {
            for value in setting.values where !values.contains(value.description) { values.append(value.description) }
        }
        let used = Set(present)
        values = values.filter(used.contains)
        for value in present where !values.contains(value) { values.append(value) }
        let numeric = values.allSatisfy { Double($0) != nil }
        return (values, numeric)
    }

    /// Rows of `table` that pass `where` (and, for summary tables, are about metric `y`), with
    /// their keys in first-appearance order.
    static func selectedRows(_ grouping: FigureRowGrouping, metric: String?) -> (rows: [(FigureRowGrouping.Key, [String])], keys: [FigureRowGrouping.Key]) {
        let metricColumn = metric == nil ? nil : grouping.table.column("metric")
        var rows: [(FigureRowGrouping.Key, [String])] = []
        var keys: [FigureRowGrouping.Key] = []
        var seen: Set<FigureRowGrouping.Key> = []
        for row in grouping.table.rows {
            if let metric, grouping.cell(row, metricColumn) != metric { continue }
            guard grouping.matches(row) else { continue }
            let key = grouping.key(row)
            if seen.insert(key).inserted { keys.append(key) }
            rows.append((key, row))
        }
        return (rows, keys)
    }

    /// Splits off rows whose loss lacks the x parameter (an empty x cell). With `references` they
    /// come back as reference rows (horizontal lines); without, they are dropped with a note
    /// naming their series.
    static func placeable(_ rows: [(FigureRowGrouping.Key, [String])], grouping: FigureRowGrouping, xPath: String?,
                          references: Bool = false)
        -> (rows: [(FigureRowGrouping.Key, [String])], references: [(FigureRowGrouping.Key, [String])], notes: [String]) {
        guard let xPath else { return (rows, [], []) }
        var kept: [(FigureRowGrouping.Key, [String])] = []
        var unplaced: [(FigureRowGrouping.Key, [String])] = []
        var dropped: [String] = []
        for (key, row) in rows {
            if grouping.x(row).isEmpty {
                if !dropped.contains(key.series) { dropped.append(key.series) }
                unplaced.append((key, row))
            } else {
                kept.append((key, row))
            }
        }
        let field = xPath.split(separator: ".").last.map(String.init) ?? xPath
        if references {
            return (kept, unplaced, dropped.map { "series \"\($0)\" has no \(field): drawn as a horizontal reference line across x" })
        }
        return (kept, [], dropped.map { "series \"\($0)\" has no \(field), so it has no place along x and is not drawn" })
    }

    static func seedRange(_ counts: [Int]) -> ClosedRange<Int>? {
        let positive = counts.filter { $0 > 0 }
        guard let low = positive.min(), let high = positive.max() else { return nil }
        return low...high
    }

    // MARK: Types

    static func lines(_ spec: FigureSpec, experiment: Experiment, summary: CSVTable) -> FigureData {
        let columns = ["x", "mean", "ci95_low", "ci95_high", "n"]
        let grouping = FigureRowGrouping(table: summary, spec: spec, experiment: experiment, xPath: spec.x)
        let selected = selectedRows(grouping, metric: spec.y)
        let (rows, referenceRows, dropNotes) = placeable(selected.rows, grouping: grouping, xPath: spec.x, references: spec.referenceLines)
        let (values, numeric) = axisValues(path: spec.x ?? "", experiment: experiment, present: rows.map { grouping.x($0.1) })
        let byKey = Dictionary(grouping: rows, by: \.0).mapValues { $0.map(\.1) }
        let referenceByKey = Dictionary(grouping: referenceRows, by: \.0).mapValues { $0.map(\.1) }
        let (keys, notes) = grouping.order(selected.keys.filter { byKey[$0] != nil || referenceByKey[$0] != nil })
        var data = FigureData(columns: columns, categories: numeric ? [] : values.map(FigureRowGrouping.display),
                              notes: dropNotes + notes, source: "summary.csv")
        var counts: [Int] = []
        let xPositions = numeric ? values.map(number) : values.indices.map(Double.init)
        let field = spec.x.map(GnuplotScript.words) ?? ""
        for key in keys {
            if byKey[key] == nil {
                guard let row = referenceByKey[key]?.first, let low = xPositions.min(), let high = xPositions.max() else { continue }
                let n = Int(summary.value(row, "n") ?? "") ?? 0
                counts.append(n)
                let ends = [number(summary.value(row, "mean") ?? ""), number(summary.value(row, "ci95_low") ?? ""),
                            number(summary.value(row, "ci95_high") ?? ""), Double(n)]
                data.blocks.append(FigureData.Block(name: grouping.name(key) + " (no \(field))", label: key.label,
                                                    kind: grouping.kind(label: key.label), rows: [[low] + ends, [high] + ends],
                                                    isReference: true, series: key.series))
                data.yValues.append(ends[0])
                continue
            }
            let blockRows = byKey[key]!
                .sorted { values.firstIndex(of: grouping.x($0))! < values.firstIndex(of: grouping.x($1))! }
            let numbers: [[Double]] = blockRows.map { row in
                let xText = grouping.x(row)
                let x = numeric ? number(xText) : Double(values.firstIndex(of: xText)!)
                let n = Int(summary.value(row, "n") ?? "") ?? 0
                counts.append(n)
                return [x, number(summary.value(row, "mean") ?? ""), number(summary.value(row, "ci95_low") ?? ""),
                        number(summary.value(row, "ci95_high") ?? ""), Double(n)]
            }
            data.blocks.append(FigureData.Block(name: grouping.name(key), label: key.label, kind: grouping.kind(label: key.label),
                                                rows: numbers, series: key.series))
            data.xValues += numbers.map { $0[0] }
            data.yValues += numbers.map { $0[1] }
        }
        data.seedCounts = seedRange(counts)
        if !numeric { data.xValues = [] }
        return data
    }

    /// The x position of bar `index` of `count` in group `group`: groups at 0, 1, ..., bars side
    /// by side across 80% of the unit width.
    public static func barPosition(group: Int, index: Int, count: Int) -> Double {
        let width = barWidth(count: count)
        return Double(group) + (Double(index) - Double(count - 1) / 2) * width
    }

    public static func barWidth(count: Int) -> Double {
        0.8 / Double(max(count, 1))
    }

    /// Groups along x of a bars or box figure: the values of x, or one group.
    static func groups(_ spec: FigureSpec, experiment: Experiment, grouping: FigureRowGrouping,
                       rows: [(FigureRowGrouping.Key, [String])]) -> [String] {
        guard let x = spec.x else { return [""] }
        return axisValues(path: x, experiment: experiment, present: rows.map { grouping.x($0.1) }).values
    }

    static func bars(_ spec: FigureSpec, experiment: Experiment, summary: CSVTable) -> FigureData {
        let columns = ["group", "position", "mean", "ci95_low", "ci95_high", "n"]
        let grouping = FigureRowGrouping(table: summary, spec: spec, experiment: experiment, xPath: spec.x)
        let selected = selectedRows(grouping, metric: spec.y)
        let (rows, _, dropNotes) = placeable(selected.rows, grouping: grouping, xPath: spec.x)
        let groupValues = groups(spec, experiment: experiment, grouping: grouping, rows: rows)
        let byKey = Dictionary(grouping: rows, by: \.0).mapValues { $0.map(\.1) }
        let (keys, notes) = grouping.order(selected.keys.filter { byKey[$0] != nil })
        var data = FigureData(columns: columns, categories: groupValues.map(FigureRowGrouping.display),
                              notes: dropNotes + notes, source: "summary.csv")
        var counts: [Int] = []
        for (index, key) in keys.enumerated() {
            var numbers: [[Double]] = []
            for (group, value) in groupValues.enumerated() {
                let position = barPosition(group: group, index: index, count: keys.count)
                guard let row = byKey[key]!.first(where: { spec.x == nil || grouping.x($0) == value }) else {
                    numbers.append([Double(group), position, .nan, .nan, .nan, 0])
                    continue
                }
                let n = Int(summary.value(row, "n") ?? "") ?? 0
                counts.append(n)
                numbers.append([Double(group), position, number(summary.value(row, "mean") ?? ""),
                                number(summary.value(row, "ci95_low") ?? ""), number(summary.value(row, "ci95_high") ?? ""), Double(n)])
            }
            data.blocks.append(FigureData.Block(name: grouping.name(key), label: key.label, kind: grouping.kind(label: key.label), rows: numbers, series: key.series))
            data.yValues += numbers.map { $0[2] }
        }
        data.seedCounts = seedRange(counts)
        return data
    }

    static func box(_ spec: FigureSpec, experiment: Experiment, trials: CSVTable) -> FigureData {
        let grouping = FigureRowGrouping(table: trials, spec: spec, experiment: experiment, xPath: spec.x)
        let selected = selectedRows(grouping, metric: nil)
        let (rows, _, dropNotes) = placeable(selected.rows, grouping: grouping, xPath: spec.x)
        let groupValues = groups(spec, experiment: experiment, grouping: grouping, rows: rows)
        let byKey = Dictionary(grouping: rows, by: \.0).mapValues { $0.map(\.1) }
        let (keys, notes) = grouping.order(selected.keys.filter { byKey[$0] != nil })
        let valueColumn = trials.column(spec.y)
        // Per block and group, the finite values in repetition order.
        var samples: [[[Double]]] = Array(repeating: Array(repeating: [], count: groupValues.count), count: keys.count)
        var nonFinite = 0
        for (blockIndex, key) in keys.enumerated() {
            let blockRows = byKey[key]!
                .sorted { (Int(trials.value($0, "repetition") ?? "") ?? 0) < (Int(trials.value($1, "repetition") ?? "") ?? 0) }
            for row in blockRows {
                let group = spec.x == nil ? 0 : groupValues.firstIndex(of: grouping.x(row))!
                let value = number(grouping.cell(row, valueColumn))
                if value.isFinite { samples[blockIndex][group].append(value) } else { nonFinite += 1 }
            }
        }
        let width = samples.flatMap { $0.map(\.count) }.max() ?? 0
        let columns = ["group", "position", "median", "q1", "q3", "min", "max", "n"] + (0..<width).map { "value_\($0 + 1)" }
        var data = FigureData(columns: columns, categories: groupValues.map(FigureRowGrouping.display),
                              notes: dropNotes + notes, source: "trials.csv")
        if nonFinite > 0 {
            data.notes.append("left out \(nonFinite) trial\(nonFinite == 1 ? "" : "s") without a finite \(spec.y) (diverged or undefined)")
        }
        var counts: [Int] = []
        for (blockIndex, key) in keys.enumerated() {
            var numbers: [[Double]] = []
            for group in groupValues.indices where !samples[blockIndex][group].isEmpty {
                let values = samples[blockIndex][group]
                let summary = SampleSummary(values)
                counts.append(values.count)
                let position = barPosition(group: group, index: blockIndex, count: keys.count)
                numbers.append([Double(group), position, summary.median, summary.lowerQuartile, summary.upperQuartile,
                                summary.minimum, summary.maximum, Double(values.count)]
                               + values + Array(repeating: .nan, count: width - values.count))
                data.yValues += values
            }
            guard !numbers.isEmpty else { continue }
            data.blocks.append(FigureData.Block(name: grouping.name(key), label: key.label, kind: grouping.kind(label: key.label), rows: numbers, series: key.series))
        }
        data.seedCounts = seedRange(counts)
        return data
    }

    static func history(_ spec: FigureSpec, experiment: Experiment, history: CSVTable) -> FigureData {
        let columns = ["epoch", "mean", "ci95_low", "ci95_high", "n"]
        let grouping = FigureRowGrouping(table: history, spec: spec, experiment: experiment, xPath: nil)
        let selected = selectedRows(grouping, metric: nil)
        let (keys, notes) = grouping.order(selected.keys)
        let epochColumn = history.column("epoch")
        let valueColumn = history.column(spec.y)
        var perKey: [FigureRowGrouping.Key: [Int: [Double]]] = [:]
        for (key, row) in selected.rows {
            guard let epoch = Int(grouping.cell(row, epochColumn)) else { continue }
            perKey[key, default: [:]][epoch, default: []].append(number(grouping.cell(row, valueColumn)))
        }
        var data = FigureData(columns: columns, notes: notes, source: "history.csv")
        var counts: [Int] = []
        for key in keys {
            let epochs = perKey[key] ?? [:]
            let numbers: [[Double]] = epochs.keys.sorted().map { epoch in
                let summary = SampleSummary(epochs[epoch]!)
                counts.append(summary.count)
                return [Double(epoch), summary.mean, summary.confidenceInterval95?.lower ?? .nan,
                        summary.confidenceInterval95?.upper ?? .nan, Double(summary.count)]
            }
            guard !numbers.isEmpty else { continue }
            data.blocks.append(FigureData.Block(name: grouping.name(key), label: key.label, kind: grouping.kind(label: key.label), rows: numbers, series: key.series))
            data.xValues += numbers.map { $0[0] }
            data.yValues += numbers.map { $0[1] }
        }
        if valueColumn == nil { data.notes.append("history.csv has no column \(spec.y)") }
        data.seedCounts = seedRange(counts)
        return data
    }

    static func curves(_ spec: FigureSpec, experiment: Experiment, curves: CSVTable) -> FigureData {
        let grouping = FigureRowGrouping(table: curves, spec: spec, experiment: experiment, xPath: nil)
        let selected = selectedRows(grouping, metric: nil)
        let (keys, notes) = grouping.order(selected.keys)
        let xColumn = curves.column("x")
        let yColumn = curves.column(spec.y)
        var data = FigureData(columns: ["x", spec.y], notes: notes, source: "curves.csv")
        let byKey = Dictionary(grouping: selected.rows, by: \.0).mapValues { $0.map(\.1) }
        for key in keys {
            let numbers: [[Double]] = (byKey[key] ?? []).compactMap { row in
                let y = grouping.cell(row, yColumn)
                return y.isEmpty ? nil : [number(grouping.cell(row, xColumn)), number(y)]
            }
            guard !numbers.isEmpty else {
                data.notes.append("series \"\(grouping.name(key))\" has no \(spec.y) values")
                continue
            }
            data.blocks.append(FigureData.Block(name: grouping.name(key), label: key.label, kind: grouping.kind(label: key.label), rows: numbers, series: key.series))
            data.xValues += numbers.map { $0[0] }
            data.yValues += numbers.map { $0[1] }
        }
        return data
    }
}
