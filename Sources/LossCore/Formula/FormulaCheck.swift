/// The checks a formula loss passes before it trains, on every point of its domain:
///
/// 1. **Finite**: the compiled program (what training runs) gives a finite value and a finite
///    derivative. Otherwise the formula is refused with the point and the part of the formula
///    where the first NaN or infinity appears (`log(0)`, a division by 0, an overflow).
/// 2. **Continuous and differentiated right**: the symbolic derivative, in float64, agrees with
///    central finite differences `(f(p + h) - f(p - h)) / 2h`, `h = 1e-4 max(1, |p|)` (less near a
///    bound of the domain; one-sided on a bound), to 1e-3 relative. Where it does not:
///    - if the formula jumps (its change over `2h` does not shrink with `h`), it is refused as
///      discontinuous: its gradient says nothing about the jump;
///    - if the derivative lies between the left and the right difference quotients, the point is
///      a kink (`abs` at 0, a `max` tie, Huber's edge) and the derivative a subgradient: accepted;
///    - otherwise it is refused (an infinite slope the grid just missed, or a bug of LossLab's).
///
/// Jumps and kinks between the points are not seen; a formula whose gradient is wrong only there
/// trains as its derivative says.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct FormulaCheck {
    let graph: FormulaGraph
    let value: Int
    let derivative: Int
    let program: FormulaProgram
    let formula: Formula
    let parameterText: String

    func run(on domain: FormulaDomain) throws(FormulaError) {
        let points = domain.points
        guard !points.isEmpty else { return }
        let predictions = points.map(\.prediction), targets = points.map(\.target)
        var values = [Float](repeating: 0, count: points.count)
        var derivatives = values
        predictions.withUnsafeBufferPointer { p in
            targets.withUnsafeBufferPointer { y in
                values.withUnsafeMutableBufferPointer { v in
                    derivatives.withUnsafeMutableBufferPointer { d in
                        program.run(count: points.count, predicted: p.baseAddress!, expected: y.baseAddress!,
                                    first: v.baseAddress!, second: d.baseAddress!)
                    }
                }
            }
        }
        for (index, point) in points.enumerated() {
            if !values[index].isFinite {
                throw notFinite(root: value, at: point, result: values[index], domain: domain, what: "the value")
            }
            if !derivatives[index].isFinite {
                throw notFinite(root: derivative, at: point, result: derivatives[index], domain: domain,
                                what: "the derivative with respect to p")
            }
        }
        for point in points { try checkSlope(at: point, domain: domain) }
    }

    // MARK: Finite differences

    private func f(_ p: Double, _ y: Double) -> Double {
        FormulaEvaluator.float64(graph, through: value, prediction: p, target: y)[value]
    }

    private func checkSlope(at point: FormulaPoint, domain: FormulaDomain) throws(FormulaError) {
        let p = Double(point.prediction), y = Double(point.target)
        let analytic = FormulaEvaluator.float64(graph, through: derivative, prediction: p, target: y)[derivative]
        let center = f(p, y)
        guard analytic.isFinite, center.isFinite else { return }
        var h = 1e-4 * max(1, abs(p))
        var canGoDown = true, canGoUp = true
        for (bound, below) in [(domain.predictions.lower, true), (domain.predictions.upper, false)] {
            guard let bound = bound.map(Double.init) else { continue }
            let distance = abs(p - bound)
            if distance == 0 { if below { canGoDown = false } else { canGoUp = false } } else { h = min(h, distance / 4) }
        }
        let up = canGoUp ? f(p + h, y) : center, down = canGoDown ? f(p - h, y) : center
        guard up.isFinite, down.isFinite else { return }
        let numeric: Double
        if canGoUp && canGoDown {
            numeric = (up - down) / (2 * h)
        } else {
            // On a bound: the second-order one-sided difference (-3 f(x) + 4 f(x + h) - f(x + 2h)) / 2h.
            let direction: Double = canGoUp ? 1 : -1
            let far = f(p + 2 * direction * h, y)
            guard far.isFinite else { return }
            numeric = direction * (-3 * center + 4 * (canGoUp ? up : down) - far) / (2 * h)
        }
        let scale = max(1, abs(center), abs(up), abs(down))
        let tolerance = 1e-3 * max(abs(analytic), abs(numeric)) + 1e-12 * scale / h + 1e-9
        if abs(analytic - numeric) <= tolerance { return }
        guard canGoUp && canGoDown else {
            throw mismatch(at: point, analytic: analytic, numeric: numeric, domain: domain)
        }
        // A jump: the change across the point does not shrink with the step.
        let small = h / 16
        let wide = abs(up - down), narrow = abs(f(p + small, y) - f(p - small, y))
        if wide > 1e-6 * scale && narrow > 0.5 * wide {
            throw FormulaError(.discontinuous, formula: formula.text,
                               problem: "the formula jumps at \(point)\(parameterText) (from \(format(down)) to \(format(up)))",
                               expected: "a formula continuous in p on \(domain), so that its gradient describes it",
                               suggestion: "Make both branches of where(...) meet where the condition changes.",
                               point: point)
        }
        let left = (center - down) / h, right = (up - center) / h
        let kinkTolerance = 1e-3 * max(abs(left), abs(right), abs(analytic)) + 1e-12 * scale / h + 1e-9
        if analytic >= min(left, right) - kinkTolerance && analytic <= max(left, right) + kinkTolerance { return }
        throw mismatch(at: point, analytic: analytic, numeric: numeric, domain: domain)
    }

    private func mismatch(at point: FormulaPoint, analytic: Double, numeric: Double, domain: FormulaDomain) -> FormulaError {
        FormulaError(.derivativeMismatch, formula: formula.text,
                     problem: "the derivative \(format(analytic)) disagrees with finite differences (\(format(numeric))) at \(point)\(parameterText)",
                     expected: "a formula differentiable in p on \(domain)",
                     suggestion: "An infinite slope (sqrt or a fractional power near 0) does this; keep its argument away from 0.",
                     point: point)
    }

    // MARK: Explaining a NaN or an infinity

    private func notFinite(root: Int, at point: FormulaPoint, result: Float, domain: FormulaDomain,
                           what: String) -> FormulaError {
        let values = FormulaEvaluator.float32(graph, through: root, at: point)
        let needed = graph.reachable(from: [root])
        var cause: String?
        var range: Range<Int>?
        for i in 0...root where needed[i] && !values[i].isFinite
            && graph.nodes[i].children.allSatisfy({ values[$0].isFinite }) {
            range = graph.origins[i]
            let reason = explanation(graph.nodes[i], values)
            if let range {
                let part = String(String.UnicodeScalarView(Array(formula.text.unicodeScalars)[range]))
                let derived = graph.origins[i].flatMap { _ in i > value ? "in the derivative of " : nil } ?? ""
                cause = "\(derived)\(part) (column \(range.lowerBound + 1)): \(reason)."
            } else {
                cause = reason + "."
            }
            break
        }
        return FormulaError(.notFinite, formula: formula.text, range: range,
                            problem: "\(what) is \(formatFloat(result)) at \(point)\(parameterText)",
                            expected: "a formula whose value and derivative are finite on \(domain)",
                            suggestion: cause.map { "The first non-finite part is " + $0 + hint(range) }, point: point)
    }

    private func explanation(_ node: FormulaGraph.Node, _ values: [Float]) -> String {
        switch node {
        case .unary(.log, let a):
            return values[a] == 0 ? "log(0) is -inf" : "the log of a negative number (\(formatFloat(values[a])))"
        case .unary(.log1p, let a):
            return values[a] == -1 ? "log1p(-1) is -inf" : "log1p of a number below -1 (\(formatFloat(values[a])))"
        case .unary(.sqrt, let a):
            return "the square root of a negative number (\(formatFloat(values[a])))"
        case .unary(let op, let a):
            return "\(op.name)(\(formatFloat(values[a]))) overflows float32"
        case .binary(.divide, let a, let b) where values[b] == 0:
            return "\(formatFloat(values[a])) / 0"
        case .binary(.power, let a, let b):
            return "\(formatFloat(values[a]))^\(formatFloat(values[b])) is not a finite number"
        case .binary(_, let a, let b):
            return "an operation on \(formatFloat(values[a])) and \(formatFloat(values[b])) overflows float32"
        default:
            return "not a finite number"
        }
    }

    private func hint(_ range: Range<Int>?) -> String {
        let text = formula.text
        if text.contains("log") { return " Clip the argument of a log, e.g. log(max(p, 1e-7)), as Keras does." }
        if text.contains("/") { return " Keep denominators away from 0, e.g. max(abs(y), 1e-7)." }
        return ""
    }

    /// Four significant digits.
    private func format(_ x: Double) -> String {
        guard x.isFinite, x != 0 else { return formatFloat(Float(x)) }
        let scale = pow(10, 3 - floor(log10(abs(x))))
        return formatFloat(Float((x * scale).rounded() / scale))
    }
}
