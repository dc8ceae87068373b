import LossCore

/// The colour and point type of a series in a figure.
public struct SeriesStyle: Sendable, Hashable {
    /// `#rrggbb`.
    public var color: String
    /// A gnuplot point type (`pt`).
    public var pointType: Int

    public init(color: String, pointType: Int) {
        self.color = color
        self.pointType = pointType
    }
}

/// One fixed colour and point type per loss, the same in every figure of every experiment, so a
/// reader learns once that MSE is blue circles.
///
/// | loss | colour | point type |
/// | --- | --- | --- |
/// | mse | `#1f77b4` blue | 7 filled circle |
/// | mae | `#d62728` red | 5 filled square |
/// | huber | `#2ca02c` green | 9 filled triangle |
/// | log_cosh | `#9467bd` purple | 13 filled diamond |
/// | msle | `#8c564b` brown | 11 filled inverted triangle |
/// | poisson | `#bcbd22` olive | 6 open circle |
/// | bce | `#ff7f0e` orange | 4 open square |
/// | binary_focal | `#e377c2` pink | 8 open triangle |
/// | cce | `#17becf` cyan | 10 open inverted triangle |
/// | focal | `#393b79` indigo | 12 open diamond |
/// | hinge | `#7f7f7f` grey | 2 cross |
/// | squared_hinge | `#b8860b` dark goldenrod | 3 star |
/// | mape | `#843c39` dark red | 15 filled pentagon |
/// | kld | `#637939` olive green | 14 open pentagon |
/// | sparse_cce | `#6b6ecf` periwinkle | 10 open inverted triangle |
/// | categorical_hinge | `#7b4173` plum | 2 cross |
/// | cosine | `#8c6d31` bronze | 1 plus |
///
/// The colours are Tableau's ten (matplotlib's default cycle) plus an indigo and a goldenrod;
/// regression losses take the filled points, classification losses the open ones.
///
/// Several series of one loss in a figure (focal with gamma 0, 1, 2, 5; two Huber deltas) share
/// the loss's point type and take a sequential ramp of its hue, in the order they are drawn: from
/// a tint (60% white) through the base colour to a shade (40% black), so the first series is the
/// lightest and the last the darkest. A single series gets the base colour.
public enum LossPalette {
    /// The built-in losses' styles, by alias (the table above).
    static let table: [String: SeriesStyle] = [
        "mse": SeriesStyle(color: "#1f77b4", pointType: 7),
        "mae": SeriesStyle(color: "#d62728", pointType: 5),
        "huber": SeriesStyle(color: "#2ca02c", pointType: 9),
        "log_cosh": SeriesStyle(color: "#9467bd", pointType: 13),
        "msle": SeriesStyle(color: "#8c564b", pointType: 11),
        "poisson": SeriesStyle(color: "#bcbd22", pointType: 6),
        "bce": SeriesStyle(color: "#ff7f0e", pointType: 4),
        "binary_focal": SeriesStyle(color: "#e377c2", pointType: 8),
        "cce": SeriesStyle(color: "#17becf", pointType: 10),
        "focal": SeriesStyle(color: "#393b79", pointType: 12),
        "hinge": SeriesStyle(color: "#7f7f7f", pointType: 2),
        "squared_hinge": SeriesStyle(color: "#b8860b", pointType: 3),
        "mape": SeriesStyle(color: "#843c39", pointType: 15),
        "kld": SeriesStyle(color: "#637939", pointType: 14),
        "sparse_cce": SeriesStyle(color: "#6b6ecf", pointType: 10),
        "categorical_hinge": SeriesStyle(color: "#7b4173", pointType: 2),
        "cosine": SeriesStyle(color: "#8c6d31", pointType: 1),
    ]

    /// The base style of a loss: its row of the table, or for a loss without one (a loss of one's
    /// own, a formula) a colour and point type derived from its name, the same in every figure.
    public static func style(for loss: LossDefinition) -> SeriesStyle {
        table[loss.alias] ?? derivedStyle(name: loss.alias)
    }

    /// The hues of the widest gaps between the table's hues (155: the gap between green and cyan,
    /// 340, 290, 100, 255), in order of width, so a loss of one's own does not take a built-in
    /// loss's colour (a hash-chosen hue put a Cauchy formula beside Huber's green).
    static let derivedHues: [Double] = [155, 340, 290, 100, 255]

    /// A stable style for a name: one of ``derivedHues`` chosen by the name's FNV-1a hash, at a
    /// saturation and lightness that read on white, and one of gnuplot's point types 1 to 13.
    static func derivedStyle(name: String) -> SeriesStyle {
        let hash = fnv1a64(name)
        let hue = derivedHues[Int(hash % UInt64(derivedHues.count))]
        let (r, g, b) = hsl(hue: hue, saturation: 0.7, lightness: 0.4)
        return SeriesStyle(color: hex(r * 255, g * 255, b * 255), pointType: 1 + Int((hash >> 16) % 13))
    }

    static func hsl(hue: Double, saturation s: Double, lightness l: Double) -> (Double, Double, Double) {
        let c = (1 - abs(2 * l - 1)) * s
        let h = hue / 60
        let x = c * (1 - abs(h.truncatingRemainder(dividingBy: 2) - 1))
        let (r, g, b): (Double, Double, Double) = switch Int(h) {
        case 0: (c, x, 0)
        case 1: (x, c, 0)
        case 2: (0, c, x)
        case 3: (0, x, c)
        case 4: (x, 0, c)
        default: (c, 0, x)
        }
        let m = l - c / 2
        return (r + m, g + m, b + m)
    }

    /// The style of a series whose loss is unknown (results from another version of the file).
    public static let unknown = SeriesStyle(color: "#000000", pointType: 1)

    /// The styles of the series of one figure, in drawing order: each loss's base style, with the
    /// sequential ramp where one loss has several series.
    public static func styles(for kinds: [LossDefinition?]) -> [SeriesStyle] {
        var totals: [LossDefinition: Int] = [:]
        for case let kind? in kinds { totals[kind, default: 0] += 1 }
        var seen: [LossDefinition: Int] = [:]
        return kinds.map { kind in
            guard let kind else { return unknown }
            let base = style(for: kind)
            let position = seen[kind, default: 0]
            seen[kind] = position + 1
            let count = totals[kind]!
            guard count > 1 else { return base }
            return SeriesStyle(color: ramp(base.color, position: Double(position) / Double(count - 1)), pointType: base.pointType)
        }
    }

    /// The colour at `position` in [0, 1] along the ramp of `color`: a tint with 60% white at 0,
    /// the colour itself at 0.5, a shade with 40% black at 1 (linear in sRGB components).
    public static func ramp(_ color: String, position: Double) -> String {
        let (r, g, b) = components(color)
        let t = min(max(position, 0), 1)
        func mix(_ c: Double) -> Double {
            t <= 0.5 ? c + (255 - c) * 0.6 * (1 - 2 * t) : c * (1 - 0.4 * (2 * t - 1))
        }
        return hex(mix(r), mix(g), mix(b))
    }

    static func components(_ color: String) -> (Double, Double, Double) {
        let digits = Array(color.dropFirst())
        func byte(_ i: Int) -> Double { Double(Int(String(digits[i..<i + 2]), radix: 16) ?? 0) }
        return (byte(0), byte(2), byte(4))
    }

    static func hex(_ r: Double, _ g: Double, _ b: Double) -> String {
        let bytes = [r, g, b].map { Int(min(max($0.rounded(), 0), 255)) }
        return "#" + bytes.map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
    }
}
