extension FormulaGraph {
    /// Adds the syntax tree `tree` with the parameters bound to `values` (float32), and returns its
    /// node. Every node remembers the part of the text it computes (``origins``). A part that does
    /// not depend on `p` or `y` is folded to a float32 constant; if that constant is NaN or
    /// infinite (`exp(1000)`, `1/0`, `log(-1)`, `c / 0` with `c` a parameter), the formula is
    /// refused at that part. Recursion is bounded by the tree's depth (``FormulaLimits/depth``).
    mutating func lower(_ tree: FormulaSyntax, values: [String: Float], formula: String) throws(FormulaError) -> Int {
        let node: Int
        switch tree.kind {
        case .number(let x):
            origin = tree.range
            node = constant(x)
        case .prediction:
            node = prediction
        case .target:
            node = target
        case .parameter(let name):
            origin = tree.range
            node = constant(values[name] ?? .nan)
        case .negate(let operand):
            let a = try lower(operand, values: values, formula: formula)
            origin = tree.range
            node = negate(a)
        case .binary(let op, let left, let right):
            let a = try lower(left, values: values, formula: formula)
            let b = try lower(right, values: values, formula: formula)
            origin = tree.range
            node = binary(Self.operation(op), a, b)
        case .call(.conditional, let arguments):
            guard case .comparison(let comparison, let left, let right) = arguments[0].kind else {
                preconditionFailure("the parser admits only a comparison as where's condition")
            }
            var operands: [Int] = []
            for argument in [left, right, arguments[1], arguments[2]] {
                operands.append(try lower(argument, values: values, formula: formula))
            }
            origin = tree.range
            node = select(comparison, operands[0], operands[1], operands[2], operands[3])
        case .call(let function, let arguments):
            var operands: [Int] = []
            for argument in arguments { operands.append(try lower(argument, values: values, formula: formula)) }
            origin = tree.range
            switch function {
            case .min: node = binary(.minimum, operands[0], operands[1])
            case .max: node = binary(.maximum, operands[0], operands[1])
            default: node = unary(FormulaUnary(function)!, operands[0])
            }
        case .comparison:
            preconditionFailure("the parser admits comparisons only as where's condition")
        }
        if !dependsOnInput[node] && constantValue(node) == nil {
            throw nonFiniteConstant(node, tree: tree, values: values, formula: formula)
        }
        return node
    }

    static func operation(_ op: FormulaSyntax.Operator) -> FormulaBinary {
        switch op {
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .divide: .divide
        case .power: .power
        }
    }

    /// The error for a constant part whose float32 value is not finite. Its operands are finite
    /// constants (an inner failure would have been reported first).
    private func nonFiniteConstant(_ node: Int, tree: FormulaSyntax, values: [String: Float],
                                   formula: String) -> FormulaError {
        let text = FormulaPrinter.text(tree)
        let operands = nodes[node].children.compactMap(constantValue)
        var value = Float.nan
        switch nodes[node] {
        case .unary(let op, _): value = op.apply(operands[0])
        case .binary(let op, _, _): value = op.apply(operands[0], operands[1])
        default: break
        }
        let bound = tree.parameters.sorted().map { "\($0) = \(formatFloat(values[$0] ?? .nan))" }
        let with = bound.isEmpty ? "" : " with " + bound.joined(separator: ", ")
        return FormulaError(.constant, formula: formula, range: tree.range,
                            problem: "\(text) is \(formatFloat(value)) in float32\(with)",
                            expected: "constant parts that are finite float32 numbers (magnitude at most 3.4e38)")
    }
}
