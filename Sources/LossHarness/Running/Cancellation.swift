import Synchronization

/// A flag set from a signal handler or another thread and polled by running trials.
public final class Cancellation: Sendable {
    private let flag = Atomic<Int32>(0)

    public init() {}

    /// Requests cancellation, remembering the signal number (0 when not from a signal).
    public func cancel(signal: Int32 = 0) {
        _ = flag.compareExchange(expected: 0, desired: signal == 0 ? -1 : signal, ordering: .sequentiallyConsistent)
    }

    public var isCancelled: Bool { flag.load(ordering: .relaxed) != 0 }

    /// The signal that cancelled the run, if any.
    public var signal: Int32? {
        let value = flag.load(ordering: .sequentiallyConsistent)
        return value > 0 ? value : nil
    }
}
