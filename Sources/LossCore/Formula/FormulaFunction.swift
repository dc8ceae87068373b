#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The functions a formula may call, the one table that the parser, the help text and the
/// suggestions read. Their value and derivative rules are in ``FormulaGraph`` and
/// ``FormulaDerivative``.
public enum FormulaFunction: String, Sendable, CaseIterable, Hashable {
    case abs, exp, log, log1p, sqrt, tanh, sigmoid, softplus, cosh, sinh, sign, step
    case min, max
    /// `where(condition, then, otherwise)`, also spelled `if(...)`.
    case conditional = "where"

    /// Finds a function by its name (`if` is `where`).
    public static func named(_ name: String) -> FormulaFunction? {
        name == "if" ? .conditional : FormulaFunction(rawValue: name)
    }

    /// Every name a formula may call.
    public static var names: [String] { allCases.map(\.rawValue) + ["if"] }

    public var arity: Int {
        switch self {
        case .min, .max: 2
        case .conditional: 3
        default: 1
        }
    }

    /// How it is called, for messages: `min(a, b)`.
    public var signature: String {
        switch self {
        case .min, .max: "\(rawValue)(a, b)"
        case .conditional: "where(condition, then, otherwise)"
        default: "\(rawValue)(x)"
        }
    }

    /// One line for the help text: the value and the derivative that LossLab uses.
    public var summary: String {
        switch self {
        case .abs: "|x|; derivative sign(x), 0 at 0"
        case .exp: "e^x"
        case .log: "natural logarithm, x > 0"
        case .log1p: "log(1 + x), accurate for small x, x > -1"
        case .sqrt: "square root, x >= 0 (its slope at 0 is infinite)"
        case .tanh: "hyperbolic tangent"
        case .sigmoid: "1 / (1 + e^-x), stable for any x"
        case .softplus: "log(1 + e^x), stable for any x"
        case .cosh: "hyperbolic cosine (overflows float32 beyond |x| = 89)"
        case .sinh: "hyperbolic sine"
        case .sign: "-1, 0 or 1; derivative 0"
        case .step: "1 if x > 0 else 0; derivative 0"
        case .min: "the smaller of a and b; on a tie, a and its derivative"
        case .max: "the larger of a and b; on a tie, a and its derivative"
        case .conditional: "then where the comparison holds, otherwise elsewhere (also if(...)); conditions: < <= > >= == !="
        }
    }
}

/// The unary operations of a formula graph: unary minus and the one-argument functions.
enum FormulaUnary: Sendable, Hashable {
    case negate, abs, exp, log, log1p, sqrt, tanh, sigmoid, softplus, cosh, sinh, sign, step

    init?(_ function: FormulaFunction) {
        switch function {
        case .abs: self = .abs
        case .exp: self = .exp
        case .log: self = .log
        case .log1p: self = .log1p
        case .sqrt: self = .sqrt
        case .tanh: self = .tanh
        case .sigmoid: self = .sigmoid
        case .softplus: self = .softplus
        case .cosh: self = .cosh
        case .sinh: self = .sinh
        case .sign: self = .sign
        case .step: self = .step
        case .min, .max, .conditional: return nil
        }
    }

    /// The function's name in formula text (`-` for negation).
    var name: String {
        switch self {
        case .negate: "-"
        case .abs: "abs"
        case .exp: "exp"
        case .log: "log"
        case .log1p: "log1p"
        case .sqrt: "sqrt"
        case .tanh: "tanh"
        case .sigmoid: "sigmoid"
        case .softplus: "softplus"
        case .cosh: "cosh"
        case .sinh: "sinh"
        case .sign: "sign"
        case .step: "step"
        }
    }

    /// The value in float32 (constant folding's, the scalar evaluator's) or float64 (the
    /// finite-difference checks'), by the same rules. The batch kernels (``FormulaKernels``) give
    /// the float32 numbers, within an ulp or two for the exponential and the logarithms
    /// (``VectorMath``).
    func apply<T: FormulaScalar>(_ x: T) -> T {
        switch self {
        case .negate: -x
        case .abs: Swift.abs(x)
        case .exp: T.exponential(x)
        case .log: T.logarithm(x)
        case .log1p: T.logarithmOnePlus(x)
        case .sqrt: x.squareRoot()
        case .tanh: T.hyperbolicTangent(x)
        case .sigmoid: T.sigmoid(x)
        case .softplus: T.softplus(x)
        case .cosh: T.hyperbolicCosine(x)
        case .sinh: T.hyperbolicSine(x)
        case .sign: x > 0 ? 1 : (x < 0 ? -1 : (x.isNaN ? x : 0))
        case .step: x > 0 ? 1 : (x.isNaN ? x : 0)
        }
    }
}

/// The C library's functions for the two precisions formulas are evaluated in.
protocol FormulaScalar: BinaryFloatingPoint {
    static func exponential(_ x: Self) -> Self
    static func logarithm(_ x: Self) -> Self
    static func logarithmOnePlus(_ x: Self) -> Self
    static func hyperbolicTangent(_ x: Self) -> Self
    static func hyperbolicCosine(_ x: Self) -> Self
    static func hyperbolicSine(_ x: Self) -> Self
    static func power(_ x: Self, _ y: Self) -> Self
}

extension FormulaScalar {
    /// ``StableMath/sigmoid(_:)``'s two branches.
    static func sigmoid(_ x: Self) -> Self {
        if x >= 0 { return 1 / (1 + exponential(-x)) }
        let e = exponential(x)
        return e / (1 + e)
    }

    /// ``StableMath/softplus(_:)``: `max(x, 0) + log1p(e^-|x|)`.
    static func softplus(_ x: Self) -> Self {
        Swift.max(x, 0) + logarithmOnePlus(exponential(-Swift.abs(x)))
    }
}

extension Float: FormulaScalar {
    static func exponential(_ x: Float) -> Float { expf(x) }
    static func logarithm(_ x: Float) -> Float { logf(x) }
    static func logarithmOnePlus(_ x: Float) -> Float { log1pf(x) }
    static func hyperbolicTangent(_ x: Float) -> Float { tanhf(x) }
    static func hyperbolicCosine(_ x: Float) -> Float { coshf(x) }
    static func hyperbolicSine(_ x: Float) -> Float { sinhf(x) }
    static func power(_ x: Float, _ y: Float) -> Float { powf(x, y) }
}

extension Double: FormulaScalar {
    static func exponential(_ x: Double) -> Double { exp(x) }
    static func logarithm(_ x: Double) -> Double { log(x) }
    static func logarithmOnePlus(_ x: Double) -> Double { log1p(x) }
    static func hyperbolicTangent(_ x: Double) -> Double { tanh(x) }
    static func hyperbolicCosine(_ x: Double) -> Double { cosh(x) }
    static func hyperbolicSine(_ x: Double) -> Double { sinh(x) }
    static func power(_ x: Double, _ y: Double) -> Double { pow(x, y) }
}

/// The binary operations of a formula graph.
enum FormulaBinary: Sendable, Hashable {
    case add, subtract, multiply, divide, power, minimum, maximum

    var isCommutative: Bool { self == .add || self == .multiply }

    /// `minimum(a, b)` is `b < a ? b : a` and `maximum(a, b)` is `b > a ? b : a`: on a tie (and when
    /// `b` is NaN) the first argument. `power` is ``FormulaPower``'s.
    func apply<T: FormulaScalar>(_ a: T, _ b: T) -> T {
        switch self {
        case .add: a + b
        case .subtract: a - b
        case .multiply: a * b
        case .divide: a / b
        case .power: FormulaPower.apply(a, b)
        case .minimum: b < a ? b : a
        case .maximum: b > a ? b : a
        }
    }
}

/// `a ^ b`: C's `pow`, except `x^2`, `x^3` and other whole exponents up to 16 in magnitude, which
/// are products (exact for negative bases, as `pow` is too), and `x^0.5`, which is `sqrt(x)`.
/// A negative base with a fractional exponent is NaN.
enum FormulaPower {
    /// The exponent as a whole number when it is one of at most 16 in magnitude.
    static func wholeExponent<T: FormulaScalar>(_ b: T) -> Int? {
        b == b.rounded() && Swift.abs(b) <= 16 ? Int(b) : nil
    }

    static func apply<T: FormulaScalar>(_ a: T, _ b: T) -> T {
        if b == 0.5 { return a.squareRoot() }
        if let n = wholeExponent(b) { return integerPower(a, n) }
        return T.power(a, b)
    }

    /// `a^n` by repeated squaring; `a^-n = 1 / a^n`.
    @inline(__always)
    static func integerPower<T: FormulaScalar>(_ a: T, _ n: Int) -> T {
        if n == 2 { return a * a }
        var result: T = 1, base = a, e = Swift.abs(n)
        while e > 0 {
            if e & 1 == 1 { result *= base }
            base *= base
            e >>= 1
        }
        return n < 0 ? 1 / result : result
    }
}

/// The comparisons a `where` condition may make. NaN compares false to everything (so `!=` holds).
public enum FormulaComparison: String, Sendable, CaseIterable, Hashable {
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="

    func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        case .greaterOrEqual: a >= b
        case .equal: a == b
        case .notEqual: a != b
        }
    }
}
