import Testing

/// Whether `a` and `b` agree to within `relative` of the larger magnitude, or within `absolute`,
/// whichever is looser: `|a - b| <= max(absolute, relative * max(|a|, |b|))`. One rule for every
/// test target.
///
/// Equal values are always close (so `+inf` is close to `+inf`, and `0` to `-0`); NaN is never close
/// to anything, itself included, so a divergence can never pass a comparison; an infinity is close
/// only to the same infinity.
///
/// Scaling by the larger magnitude makes the relation symmetric. The absolute floor is for values
/// near 0, where a relative tolerance alone would ask for more precision than the computation has:
/// a result that comes from cancelling terms of size `s` carries a rounding error of a few ulps of
/// `s`, however small the result. The default relative tolerance, 1e-6, allows for `Float` inputs
/// (a relative precision of 6e-8) carried into `Double` arithmetic.
public func isClose(_ a: Double, _ b: Double, relative: Double = 1e-6, absolute: Double = 0) -> Bool {
    if a == b { return true }
    guard a.isFinite, b.isFinite else { return false }
    let scale = max(abs(a), abs(b))
    return abs(a - b) <= max(absolute, relative * scale)
}

/// Element-wise ``isClose(_:_:relative:absolute:)`` of two arrays of the same length.
public func isClose(_ a: [Double], _ b: [Double], relative: Double = 1e-6, absolute: Double = 0) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { isClose($0, $1, relative: relative, absolute: absolute) }
}

/// ``isClose(_:_:relative:absolute:)`` for an optional value, which is never close when `nil`.
public func isClose(_ a: Double?, _ b: Double, relative: Double = 1e-6, absolute: Double = 0) -> Bool {
    guard let a else { return false }
    return isClose(a, b, relative: relative, absolute: absolute)
}

/// Rows of numbers that agree element by element, NaN matching NaN (missing values in figure data).
public func rowsMatch(_ actual: [[Double]], _ expected: [[Double]], relative: Double = 1e-9) -> Bool {
    actual.count == expected.count && zip(actual, expected).allSatisfy { a, b in
        a.count == b.count && zip(a, b).allSatisfy { ($0.isNaN && $1.isNaN) || isClose($0, $1, relative: relative) }
    }
}

/// Half a float32 ulp at 1, `2^-24`: the largest relative rounding error of one float32 operation.
public let float32HalfUlp = Double(Float.ulpOfOne) / 2

/// Records one expectation per element of `actual` against `expected`, naming `label` and the index
/// of every element that is not close.
public func expectClose(
    _ actual: [Float], _ expected: [Float], relative: Double, absolute: Double = 0,
    _ label: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, "\(label()): \(actual.count) values, expected \(expected.count)",
            sourceLocation: sourceLocation)
    for (index, (a, b)) in zip(actual, expected).enumerated() {
        #expect(isClose(Double(a), Double(b), relative: relative, absolute: absolute),
                "\(label())[\(index)]: \(a) vs \(b)", sourceLocation: sourceLocation)
    }
}

/// Scalar form of ``expectClose(_:_:relative:absolute:_:sourceLocation:)``.
public func expectClose(
    _ actual: Float, _ expected: Float, relative: Double, absolute: Double = 0,
    _ label: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(isClose(Double(actual), Double(expected), relative: relative, absolute: absolute),
            "\(label()): \(actual) vs \(expected)", sourceLocation: sourceLocation)
}
