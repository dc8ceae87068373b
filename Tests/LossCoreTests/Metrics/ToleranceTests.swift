import Testing

@Suite struct ToleranceTests {
    @Test func equalValuesAreAlwaysClose() {
        #expect(isClose(0, 0, relative: 0))
        #expect(isClose(Double.infinity, .infinity))
        #expect(isClose(-Double.infinity, -.infinity))
        #expect(isClose(1e300, 1e300, relative: 0))
    }

    @Test func nanIsNeverClose() {
        #expect(!isClose(Double.nan, .nan))
        #expect(!isClose(Double.nan, 0, absolute: .infinity))
        #expect(!isClose(1, .nan, relative: 1))
    }

    @Test func infinityIsCloseOnlyToItself() {
        #expect(!isClose(Double.infinity, 1e308, relative: 1))
        #expect(!isClose(Double.infinity, -.infinity, relative: 1))
    }

    @Test func relativeToleranceScalesWithTheLargerMagnitude() {
        // |1e6 - (1e6 + 0.5)| = 0.5 <= 1e-6 * 1e6 = 1.
        #expect(isClose(1e6, 1e6 + 0.5))
        // |1 - 1.5| = 0.5 > 1e-6 * 1.5.
        #expect(!isClose(1, 1.5))
        // Symmetric: the larger magnitude is used whichever side it is on.
        #expect(isClose(100, 110, relative: 0.1) == isClose(110, 100, relative: 0.1))
        #expect(isClose(100, 110, relative: 0.1))
        #expect(!isClose(100, 112, relative: 0.1))
    }

    @Test func absoluteToleranceHandlesZero() {
        #expect(!isClose(0, 1e-12))
        #expect(isClose(0, 1e-12, absolute: 1e-9))
    }

    @Test func arraysAndOptionals() {
        #expect(isClose([1, 2], [1, 2 + 1e-9]))
        #expect(!isClose([1, 2], [1]))
        #expect(!isClose([Double.nan], [Double.nan]))
        #expect(isClose(Optional(3.0), 3))
        #expect(!isClose(Optional<Double>.none, 3))
    }
}
