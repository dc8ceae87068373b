import Testing
import LossLabTestSupport

@Suite("isClose")
struct ToleranceTests {
    @Test("equal is always close; NaN never is")
    func specialValues() {
        #expect(isClose(0, -0, relative: 0))
        #expect(isClose(.infinity, .infinity, relative: 0))
        #expect(!isClose(.infinity, -.infinity, relative: 1))
        #expect(!isClose(.infinity, .greatestFiniteMagnitude, relative: 1))
        #expect(!isClose(.nan, .nan, relative: 1, absolute: 1))
        #expect(!isClose(.nan, 1, relative: 1, absolute: 1))
        #expect(!isClose(1, .nan, relative: 1, absolute: 1))
    }

    @Test("relative scales by the larger magnitude, so the relation is symmetric")
    func relative() {
        #expect(isClose(100, 101, relative: 0.01))
        #expect(isClose(101, 100, relative: 0.01))
        #expect(!isClose(100, 102, relative: 0.01))
        #expect(!isClose(1e-10, 2e-10, relative: 0.1))
    }

    @Test("the absolute floor admits values near 0")
    func absolute() {
        #expect(isClose(1e-10, 2e-10, relative: 0.1, absolute: 1e-9))
        #expect(isClose(0, 5e-8, relative: 2e-6, absolute: 1e-7))
        #expect(!isClose(0, 5e-7, relative: 2e-6, absolute: 1e-7))
    }
}
