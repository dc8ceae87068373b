extension FormulaGraph {
    /// Node `root` as formula text (shared nodes written out where they are used), cut at
    /// `limit` characters with "...": for messages, the help text and the tests. Each node's text
    /// is built once, from its children's.
    func text(of root: Int, limit: Int = 2_000) -> String {
        var texts = [String](repeating: "", count: root + 1)
        var levels = [Int](repeating: 5, count: root + 1)
        func operand(_ i: Int, above level: Int, orEqual: Bool = false) -> String {
            levels[i] < level || (orEqual && levels[i] == level) ? "(\(texts[i]))" : texts[i]
        }
        for i in 0...root {
            var level = 5
            let text: String
            switch nodes[i] {
            case .prediction: text = "p"
            case .target: text = "y"
            case .constant(let bits):
                let x = Float(bitPattern: bits)
                text = formatFloat(x)
                if x < 0 { level = 3 }
            case .unary(.negate, let a):
                text = "-" + operand(a, above: 3)
                level = 3
            case .unary(let op, let a):
                text = "\(op.name)(\(texts[a]))"
            case .binary(.minimum, let a, let b):
                text = "min(\(texts[a]), \(texts[b]))"
            case .binary(.maximum, let a, let b):
                text = "max(\(texts[a]), \(texts[b]))"
            case .binary(.power, let a, let b):
                text = operand(a, above: 4, orEqual: true) + "^" + (levels[b] == 3 ? "(\(texts[b]))" : operand(b, above: 3))
                level = 4
            case .binary(let op, let a, let b):
                let symbol: String, strength: Int
                switch op {
                case .add: (symbol, strength) = ("+", 1)
                case .subtract: (symbol, strength) = ("-", 1)
                case .multiply: (symbol, strength) = ("*", 2)
                default: (symbol, strength) = ("/", 2)
                }
                text = operand(a, above: strength) + " \(symbol) " + operand(b, above: strength, orEqual: true)
                level = strength
            case .select(let c, let l, let r, let t, let o):
                text = "where(\(texts[l]) \(c.rawValue) \(texts[r]), \(texts[t]), \(texts[o]))"
            }
            texts[i] = text.count > limit ? String(text.prefix(limit)) + "..." : text
            levels[i] = level
        }
        return texts[root]
    }
}
