import Foundation

/// How large a change must be before `compare` calls it a regression or an improvement.
///
/// A change Δ = current - baseline is *beyond tolerance* when |Δ| > ``threshold(baseline:)``
/// = max(`relative` · |baseline|, `absolute`): a relative tolerance with an absolute floor, so that
/// a baseline of exactly 0 does not make every rounding difference count.
///
/// Defaults by ``MeasureKind``: quality metrics 1% with a floor of 1e-9; timings and throughputs
/// 10% with the same floor. Written forms (`--tolerance` and thresholds files), see
/// ``init(parsing:)``: `"0.5%"` is relative (keeping the 1e-9 floor), a plain number such as
/// `0.002` is absolute (relative 0).
public struct Tolerance: Sendable, Hashable, CustomStringConvertible {
    /// A fraction of |baseline| (0.01 is 1%).
    public var relative: Double
    /// A change of at most this much is always within tolerance.
    public var absolute: Double

    /// The floor kept by relative tolerances, far below any metric's meaningful change and far
    /// above the rounding of a mean of a few doubles.
    public static let absoluteFloor = 1e-9

    public init(relative: Double, absolute: Double) {
        precondition(relative >= 0 && absolute >= 0, "tolerances are not negative")
        self.relative = relative
        self.absolute = absolute
    }

    /// The default for a kind of measure.
    public static func standard(for kind: MeasureKind) -> Tolerance {
        switch kind {
        case .quality: Tolerance(relative: 0.01, absolute: absoluteFloor)
        case .timing, .throughput: Tolerance(relative: 0.10, absolute: absoluteFloor)
        }
    }

    /// max(relative · |baseline|, absolute).
    public func threshold(baseline: Double) -> Double {
        max(relative * abs(baseline), absolute)
    }

    /// Whether `change` is beyond tolerance; a NaN change never is.
    public func isExceeded(by change: Double, baseline: Double) -> Bool {
        abs(change) > threshold(baseline: baseline)
    }

    /// Reads `"X%"` (relative, X >= 0, keeping the absolute floor) or `"X"` (absolute, X >= 0);
    /// `nil` for anything else.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%") {
            guard let percent = Double(trimmed.dropLast().trimmingCharacters(in: .whitespaces)), percent.isFinite, percent >= 0 else {
                return nil
            }
            self.init(relative: percent / 100, absolute: Self.absoluteFloor)
        } else {
            guard let value = Double(trimmed), value.isFinite, value >= 0 else { return nil }
            self.init(relative: 0, absolute: value)
        }
    }

    /// What a user may write, for messages.
    public static let writtenForms = "a percentage such as 0.5% (relative to the baseline) or a non-negative number such as 0.002 (absolute)"

    /// `1%`, `0.002`, or `1% (at least 0.5)` when the floor is not the standard one.
    public var description: String {
        let percent = String(format: "%g%%", relative * 100)
        if relative == 0 { return String(format: "%g", absolute) }
        if absolute == Self.absoluteFloor || absolute == 0 { return percent }
        return "\(percent) (at least \(String(format: "%g", absolute)))"
    }
}
