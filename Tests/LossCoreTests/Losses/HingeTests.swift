import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("Hinge")
struct HingeTests {
    let loss = Hinge()

    @Test("max(0, 1 - y p) with signed targets")
    func handValues() {
        // y = 1, p = 0.3: 0.7. y = -1, p = 0.3: 1.3. y = 1, p = 2: 0 (right side, margin kept).
        expectClose(lossValues(loss, predicted: [[0.3], [0.3], [2]], expected: [[1], [-1], [1]]), [0.7, 1.3, 0],
                    relative: handRelative, "hinge")
        // Row mean: (0.7 + 1.3 + 0) / 3 = 2/3; gradient -y/3 where the margin is violated.
        let row = lossValue(loss, predicted: [0.3, 0.3, 2], expected: [1, -1, 1])
        expectClose(row, 2.0 / 3, relative: handRelative, "hinge row")
        #expect(lossGradient(loss, predicted: [0.3, 0.3, 2], expected: [1, -1, 1]) == [-1.0 / 3, 1.0 / 3, 0])
    }

    @Test("a batch of 0/1 targets is converted to -1/+1 as a whole")
    func binaryTargets() {
        // [[1], [0]] -> [[1], [-1]]: at p = 0.3, 0.7 and 1.3, as with signed targets.
        expectClose(lossValues(loss, predicted: [[0.3], [0.3]], expected: [[1], [0]]), [0.7, 1.3],
                    relative: handRelative, "0/1 batch")
        // An all-zero batch is binary too: every target becomes -1.
        expectClose(lossValues(loss, predicted: [[0.3], [-2]], expected: [[0], [0]]), [1.3, 0],
                    relative: handRelative, "all-zero batch")
        #expect(hingeLabels(Matrix([[0, 1], [1, 1]])) == Matrix([[-1, 1], [1, 1]]))
    }

    @Test("a batch with any other target is left as it is (its 0 stays 0)")
    func nonBinaryBatch() {
        // [[0.5], [0]]: not all 0/1, so y = 0 gives max(0, 1 - 0) = 1 whatever p.
        expectClose(lossValues(loss, predicted: [[0.3], [5]], expected: [[0.5], [0]]), [0.85, 1],
                    relative: handRelative, "non-binary batch")
        let signed = Matrix([[-1, 1], [1, 0]])
        #expect(hingeLabels(signed) == signed)
    }

    @Test("extremes stay finite")
    func extremes() {
        expectFinite(loss, predicted: [[1e30, -1e30], [500, -500]], expected: [[1, 1], [-1, -1]])
    }

    @Test("has no fused form", arguments: Activation.allCases)
    func noFusedForm(_ activation: Activation) {
        #expect(loss.fused(with: activation) == nil)
    }
}
