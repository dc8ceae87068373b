extension FormulaGraph {
    /// Adds `d root / dp` and returns its node, by the chain rule applied node by node in index
    /// order (children first), each node's rule written below beside its value's; nodes that do
    /// not depend on `p` have derivative 0. Each node adds a bounded number of nodes, so the
    /// derivative is at most a few times the formula's size, and shares what it can with it.
    ///
    /// | node | derivative |
    /// | --- | --- |
    /// | `p`; `y`, constants | 1; 0 |
    /// | `-a`, `a + b`, `a - b` | `-a'`, `a' + b'`, `a' - b'` |
    /// | `a * b` | `a' b + a b'` |
    /// | `a / b` | `(a' - (a / b) b') / b`; `a' / b` when `b` does not depend on `p` |
    /// | `a ^ k`, `k` free of `p` | `k a^(k - 1) a'` (`2 a a'` for `k = 2`) |
    /// | `a ^ b` | `a^b (b' log a + b a' / a)`; `a^b b' log a` when `a` is free of `p` |
    /// | `abs a`, `sign a`, `step a` | `sign(a) a'` (0 at 0), 0, 0 |
    /// | `exp a`, `log a`, `log1p a`, `sqrt a` | `exp(a) a'`, `a' / a`, `a' / (1 + a)`, `a' / (2 sqrt a)` |
    /// | `tanh a`, `sigmoid a`, `softplus a` | `(1 - tanh^2 a) a'`, `s (1 - s) a'`, `sigmoid(a) a'` |
    /// | `cosh a`, `sinh a` | `sinh(a) a'`, `cosh(a) a'` |
    /// | `min(a, b)`, `max(a, b)` | `where(b < a, b', a')`, `where(b > a, b', a')`: the chosen argument's |
    /// | `where(l op r, a, b)` | `where(l op r, a', b')` |
    ///
    /// At a kink (`abs` at 0, a tie of `min`/`max`, the edge of a `where`) this is one one-sided
    /// derivative or 0, a subgradient, as Keras's backends do for MAE, Huber and hinge.
    mutating func derivative(of root: Int) -> Int {
        var d = [Int](repeating: zero, count: root + 1)
        for i in 0...root where dependsOnPrediction[i] {
            origin = origins[i]
            d[i] = rule(i, d)
        }
        return d[root]
    }

    private mutating func rule(_ i: Int, _ d: [Int]) -> Int {
        switch nodes[i] {
        case .prediction:
            return one
        case .target, .constant:
            return zero
        case .unary(let op, let a):
            return multiply(unaryFactor(op, a, self: i), d[a])
        case .binary(let op, let a, let b):
            return binaryRule(op, a, b, self: i, d)
        case .select(let comparison, let left, let right, let then, let otherwise):
            return select(comparison, left, right, d[then], d[otherwise])
        }
    }

    /// `f'(a)` for `f(a)` = node `i`, reusing the node where the derivative is written with it.
    private mutating func unaryFactor(_ op: FormulaUnary, _ a: Int, self i: Int) -> Int {
        switch op {
        case .negate: return constant(-1)
        case .abs: return unary(.sign, a)
        case .sign, .step: return zero
        case .exp: return i
        case .log: return divide(one, a)
        case .log1p: return divide(one, add(one, a))
        case .sqrt: return divide(one, multiply(constant(2), i))
        case .tanh: return subtract(one, multiply(i, i))
        case .sigmoid: return multiply(i, subtract(one, i))
        case .softplus: return unary(.sigmoid, a)
        case .cosh: return unary(.sinh, a)
        case .sinh: return unary(.cosh, a)
        }
    }

    private mutating func binaryRule(_ op: FormulaBinary, _ a: Int, _ b: Int, self i: Int, _ d: [Int]) -> Int {
        let da = d[a], db = d[b]
        switch op {
        case .add: return add(da, db)
        case .subtract: return subtract(da, db)
        case .multiply: return add(multiply(da, b), multiply(a, db))
        case .divide:
            if !dependsOnPrediction[b] { return divide(da, b) }
            return divide(subtract(da, multiply(i, db)), b)
        case .power:
            if !dependsOnPrediction[b] {
                let lowered: Int
                if let k = constantValue(b) {
                    lowered = k == 2 ? a : binary(.power, a, constant(k - 1))
                } else {
                    lowered = binary(.power, a, subtract(b, one))
                }
                return multiply(multiply(b, lowered), da)
            }
            let logBase = multiply(db, unary(.log, a))
            if !dependsOnPrediction[a] { return multiply(i, logBase) }
            return multiply(i, add(logBase, divide(multiply(b, da), a)))
        case .minimum:
            return select(.less, b, a, db, da)
        case .maximum:
            return select(.greater, b, a, db, da)
        }
    }
}
