/// One side of a comparison: the groups of a results root, of one experiment's results folder, or
/// of one CSV file, each with a sample per measure. ``load(path:)`` reads it.
public struct ResultSet: Sendable {
    /// What the path held; only result sets of the same kind of thing can be compared.
    public enum Shape: String, Sendable, Hashable {
        /// `results/`: every `<experiment>/trials.csv` below it; groups carry the experiment name.
        case root
        /// One experiment: `results/<experiment>/`, or a trials.csv file.
        case experiment
        /// A bench CSV (it has a `workload` column).
        case bench
    }

    public var path: String
    public var shape: Shape
    /// Groups in file order (experiment by experiment for a root).
    public var groups: [ResultGroup]
    /// The experiments of a root, in the order read.
    public var experiments: [String]
    /// What was read but not compared, for the user (a curves experiment, a column of unknown
    /// polarity...).
    public var notes: [String]

    public init(path: String, shape: Shape, groups: [ResultGroup], experiments: [String] = [], notes: [String] = []) {
        self.path = path
        self.shape = shape
        self.groups = groups
        self.experiments = experiments
        self.notes = notes
    }
}

/// The rows of one group (every parameter but the seed) with a sample per measure.
public struct ResultGroup: Sendable {
    public var identity: GroupIdentity
    /// Measure names in column order.
    public var measureNames: [String]
    /// Measure name to its sample.
    public var samples: [String: MeasureSample]

    public init(identity: GroupIdentity, measureNames: [String], samples: [String: MeasureSample]) {
        self.identity = identity
        self.measureNames = measureNames
        self.samples = samples
    }
}
