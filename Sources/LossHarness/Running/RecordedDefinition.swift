/// How the results stored in a folder relate to an experiment as it is read now, for the commands
/// that show results without running anything (`plot`, `report`): they must never present numbers
/// of one definition under the name of another.
public enum RecordedDefinition {
    public enum Match: Sendable {
        /// No `experiment.json` (results older than the record, or none at all): nothing to check.
        case unrecorded
        /// The results are of this definition (presentation fields such as titles and figures may
        /// differ); `origin` says how they were made.
        case same(origin: ExperimentOrigin)
        /// The results are of another definition: the fields that differ, and how they were made.
        case other(fields: [String], origin: ExperimentOrigin)
    }

    /// Compares `experiment` (read with `origin`'s options) with the record in `store`.
    public static func match(_ experiment: Experiment, origin: ExperimentOrigin, store: ResultStore) throws -> Match {
        guard let recorded = try ExperimentRecord.read(store.path(ExperimentRecord.fileName)) else { return .unrecorded }
        let fields = ExperimentRecord(experiment, origin: origin).numericDifferences(from: recorded)
        return fields.isEmpty ? .same(origin: recorded.provenance) : .other(fields: fields, origin: recorded.provenance)
    }

    /// A phrase naming how results were made when it was not from the file as written:
    /// "made with --seeds 3 --set training.epochs=5", or `nil`.
    public static func note(_ origin: ExperimentOrigin) -> String? {
        origin.isFileAsWritten ? nil : "made with " + ShellWords.join(origin.options)
    }
}
