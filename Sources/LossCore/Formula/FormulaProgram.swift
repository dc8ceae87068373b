/// A formula graph compiled for batches: a flat array of instructions over registers of one chunk
/// of elements each, run chunk by chunk over a whole batch. Nothing is parsed, looked up or
/// allocated per element; one run allocates its registers once, on the stack.
///
/// - Registers 0 and 1 hold a chunk of `p` and `y`; then one register per constant that an
///   instruction reads as an operand (filled once per run); then temporaries, reused as soon as
///   their last reader has run (a linear scan over the instructions).
/// - Instruction selection: an operation with one constant operand takes it as an immediate
///   (`p + 1`, `2 * x`, `1 - x`, `x / c`, `min(x, 1e-7)`); `x^2` is `x * x`, `x^0.5` is `sqrt(x)`,
///   other whole exponents up to 16 are products, and constants are materialised only where an
///   operation needs a register (`where`, `pow` of a constant base).
/// - Every register has a whole number of 8-lane groups: the kernels (``FormulaKernels``) work on
///   8 floats at a time; the inputs are copied into their registers so that the lanes past the
///   end of a batch never read outside it.
struct FormulaProgram: Sendable {
    enum Opcode: UInt8, Sendable {
        case add, subtract, multiply, divide, power, minimum, maximum
        case addConstant, constantMinus, multiplyConstant, divideByConstant, constantDividedBy
        case minimumWithConstant, maximumWithConstant, integerPower, powerConstant
        case negate, abs, exp, log, log1p, sqrt, tanh, sigmoid, softplus, cosh, sinh, sign, step
        case selectLess, selectLessOrEqual, selectGreater, selectGreaterOrEqual, selectEqual, selectNotEqual
    }

    struct Instruction: Sendable {
        var opcode: Opcode
        var destination: Int32
        var a: Int32
        var b: Int32 = 0
        var c: Int32 = 0
        var d: Int32 = 0
        /// The immediate operand, or the exponent of ``Opcode/integerPower``.
        var constant: Float = 0
    }

    let instructions: [Instruction]
    let registerCount: Int
    let constantRegisters: [Int32]
    let constantValues: [Float]
    /// The register of each root, in the order the roots were given.
    let outputs: [Int32]
    /// Elements per register: a multiple of 8, at most 256, less for programs with many registers
    /// (so that a run's registers stay within 64 KiB).
    let chunk: Int

    /// Compiles the nodes that `roots` need.
    init(graph: FormulaGraph, roots: [Int]) {
        var compiler = FormulaCompiler(graph: graph, roots: roots)
        compiler.compile()
        instructions = compiler.instructions
        registerCount = compiler.registerCount
        constantRegisters = compiler.constantRegisters.map { Int32($0.register) }
        constantValues = compiler.constantRegisters.map(\.value)
        outputs = roots.map { Int32(compiler.register(of: $0)) }
        chunk = min(256, max(8, 16_384 / max(registerCount, 1) / 8 * 8))
    }

    /// Evaluates the roots at `count` elements `(predicted[i], expected[i])`, writing the first
    /// root's values to `first` and, when the program has a second root, its values to `second`.
    func run(count: Int, predicted: UnsafePointer<Float>, expected: UnsafePointer<Float>,
             first: UnsafeMutablePointer<Float>, second: UnsafeMutablePointer<Float>? = nil) {
        guard count > 0 else { return }
        let width = min(chunk, (count + 7) / 8 * 8)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: registerCount * width) { scratch in
            let base = scratch.baseAddress!
            base.initialize(repeating: 0, count: registerCount * width)
            withUnsafeTemporaryAllocation(of: UnsafeMutablePointer<Float>.self, capacity: registerCount) { table in
                for r in 0..<registerCount { table[r] = base + r * width }
                for (register, value) in zip(constantRegisters, constantValues) {
                    table[Int(register)].update(repeating: value, count: width)
                }
                let registers = table.baseAddress!
                var start = 0
                while start < count {
                    let n = min(width, count - start)
                    registers[0].update(from: predicted + start, count: n)
                    registers[1].update(from: expected + start, count: n)
                    let lanes = (n + 7) / 8 * 8
                    for instruction in instructions {
                        FormulaKernels.execute(instruction, registers, lanes)
                    }
                    (first + start).update(from: registers[Int(outputs[0])], count: n)
                    if let second, outputs.count > 1 {
                        (second + start).update(from: registers[Int(outputs[1])], count: n)
                    }
                    start += n
                }
            }
        }
    }
}

/// Instruction selection and register allocation for ``FormulaProgram``.
private struct FormulaCompiler {
    typealias Opcode = FormulaProgram.Opcode
    let graph: FormulaGraph
    let roots: [Int]
    var instructions: [FormulaProgram.Instruction] = []
    var constantRegisters: [(register: Int, value: Float)] = []
    private var registers: [Int: Int] = [:]
    private var free: [Int] = []
    var registerCount = 2

    init(graph: FormulaGraph, roots: [Int]) {
        self.graph = graph
        self.roots = roots
    }

    func register(of node: Int) -> Int { registers[node]! }

    mutating func compile() {
        let needed = graph.reachable(from: roots)
        registers[graph.prediction] = 0
        registers[graph.target] = 1
        // Constants that some instruction reads as a register (or that are a root).
        var asRegister = Set(roots.filter { graph.constantValue($0) != nil })
        for i in graph.nodes.indices where needed[i] && graph.constantValue(i) == nil {
            for operand in registerOperands(i) where graph.constantValue(operand) != nil { asRegister.insert(operand) }
        }
        for node in asRegister.sorted() {
            registers[node] = registerCount
            constantRegisters.append((registerCount, graph.constantValue(node)!))
            registerCount += 1
        }
        // The last instruction (by node index) that reads each node.
        var lastUse: [Int: Int] = [:]
        for i in graph.nodes.indices where needed[i] && isInstruction(i) {
            for operand in registerOperands(i) { lastUse[operand] = i }
        }
        let kept = Set(roots)
        for i in graph.nodes.indices where needed[i] && isInstruction(i) {
            var instruction = select(i)
            for operand in Set(registerOperands(i)) where lastUse[operand] == i && !kept.contains(operand) {
                if let r = registers[operand], r >= 2 + constantRegisters.count { free.append(r) }
            }
            var destination = registerCount
            if let reused = free.popLast() { destination = reused } else { registerCount += 1 }
            registers[i] = destination
            instruction.destination = Int32(destination)
            instructions.append(instruction)
        }
    }

    private func isInstruction(_ i: Int) -> Bool {
        switch graph.nodes[i] {
        case .prediction, .target, .constant: false
        default: true
        }
    }

    /// The operands of node `i` that its instruction reads from registers (constants that are
    /// immediates are left out).
    private func registerOperands(_ i: Int) -> [Int] {
        switch graph.nodes[i] {
        case .prediction, .target, .constant: return []
        case .unary(_, let a): return [a]
        case .select(_, let a, let b, let c, let d): return [a, b, c, d]
        case .binary(let op, let a, let b):
            let x = graph.constantValue(a), y = graph.constantValue(b)
            switch op {
            case .add, .multiply: return y != nil ? [a] : x != nil ? [b] : [a, b]
            case .subtract, .divide: return y != nil ? [a] : x != nil ? [b] : [a, b]
            case .minimum, .maximum: return y != nil ? [a] : [a, b]
            case .power: return y != nil ? [a] : [a, b]
            }
        }
    }

    /// The instruction for node `i`, its destination not yet set.
    private func select(_ i: Int) -> FormulaProgram.Instruction {
        func r(_ node: Int) -> Int32 { Int32(registers[node]!) }
        switch graph.nodes[i] {
        case .prediction, .target, .constant:
            preconditionFailure("inputs and constants are registers, not instructions")
        case .unary(let op, let a):
            return .init(opcode: Self.opcode(op), destination: 0, a: r(a))
        case .select(let comparison, let a, let b, let c, let d):
            return .init(opcode: Self.opcode(comparison), destination: 0, a: r(a), b: r(b), c: r(c), d: r(d))
        case .binary(let op, let a, let b):
            let x = graph.constantValue(a), y = graph.constantValue(b)
            switch (op, x, y) {
            case (.add, _, let k?): return .init(opcode: .addConstant, destination: 0, a: r(a), constant: k)
            case (.add, let k?, _): return .init(opcode: .addConstant, destination: 0, a: r(b), constant: k)
            case (.subtract, _, let k?): return .init(opcode: .addConstant, destination: 0, a: r(a), constant: -k)
            case (.subtract, let k?, _): return .init(opcode: .constantMinus, destination: 0, a: r(b), constant: k)
            case (.multiply, _, let k?): return .init(opcode: .multiplyConstant, destination: 0, a: r(a), constant: k)
            case (.multiply, let k?, _): return .init(opcode: .multiplyConstant, destination: 0, a: r(b), constant: k)
            case (.divide, _, let k?): return .init(opcode: .divideByConstant, destination: 0, a: r(a), constant: k)
            case (.divide, let k?, _): return .init(opcode: .constantDividedBy, destination: 0, a: r(b), constant: k)
            case (.minimum, _, let k?): return .init(opcode: .minimumWithConstant, destination: 0, a: r(a), constant: k)
            case (.maximum, _, let k?): return .init(opcode: .maximumWithConstant, destination: 0, a: r(a), constant: k)
            case (.power, _, let k?):
                if k == 2 { return .init(opcode: .multiply, destination: 0, a: r(a), b: r(a)) }
                if k == 0.5 { return .init(opcode: .sqrt, destination: 0, a: r(a)) }
                if let n = FormulaPower.wholeExponent(k) {
                    return .init(opcode: .integerPower, destination: 0, a: r(a), constant: Float(n))
                }
                return .init(opcode: .powerConstant, destination: 0, a: r(a), constant: k)
            default:
                return .init(opcode: Self.opcode(op), destination: 0, a: r(a), b: r(b))
            }
        }
    }

    static func opcode(_ op: FormulaBinary) -> Opcode {
        switch op {
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .divide: .divide
        case .power: .power
        case .minimum: .minimum
        case .maximum: .maximum
        }
    }

    static func opcode(_ op: FormulaUnary) -> Opcode {
        switch op {
        case .negate: .negate
        case .abs: .abs
        case .exp: .exp
        case .log: .log
        case .log1p: .log1p
        case .sqrt: .sqrt
        case .tanh: .tanh
        case .sigmoid: .sigmoid
        case .softplus: .softplus
        case .cosh: .cosh
        case .sinh: .sinh
        case .sign: .sign
        case .step: .step
        }
    }

    static func opcode(_ comparison: FormulaComparison) -> Opcode {
        switch comparison {
        case .less: .selectLess
        case .lessOrEqual: .selectLessOrEqual
        case .greater: .selectGreater
        case .greaterOrEqual: .selectGreaterOrEqual
        case .equal: .selectEqual
        case .notEqual: .selectNotEqual
        }
    }
}
