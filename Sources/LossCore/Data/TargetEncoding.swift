/// How raw targets are presented to a loss.
///
/// | encoding | from | to |
/// | --- | --- | --- |
/// | `values` | anything | unchanged (regression values, counts, 0/1 labels, multi-label 0/1) |
/// | `integer` | class labels | unchanged labels in one column (for CCE and focal, Keras's sparse form) |
/// | `one_hot` | class labels; multi-label 0/1 | `K` columns, 1 at the label; multi-label rows as they are |
/// | `binary` | class labels 0/1 | one column of 0/1 (for BCE) |
/// | `signed` | class labels 0/1, multi-label 0/1 | -1/+1 (for hinge losses) |
public enum TargetEncoding: String, Sendable, CaseIterable, Codable {
    case values
    case integer
    case oneHot = "one_hot"
    case binary
    case signed

    /// The number of model outputs a task needs under this encoding: `K` for one-hot and integer
    /// class targets, `L` for multi-label targets, 1 otherwise.
    public func outputCount(for task: Task) -> Int {
        switch (self, task) {
        case (.oneHot, .classification(let classes)), (.integer, .classification(let classes)): classes
        case (_, .multilabel(let labels)): labels
        default: 1
        }
    }

    /// Encodes `targets` of a dataset with the given task. Returns `nil` when the encoding does not
    /// apply to the task (one-hot of regression values, for example).
    public func encode(_ targets: Matrix, task: Task) -> Matrix? {
        switch (self, task) {
        case (.values, _):
            return targets
        case (.integer, .classification):
            return targets
        case (.oneHot, .classification(let classes)):
            var encoded = Matrix(rows: targets.rows, columns: classes)
            for r in 0..<targets.rows {
                let label = Int(targets[r, 0])
                if label >= 0 && label < classes { encoded[r, label] = 1 }
            }
            return encoded
        case (.oneHot, .multilabel):
            return targets
        case (.binary, .classification(2)), (.binary, .multilabel):
            return targets
        case (.signed, .classification(2)), (.signed, .multilabel):
            return targets.map { $0 > 0.5 ? 1 : -1 }
        default:
            return nil
        }
    }
}
