import Foundation
import Synchronization
import LossCore

/// What a `dataset: {source: "table", ...}` section asks of its file: the target columns, the
/// feature columns (all others by default) or the columns to leave out, and the task.
public struct TableRequest: Sendable, Hashable {
    /// What the targets are. `auto`: a column of words is classes; 0/1 columns are classes (one)
    /// or labels (several); anything else is regression. Counts and integer classes are asked for.
    public enum TaskChoice: String, Sendable, CaseIterable {
        case auto, regression, counts, classification, multilabel
    }

    public var targets: [String]
    public var features: [String]?
    public var exclude: [String]
    public var task: TaskChoice

    public init(targets: [String], features: [String]? = nil, exclude: [String] = [], task: TaskChoice = .auto) {
        self.targets = targets
        self.features = features
        self.exclude = exclude
        self.task = task
    }
}

/// A problem with a table, named by the field of the dataset section it concerns (`path`,
/// `target`, `features`, `exclude`, `task`), with what was expected and, for a cell, its place.
public struct TableProblem: Error, Sendable {
    public var field: String
    public var value: String?
    public var expected: String
    public var suggestion: String?
}

/// Loads tables for trials: each file is read once per process (by its path, size and
/// modification time) and shared read-only by every trial that uses it (``TabularData`` is
/// copy-on-write). Encoding follows ``TableRequest``:
///
/// - Feature columns of numbers are used as they are; a feature column of words is one-hot
///   encoded, one 0/1 column per distinct word (sorted), named `column=word`; more than
///   ``maximumCategories`` distinct words is refused (a number column with a typo, most likely).
/// - Class targets may be words or integers; classes are their distinct values, sorted (numbers
///   numerically), numbered from 0; their text is kept for the report.
/// - Refused: a missing value anywhere, an unknown column (with "did you mean"), a constant target
///   (when it is the only one),
///   a count that is negative or not an integer, a label that is not 0/1, more than 1,000 classes.
public enum TableLoader {
    public static let maximumCategories = 100
    public static let maximumClasses = 1000

    /// A table as loaded: its data and the hash of its bytes.
    public struct Loaded: Sendable {
        public var data: TabularData
        public var hash: UInt64
        /// The smallest target value (regression and counts), for the losses that need y >= 0.
        public var minimumTarget: Float
    }

    private struct Key: Hashable {
        var path: String
        var size: Int64
        var modified: Int
        var request: TableRequest
    }

    private static let cache = Mutex<[Key: Loaded]>([:])

    /// The table at `path` (`shown` is how the file wrote it), encoded for `request`.
    public static func load(path: String, shown: String, request: TableRequest) throws(TableProblem) -> Loaded {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw TableProblem(field: "path", value: shown, expected: "a CSV file with a header row",
                               suggestion: errno == ENOENT ? "No such file (the path is relative to the experiment file)" : String(cString: strerror(errno)))
        }
        guard status.st_mode & S_IFMT != S_IFDIR else {
            throw TableProblem(field: "path", value: shown, expected: "a CSV file, not a directory")
        }
        let key = Key(path: path, size: Int64(status.st_size), modified: Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec),
                      request: request)
        if let cached = cache.withLock({ $0[key] }) { return cached }
        let contents: TableReader.Contents
        do {
            contents = try TableReader(file: path, shown: shown).read()
        } catch {
            throw TableProblem(field: "path", value: shown, expected: "a table LossLab can read", suggestion: error.description)
        }
        let loaded = try encode(contents, request: request, shown: shown)
        cache.withLock { $0[key] = loaded }
        return loaded
    }

    static func encode(_ contents: TableReader.Contents, request: TableRequest, shown: String) throws(TableProblem) -> Loaded {
        let columns = contents.columns
        let names = columns.map(\.name)
        func index(of name: String, field: String) throws(TableProblem) -> Int {
            guard let index = names.firstIndex(of: name) else {
                throw TableProblem(field: field, value: "\"\(name)\"", expected: "a column of \(shown): " + names.prefix(12).joined(separator: ", ")
                                   + (names.count > 12 ? ", ..." : ""),
                                   suggestion: closestMatch(to: name, among: names).map { "Did you mean \"\($0)\"?" })
            }
            return index
        }
        guard !request.targets.isEmpty else { throw TableProblem(field: "target", value: nil, expected: "at least one target column") }
        var targetIndices: [Int] = []
        for name in request.targets { targetIndices.append(try index(of: name, field: "target")) }
        var excluded = Set(targetIndices)
        for name in request.exclude { excluded.insert(try index(of: name, field: "exclude")) }
        var featureIndices: [Int] = []
        if let features = request.features {
            for name in features {
                let i = try index(of: name, field: "features")
                if targetIndices.contains(i) {
                    throw TableProblem(field: "features", value: "\"\(name)\"", expected: "feature columns other than the target")
                }
                featureIndices.append(i)
            }
        } else {
            featureIndices = columns.indices.filter { !excluded.contains($0) }
        }
        guard !featureIndices.isEmpty else {
            throw TableProblem(field: "features", value: nil, expected: "at least one feature column besides the target")
        }
        let rows = contents.rowLines.count
        guard rows >= 2 else { throw TableProblem(field: "path", value: shown, expected: "a table of at least 2 rows") }

        // Features: numbers as they are, words one-hot.
        var featureColumns: [[Float]] = []
        var featureNames: [String] = []
        for i in featureIndices {
            switch columns[i].values {
            case .numbers(let values):
                featureColumns.append(values)
                featureNames.append(columns[i].name)
            case .words(let words):
                let categories = Array(Set(words)).sorted()
                guard categories.count <= maximumCategories else {
                    let place = columns[i].firstWord.map { " The first cell that is not a number is at \(shown):\($0.line):\($0.column): \"\($0.text)\"." } ?? ""
                    throw TableProblem(field: "features", value: "\"\(columns[i].name)\"",
                                       expected: "a feature column of numbers, or of at most \(maximumCategories) categories (one-hot encoded)",
                                       suggestion: "It has \(categories.count) distinct values.\(place) Exclude it with exclude: [\"\(columns[i].name)\"]")
                }
                let position = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, $0) })
                let codes = words.map { position[$0]! }
                for (code, category) in categories.enumerated() {
                    featureColumns.append(codes.map { $0 == code ? 1 : 0 })
                    featureNames.append("\(columns[i].name)=\(category)")
                }
            }
        }
        var featureStorage = [Float](repeating: 0, count: rows * featureColumns.count)
        for (c, column) in featureColumns.enumerated() {
            for r in 0..<rows { featureStorage[r * featureColumns.count + c] = column[r] }
        }
        let features = Matrix(rows: rows, columns: featureColumns.count, storage: featureStorage)

        // Targets.
        let targetColumns = targetIndices.map { columns[$0] }
        func numbers(_ column: TableReader.Column, for task: String) throws(TableProblem) -> [Float] {
            guard case .numbers(let values) = column.values else {
                let place = column.firstWord.map { " (\(shown):\($0.line):\($0.column): \"\($0.text)\")" } ?? ""
                throw TableProblem(field: "target", value: "\"\(column.name)\"", expected: "a column of numbers for \(task)",
                                   suggestion: "It holds words\(place); for classes, set task: \"classification\"")
            }
            return values
        }
        func cell(_ column: TableReader.Column, row: Int) -> String {
            "\(shown):\(contents.rowLines[row]): \(column.name)"
        }
        var task = request.task
        if task == .auto {
            let allBinary = targetColumns.allSatisfy { column in
                if case .numbers(let values) = column.values { return values.allSatisfy { $0 == 0 || $0 == 1 } }
                return false
            }
            if targetColumns.contains(where: { if case .words = $0.values { true } else { false } }) {
                task = .classification
            } else if allBinary {
                task = targetColumns.count == 1 ? .classification : .multilabel
            } else {
                task = .regression
            }
        }
        if task == .classification && targetColumns.count != 1 {
            throw TableProblem(field: "target", value: nil, expected: "one target column for classification (\(targetColumns.count) given)",
                               suggestion: "Several 0/1 columns are labels: set task: \"multilabel\"")
        }
        var targetStorage: [Float]
        var taskValue: Task
        var classNames: [String] = []
        var minimum = Float.infinity
        switch task {
        case .classification:
            let column = targetColumns[0]
            let texts: [String]
            switch column.values {
            case .words(let words): texts = words
            case .numbers(let values):
                for (row, value) in values.enumerated() where value != value.rounded() {
                    throw TableProblem(field: "target", value: "\"\(column.name)\"", expected: "integer class labels, or words",
                                       suggestion: "\(cell(column, row: row)) is \(value)")
                }
                texts = values.map { String(Int($0)) }
            }
            let distinct = Array(Set(texts)).sorted { a, b in
                if let x = Double(a), let y = Double(b) { return x < y }
                return a < b
            }
            guard distinct.count >= 2 else {
                throw TableProblem(field: "target", value: "\"\(column.name)\"", expected: "at least two classes (it holds only \(distinct.first ?? ""))")
            }
            guard distinct.count <= maximumClasses else {
                throw TableProblem(field: "target", value: "\"\(column.name)\"", expected: "at most \(maximumClasses) classes (it has \(distinct.count))",
                                   suggestion: "A column of measurements is regression: set task: \"regression\"")
            }
            let label = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, Float($0)) })
            targetStorage = texts.map { label[$0]! }
            taskValue = .classification(classes: distinct.count)
            classNames = distinct
        case .multilabel:
            targetStorage = [Float](repeating: 0, count: rows * targetColumns.count)
            for (c, column) in targetColumns.enumerated() {
                let values = try numbers(column, for: "labels")
                for (row, value) in values.enumerated() {
                    guard value == 0 || value == 1 else {
                        throw TableProblem(field: "target", value: "\"\(column.name)\"", expected: "0/1 labels for multilabel",
                                           suggestion: "\(cell(column, row: row)) is \(value)")
                    }
                    targetStorage[row * targetColumns.count + c] = value
                }
            }
            taskValue = .multilabel(labels: targetColumns.count)
        case .regression, .counts, .auto:
            targetStorage = [Float](repeating: 0, count: rows * targetColumns.count)
            for (c, column) in targetColumns.enumerated() {
                let values = try numbers(column, for: task == .counts ? "counts" : "regression")
                // One constant column among several outputs (a corner pixel of an image) is fine; a
                // single target that never varies leaves nothing to learn.
                guard targetColumns.count > 1 || values.contains(where: { $0 != values[0] }) else {
                    throw TableProblem(field: "target", value: "\"\(column.name)\"", expected: "a target that varies (it is \(values[0]) on every row)")
                }
                for (row, value) in values.enumerated() {
                    if task == .counts, value < 0 || value != value.rounded() {
                        throw TableProblem(field: "target", value: "\"\(column.name)\"", expected: "counts: integers of at least 0",
                                           suggestion: "\(cell(column, row: row)) is \(value)")
                    }
                    minimum = min(minimum, value)
                    targetStorage[row * targetColumns.count + c] = value
                }
            }
            taskValue = task == .counts ? .counts : .regression
        }
        let targets = Matrix(rows: rows, columns: targetStorage.count / rows, storage: targetStorage)
        let data = TabularData(features: features, targets: targets, task: taskValue, featureNames: featureNames,
                               targetNames: targetColumns.map(\.name), classNames: classNames)
        return Loaded(data: data, hash: contents.hash, minimumTarget: minimum)
    }
}
