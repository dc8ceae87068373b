/// What `compare` concludes about one group and measure.
///
/// A change is **regressed** or **improved** (as the measure's ``Polarity`` says) only when it is
/// both beyond tolerance (``Tolerance``) and significant (``Significance/counts``); otherwise it is
/// **unchanged**. **missing**: in the baseline only; **new**: in the current results only.
public enum Verdict: String, Sendable, Hashable, CaseIterable {
    case regressed
    case improved
    case missing
    case new
    case unchanged

    /// Listing order: regressions first, then improvements, then missing and new, then unchanged.
    public var rank: Int {
        switch self {
        case .regressed: 0
        case .improved: 1
        case .missing, .new: 2
        case .unchanged: 3
        }
    }
}
