import Foundation
import LossCore
import LossHarness

/// `losslab loss`: the value of one loss on targets and predictions given as JSON, for checking a
/// value against another framework.
enum LossCommand: Subcommand {
    static let name = "loss"
    static let summary = "print a loss's value for targets and predictions given as JSON"
    static var help: String { helpHead + parameterOptions + helpTail }

    /// One option per parameter of any registered loss: `--label-smoothing X`, a flag for
    /// true/false ones, with the losses that have it.
    static var parameterOptions: String {
        var losses: [String: [String]] = [:]
        var order: [ParameterInfo] = []
        for loss in LossRegistry.all {
            for info in loss.parameters {
                if losses[info.name] == nil { order.append(info) }
                losses[info.name, default: []].append(loss.alias)
            }
        }
        return order.map { info in
            let option = "--" + option(info) + (info.kind == .bool ? "" : " X")
            return "  " + option.padding(toLength: 24, withPad: " ", startingAt: 0)
                + "\(info.summary) (\(losses[info.name]!.joined(separator: ", ")); default \(info.defaultValue))"
        }.joined(separator: "\n") + "\n"
    }

    static func option(_ info: ParameterInfo) -> String { info.name.replacingOccurrences(of: "_", with: "-") }

    static let helpHead = """
    Usage: losslab loss NAME --target JSON --prediction JSON [options]
           losslab loss --formula TEXT [--parameter NAME=VALUE ...] --target JSON --prediction JSON [options]

    Prints the value of loss NAME (a Keras name such as binary_crossentropy, or an alias such as
    bce; see `losslab list`) with Keras 3's semantics, in float32, to 9 significant digits. With
    --formula, the loss is an element-wise formula in p (the prediction) and y (the target),
    averaged over the outputs of each sample as Keras's element-wise losses are.

    Arrays: rows are samples. A 2-D array [[...], [...]] is a batch; a 1-D array is one sample
    whose entries are its outputs (as Keras treats a 1-D tensor); a number is a 1x1 batch. For
    categorical losses (and formulas) the target may be integer labels, one per row of the
    prediction.

    Options:
      --target JSON           targets (y_true)
      --prediction JSON       predictions (y_pred): probabilities, or logits with --from-logits

    """

    static let helpTail = """
      --sample-weight JSON    one weight per sample, or one number for all of them (as Keras
                              broadcasts a scalar sample_weight)
      --reduction R           mean (default; Keras's sum_over_batch_size, also accepted), sum,
                              or none (a JSON array)

    Formula losses:
      --formula TEXT          the loss of one output, e.g. "log(1 + ((p - y) / c)^2)"
      --parameter NAME=VALUE  a parameter of the formula and its value (repeat for several)
      --activation A          check the formula on the domain of output A (identity, sigmoid,
                              tanh, softmax, relu, softplus, exp) before computing, as an
                              experiment file will: refused where its value or derivative is
                              not finite, or where it jumps
      --encoding E            the targets' encoding for that check (values, binary, one_hot,
                              integer, signed; default values)
      --show-derivative       also print the simplified formula and its derivative in p

    The formula language: numbers, p, y, parameters, + - * / ^ (power, right-associative;
    -p^2 is -(p^2)), parentheses, and the functions
      \(FormulaFunction.allCases.map(\.rawValue).joined(separator: " ")) (also if)
    where(condition, then, otherwise) takes a comparison: < <= > >= == !=. Everything is
    float32; the derivative with respect to p is derived symbolically.

    Examples:
      losslab loss bce --target '[[0, 1], [0, 0]]' --prediction '[[0.6, 0.4], [0.4, 0.6]]'
      losslab loss cce --target '[1, 2]' --prediction '[[0.05, 0.95, 0], [0.1, 0.8, 0.1]]'
      losslab loss focal --gamma 0.5 --from-logits --target '[[0, 1]]' --prediction '[[2.0, -1.0]]'
      losslab loss mse --target '[[0, 1], [0, 0]]' --prediction '[[1, 1], [1, 0]]' --reduction none
      losslab loss kld --target '[[0.5, 0.5]]' --prediction '[[0.9, 0.1]]' --sample-weight 2.3
      losslab loss --formula "log(1 + ((p - y) / c)^2)" --parameter c=0.5 --target '[[0, 1]]' --prediction '[[0.3, 2]]'
      losslab loss --formula "max(tau * (y - p), (tau - 1) * (y - p))" --parameter tau=0.9 \\
          --target '[1, 2]' --prediction '[1.5, 1.5]' --activation identity --show-derivative
    """

    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode {
        guard let targetText = try arguments.value("target") else { throw CommandError("loss: --target is required") }
        guard let predictionText = try arguments.value("prediction") else { throw CommandError("loss: --prediction is required") }
        let weightText = try arguments.value("sample-weight")
        let reduction = try reductionOption(try arguments.value("reduction"))
        let formula = try FormulaOptions.parse(&arguments)
        let parameters = try builtInParameters(&arguments)
        let names = try arguments.positionals()
        let loss: any Loss
        var takesClassRows = true
        if let formula {
            guard names.isEmpty, parameters.isEmpty else {
                throw CommandError("loss: --formula defines the loss: give no loss name"
                                   + (parameters.isEmpty ? "" : " and none of a built-in loss's options"))
            }
            loss = try formula.loss()
        } else {
            let kind = try lossKind(names)
            takesClassRows = kind.isCategorical
            do {
                loss = try kind.make(Parameters(parameters))
            } catch let error as ParameterError {
                throw CommandError("loss: \(error.parameter.replacingOccurrences(of: "_", with: "-")) \(error.value): expected \(error.expected)")
            }
        }
        let prediction = try parseBatch(predictionText, option: "--prediction")
        let target = try targets(try parseBatch(targetText, option: "--target"), for: prediction, classRows: takesClassRows)
        let weights = try weightText.map { try sampleWeights($0, rows: prediction.rows) }
        let values = loss.values(predicted: prediction, expected: target)
        if reduction == .none {
            console.print("[" + reduction.weighted(values, weights: weights).map(format).joined(separator: ", ") + "]")
        } else {
            console.print(format(reduction.reduce(values, weights: weights)))
        }
        if let formula, formula.showDerivative, let formulaLoss = loss as? FormulaLoss {
            console.print("loss: " + formulaLoss.valueText)
            console.print("d/dp: " + formulaLoss.derivativeText)
        }
        return .success
    }

    /// `mean`, Keras's `sum_over_batch_size` (the same), `sum` or `none`.
    static func reductionOption(_ text: String?) throws -> LossReduction {
        guard let text else { return .mean }
        if text == "sum_over_batch_size" { return .mean }
        guard let reduction = LossReduction(rawValue: text) else {
            throw CommandError("loss: --reduction \(text): expected mean (or sum_over_batch_size), sum or none")
        }
        return reduction
    }

    /// The options of the built-in losses that were given.
    static func builtInParameters(_ arguments: inout Arguments) throws -> [String: ParameterValue] {
        var parameters: [String: ParameterValue] = [:]
        var read: Set<String> = []
        for info in LossRegistry.all.flatMap(\.parameters) where read.insert(info.name).inserted {
            if info.kind == .bool {
                if arguments.flag(option(info)) { parameters[info.name] = .bool(true) }
            } else if let x = try arguments.number(option(info)) {
                parameters[info.name] = .number(x)
            }
        }
        return parameters
    }

    static func lossKind(_ names: [String]) throws -> LossDefinition {
        guard names.count == 1 else {
            throw CommandError("loss: expected exactly one loss name (or --formula), got \(names.count) (see `losslab list`)")
        }
        guard let kind = LossRegistry.named(names[0]) else {
            let hint = closestMatch(to: names[0], among: LossRegistry.allNames).map { " Did you mean \($0)?" } ?? ""
            throw CommandError("loss: unknown loss '\(names[0])'.\(hint) Known: " + LossRegistry.all.map(\.alias).joined(separator: ", "))
        }
        return kind
    }

    /// The targets, with integer labels (one per row) accepted for losses that take class rows.
    static func targets(_ target: Matrix, for prediction: Matrix, classRows: Bool) throws -> Matrix {
        if target.columns != prediction.columns {
            guard target.count == prediction.rows, prediction.columns > 1, classRows else {
                throw CommandError("loss: --target is \(target.rows)x\(target.columns) but --prediction is \(prediction.rows)x\(prediction.columns): expected the same shape")
            }
            if let bad = target.storage.first(where: { $0 < 0 || $0 >= Float(prediction.columns) || $0 != $0.rounded() }) {
                throw CommandError("loss: --target label \(bad): expected an integer class from 0 to \(prediction.columns - 1)")
            }
            return Matrix(rows: prediction.rows, columns: 1, storage: target.storage)
        }
        if target.rows != prediction.rows {
            throw CommandError("loss: --target has \(target.rows) rows but --prediction has \(prediction.rows)")
        }
        return target
    }

    /// One weight per sample, or a single number broadcast to every sample (Keras's scalar
    /// `sample_weight`).
    static func sampleWeights(_ text: String, rows: Int) throws -> [Float] {
        let parsed = try parseBatch(text, option: "--sample-weight").storage
        if parsed.count == 1 { return [Float](repeating: parsed[0], count: rows) }
        guard parsed.count == rows else {
            throw CommandError("loss: --sample-weight has \(parsed.count) values for \(rows) samples: expected one per sample, or one number for all")
        }
        return parsed
    }

    static func format(_ x: Float) -> String {
        String(format: "%.9g", Double(x))
    }

    /// A JSON number, 1-D array (one sample) or 2-D array (rows are samples) as a matrix.
    static func parseBatch(_ text: String, option: String) throws -> Matrix {
        let value: JSONValue
        do {
            value = try JSONValue.parse(text)
        } catch {
            throw CommandError("loss: \(option) is not valid JSON: \(text.prefix(80))")
        }
        func number(_ item: JSONValue) throws -> Float {
            guard case .number(let x) = item, x.isFinite, abs(x) <= Double(Float.greatestFiniteMagnitude) else {
                throw CommandError("loss: \(option) holds \(item), expected finite float32 numbers")
            }
            return Float(x)
        }
        switch value {
        case .array(let rows) where rows.isEmpty:
            throw CommandError("loss: \(option) is empty")
        case .array(let rows):
            if case .array(let first) = rows[0] {
                var storage: [Float] = []
                for row in rows {
                    guard case .array(let items) = row, items.count == first.count, !items.isEmpty else {
                        throw CommandError("loss: \(option) has rows of different lengths (or empty rows)")
                    }
                    storage += try items.map(number)
                }
                return Matrix(rows: rows.count, columns: first.count, storage: storage)
            }
            let flat = try rows.map(number)
            return Matrix(rows: 1, columns: flat.count, storage: flat)
        default:
            return Matrix(rows: 1, columns: 1, storage: [try number(value)])
        }
    }
}
