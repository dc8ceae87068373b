import Foundation
import LossHarness

/// Every exit code `losslab` uses, in one place (the sysexits and package-benchmark conventions).
public enum ExitCode: Int32, Sendable {
    case success = 0
    /// A run or a check failed for a reason that is not the user's input.
    case failure = 1
    /// `compare` / `check`: at least one regression.
    case regression = 2
    /// `compare` / `check`: improvements and no regression.
    case improvementsOnly = 4
    /// `compare` / `check`: the baseline does not exist.
    case baselineMissing = 5
    /// Bad command line (EX_USAGE).
    case usage = 64
    /// Bad input data: an invalid experiment file (EX_DATAERR).
    case dataError = 65
    /// An input file that does not exist or cannot be read (EX_NOINPUT).
    case noInput = 66
    /// An output that cannot be written (EX_CANTCREAT).
    case cannotCreate = 73
    /// Hung up: SIGHUP (128 + 1), a closed terminal or ssh session.
    case hungUp = 129
    /// Interrupted by SIGINT (128 + 2).
    case interrupted = 130
    /// Terminated by SIGTERM (128 + 15).
    case terminated = 143
}

/// A user-facing error: its message is printed as it is, and the process exits with `code`.
extension ExitCode {
    /// The exit code of every ``InputError`` of a kind: the one mapping from errors to codes.
    init(_ kind: InputErrorKind) {
        switch kind {
        case .invalid: self = .dataError
        case .missing: self = .noInput
        case .unwritable: self = .cannotCreate
        case .usage: self = .usage
        }
    }

    /// The exit code of a run stopped by `signal` (SIGINT, SIGTERM or SIGHUP).
    static func stopped(by signal: Int32) -> ExitCode {
        switch signal {
        case SIGINT: .interrupted
        case SIGHUP: .hungUp
        default: .terminated
        }
    }
}

public struct CommandError: Error, CustomStringConvertible {
    public var message: String
    public var code: ExitCode

    public init(_ message: String, code: ExitCode = .usage) {
        self.message = message
        self.code = code
    }

    public var description: String { message }
}
