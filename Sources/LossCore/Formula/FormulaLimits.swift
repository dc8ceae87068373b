/// The bounds every formula is held to, so that hostile text (a megabyte of parentheses, a sum of
/// ten thousand terms) is refused with a message instead of exhausting the stack, the memory or the
/// time of a run. The parser, the printer and the lowering recurse at most ``depth`` levels deep;
/// the derivative adds a bounded number of nodes per node, so the compiled program stays within a
/// small multiple of ``operations``.
public enum FormulaLimits {
    /// Characters (Unicode scalars) of a formula.
    public static let length = 2_000
    /// Nesting depth of the expression tree: parentheses, calls, operators.
    public static let depth = 64
    /// Numbers, names, operators and calls in a formula.
    public static let operations = 500
    /// Nodes of the simplified expression graph (value and derivative together).
    public static let graphNodes = 8_000
}
