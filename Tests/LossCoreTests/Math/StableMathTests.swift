import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("StableMath")
struct StableMathTests {
    @Test("sigmoid is exact at the extremes and symmetric")
    func sigmoid() {
        #expect(StableMath.sigmoid(0) == 0.5)
        #expect(StableMath.sigmoid(500) == 1 && StableMath.sigmoid(-500) == 0)
        // sigmoid(-x) = 1 - sigmoid(x); for x = -30 the e^x branch keeps it at 9.3576e-14
        // (1 - sigmoid(30) would be 0 in float32).
        expectClose(StableMath.sigmoid(-30), 9.357_623e-14, relative: 1e-6, "sigmoid(-30)")
        expectClose(StableMath.sigmoid(-2) + StableMath.sigmoid(2), 1, relative: 1e-7, "symmetry")
    }

    @Test("softplus = log(1 + e^x) without overflow or loss of precision")
    func softplus() {
        // softplus(0) = log 2; softplus(500) = 500; softplus(-30) = e^-30 = 9.3576230e-14.
        expectClose(StableMath.softplus(0), 0.693_147_18, relative: 1e-7, "softplus(0)")
        #expect(StableMath.softplus(500) == 500)
        #expect(StableMath.softplus(-500) == 0)
        expectClose(StableMath.softplus(-30), 9.357_623e-14, relative: 1e-6, "softplus(-30)")
        expectClose(StableMath.logSigmoid(-500), -500, relative: 1e-7, "log sigmoid(-500)")
    }

    @Test("log cosh: Keras's form, finite where cosh overflows")
    func logCosh() {
        expectClose(StableMath.logCosh(1), 0.433_780_83, relative: 1e-6, "log cosh 1")
        // cosh(100) overflows float32; log cosh(100) = 100 - log 2.
        expectClose(StableMath.logCosh(100), 99.306_853, relative: 1e-7, "log cosh 100")
        expectClose(StableMath.logCosh(-1e30), 1e30, relative: 1e-7, "log cosh -1e30")
    }

    @Test("log-sum-exp is shifted by the row maximum")
    func logSumExp() {
        func lse(_ row: [Float]) -> Float { row.withUnsafeBufferPointer { StableMath.logSumExp($0) } }
        // log(e^2 + e + 1) = 2.4076060.
        expectClose(lse([2, 1, 0]), 2.407_606_0, relative: 1e-6, "lse")
        // 500 + log(1 + e^-1) = 500.31326: no overflow of e^500.
        expectClose(lse([500, 499, -500]), 500.313_26, relative: 1e-7, "lse +-500")
        #expect(lse([-Float.infinity, -Float.infinity]) == -.infinity)
    }

    @Test("clip keeps NaN so that divergence is never hidden")
    func clip() {
        #expect(StableMath.clip(2, 0, 1) == 1)
        #expect(StableMath.clip(-2, 0, 1) == 0)
        #expect(StableMath.clip(0.5, 0, 1) == 0.5)
        #expect(StableMath.clip(.nan, 0, 1).isNaN)
        // Keras's epsilon, and 1 - eps as float32 (1 - 2^-23).
        #expect(StableMath.epsilon == 1e-7)
        #expect(1 - StableMath.epsilon == 1 - Float.ulpOfOne)
    }
}
