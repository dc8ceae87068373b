/// What `compare` concludes about one group and measure.
///
/// A change beyond tolerance (``Tolerance``) is **regressed** or **improved** (as the measure's
/// ``Polarity`` says) when it is also significant (``Significance/counts``), and **likely
/// regressed** or **likely improved** when it is not: a real change that too few seeds cannot
/// confirm, whose message names the seeds a significant test would need. **unchanged** is kept for
/// changes within tolerance (or with nothing finite to compare). **missing**: in the baseline only;
/// **new**: in the current results only.
public enum Verdict: String, Sendable, Hashable, CaseIterable {
    case regressed
    case likelyRegressed = "likely regressed"
    case improved
    case likelyImproved = "likely improved"
    case missing
    case new
    case unchanged

    /// Listing order: regressions, likely regressions, improvements, likely improvements, missing
    /// and new, unchanged.
    public var rank: Int {
        switch self {
        case .regressed: 0
        case .likelyRegressed: 1
        case .improved: 2
        case .likelyImproved: 3
        case .missing, .new: 4
        case .unchanged: 5
        }
    }
}
