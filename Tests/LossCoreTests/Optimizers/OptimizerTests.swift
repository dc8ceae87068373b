import Testing
@testable import LossCore
import LossLabTestSupport

/// One hand-computed step of each optimizer on a single parameter matrix `[w0, w1] = [1, -2]`
/// (even index 0: a weight matrix, so weight decay applies) with gradient `[0.5, -0.25]`.
@Suite("Optimizers")
struct OptimizerTests {
    static let start: [Float] = [1, -2]
    static let gradient: [Float] = [0.5, -0.25]

    func step(_ optimizer: Optimizer, times: Int = 1) -> [Float] {
        var parameters = [Matrix(rows: 1, columns: 2, storage: Self.start)]
        var state = optimizer.initialState(for: parameters)
        for _ in 0..<times {
            optimizer.update(&parameters, gradients: [Matrix(rows: 1, columns: 2, storage: Self.gradient)], state: &state)
        }
        return parameters[0].storage
    }

    @Test func sgd() {
        // w - lr g = [1 - 0.1 * 0.5, -2 + 0.1 * 0.25] = [0.95, -1.975]
        let w = step(Optimizer(kind: .sgd, learningRate: 0.1))
        #expect(isClose(Double(w[0]), 0.95) && isClose(Double(w[1]), -1.975))
    }

    @Test func sgdMomentumTwoSteps() {
        // v1 = -lr g = [-0.05, 0.025]; w1 = [0.95, -1.975]
        // v2 = 0.9 v1 - lr g = [-0.095, 0.0475]; w2 = w1 + v2 = [0.855, -1.9275]
        let w = step(Optimizer(kind: .sgd, learningRate: 0.1, momentum: 0.9), times: 2)
        #expect(isClose(Double(w[0]), 0.855) && isClose(Double(w[1]), -1.9275))
    }

    @Test func sgdNesterov() {
        // v1 = -lr g = [-0.05, 0.025]; w += mu v1 - lr g = [1 - 0.045 - 0.05, -2 + 0.0225 + 0.025] = [0.905, -1.9525]
        let w = step(Optimizer(kind: .sgd, learningRate: 0.1, momentum: 0.9, nesterov: true))
        #expect(isClose(Double(w[0]), 0.905) && isClose(Double(w[1]), -1.9525))
    }

    @Test func adamFirstStep() {
        // t = 1: m = 0.1 g, v = 0.001 g^2; step = lr sqrt(1 - 0.999) / (1 - 0.9) = 0.01 * 0.0316228 / 0.1
        // = 0.00316228; m / (sqrt(v) + eps) = 0.1 g / (0.0316228 |g| + 1e-7) ~ 3.16227 sign(g) (eps shifts the
        // 7th digit); w = [1 - 0.0099999, -2 + 0.0099999] with eps: 0.1*0.5/(0.0316228*0.5+1e-7) = 3.162257.
        let w = step(Optimizer(kind: .adam, learningRate: 0.01))
        let stepSize: Double = 0.01 * (1 - 0.999).squareRoot() / 0.1
        let first: Double = stepSize * 0.05 / ((0.001 * 0.25).squareRoot() + 1e-7)
        let second: Double = stepSize * 0.025 / ((0.001 * 0.0625).squareRoot() + 1e-7)
        #expect(isClose(Double(w[0]), 1 - first, relative: 1e-6))
        #expect(isClose(Double(w[1]), -2 + second, relative: 1e-6))
    }

    @Test func rmsprop() {
        // s = 0.1 g^2 = [0.025, 0.00625]; step = lr g / sqrt(s + eps) = 0.01 * 0.5 / sqrt(0.0250001) = 0.0316227
        let w = step(Optimizer(kind: .rmsprop, learningRate: 0.01))
        #expect(isClose(Double(w[0]), 1 - 0.01 * 0.5 / (0.025 + 1e-7).squareRoot(), relative: 1e-6))
        #expect(isClose(Double(w[1]), -2 + 0.01 * 0.25 / (0.00625 + 1e-7).squareRoot(), relative: 1e-6))
    }

    @Test func weightDecayAppliesToWeightsNotBiases() {
        // Weights: g + lambda w = [0.5 + 0.1, -0.25 - 0.2] = [0.6, -0.45]; w - lr (g + lambda w) = [0.94, -1.955].
        // Biases (odd index) take no decay: [1 - 0.05, -2 + 0.025].
        let optimizer = Optimizer(kind: .sgd, learningRate: 0.1, weightDecay: 0.1)
        var parameters = [Matrix(rows: 1, columns: 2, storage: Self.start), Matrix(rows: 1, columns: 2, storage: Self.start)]
        var state = optimizer.initialState(for: parameters)
        let g = Matrix(rows: 1, columns: 2, storage: Self.gradient)
        optimizer.update(&parameters, gradients: [g, g], state: &state)
        #expect(isClose(Double(parameters[0].storage[0]), 0.94) && isClose(Double(parameters[0].storage[1]), -1.955))
        #expect(isClose(Double(parameters[1].storage[0]), 0.95) && isClose(Double(parameters[1].storage[1]), -1.975))
    }

    @Test func kerasDefaultLearningRates() {
        #expect(Optimizer(kind: .sgd).learningRate == 0.01)
        #expect(Optimizer(kind: .adam).learningRate == 0.001)
        #expect(Optimizer(kind: .rmsprop).learningRate == 0.001)
    }
}
