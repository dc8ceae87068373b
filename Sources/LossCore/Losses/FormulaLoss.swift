/// A loss written as a formula (``Formula``), element-wise with Keras's conventions: the per-sample
/// value is the mean over outputs of the formula at `(p_j, y_j)`, and its gradient the formula's
/// derivative with respect to `p` over `k`; reduction and weights are applied where they are for
/// every loss (``LossReduction``). Integer labels in one column are turned into one-hot rows
/// first, as the categorical losses do, so a formula can be written for one-hot targets.
///
/// Built from the formula's text and its parameters' values, it derives the derivative
/// symbolically, simplifies both (``FormulaGraph``) and compiles them into a program over
/// batches (``FormulaProgram``): training evaluates instructions over buffers, with no parsing and
/// no allocation per step. Every error (syntax, an unknown name, a constant that is not finite)
/// is a ``FormulaError`` located in the text; ``check(on:)`` then verifies the formula on the
/// domain its pairing gives it.
///
/// A formula loss has no fused form: it sees the output activation's values. For a loss on
/// logits, pair an identity output with a formula on the logit, e.g. BCE from logits
/// `softplus(p) - p * y`.
public struct FormulaLoss: ElementwiseLoss, Equatable {
    public let formula: Formula
    /// The parameters' values, as given (evaluated in float32).
    public let parameterValues: [String: Double]
    /// The name the loss is reported by (a loss entry's label, say); `formula` by default.
    public let name: String
    let graph: FormulaGraph
    let valueNode: Int
    let derivativeNode: Int
    let valueProgram: FormulaProgram
    let program: FormulaProgram

    /// Parses `text` with the parameters named by `parameters`' keys, binds their values and
    /// compiles value and derivative.
    public init(_ text: String, parameters: [String: Double] = [:], name: String = "formula") throws(FormulaError) {
        try self.init(Formula(text, parameters: parameters.keys.sorted()), parameters: parameters, name: name)
    }

    /// Binds `parameters` (one finite float32 value for each of the formula's, and no other) and
    /// compiles value and derivative.
    public init(_ formula: Formula, parameters: [String: Double] = [:], name: String = "formula") throws(FormulaError) {
        var bound: [String: Float] = [:]
        for key in parameters.keys.sorted() where !formula.parameters.contains(key) {
            throw FormulaError(.parameter, formula: formula.text, problem: "a value for \(key), which the formula does not declare",
                               expected: formula.parameters.isEmpty ? "no parameter values"
                                   : "values for " + formula.parameters.joined(separator: ", "))
        }
        for name in formula.parameters {
            guard let value = parameters[name] else {
                var error = FormulaError(.parameter, formula: formula.text, problem: "the parameter \(name) has no value",
                                   expected: "a value for every parameter: " + formula.parameters.joined(separator: ", "))
                error.parameter = name
                throw error
            }
            let single = Float(value)
            guard value.isFinite, single.isFinite, single != 0 || value == 0 else {
                var error = FormulaError(.parameter, formula: formula.text, problem: "\(name) = \(value) is not a float32 number",
                                   expected: "a finite number of magnitude from 1.4e-45 to 3.4e38, or 0")
                error.parameter = name
                throw error
            }
            bound[name] = single
        }
        var graph = FormulaGraph()
        let value = try graph.lower(formula.syntax, values: bound, formula: formula.text)
        let derivative = graph.derivative(of: value)
        if graph.count > FormulaLimits.graphNodes {
            throw FormulaError(.tooLarge, formula: formula.text,
                               problem: "the formula and its derivative need \(graph.count) operations",
                               expected: "at most \(FormulaLimits.graphNodes)")
        }
        if graph.constantValue(derivative) == 0 {
            throw FormulaError(.constantInPrediction, formula: formula.text,
                               problem: "the derivative with respect to p is 0 everywhere",
                               expected: "a formula whose gradient moves the prediction (sign and step have derivative 0)")
        }
        self.formula = formula
        self.parameterValues = parameters
        self.name = name
        self.graph = graph
        valueNode = value
        derivativeNode = derivative
        valueProgram = FormulaProgram(graph: graph, roots: [value])
        program = FormulaProgram(graph: graph, roots: [value, derivative])
    }

    /// The canonical formula and its parameters, e.g. `log(1 + ((p - y) / c)^2) with c = 0.5`: what
    /// identifies the loss (a trial id hashes the canonical text and the values).
    public var canonicalDescription: String {
        formula.canonicalText + parameterText
    }

    /// ` with c = 0.5, d = 2`, or nothing.
    var parameterText: String {
        parameterValues.isEmpty ? ""
            : " with " + parameterValues.keys.sorted().map { "\($0) = \(formatFloat(Float(parameterValues[$0]!)))" }
                .joined(separator: ", ")
    }

    /// The simplified value as formula text, parameters replaced by their values.
    public var valueText: String { graph.text(of: valueNode) }
    /// The simplified derivative with respect to `p`, as formula text.
    public var derivativeText: String { graph.text(of: derivativeNode) }

    /// Refuses the formula, with the point that shows it, unless its value and derivative are
    /// finite and its derivative right on every point of `domain` (``FormulaCheck``).
    public func check(on domain: FormulaDomain) throws(FormulaError) {
        try FormulaCheck(graph: graph, value: valueNode, derivative: derivativeNode, program: program, formula: formula,
                         parameterText: parameterText).run(on: domain)
    }

    public static func == (a: FormulaLoss, b: FormulaLoss) -> Bool {
        a.formula == b.formula && a.parameterValues == b.parameterValues && a.name == b.name
    }

    // MARK: Loss

    public func prepareTargets(_ expected: Matrix, predictedColumns: Int) -> Matrix {
        oneHotTargets(expected, classes: predictedColumns)
    }

    public func elementValue(predicted p: Float, expected y: Float) -> Float {
        var p = p, y = y, result: Float = 0
        valueProgram.run(count: 1, predicted: &p, expected: &y, first: &result)
        return result
    }

    public func elementDerivative(predicted p: Float, expected y: Float) -> Float {
        var p = p, y = y, value: Float = 0, derivative: Float = 0
        program.run(count: 1, predicted: &p, expected: &y, first: &value, second: &derivative)
        return derivative
    }

    public func value(predicted: Row, expected: Row) -> Float {
        let width = predicted.count
        guard width > 0 else { return .nan }
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: width) { elements in
            valueProgram.run(count: width, predicted: predicted.baseAddress!, expected: expected.baseAddress!,
                             first: elements.baseAddress!)
            var sum: Float = 0
            for j in 0..<width { sum += elements[j] }
            return sum / Float(width)
        }
    }

    public func gradient(predicted: Row, expected: Row, into gradient: MutableRow) {
        let width = predicted.count
        guard width > 0 else { return }
        withUnsafeTemporaryAllocation(of: Float.self, capacity: width) { elements in
            program.run(count: width, predicted: predicted.baseAddress!, expected: expected.baseAddress!,
                        first: elements.baseAddress!, second: gradient.baseAddress!)
        }
        let inverseCount = 1 / Float(width)
        for j in 0..<width { gradient[j] *= inverseCount }
    }

    /// The program over the whole batch at once (chunk by chunk), then the row means and the
    /// reduction's scales (``reduceElementRows``), as the built-in element-wise batch paths do.
    public func batchValuesAndGradients(predicted: UnsafePointer<Float>, expected: UnsafePointer<Float>, rows: Int,
                                        columns width: Int, rowScale: UnsafePointer<Float>,
                                        values: UnsafeMutablePointer<Float>, gradient: UnsafeMutablePointer<Float>) {
        let count = rows * width
        guard count > 0 else { return }
        withUnsafeTemporaryAllocation(of: Float.self, capacity: count) { elements in
            program.run(count: count, predicted: predicted, expected: expected, first: elements.baseAddress!,
                        second: gradient)
            reduceElementRows(elementValues: elements.baseAddress!, rows: rows, columns: width, rowScale: rowScale,
                              values: values, gradient: gradient)
        }
    }
}
