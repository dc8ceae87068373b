/// A formula and its derivative as one directed acyclic graph of float32 operations, built through
/// constructors that simplify as they go, so that what is evaluated is small:
///
/// - **Sharing** (common subexpressions): every node is interned, so `p - y` written twice, or
///   needed again by the derivative (`exp(u)`'s derivative reuses `exp(u)`), is one node.
///   `a + b` and `b + a` are one node too (IEEE addition and multiplication commute exactly).
/// - **Constant folding**: an operation on constants is its float32 result, computed with the
///   same functions as evaluation, unless that result is NaN or infinite (then the node stays,
///   and the checks point at it).
/// - **Identities** that hold exactly in IEEE arithmetic for finite operands: `x + 0`, `x - 0`,
///   `x * 1`, `x / 1`, `x ^ 1`, `--x`, `x - -y`, `x + -y`, `-(a - b) = b - a`, `x * -1 = -x`;
///   and `x * 0 = 0`, `0 / x = 0`, `x - x = 0`, `x ^ 0 = 1`, which hold wherever `x` is finite: the
///   checks refuse a formula that is not finite on its domain, so they are exact where it is used.
///
/// Nodes are stored in creation order and refer only to earlier nodes, so every pass (the
/// derivative, the evaluators, the compiler) is a loop over indices, never a recursion.
struct FormulaGraph: Sendable {
    enum Node: Sendable, Hashable {
        case prediction
        case target
        /// A float32, by its bits (so that -0 and 0 are kept apart and a dictionary can hold it).
        case constant(UInt32)
        case unary(FormulaUnary, Int)
        case binary(FormulaBinary, Int, Int)
        /// `where(left comparison right, then, otherwise)`.
        case select(FormulaComparison, Int, Int, Int, Int)

        var children: [Int] {
            switch self {
            case .prediction, .target, .constant: []
            case .unary(_, let a): [a]
            case .binary(_, let a, let b): [a, b]
            case .select(_, let a, let b, let c, let d): [a, b, c, d]
            }
        }
    }

    private(set) var nodes: [Node] = []
    /// Whether node `i` depends on `p`.
    private(set) var dependsOnPrediction: [Bool] = []
    /// Whether node `i` depends on `p` or `y` (otherwise it is a constant expression).
    private(set) var dependsOnInput: [Bool] = []
    /// The part of the formula's text that node `i` computes (for value nodes) or whose derivative
    /// produced it, when known: where a check that fails at node `i` points.
    private(set) var origins: [Range<Int>?] = []
    /// The origin given to the nodes created from now on.
    var origin: Range<Int>?
    private var index: [Node: Int] = [:]

    init() {
        prediction = 0
        target = 0
        zero = 0
        one = 0
        prediction = intern(.prediction)
        target = intern(.target)
        zero = constant(0)
        one = constant(1)
    }

    private(set) var prediction: Int
    private(set) var target: Int
    private(set) var zero: Int
    private(set) var one: Int

    var count: Int { nodes.count }

    /// The value of node `i` when it is a constant.
    func constantValue(_ i: Int) -> Float? {
        if case .constant(let bits) = nodes[i] { return Float(bitPattern: bits) }
        return nil
    }

    mutating func intern(_ node: Node) -> Int {
        if let existing = index[node] { return existing }
        let children = node.children
        nodes.append(node)
        dependsOnPrediction.append(node == .prediction || children.contains { dependsOnPrediction[$0] })
        dependsOnInput.append(node == .prediction || node == .target || children.contains { dependsOnInput[$0] })
        origins.append(origin)
        index[node] = nodes.count - 1
        return nodes.count - 1
    }

    mutating func constant(_ x: Float) -> Int {
        intern(.constant(x.bitPattern))
    }

    /// A folded constant when `x` is finite, otherwise `nil` (the operation stays a node).
    private mutating func folded(_ x: Float) -> Int? {
        x.isFinite ? constant(x) : nil
    }

    // MARK: Simplifying constructors

    mutating func unary(_ op: FormulaUnary, _ a: Int) -> Int {
        if let x = constantValue(a), let result = folded(op.apply(x)) { return result }
        if op == .negate {
            switch nodes[a] {
            case .unary(.negate, let inner): return inner
            case .binary(.subtract, let l, let r): return binary(.subtract, r, l)
            default: break
            }
        }
        return intern(.unary(op, a))
    }

    mutating func negate(_ a: Int) -> Int { unary(.negate, a) }

    mutating func binary(_ op: FormulaBinary, _ a: Int, _ b: Int) -> Int {
        let x = constantValue(a), y = constantValue(b)
        if let x, let y {
            // Not finite: kept as it is, for the checks to point at.
            if let result = folded(op.apply(x, y)) { return result }
            return intern(.binary(op, a, b))
        }
        if let simpler = identity(op, a, b, x, y) { return simpler }
        if op.isCommutative && b < a { return intern(.binary(op, b, a)) }
        return intern(.binary(op, a, b))
    }

    /// The identities of the type's comment, or `nil`.
    private mutating func identity(_ op: FormulaBinary, _ a: Int, _ b: Int, _ x: Float?, _ y: Float?) -> Int? {
        switch op {
        case .add:
            if x == 0 { return b }
            if y == 0 { return a }
            if case .unary(.negate, let inner) = nodes[b] { return binary(.subtract, a, inner) }
            if case .unary(.negate, let inner) = nodes[a] { return binary(.subtract, b, inner) }
        case .subtract:
            if y == 0 { return a }
            if x == 0 { return negate(b) }
            if a == b { return zero }
            if case .unary(.negate, let inner) = nodes[b] { return binary(.add, a, inner) }
        case .multiply:
            if x == 0 || y == 0 { return zero }
            if x == 1 { return b }
            if y == 1 { return a }
            if x == -1 { return negate(b) }
            if y == -1 { return negate(a) }
        case .divide:
            if x == 0 { return zero }
            if y == 1 { return a }
            if y == -1 { return negate(a) }
        case .power:
            if y == 1 { return a }
            if y == 0 { return one }
        case .minimum, .maximum:
            if a == b { return a }
        }
        return nil
    }

    mutating func add(_ a: Int, _ b: Int) -> Int { binary(.add, a, b) }
    mutating func subtract(_ a: Int, _ b: Int) -> Int { binary(.subtract, a, b) }
    mutating func multiply(_ a: Int, _ b: Int) -> Int { binary(.multiply, a, b) }
    mutating func divide(_ a: Int, _ b: Int) -> Int { binary(.divide, a, b) }

    mutating func select(_ comparison: FormulaComparison, _ left: Int, _ right: Int, _ then: Int, _ otherwise: Int) -> Int {
        if then == otherwise { return then }
        if let l = constantValue(left), let r = constantValue(right) {
            return comparison.holds(l, r) ? then : otherwise
        }
        return intern(.select(comparison, left, right, then, otherwise))
    }

    /// The nodes that `roots` need, as a mask over node indices.
    func reachable(from roots: [Int]) -> [Bool] {
        var needed = [Bool](repeating: false, count: nodes.count)
        for root in roots { needed[root] = true }
        for i in stride(from: nodes.count - 1, through: 0, by: -1) where needed[i] {
            for child in nodes[i].children { needed[child] = true }
        }
        return needed
    }
}
