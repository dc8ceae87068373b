/// A problem with what `compare`, `check` or `baseline` were given, located precisely enough to fix
/// without reading LossLab's code: the file or option, the field, the value and what was expected.
/// The command line turns each case into an exit code.
public enum TrackingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A path that does not exist (for a baseline: exit code 5).
    case notFound(path: String)
    /// A file or folder that exists but cannot be read.
    case unreadable(path: String, reason: String)
    /// A tolerance given with `--tolerance` or in a thresholds file (`source`) that makes no sense.
    case invalidTolerance(source: String, entry: String, value: String, expected: String)
    /// A results file whose content is not what its header promises.
    case invalidResults(file: String, location: String, value: String, expected: String)
    /// Two result sets of shapes that cannot be compared (an experiment and a results root...).
    case incomparable(baseline: String, current: String, reason: String)
    /// A baseline name that is not a safe folder name.
    case invalidBaselineName(name: String, expected: String)
    /// A baseline that cannot be written.
    case cannotWrite(path: String, reason: String)
    /// Several problems found in one pass (every invalid entry of a thresholds file).
    case several([TrackingError])

    public var description: String {
        switch self {
        case .notFound(let path):
            "\(path): no such file or folder"
        case .unreadable(let path, let reason):
            "\(path): \(reason)"
        case .invalidTolerance(let source, let entry, let value, let expected):
            "\(source): \(entry) = \(value): expected \(expected)"
        case .invalidResults(let file, let location, let value, let expected):
            "\(file): \(location) = \(value.isEmpty ? "(empty)" : value): expected \(expected)"
        case .incomparable(let baseline, let current, let reason):
            "cannot compare \(baseline) with \(current): \(reason)"
        case .invalidBaselineName(let name, let expected):
            "baseline name \(quoteJSON(name)): expected \(expected)"
        case .cannotWrite(let path, let reason):
            "\(path): \(reason)"
        case .several(let errors):
            errors.map(\.description).joined(separator: "\n")
        }
    }
}
