/// A table of one's own, parsed and encoded (the harness reads the file): float32 features, the
/// targets in ``Dataset``'s conventions for the task, and the names that describe them. Arrays are
/// copy-on-write, so every trial that uses a table shares its storage read-only.
public struct TabularData: Sendable, Equatable {
    public var features: Matrix
    /// Regression and counts: one column per target. Classification: one column of integer labels
    /// `0..<K`. Multi-label: one 0/1 column per label.
    public var targets: Matrix
    public var task: Task
    /// One name per feature column (a one-hot encoded string column gives `column=value` names).
    public var featureNames: [String]
    public var targetNames: [String]
    /// Classification: the text of each class, by label (`classNames[2]` is class 2's).
    public var classNames: [String]

    public init(features: Matrix, targets: Matrix, task: Task, featureNames: [String], targetNames: [String],
                classNames: [String] = []) {
        precondition(features.rows == targets.rows, "features and targets have different row counts")
        self.features = features
        self.targets = targets
        self.task = task
        self.featureNames = featureNames
        self.targetNames = targetNames
        self.classNames = classNames
    }

    public var rowCount: Int { features.rows }

    /// The class label of each row (classification only).
    var labels: [Int] { (0..<targets.rows).map { Int(targets[$0, 0]) } }
}
