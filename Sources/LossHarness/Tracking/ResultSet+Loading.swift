import Foundation

extension ResultSet {
    /// Reads one side of a comparison from `path`, which is
    ///
    /// - a file: a trials.csv (shape ``Shape/experiment``) or a bench CSV (``Shape/bench``), told
    ///   apart by the header (a `workload` column makes a bench CSV);
    /// - a folder with a trials.csv: one experiment's results;
    /// - any other folder: a results root, whose experiments are its folders with a trials.csv
    ///   (see ``ResultsRoot``); each group then carries its experiment's folder name.
    ///
    /// Throws ``TrackingError/notFound(path:)`` when nothing exists at `path`.
    public static func load(path: String) throws(TrackingError) -> ResultSet {
        guard FileManager.default.fileExists(atPath: path) else { throw .notFound(path: path) }
        if !ResultsRoot.isFolder(path) {
            return try loadFile(path)
        }
        let trials = Paths.join(path, "trials.csv")
        if ResultsRoot.isFile(trials) {
            var set = try loadFile(trials)
            set.path = path
            return set
        }
        guard let contents = ResultsRoot.contents(of: path) else {
            throw .unreadable(path: path, reason: "cannot be listed")
        }
        if contents.experiments.isEmpty, ResultsRoot.isFile(Paths.join(path, "curves.csv")) {
            return ResultSet(path: path, shape: .experiment, groups: [],
                             notes: ["\(path): a curves experiment (curves.csv, no trials.csv): nothing to compare"])
        }
        var set = ResultSet(path: path, shape: .root, groups: [], experiments: contents.experiments)
        for name in contents.experiments {
            let file = Paths.join(path, name, "trials.csv")
            let (groups, notes) = try TrialsTable.read(try table(file), file: file, experiment: name)
            set.groups += groups
            set.notes += notes
        }
        for name in contents.curves {
            set.notes.append("\(Paths.join(path, name)): a curves experiment (no trials.csv): not compared")
        }
        return set
    }

    private static func loadFile(_ path: String) throws(TrackingError) -> ResultSet {
        let table = try table(path)
        if BenchTable.matches(table.header) {
            let (groups, notes) = try BenchTable.read(table, file: path)
            return ResultSet(path: path, shape: .bench, groups: groups, notes: notes)
        }
        guard TrialsTable.matches(table.header) else {
            throw .invalidResults(file: path, location: "header", value: table.header.prefix(6).joined(separator: ",") + (table.header.count > 6 ? ",..." : ""),
                                  expected: "a trials.csv (trial_id, loss, series, ..., repetition, seed, status, ...) or a bench CSV (with a workload column)")
        }
        let (groups, notes) = try TrialsTable.read(table, file: path, experiment: nil)
        return ResultSet(path: path, shape: .experiment, groups: groups, notes: notes)
    }

    /// The CSV at `path`, read strictly (``CSVReader``): a cut-off, ragged or badly quoted file is
    /// an error naming the line and column.
    private static func table(_ path: String) throws(TrackingError) -> CSVTable {
        let text: String
        do { text = try InputFile.text(path) } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        do {
            return try CSVTable(strict: text, file: path)
        } catch {
            throw .invalidResults(file: path, location: "line \(error.line), column \(error.column)", value: error.value ?? "",
                                  expected: error.expected)
        }
    }
}
