import LossCore

/// Evaluates the losses of a `kind: "curves"` experiment along a line of predictions, without
/// training, and writes `curves.csv`: columns `loss`, `series`, the swept paths, `x`, `target`,
/// `value` (the per-sample loss), `gradient` (its derivative along x) and `gradient_logit` (for
/// probability curves, the derivative with respect to the logit `z` of `x = sigmoid(z)`, i.e.
/// `gradient * x (1 - x)`; empty otherwise).
///
/// What x is (`curves.x`; `auto` picks by loss):
/// - `error`: the prediction minus the target (`curves.target`, default 1): regression losses.
/// - `prediction`: the prediction itself, for a fixed target (MSLE's asymmetry).
/// - `probability`: the predicted probability of the true class: `[x]` against target `1` for
///   binary losses, `[x, 1 - x]` against `[1, 0]` for categorical ones; with `from_logits`, the
///   prediction is the logit `log(x / (1 - x))` (binary) or `[log x, log(1 - x)]` (categorical).
/// - `margin`: the score `f` for a target of +1, so `x = y f` for hinge losses.
///
/// Gradients come from the losses' analytic gradients by the chain rule along the path,
/// `sum_j dL/dp_j dp_j/dx`.
public enum CurveEvaluator {
    public enum Axis: String, Sendable {
        case error, prediction, probability, margin
    }

    /// The axis `auto` resolves to for a loss.
    public static func automaticAxis(_ kind: LossKind) -> Axis {
        switch kind {
        case .binaryCrossentropy, .categoricalCrossentropy, .categoricalFocalCrossentropy, .binaryFocalCrossentropy,
             .sparseCategoricalCrossentropy, .klDivergence, .cosineSimilarity: .probability
        case .squaredHinge, .hinge, .categoricalHinge: .margin
        default: .error
        }
    }

    static func defaultRange(_ axis: Axis, target: Double) -> (Double, Double) {
        switch axis {
        case .error: (-3, 3)
        case .prediction: (0, max(3 * target, 1))
        case .probability: (0.001, 0.999)
        case .margin: (-2, 2)
        }
    }

    /// One row of `curves.csv` for a trial.
    public struct Point: Sendable {
        public var x: Double
        public var target: Double
        public var value: Double
        public var gradient: Double
        public var gradientLogit: Double?
    }

    /// The curve of one trial (a loss entry with resolved parameters and curve settings).
    public static func points(for trial: Trial) throws -> [Point] {
        let values = trial.values
        func number(_ path: String) -> Double? {
            if case .number(let x)? = values[path] { return x }
            return nil
        }
        guard case .string(let name)? = values["loss.name"], let kind = LossKind.named(name) else { return [] }
        var parameters: [String: ParameterValue] = [:]
        for info in kind.parameters {
            if let value = values["loss.\(info.name)"], let parameter = parameterValue(value) { parameters[info.name] = parameter }
        }
        let loss = try kind.make(Parameters(parameters))
        let fromLogits: Bool = if case .bool(true)? = values["loss.from_logits"] { true } else { false }
        var axis = automaticAxis(kind)
        if case .string(let s)? = values["curves.x"], let chosen = Axis(rawValue: s) { axis = chosen }
        let target = number("curves.target") ?? 1
        let (defaultFrom, defaultTo) = defaultRange(axis, target: target)
        let from = number("curves.from") ?? defaultFrom
        let to = number("curves.to") ?? defaultTo
        let count = Int(number("curves.points") ?? 201)
        let categorical = kind.takesClassRows
        var result: [Point] = []
        result.reserveCapacity(count)
        for i in 0..<count {
            let x = from + (to - from) * Double(i) / Double(count - 1)
            var prediction: [Double]
            var derivative: [Double]
            var expected: [Float]
            switch axis {
            case .error:
                prediction = [target + x]; derivative = [1]; expected = [Float(target)]
            case .prediction:
                prediction = [x]; derivative = [1]; expected = [Float(target)]
            case .margin:
                prediction = [x]; derivative = [1]; expected = [1]
            case .probability:
                if categorical {
                    expected = [1, 0]
                    if fromLogits {
                        prediction = [log(x), log(1 - x)]; derivative = [1 / x, -1 / (1 - x)]
                    } else {
                        prediction = [x, 1 - x]; derivative = [1, -1]
                    }
                } else {
                    expected = [1]
                    if fromLogits {
                        prediction = [log(x / (1 - x))]; derivative = [1 / (x * (1 - x))]
                    } else {
                        prediction = [x]; derivative = [1]
                    }
                }
            }
            let predicted = Matrix(rows: 1, columns: prediction.count, storage: prediction.map { Float($0) })
            let targets = loss.prepareTargets(Matrix(rows: 1, columns: expected.count, storage: expected),
                                              predictedColumns: prediction.count)
            let value = loss.preparedValues(predicted: predicted, expected: targets)[0]
            var gradient = Matrix(rows: 1, columns: prediction.count)
            loss.preparedGradients(predicted: predicted, expected: targets, rowScale: [1], into: &gradient)
            let along = zip(gradient.storage, derivative).reduce(0.0) { $0 + Double($1.0) * $1.1 }
            result.append(Point(x: x, target: axis == .probability || axis == .margin ? 1 : target, value: Double(value),
                                gradient: along, gradientLogit: axis == .probability ? along * x * (1 - x) : nil))
        }
        return result
    }

    /// Writes `curves.csv` for every trial of `grid` (repetition 0 only: curves have no seeds).
    public static func write(grid: Grid, store: ResultStore) throws {
        let file = try StreamingFile(path: store.path("curves.csv"))
        do {
            let paths = grid.sweptPaths
            try file.append(CSV.row(["loss", "series"] + paths + ["x", "target", "value", "gradient", "gradient_logit"]))
            for trial in grid.trials where trial.repetition == 0 {
                let points: [Point]
                do { points = try Self.points(for: trial) } catch let error as ParameterError {
                    throw SpecErrors([SpecError(file: grid.experiment.file, path: "loss[\(trial.lossEntry)].\(error.parameter)",
                                                value: error.value, expected: error.expected)])
                }
                let identity = [trial.label, trial.series] + paths.map { trial.swept[$0]?.text ?? "" }
                for point in points {
                    try file.append(CSV.row(identity + [CSV.number(point.x), CSV.number(point.target), CSV.number(point.value),
                                                        CSV.number(point.gradient), CSV.number(point.gradientLogit)]))
                }
            }
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
