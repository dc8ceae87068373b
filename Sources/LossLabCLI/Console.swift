import Foundation

/// Where a command writes: standard output for results, standard error for messages and progress.
/// Tests substitute buffers.
public final class Console: @unchecked Sendable {
    // Safety: the closures are only called under `lock`.
    private let lock = NSLock()
    private let writeOut: (String) -> Void
    private let writeError: (String) -> Void
    public let errorIsTerminal: Bool

    public init(out: @escaping (String) -> Void, error: @escaping (String) -> Void, errorIsTerminal: Bool = false) {
        writeOut = out
        writeError = error
        self.errorIsTerminal = errorIsTerminal
    }

    /// The process's standard output and standard error.
    public static func standard() -> Console {
        Console(out: { text in
            FileHandle.standardOutput.write(Data(text.utf8))
        }, error: { text in
            FileHandle.standardError.write(Data(text.utf8))
        }, errorIsTerminal: isatty(2) == 1)
    }

    public func print(_ text: String) {
        lock.withLock { writeOut(text + "\n") }
    }

    public func printError(_ text: String) {
        lock.withLock { writeError(text + "\n") }
    }

    /// Writes to standard error without a newline (a progress bar redrawn with `\r`).
    public func writeError(raw text: String) {
        lock.withLock { writeError(text) }
    }
}

/// A console that records what was written, for tests.
public final class RecordingConsole: @unchecked Sendable {
    // Safety: `out` and `error` are only touched under `lock`.
    private let lock = NSLock()
    private var outText = ""
    private var errorText = ""

    public init() {}

    public var console: Console {
        Console(out: { text in self.lock.withLock { self.outText += text } },
                error: { text in self.lock.withLock { self.errorText += text } })
    }

    public var out: String { lock.withLock { outText } }
    public var error: String { lock.withLock { errorText } }
}
