import Testing
@testable import LossCore
import LossLabTestSupport

/// One row of the gradient-check table: a scalar function of a flat parameter vector, evaluated by
/// the float32 code under test, and the analytic gradient that code claims for it.
///
/// To add rows (a Dense layer's weights, an optimiser's update), write a builder like
/// ``loss(_:_:predicted:expected:reduction:weights:step:tolerance:)`` that flattens the parameters
/// into `point` and closes over everything else, and add its section to ``GradientCheckTests/table``.
struct GradientCase: Sendable, CustomTestStringConvertible {
    /// `what/option`: names the loss, activation or layer and the option a failure is about.
    var name: String
    /// The point at which the gradient is checked. It must keep `step * max(1, |x_i|)` away from
    /// every kink (|p - y| = delta, relu at 0, the hinge margin, the clip to [eps, 1 - eps]).
    var point: [Float]
    /// The scalar function (a loss summed or reduced over the batch, or `sum_j g_j f(z)_j` for an
    /// activation), evaluated in float32 and widened to Double.
    var value: @Sendable ([Float]) -> Double
    /// The analytic gradient of `value` at a point, as the code under test computes it.
    var gradient: @Sendable ([Float]) -> [Double]
    /// The central-difference half-step, relative to `max(1, |x_i|)`.
    var step: Double = 1e-3
    /// Relative tolerance between the analytic and the numerical derivative.
    var tolerance: Double = 1e-3

    var testDescription: String { name }
}

/// Central finite differences `(f(x + h e_i) - f(x - h e_i)) / 2h` of the float32 functions.
///
/// Why these numbers. With `h = 1e-3 max(1, |x_i|)`, the truncation error of a central difference
/// is `h^2 |f'''| / 6`, about `1e-7` of the derivative for the smooth functions here, so a relative
/// tolerance of `1e-3` leaves room for curvature up to 1000 times the slope while still catching a
/// wrong factor, sign or term (those are off by 10% or more). The rounding error is what makes
/// float32 differences noisy: each evaluation errs by a few ulps of `max(1, |f|)` (the O(1)
/// intermediates of the loss formulas), so the difference quotient carries an absolute error of
/// about `8 * 2^-24 * max(1, |f|) / 2h`, which is added to the tolerance as a floor
/// (``GradientCheckTests/roundingFloor(_:_:width:)``). A row may widen its step (up to 1e-2) where
/// `|f|` is large next to its slope; none of the current rows needs to. The actual step is taken as
/// `(x + h) - (x - h)` after both are rounded to float32, so representation error in the step does
/// not count against the gradient.
@Suite("Gradient checks: central finite differences")
struct GradientCheckTests {
    /// Every loss, activation and fused pair. Add sections (layers, models) here.
    static let table: [GradientCase] = lossCases + registryCases + reductionCases + activationCases + fusedCases + compositeCases
        + layerCases

    /// One row per registered loss, at its defaults, on inputs drawn from its natural pairing
    /// (``RegistryInputs``): a loss that is registered is checked with no edit here.
    static let registryCases: [GradientCase] = LossRegistry.builtIn.map { definition in
        .loss("registry-defaults", try! definition.make(), predicted: RegistryInputs.predictions(definition),
              expected: RegistryInputs.targets(definition))
    }

    static func roundingFloor(_ fPlus: Double, _ fMinus: Double, width: Double) -> Double {
        8 * float32HalfUlp * max(1, abs(fPlus), abs(fMinus)) / width
    }

    @Test("analytic gradient equals central finite differences", arguments: table)
    func finiteDifferences(_ check: GradientCase) {
        let analytic = check.gradient(check.point)
        #expect(analytic.count == check.point.count, "\(check.name): gradient size")
        #expect(analytic.allSatisfy { $0.isFinite }, "\(check.name): gradient \(analytic)")
        for i in check.point.indices where i < analytic.count {
            let x = Double(check.point[i])
            let h = check.step * max(1, abs(x))
            var plus = check.point, minus = check.point
            plus[i] = Float(x + h)
            minus[i] = Float(x - h)
            let width = Double(plus[i]) - Double(minus[i])
            let fPlus = check.value(plus), fMinus = check.value(minus)
            let numeric = (fPlus - fMinus) / width
            let floor = Self.roundingFloor(fPlus, fMinus, width: width)
            #expect(isClose(analytic[i], numeric, relative: check.tolerance, absolute: floor),
                    "\(check.name) [\(i)] at \(check.point[i]): analytic \(analytic[i]), numeric \(numeric) (floor \(floor))")
        }
    }

    @Test("the table covers every loss, every activation and every fused pair")
    func coverage() {
        let names = Set(Self.table.map(\.name))
        #expect(names.count == Self.table.count, "row names are unique")
        for loss in allLossConfigurations {
            #expect(Self.table.contains { $0.name.hasPrefix(loss.name + "/") }, "\(loss.name)")
        }
        for activation in Activation.allCases {
            #expect(Self.table.contains { $0.name.hasPrefix("activation/\(activation)") }, "\(activation)")
        }
        for (activation, loss) in Self.fusedConfigurations {
            #expect(Self.table.contains { $0.name.hasPrefix("fused/\(activation)+\(loss.name)") },
                    "\(activation) + \(loss.name)")
        }
    }

    @Test("fused gradient equals the chain rule through the activation's backward",
          arguments: fusedConfigurations.indices)
    func fusedChainRule(_ index: Int) throws {
        let (activation, loss) = Self.fusedConfigurations[index]
        let fused = try #require(loss.fused(with: activation))
        let (logits, expected) = activation == .sigmoid ? Self.binaryLogits : Self.categoricalLogits
        let z = Matrix(logits)
        let a = activation(z)
        let prepared = loss.prepareTargets(Matrix(expected), predictedColumns: z.columns)
        let ones = [Float](repeating: 1, count: z.rows)
        var dLda = Matrix(rows: 0, columns: 0), chained = Matrix(rows: 0, columns: 0), direct = Matrix(rows: 0, columns: 0)
        loss.preparedGradients(predicted: a, expected: prepared, rowScale: ones, into: &dLda)
        activation.backward(z: z, a: a, gradOutput: dLda, into: &chained)
        fused.preparedGradients(predicted: z, expected: fused.prepareTargets(Matrix(expected), predictedColumns: z.columns),
                                rowScale: ones, into: &direct)
        // The chain goes through float32 probabilities (-y/p times p(1 - p)...), the fused form
        // does not; they agree to the rounding of a = f(z) amplified by at most 1/(1 - a) = 20 for
        // logits within +-3 (see `fusedRelative`).
        expectClose(direct.storage, chained.storage, relative: fusedRelative, absolute: fusedAbsolute,
                    "\(activation) + \(loss.name)")
    }
}

// MARK: - Builders

extension GradientCase {
    /// A loss over a batch: `value = reduction.reduce(l_i, weights)`, gradient through
    /// `preparedGradients` with the reduction's row scales. Targets are prepared once, as training
    /// does (they do not depend on the predictions).
    static func loss(_ option: String, _ loss: any Loss, predicted: [[Float]], expected: [[Float]],
                     reduction: LossReduction = .sum, weights: [Float]? = nil,
                     step: Double = 1e-3, tolerance: Double = 1e-3) -> GradientCase {
        let rows = predicted.count, columns = predicted[0].count
        let prepared = loss.prepareTargets(Matrix(expected), predictedColumns: columns)
        let scales = reduction.rowScales(weights: weights, count: rows)
        return GradientCase(
            name: "\(loss.name)/\(option)",
            point: predicted.flatMap { $0 },
            value: { p in
                let values = loss.preparedValues(predicted: Matrix(rows: rows, columns: columns, storage: p),
                                                 expected: prepared)
                return Double(reduction.reduce(values, weights: weights))
            },
            gradient: { p in
                var g = Matrix(rows: 0, columns: 0)
                loss.preparedGradients(predicted: Matrix(rows: rows, columns: columns, storage: p), expected: prepared,
                                       rowScale: scales, into: &g)
                return g.storage.map(Double.init)
            },
            step: step, tolerance: tolerance)
    }

    /// An activation's backward rule as a vector-Jacobian product: `value = sum_ij g_ij f(z)_ij`
    /// for a fixed upstream gradient `g`, whose gradient is `backward(z, f(z), g)`. For softmax this
    /// checks the full Jacobian, not just its diagonal.
    static func activation(_ activation: Activation, _ option: String, z: [[Float]], upstream: [[Float]],
                           step: Double = 1e-3, tolerance: Double = 1e-3) -> GradientCase {
        let rows = z.count, columns = z[0].count
        let g = Matrix(upstream)
        return GradientCase(
            name: "activation/\(activation)/\(option)",
            point: z.flatMap { $0 },
            value: { point in
                let a = activation(Matrix(rows: rows, columns: columns, storage: point))
                return zip(a.storage, g.storage).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
            },
            gradient: { point in
                let zm = Matrix(rows: rows, columns: columns, storage: point)
                var out = Matrix(rows: 0, columns: 0)
                activation.backward(z: zm, a: activation(zm), gradOutput: g, into: &out)
                return out.storage.map(Double.init)
            },
            step: step, tolerance: tolerance)
    }

    /// A fused pair: the gradient of `loss.fused(with: activation)` on logits against finite
    /// differences of the unfused composition `loss(activation(z))`, which is the chain rule.
    static func fused(_ activation: Activation, _ loss: any Loss, _ option: String, logits: [[Float]],
                      expected: [[Float]], step: Double = 1e-3, tolerance: Double = 1e-3) -> GradientCase {
        let rows = logits.count, columns = logits[0].count
        let prepared = loss.prepareTargets(Matrix(expected), predictedColumns: columns)
        guard let fused = loss.fused(with: activation) else {
            preconditionFailure("\(loss.name) has no fused form with \(activation)")
        }
        let fusedPrepared = fused.prepareTargets(Matrix(expected), predictedColumns: columns)
        return GradientCase(
            name: "fused/\(activation)+\(loss.name)/\(option)",
            point: logits.flatMap { $0 },
            value: { z in
                let a = activation(Matrix(rows: rows, columns: columns, storage: z))
                return loss.preparedValues(predicted: a, expected: prepared).reduce(0.0) { $0 + Double($1) }
            },
            gradient: { z in
                var g = Matrix(rows: 0, columns: 0)
                fused.preparedGradients(predicted: Matrix(rows: rows, columns: columns, storage: z), expected: fusedPrepared,
                                         rowScale: [Float](repeating: 1, count: rows), into: &g)
                return g.storage.map(Double.init)
            },
            step: step, tolerance: tolerance)
    }

    /// A loss after an activation without a fused form, differentiated by the activation's backward
    /// rule applied to the loss's gradient: the path training takes for such pairs.
    static func composite(_ activation: Activation, _ loss: any Loss, _ option: String, z: [[Float]],
                          expected: [[Float]], step: Double = 1e-3, tolerance: Double = 1e-3) -> GradientCase {
        let rows = z.count, columns = z[0].count
        let prepared = loss.prepareTargets(Matrix(expected), predictedColumns: columns)
        return GradientCase(
            name: "composite/\(activation)+\(loss.name)/\(option)",
            point: z.flatMap { $0 },
            value: { point in
                let a = activation(Matrix(rows: rows, columns: columns, storage: point))
                return loss.preparedValues(predicted: a, expected: prepared).reduce(0.0) { $0 + Double($1) }
            },
            gradient: { point in
                let zm = Matrix(rows: rows, columns: columns, storage: point)
                let a = activation(zm)
                var dLda = Matrix(rows: 0, columns: 0), out = Matrix(rows: 0, columns: 0)
                loss.preparedGradients(predicted: a, expected: prepared, rowScale: [Float](repeating: 1, count: rows),
                                       into: &dLda)
                activation.backward(z: zm, a: a, gradOutput: dLda, into: &out)
                return out.storage.map(Double.init)
            },
            step: step, tolerance: tolerance)
    }
}

// MARK: - The table

extension GradientCheckTests {
    // Points shared by several rows. Regression errors avoid 0 (MAE's kink) and |e| = delta.
    static let regressionP: [[Float]] = [[0.3, -1.2, 2.5], [1.7, 0.4, -0.6]]
    static let regressionY: [[Float]] = [[0, 0.5, 1], [2.1, -0.3, 0.2]]
    // Probabilities inside (0.05, 0.95), far from the clip at eps.
    static let probabilityP: [[Float]] = [[0.8, 0.3, 0.6], [0.1, 0.95, 0.45]]
    static let binaryY: [[Float]] = [[1, 0, 1], [0, 1, 0]]
    static let softBinaryY: [[Float]] = [[0.7, 0.2, 1], [0.5, 0.9, 0]]
    static let binaryLogits: ([[Float]], [[Float]]) = ([[2, -1, 0.5], [-3, 0.25, 2.5]], [[1, 0, 1], [0, 1, 0]])
    // Class probabilities: normalised and not (CCE renormalises each row).
    static let classP: [[Float]] = [[0.6, 0.25, 0.15], [0.1, 0.3, 0.6]]
    static let unnormalisedP: [[Float]] = [[1.2, 0.5, 0.3], [0.05, 0.15, 0.3]]
    static let oneHotY: [[Float]] = [[1, 0, 0], [0, 1, 0]]
    static let softClassY: [[Float]] = [[0.5, 0.25, 0.25], [0, 0.6, 0.4]]
    static let integerY: [[Float]] = [[2], [0]]
    static let categoricalLogits: ([[Float]], [[Float]]) = ([[2, -1, 0.5], [-3, 0, 2.5]], [[1, 0, 0], [0, 1, 0]])

    static let lossCases: [GradientCase] = [
        .loss("basic", MeanSquaredError(), predicted: regressionP, expected: regressionY),
        .loss("basic", MeanAbsoluteError(), predicted: regressionP, expected: regressionY),
        .loss("positive", MeanSquaredLogarithmicError(), predicted: [[0.5, 2, 10], [0.05, 1, 3]],
              expected: [[1, 2, 0], [0.5, -0.2, 3.5]]),
        .loss("negative-predictions-flat", MeanSquaredLogarithmicError(), predicted: [[-0.5, -3], [0.25, -1e-2]],
              expected: [[1, 0], [2, 0.5]]),
        .loss("basic", Poisson(), predicted: [[0.5, 2, 1], [3, 0.1, 7.5]], expected: [[1, 0, 2], [3, 1, 5]]),
        .loss("delta=1/inside", Huber(), predicted: regressionP.map { $0.map { $0 * 0.2 } },
              expected: regressionY.map { $0.map { $0 * 0.2 } }),
        .loss("delta=1/outside", Huber(), predicted: [[3, -2.5], [0.2, 4]], expected: [[0, 0], [-2, 1]]),
        .loss("delta=0.5/both", Huber(delta: 0.5), predicted: regressionP, expected: regressionY),
        .loss("delta=2.5/both", Huber(delta: 2.5), predicted: [[3, -0.5], [10, 1]], expected: [[0, 0.5], [1, 0]]),
        .loss("basic", LogCosh(), predicted: regressionP, expected: regressionY),
        .loss("large-errors", LogCosh(), predicted: [[30, -20]], expected: [[0, 0]]),
        // Hinge rows keep 1 - y p away from 0 (the kink); 0/1 targets are converted to -1/+1.
        .loss("signed-targets", Hinge(), predicted: [[0.3, -2, 0.8], [-0.6, 1.5, 0.1]],
              expected: [[1, -1, -1], [1, 1, -1]]),
        .loss("binary-targets", Hinge(), predicted: [[0.3, -2, 0.8], [-0.6, 1.5, 0.1]],
              expected: [[1, 0, 0], [1, 1, 0]]),
        .loss("signed-targets", SquaredHinge(), predicted: [[0.3, -2, 0.8], [-0.6, 1.5, 0.1]],
              expected: [[1, -1, -1], [1, 1, -1]]),
        .loss("binary-targets", SquaredHinge(), predicted: [[0.3, -2, 0.8], [-0.6, 1.5, 0.1]],
              expected: [[1, 0, 0], [1, 1, 0]]),

        .loss("probabilities", BinaryCrossentropy(), predicted: probabilityP, expected: binaryY),
        .loss("probabilities/smoothing=0.1", BinaryCrossentropy(labelSmoothing: 0.1), predicted: probabilityP,
              expected: binaryY),
        .loss("probabilities/soft-targets", BinaryCrossentropy(), predicted: probabilityP, expected: softBinaryY),
        .loss("logits", BinaryCrossentropy(fromLogits: true), predicted: binaryLogits.0, expected: binaryLogits.1),
        .loss("logits/smoothing=0.2", BinaryCrossentropy(fromLogits: true, labelSmoothing: 0.2),
              predicted: binaryLogits.0, expected: softBinaryY),

        .loss("gamma=2", BinaryFocalCrossentropy(), predicted: probabilityP, expected: binaryY),
        .loss("gamma=0.5", BinaryFocalCrossentropy(gamma: 0.5), predicted: probabilityP, expected: binaryY),
        .loss("gamma=0", BinaryFocalCrossentropy(gamma: 0), predicted: probabilityP, expected: binaryY),
        .loss("gamma=3/balanced/alpha=0.25", BinaryFocalCrossentropy(gamma: 3, applyClassBalancing: true),
              predicted: probabilityP, expected: binaryY),
        .loss("gamma=2/balanced/alpha=0.6", BinaryFocalCrossentropy(alpha: 0.6, applyClassBalancing: true),
              predicted: probabilityP, expected: binaryY),
        .loss("gamma=2/smoothing=0.1", BinaryFocalCrossentropy(labelSmoothing: 0.1), predicted: probabilityP,
              expected: binaryY),
        .loss("gamma=0.5/soft-targets", BinaryFocalCrossentropy(gamma: 0.5), predicted: probabilityP,
              expected: softBinaryY),
        .loss("logits/gamma=2", BinaryFocalCrossentropy(fromLogits: true), predicted: binaryLogits.0,
              expected: binaryLogits.1),
        .loss("logits/gamma=0.5/balanced/smoothing=0.1",
              BinaryFocalCrossentropy(gamma: 0.5, applyClassBalancing: true, fromLogits: true, labelSmoothing: 0.1),
              predicted: binaryLogits.0, expected: binaryLogits.1),
        .loss("logits/gamma=0", BinaryFocalCrossentropy(gamma: 0, fromLogits: true), predicted: binaryLogits.0,
              expected: binaryLogits.1),

        .loss("probabilities", CategoricalCrossentropy(), predicted: classP, expected: oneHotY),
        .loss("probabilities/unnormalised", CategoricalCrossentropy(), predicted: unnormalisedP, expected: oneHotY),
        .loss("probabilities/smoothing=0.1", CategoricalCrossentropy(labelSmoothing: 0.1), predicted: classP,
              expected: oneHotY),
        .loss("probabilities/soft-targets", CategoricalCrossentropy(), predicted: classP, expected: softClassY),
        .loss("probabilities/integer-labels", CategoricalCrossentropy(), predicted: unnormalisedP, expected: integerY),
        .loss("logits", CategoricalCrossentropy(fromLogits: true), predicted: categoricalLogits.0,
              expected: categoricalLogits.1),
        .loss("logits/smoothing=0.2", CategoricalCrossentropy(fromLogits: true, labelSmoothing: 0.2),
              predicted: categoricalLogits.0, expected: categoricalLogits.1),
        .loss("logits/soft-targets", CategoricalCrossentropy(fromLogits: true), predicted: categoricalLogits.0,
              expected: softClassY),
        .loss("logits/integer-labels", CategoricalCrossentropy(fromLogits: true), predicted: categoricalLogits.0,
              expected: integerY),

        .loss("gamma=2", CategoricalFocalCrossentropy(), predicted: classP, expected: oneHotY),
        .loss("gamma=0.5", CategoricalFocalCrossentropy(gamma: 0.5), predicted: unnormalisedP, expected: oneHotY),
        .loss("gamma=0", CategoricalFocalCrossentropy(gamma: 0), predicted: classP, expected: oneHotY),
        .loss("gamma=0/alpha=1", CategoricalFocalCrossentropy(gamma: 0, alpha: 1), predicted: unnormalisedP,
              expected: softClassY),
        .loss("gamma=3/alpha=0.6/smoothing=0.1", CategoricalFocalCrossentropy(gamma: 3, alpha: 0.6, labelSmoothing: 0.1),
              predicted: classP, expected: oneHotY),
        .loss("gamma=2/integer-labels", CategoricalFocalCrossentropy(), predicted: unnormalisedP, expected: integerY),
        .loss("logits/gamma=2", CategoricalFocalCrossentropy(fromLogits: true), predicted: categoricalLogits.0,
              expected: categoricalLogits.1),
        .loss("logits/gamma=0.5/smoothing=0.2", CategoricalFocalCrossentropy(gamma: 0.5, fromLogits: true, labelSmoothing: 0.2),
              predicted: categoricalLogits.0, expected: categoricalLogits.1),
        .loss("logits/gamma=0", CategoricalFocalCrossentropy(gamma: 0, fromLogits: true), predicted: categoricalLogits.0,
              expected: softClassY),
        .loss("logits/integer-labels", CategoricalFocalCrossentropy(fromLogits: true), predicted: categoricalLogits.0,
              expected: integerY),

        .loss("probabilities", SparseCategoricalCrossentropy(), predicted: unnormalisedP, expected: integerY),
        .loss("logits", SparseCategoricalCrossentropy(fromLogits: true), predicted: categoricalLogits.0,
              expected: integerY),
        .loss("soft-targets", KLDivergence(), predicted: classP, expected: softClassY),
        .loss("one-hot/unnormalised", KLDivergence(), predicted: [[0.6, 0.25, 0.15], [0.05, 0.15, 0.3]],
              expected: oneHotY),
        // MAPE keeps p - y away from 0 (its kink) and y away from 0.
        .loss("basic", MeanAbsolutePercentageError(), predicted: regressionP, expected: [[0.5, 0.5, 1], [2.1, -0.3, 0.2]]),
        // Categorical hinge rows keep the margin violated and no tie for the best other score.
        .loss("violated", CategoricalHinge(), predicted: [[0.3, 0.5, 0.9], [-0.5, 0.4, -0.2]],
              expected: [[0, 1, 0], [0, 1, 0]]),
        .loss("integer-labels", CategoricalHinge(), predicted: [[1.2, -0.4, 0.3], [0.2, 0.6, 0.1]], expected: [[1], [2]]),
        .loss("basic", CosineSimilarity(), predicted: [[3, 4, -1], [0.2, -0.7, 1.5]], expected: [[1, 0, 0], [0.5, 0.25, 0.25]]),
        .loss("integer-labels", CosineSimilarity(), predicted: [[0.9, -2, 0.4], [1, 1, 3]], expected: integerY),

        .loss("c=0.5", formulaLossConfigurations[0], predicted: regressionP, expected: regressionY),
        .loss("tau=0.9", formulaLossConfigurations[1], predicted: regressionP, expected: regressionY),
        .loss("probabilities", formulaLossConfigurations[2], predicted: probabilityP, expected: softBinaryY),
        .loss("delta=0.5/both", formulaLossConfigurations[3], predicted: regressionP, expected: regressionY),
        .loss("weighted-mean", formulaLossConfigurations[0], predicted: regressionP, expected: regressionY,
              reduction: .mean, weights: [0.5, 2]),
    ]

    /// Reductions with sample weights: the row scales are the derivative of the reduced loss.
    static let reductionCases: [GradientCase] = [
        .loss("reduction=mean/weighted", MeanSquaredError(), predicted: regressionP, expected: regressionY,
              reduction: .mean, weights: [0.5, 2]),
        .loss("reduction=sum/weighted", CategoricalCrossentropy(fromLogits: true), predicted: categoricalLogits.0,
              expected: categoricalLogits.1, reduction: .sum, weights: [3, 0.25]),
        .loss("reduction=mean/weighted", BinaryFocalCrossentropy(gamma: 0.5), predicted: probabilityP, expected: binaryY,
              reduction: .mean, weights: [0, 1.5]),
    ]

    /// Upstream gradients for the vector-Jacobian products, deliberately unequal.
    static let upstream: [[Float]] = [[0.7, -1.3, 0.4, 2.1], [-0.5, 0.9, 1.6, -0.2]]
    static let activationZ: [[Float]] = [[-2.5, -0.4, 0.3, 1.8], [4, -1.1, 0.05, -3]]

    static let activationCases: [GradientCase] = [
        .activation(.identity, "basic", z: activationZ, upstream: upstream),
        .activation(.sigmoid, "basic", z: activationZ, upstream: upstream),
        .activation(.sigmoid, "saturating", z: [[-8, 8, 12, -12]], upstream: [upstream[0]]),
        .activation(.tanh, "basic", z: activationZ, upstream: upstream),
        .activation(.tanh, "saturating", z: [[-4, 4, 5, -5]], upstream: [upstream[0]]),
        // Softmax: the full Jacobian-vector product, rows of 4, one with a dominant logit.
        .activation(.softmax, "full-jacobian", z: activationZ, upstream: upstream),
        .activation(.softmax, "dominant-logit", z: [[6, -1, 0.5, 1]], upstream: [upstream[1]]),
        // Relu away from 0 (its kink); 0.05 is 50 steps away.
        .activation(.relu, "away-from-0", z: activationZ, upstream: upstream),
        .activation(.softplus, "basic", z: activationZ, upstream: upstream),
        .activation(.softplus, "large", z: [[-20, 20, 30, -30]], upstream: [upstream[0]]),
        .activation(.exp, "basic", z: activationZ, upstream: upstream),
    ]

    /// Every loss with a fused form, with its options.
    static let fusedConfigurations: [(Activation, any Loss)] = [
        (.sigmoid, BinaryCrossentropy()),
        (.sigmoid, BinaryCrossentropy(labelSmoothing: 0.1)),
        (.sigmoid, BinaryFocalCrossentropy()),
        (.sigmoid, BinaryFocalCrossentropy(gamma: 0.5, applyClassBalancing: true, labelSmoothing: 0.1)),
        (.sigmoid, BinaryFocalCrossentropy(gamma: 0)),
        (.softmax, CategoricalCrossentropy()),
        (.softmax, CategoricalCrossentropy(labelSmoothing: 0.2)),
        (.softmax, CategoricalFocalCrossentropy()),
        (.softmax, CategoricalFocalCrossentropy(gamma: 0.5, alpha: 0.6, labelSmoothing: 0.1)),
        (.softmax, CategoricalFocalCrossentropy(gamma: 0)),
        (.softmax, SparseCategoricalCrossentropy()),
    ]

    static let fusedCases: [GradientCase] = [
        .fused(.sigmoid, BinaryCrossentropy(), "basic", logits: binaryLogits.0, expected: binaryLogits.1),
        .fused(.sigmoid, BinaryCrossentropy(labelSmoothing: 0.1), "smoothing=0.1", logits: binaryLogits.0,
               expected: softBinaryY),
        .fused(.sigmoid, BinaryFocalCrossentropy(), "gamma=2", logits: binaryLogits.0, expected: binaryLogits.1),
        .fused(.sigmoid, BinaryFocalCrossentropy(gamma: 0.5, applyClassBalancing: true, labelSmoothing: 0.1),
               "gamma=0.5/balanced/smoothing=0.1", logits: binaryLogits.0, expected: binaryLogits.1),
        .fused(.sigmoid, BinaryFocalCrossentropy(gamma: 0), "gamma=0", logits: binaryLogits.0, expected: binaryLogits.1),
        .fused(.softmax, CategoricalCrossentropy(), "one-hot", logits: categoricalLogits.0, expected: categoricalLogits.1),
        .fused(.softmax, CategoricalCrossentropy(labelSmoothing: 0.2), "smoothing=0.2", logits: categoricalLogits.0,
               expected: softClassY),
        .fused(.softmax, CategoricalCrossentropy(), "integer-labels", logits: categoricalLogits.0, expected: integerY),
        .fused(.softmax, CategoricalFocalCrossentropy(), "gamma=2", logits: categoricalLogits.0,
               expected: categoricalLogits.1),
        .fused(.softmax, CategoricalFocalCrossentropy(gamma: 0.5, alpha: 0.6, labelSmoothing: 0.1),
               "gamma=0.5/alpha=0.6/smoothing=0.1", logits: categoricalLogits.0, expected: integerY),
        .fused(.softmax, CategoricalFocalCrossentropy(gamma: 0), "gamma=0", logits: categoricalLogits.0,
               expected: softClassY),
        .fused(.softmax, SparseCategoricalCrossentropy(), "integer-labels", logits: categoricalLogits.0, expected: integerY),
    ]

    /// Pairs without a fused form go through the activation's backward rule in training.
    static let compositeCases: [GradientCase] = [
        .composite(.exp, Poisson(), "log-link", z: [[-1, 0.5, 2], [0.2, -0.3, 1]], expected: [[1, 0, 5], [2, 1, 3]]),
        .composite(.softplus, Poisson(), "softplus-rate", z: [[-1, 0.5, 2], [0.2, -0.3, 1]],
                   expected: [[1, 0, 5], [2, 1, 3]]),
        .composite(.tanh, SquaredHinge(), "tanh-scores", z: [[0.3, -2, 0.8], [-0.6, 1.5, 0.1]],
                   expected: [[1, -1, -1], [1, 1, -1]]),
        .composite(.identity, Huber(), "identity", z: regressionP, expected: regressionY),
        .composite(.sigmoid, MeanSquaredError(), "sigmoid-mse", z: binaryLogits.0, expected: binaryLogits.1),
        .composite(.tanh, CategoricalCrossentropy(), "tanh-positive-rows", z: [[0.9, 0.2, 0.4], [0.3, 1.1, 0.6]],
                   expected: oneHotY),
        .composite(.softmax, KLDivergence(), "softmax", z: categoricalLogits.0, expected: softClassY),
        .composite(.identity, CategoricalHinge(), "scores", z: [[0.3, 0.5, 0.9], [1.2, -0.4, 0.3]],
                   expected: [[0, 1, 0], [0, 0, 1]]),
        .composite(.identity, CosineSimilarity(), "scores", z: [[3, 4, -1], [0.2, -0.7, 1.5]], expected: oneHotY),
        .composite(.sigmoid, formulaLossConfigurations[2], "sigmoid", z: binaryLogits.0, expected: binaryLogits.1),
        .composite(.exp, formulaLoss("p - y * log(p)", name: "formula_poisson"), "log-link", z: [[-1, 0.5, 2], [0.2, -0.3, 1]],
                   expected: [[1, 0, 5], [2, 1, 3]]),
    ]
}
