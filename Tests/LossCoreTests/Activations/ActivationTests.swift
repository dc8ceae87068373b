import Testing
@testable import LossCore
import LossLabTestSupport

@Suite("Activation")
struct ActivationTests {
    static func apply(_ activation: Activation, _ z: [Float]) -> [Float] {
        activation(Matrix([z])).storage
    }

    @Test("forward values at hand-derived points")
    func handValues() {
        // sigmoid(0) = 0.5, sigmoid(2) = 1 / (1 + e^-2) = 0.88079708, sigmoid(-2) = 0.11920292.
        expectClose(Self.apply(.sigmoid, [0, 2, -2]), [0.5, 0.880_797_08, 0.119_202_92], relative: handRelative, "sigmoid")
        // tanh(1) = 0.76159416.
        expectClose(Self.apply(.tanh, [0, 1, -1]), [0, 0.761_594_16, -0.761_594_16], relative: handRelative, "tanh")
        // softmax([2, 1, 0]) = e^z / (e^2 + e + 1) = [0.66524096, 0.24472847, 0.09003057].
        expectClose(Self.apply(.softmax, [2, 1, 0]), [0.665_240_96, 0.244_728_47, 0.090_030_57], relative: handRelative,
                    "softmax")
        #expect(Self.apply(.relu, [-1, 0, 2.5]) == [0, 0, 2.5])
        // softplus(0) = log 2 = 0.69314718; softplus(1) = log(1 + e) = 1.3132617.
        expectClose(Self.apply(.softplus, [0, 1]), [0.693_147_18, 1.313_261_7], relative: handRelative, "softplus")
        expectClose(Self.apply(.exp, [0, 1]), [1, 2.718_281_8], relative: handRelative, "exp")
        #expect(Self.apply(.identity, [-3, 0.5]) == [-3, 0.5])
    }

    @Test("softmax works per row, sums to 1 and is shift-invariant")
    func softmaxRows() {
        let a = Activation.softmax(Matrix([[1, 2, 3], [-5, 0, 5]]))
        for r in 0..<a.rows {
            expectClose(a.row(r).reduce(0, +), 1, relative: 1e-6, "row \(r) sum")
        }
        let shifted = Activation.softmax(Matrix([[101, 102, 103]]))
        expectClose(shifted.storage, a.row(0), relative: 1e-6, "softmax(z + c) = softmax(z)")
    }

    @Test("extreme inputs give finite, saturated outputs", arguments: Activation.allCases)
    func extremes(_ activation: Activation) {
        let z: [Float] = [-500, -100, 100, 500]
        let a = Self.apply(activation, z)
        switch activation {
        case .exp:
            // e^100 overflows float32 (max e^88.7): the rate itself is infinite, by definition.
            #expect(a[0] == 0 && a[2] == .infinity)
        default:
            #expect(a.allSatisfy { $0.isFinite }, "\(activation) \(a)")
        }
        switch activation {
        case .sigmoid: #expect(a[0] == 0 && a[1] < 1e-30 && a[2] == 1 && a[3] == 1)
        case .tanh: #expect(a == [-1, -1, 1, 1])
        case .softmax: #expect(a == [0, 0, 0, 1])
        case .softplus: #expect(a[0] == 0 && a[3] == 500)
        case .relu: #expect(a == [0, 0, 100, 500])
        default: break
        }
    }

    @Test("backward at extreme inputs stays finite", arguments: Activation.allCases.filter { $0 != .exp })
    func backwardExtremes(_ activation: Activation) {
        let z = Matrix([[-500, -100, 100, 500]])
        var gradient = Matrix(rows: 0, columns: 0)
        activation.backward(z: z, a: activation(z), gradOutput: Matrix([[1, -2, 3, -4]]), into: &gradient)
        #expect(gradient.isFinite, "\(activation) \(gradient.storage)")
    }

    @Test("relu's derivative is 0 at 0 (TensorFlow's and PyTorch's convention)")
    func reluAtZero() {
        let z = Matrix([[0, 1e-30, -1e-30]])
        var gradient = Matrix(rows: 0, columns: 0)
        Activation.relu.backward(z: z, a: Activation.relu(z), gradOutput: Matrix([[5, 5, 5]]), into: &gradient)
        #expect(gradient.storage == [0, 5, 0])
    }

    @Test("softmax's backward is orthogonal to constant shifts: a uniform upstream gives 0")
    func softmaxUniformUpstream() {
        let z = Matrix([[2, -1, 0.5, 3]])
        var gradient = Matrix(rows: 0, columns: 0)
        Activation.softmax.backward(z: z, a: Activation.softmax(z), gradOutput: Matrix([[7, 7, 7, 7]]), into: &gradient)
        expectClose(gradient.storage, [0, 0, 0, 0], relative: 0, absolute: 1e-6, "J^T 1 = 0")
    }

    @Test("forward reuses and reshapes the output buffer")
    func reusesBuffer() {
        var a = Matrix(rows: 7, columns: 1, repeating: 9)
        Activation.sigmoid.forward(Matrix([[0, 0]]), into: &a)
        #expect(a == Matrix([[0.5, 0.5]]))
    }

    @Test("every activation has a summary and a stable name")
    func names() {
        for activation in Activation.allCases {
            #expect(!activation.summary.isEmpty)
            #expect(Activation(rawValue: activation.rawValue) == activation)
        }
    }
}
