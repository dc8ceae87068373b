/// A problem with what a user gave LossLab: an experiment file, a results folder, a CSV, a path,
/// an option. Every such error of the harness conforms, with the kind that decides its exit code;
/// the command line maps kinds to exit codes in one place (`LossLab.run`), so no command maps
/// error types of its own.
///
/// | type | kind |
/// | --- | --- |
/// | ``SpecErrors``, ``SpecError``, ``JSONParseError``, ``CSVError`` | invalid |
/// | ``FileError`` | missing (a file that cannot be read) or unwritable |
/// | ``MissingResultsError`` | missing |
/// | ``ResultsConflict`` | unwritable |
/// | ``TrackingError`` | by case |
public protocol InputError: Error, Sendable, CustomStringConvertible {
    var kind: InputErrorKind { get }
}

/// What is wrong, as far as an exit code is concerned.
public enum InputErrorKind: Sendable, Equatable {
    /// Malformed or invalid content: an experiment file, a results CSV, a thresholds file (65).
    case invalid
    /// Something to read that is not there or cannot be read (66).
    case missing
    /// An output that cannot be written, or a folder that must not be written (73).
    case unwritable
    /// A command-line value that makes no sense (64).
    case usage
}

extension SpecErrors: InputError { public var kind: InputErrorKind { .invalid } }
extension SpecError: InputError { public var kind: InputErrorKind { .invalid } }
extension JSONParseError: InputError { public var kind: InputErrorKind { .invalid } }
extension CSVError: InputError { public var kind: InputErrorKind { .invalid } }
extension FileError: InputError { public var kind: InputErrorKind { isInput ? .missing : .unwritable } }
extension MissingResultsError: InputError { public var kind: InputErrorKind { .missing } }
extension ResultsConflict: InputError { public var kind: InputErrorKind { .unwritable } }

extension TrackingError: InputError {
    public var kind: InputErrorKind {
        switch self {
        case .notFound, .unreadable: .missing
        case .invalidTolerance, .incomparable, .invalidBaselineName: .usage
        case .invalidResults: .invalid
        case .cannotWrite: .unwritable
        case .several(let errors): errors.first?.kind ?? .usage
        }
    }
}
