import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("SquaredHinge")
struct SquaredHingeTests {
    let loss = SquaredHinge()

    @Test("max(0, 1 - y p)^2 with signed targets")
    func handValues() {
        // y = 1, p = 0.3: 0.7^2 = 0.49. y = -1, p = 0.3: 1.3^2 = 1.69. y = 1, p = 2: 0.
        expectClose(lossValues(loss, predicted: [[0.3], [0.3], [2]], expected: [[1], [-1], [1]]), [0.49, 1.69, 0],
                    relative: handRelative, "squared hinge")
        // -2 y max(0, 1 - y p): -1.4, 2.6, 0.
        expectClose(lossGradients(loss, predicted: [[0.3], [0.3], [2]], expected: [[1], [-1], [1]]).flatMap { $0 },
                    [-1.4, 2.6, 0], relative: handRelative, "squared hinge gradient")
    }

    @Test("0/1 batches are converted, other batches are not")
    func targets() {
        expectClose(lossValues(loss, predicted: [[0.3], [0.3]], expected: [[1], [0]]), [0.49, 1.69],
                    relative: handRelative, "0/1 batch")
        expectClose(lossValues(loss, predicted: [[0.3], [5]], expected: [[0.5], [0]]), [0.7225, 1],
                    relative: handRelative, "non-binary batch")
    }

    @Test("smooth at the margin: value and gradient 0 at y p = 1")
    func margin() {
        #expect(lossValue(loss, predicted: [1], expected: [1]) == 0)
        #expect(lossGradient(loss, predicted: [1], expected: [1]) == [0])
    }

    @Test("extremes stay finite")
    func extremes() {
        expectFinite(loss, predicted: [[1e15, -1e15], [500, -500]], expected: [[-1, 1], [-1, -1]])
    }

    @Test("has no fused form", arguments: Activation.allCases)
    func noFusedForm(_ activation: Activation) {
        #expect(loss.fused(with: activation) == nil)
    }
}
