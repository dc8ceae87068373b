/// Whether `a` and `b` agree within a tolerance that scales with their size, as swift-numerics'
/// `isApproximatelyEqual(to:absoluteTolerance:relativeTolerance:)`:
/// `|a - b| <= max(absolute, relative * max(|a|, |b|))`.
///
/// Equal values are always close (infinities included); NaN is never close to anything, itself
/// included; an infinity is close only to the same infinity. The default relative tolerance, 1e-6,
/// allows for `Float` inputs (a relative precision of 6e-8) carried into `Double` arithmetic; pass
/// `absolute` when comparing with 0.
func isClose(_ a: Double, _ b: Double, relative: Double = 1e-6, absolute: Double = 0) -> Bool {
    if a == b { return true }
    guard a.isFinite, b.isFinite else { return false }
    return abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
}

/// Element-wise ``isClose(_:_:relative:absolute:)`` of two arrays of the same length.
func isClose(_ a: [Double], _ b: [Double], relative: Double = 1e-6, absolute: Double = 0) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { isClose($0, $1, relative: relative, absolute: absolute) }
}

/// ``isClose(_:_:relative:absolute:)`` for an optional value, which is never close when `nil`.
func isClose(_ a: Double?, _ b: Double, relative: Double = 1e-6, absolute: Double = 0) -> Bool {
    guard let a else { return false }
    return isClose(a, b, relative: relative, absolute: absolute)
}
