/// Indented JSON text of a value, for files people read (`experiment.json`).
extension JSONValue {
    /// The value as indented JSON: keys sorted, two spaces per level, short lists and objects of
    /// scalars kept on one line. It parses back (``parse(_:)-swift.type.method``) to an equal value;
    /// a non-finite number, which JSON cannot hold, is written in JSON5 (`Infinity`, `-Infinity`,
    /// `NaN`) so that it survives the round trip too.
    public func formatted(indentation: String = "") -> String {
        let inner = indentation + "  "
        switch self {
        case .number(let x) where !x.isFinite:
            return x.isNaN ? "NaN" : (x > 0 ? "Infinity" : "-Infinity")
        case .array(let items) where !items.isEmpty:
            if isFlat { return "[" + items.map { $0.formatted() }.joined(separator: ", ") + "]" }
            return "[\n" + items.map { inner + $0.formatted(indentation: inner) }.joined(separator: ",\n") + "\n" + indentation + "]"
        case .object(let members) where !members.isEmpty:
            let lines = members.keys.sorted().map { inner + quoteJSON($0) + ": " + members[$0]!.formatted(indentation: inner) }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + indentation + "}"
        default:
            return description
        }
    }

    /// A list of at most 8 scalars, short enough for one line.
    private var isFlat: Bool {
        guard case .array(let items) = self, items.count <= 8 else { return false }
        return items.allSatisfy { item in
            switch item {
            case .array, .object: false
            default: true
            }
        }
    }
}
