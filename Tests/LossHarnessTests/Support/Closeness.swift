/// Whether `actual` lies within `relative · max(|actual|, |expected|)` or within `absolute` of
/// `expected`. Equal values (infinities included) are always close; NaN is never close to anything.
func isClose(_ actual: Double, _ expected: Double, relative: Double, absolute: Double = 0) -> Bool {
    if actual == expected { return true }
    guard actual.isFinite, expected.isFinite else { return false }
    let difference = abs(actual - expected)
    return difference <= absolute || difference <= relative * max(abs(actual), abs(expected))
}

/// The SciPy and NumPy versions that produced the reference tables, by
/// `Tests/Reference/scipy_statistics.py`.
let referenceVersions = "scipy 1.17.1, numpy 2.4.6"
