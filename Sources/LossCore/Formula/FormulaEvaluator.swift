/// Evaluates every node of a formula graph at one point, one scalar at a time: in float32 with the
/// same functions as constant folding (to explain where a value stops being finite), or in float64
/// (for finite differences precise enough to check the derivative). Training uses the compiled
/// ``FormulaProgram`` instead; these are for the checks and the tests.
enum FormulaEvaluator {
    /// Node values in the precision `T`, up to and including node `last`.
    static func values<T: FormulaScalar>(_ graph: FormulaGraph, through last: Int, prediction: T, target: T) -> [T] {
        var values = [T](repeating: 0, count: last + 1)
        for i in 0...last {
            switch graph.nodes[i] {
            case .prediction: values[i] = prediction
            case .target: values[i] = target
            case .constant(let bits): values[i] = T(Float(bitPattern: bits))
            case .unary(let op, let a): values[i] = op.apply(values[a])
            case .binary(let op, let a, let b): values[i] = op.apply(values[a], values[b])
            case .select(let c, let l, let r, let t, let o): values[i] = c.holds(values[l], values[r]) ? values[t] : values[o]
            }
        }
        return values
    }

    /// Node values in float32 at a point.
    static func float32(_ graph: FormulaGraph, through last: Int, at point: FormulaPoint) -> [Float] {
        values(graph, through: last, prediction: point.prediction, target: point.target)
    }

    /// Node values in float64.
    static func float64(_ graph: FormulaGraph, through last: Int, prediction: Double, target: Double) -> [Double] {
        values(graph, through: last, prediction: prediction, target: target)
    }
}
