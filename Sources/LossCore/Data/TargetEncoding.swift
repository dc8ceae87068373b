/// How raw targets are presented to a loss.
///
/// | encoding | from | to |
/// | --- | --- | --- |
/// | `values` | anything | unchanged (regression values, counts, 0/1 labels, multi-label 0/1) |
/// | `integer` | class labels | unchanged labels in one column (for CCE and focal, Keras's sparse form) |
/// | `one_hot` | class labels | `K` columns, 1 at the label |
/// | `binary` | class labels 0/1 | one column of 0/1 (for BCE) |
/// | `signed` | class labels 0/1, multi-label 0/1 | -1/+1 (for hinge losses) |
public enum TargetEncoding: String, Sendable, CaseIterable, Codable {
    case values
    case integer
    case oneHot = "one_hot"
    case binary
    case signed

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
            for r in 0..<targets.rows { encoded[r, Int(targets[r, 0])] = 1 }
            return encoded
        case (.binary, .classification(2)), (.binary, .multilabel):
            return targets
        case (.signed, .classification(2)), (.signed, .multilabel):
            return targets.map { $0 > 0.5 ? 1 : -1 }
        default:
            return nil
        }
    }
}
