#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The loops of ``FormulaProgram``'s instructions, 8 float32 lanes at a time over `lanes`
/// elements (a multiple of 8) of registers that hold whole 8-lane groups. A destination may be one
/// of its operands: each group is read before it is written.
///
/// The values are those of ``FormulaUnary/apply(_:)-(Float)`` and ``FormulaBinary/apply(_:_:)-(Float,Float)``
/// (constant folding's): the same IEEE operations for arithmetic, comparisons, `min`, `max`,
/// `sqrt` and `abs`; ``VectorMath``'s exponential and logarithm for `exp`, `log`, `log1p`,
/// `sigmoid` and `softplus` (within an ulp or two of glibc's, as the built-in losses' batch
/// paths); glibc's `tanhf`, `coshf`, `sinhf` and `powf` lane by lane.
enum FormulaKernels {
    typealias Lanes = VectorMath.Lanes
    typealias Pointer = UnsafeMutablePointer<Float>

    @inline(__always)
    static func map(_ lanes: Int, _ destination: Pointer, _ a: Pointer, _ f: (Lanes) -> Lanes) {
        var i = 0
        while i < lanes {
            VectorMath.store(f(VectorMath.load(a + i)), destination + i)
            i += 8
        }
    }

    @inline(__always)
    static func map(_ lanes: Int, _ destination: Pointer, _ a: Pointer, _ b: Pointer, _ f: (Lanes, Lanes) -> Lanes) {
        var i = 0
        while i < lanes {
            VectorMath.store(f(VectorMath.load(a + i), VectorMath.load(b + i)), destination + i)
            i += 8
        }
    }

    /// A scalar function lane by lane.
    @inline(__always)
    static func scalar(_ lanes: Int, _ destination: Pointer, _ a: Pointer, _ f: (Float) -> Float) {
        for i in 0..<lanes { destination[i] = f(a[i]) }
    }

    static func execute(_ instruction: FormulaProgram.Instruction, _ registers: UnsafePointer<Pointer>, _ lanes: Int) {
        let d = registers[Int(instruction.destination)], a = registers[Int(instruction.a)]
        let k = Lanes(repeating: instruction.constant)
        switch instruction.opcode {
        case .add: map(lanes, d, a, registers[Int(instruction.b)], +)
        case .subtract: map(lanes, d, a, registers[Int(instruction.b)], -)
        case .multiply: map(lanes, d, a, registers[Int(instruction.b)], *)
        case .divide: map(lanes, d, a, registers[Int(instruction.b)], /)
        case .minimum: map(lanes, d, a, registers[Int(instruction.b)]) { x, y in x.replacing(with: y, where: y .< x) }
        case .maximum: map(lanes, d, a, registers[Int(instruction.b)]) { x, y in x.replacing(with: y, where: y .> x) }
        case .power:
            let b = registers[Int(instruction.b)]
            for i in 0..<lanes { d[i] = FormulaPower.apply(a[i], b[i]) }
        case .addConstant: map(lanes, d, a) { $0 + k }
        case .constantMinus: map(lanes, d, a) { k - $0 }
        case .multiplyConstant: map(lanes, d, a) { $0 * k }
        case .divideByConstant: map(lanes, d, a) { $0 / k }
        case .constantDividedBy: map(lanes, d, a) { k / $0 }
        case .minimumWithConstant: map(lanes, d, a) { $0.replacing(with: k, where: k .< $0) }
        case .maximumWithConstant: map(lanes, d, a) { $0.replacing(with: k, where: k .> $0) }
        case .integerPower:
            let n = Int(instruction.constant)
            map(lanes, d, a) { integerPower($0, n) }
        case .powerConstant:
            let exponent = instruction.constant
            scalar(lanes, d, a) { powf($0, exponent) }
        default:
            unary(instruction.opcode, lanes, d, a, registers, instruction)
        }
    }

    @inline(__always)
    private static func unary(_ opcode: FormulaProgram.Opcode, _ lanes: Int, _ d: Pointer, _ a: Pointer,
                              _ registers: UnsafePointer<Pointer>, _ instruction: FormulaProgram.Instruction) {
        switch opcode {
        case .negate: map(lanes, d, a) { -$0 }
        case .abs: map(lanes, d, a, magnitude)
        case .exp: map(lanes, d, a, VectorMath.exp)
        case .log: map(lanes, d, a, VectorMath.log)
        case .log1p: map(lanes, d, a, log1p)
        case .sqrt: map(lanes, d, a) { $0.squareRoot() }
        case .tanh: scalar(lanes, d, a, tanhf)
        case .sigmoid: map(lanes, d, a, sigmoid)
        case .softplus: map(lanes, d, a, softplus)
        case .cosh: scalar(lanes, d, a, coshf)
        case .sinh: scalar(lanes, d, a, sinhf)
        case .sign:
            map(lanes, d, a) { x in
                Lanes(repeating: 0).replacing(with: 1, where: x .> 0).replacing(with: -1, where: x .< 0)
                    .replacing(with: x, where: x .!= x)
            }
        case .step: map(lanes, d, a) { x in Lanes(repeating: 0).replacing(with: 1, where: x .> 0).replacing(with: x, where: x .!= x) }
        default:
            let l = a, r = registers[Int(instruction.b)]
            let t = registers[Int(instruction.c)], o = registers[Int(instruction.d)]
            var i = 0
            while i < lanes {
                let x = VectorMath.load(l + i), y = VectorMath.load(r + i)
                let mask: SIMDMask<SIMD8<Int32>> = switch opcode {
                case .selectLess: x .< y
                case .selectLessOrEqual: x .<= y
                case .selectGreater: x .> y
                case .selectGreaterOrEqual: x .>= y
                case .selectEqual: x .== y
                default: x .!= y
                }
                VectorMath.store(VectorMath.load(o + i).replacing(with: VectorMath.load(t + i), where: mask), d + i)
                i += 8
            }
        }
    }

    /// `|x|`: the sign bit cleared.
    @inline(__always)
    static func magnitude(_ x: Lanes) -> Lanes {
        unsafeBitCast(unsafeBitCast(x, to: SIMD8<UInt32>.self) & 0x7fff_ffff, to: Lanes.self)
    }

    /// `log(1 + t)` for any `t` (``VectorMath/log1p(_:)``'s trick holds for `t > -1`; `log1p(+inf)`
    /// is `+inf`).
    @inline(__always)
    static func log1p(_ t: Lanes) -> Lanes {
        VectorMath.log1p(t).replacing(with: t, where: t .== .infinity)
    }

    /// ``StableMath/sigmoid(_:)`` with `t = e^-|x|`: `1 / (1 + t)` for `x >= 0`, `t / (1 + t)` below.
    @inline(__always)
    static func sigmoid(_ x: Lanes) -> Lanes {
        let t = VectorMath.exp(-magnitude(x))
        let s = 1 / (1 + t)
        return s.replacing(with: t * s, where: x .< 0)
    }

    /// ``StableMath/softplus(_:)``: `max(x, 0) + log1p(e^-|x|)`.
    @inline(__always)
    static func softplus(_ x: Lanes) -> Lanes {
        x.replacing(with: 0, where: x .< 0) + VectorMath.log1p(VectorMath.exp(-magnitude(x)))
    }

    /// ``FormulaPower/integerPower(_:_:)`` on lanes.
    @inline(__always)
    static func integerPower(_ x: Lanes, _ n: Int) -> Lanes {
        var result = Lanes(repeating: 1), base = x, e = Swift.abs(n)
        while e > 0 {
            if e & 1 == 1 { result *= base }
            base *= base
            e >>= 1
        }
        return n < 0 ? 1 / result : result
    }
}
