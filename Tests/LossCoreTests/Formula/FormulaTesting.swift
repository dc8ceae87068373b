@testable import LossCore
import LossLabTestSupport

/// The error `body` throws, or `nil` when it does not.
func formulaError(_ body: () throws(FormulaError) -> Void) -> FormulaError? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}

/// The error of parsing `text` with `parameters` and binding them to 1, or `nil`.
func formulaError(_ text: String, parameters: [String] = []) -> FormulaError? {
    formulaError { () throws(FormulaError) in
        _ = try FormulaLoss(text, parameters: Dictionary(uniqueKeysWithValues: parameters.map { ($0, 1.0) }))
    }
}

/// A formula loss that must build.
func formulaLoss(_ text: String, _ parameters: [String: Double] = [:], name: String = "formula") -> FormulaLoss {
    do {
        return try FormulaLoss(text, parameters: parameters, name: name)
    } catch {
        preconditionFailure("\(text): \(error)")
    }
}

/// The float32 value of a formula at one point, through the compiled program.
func formulaValue(_ text: String, _ parameters: [String: Double] = [:], p: Float, y: Float) -> Float {
    formulaLoss(text, parameters).elementValue(predicted: p, expected: y)
}
