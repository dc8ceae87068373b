import LossCore

/// How a series is drawn: colour, point type and dash pattern.
public struct SeriesStyle: Sendable, Hashable {
    /// `#rrggbb`.
    public var color: String
    /// A gnuplot point type (`pt`, 1 to 15; see ``SeriesStyle/markers``).
    public var pointType: Int
    /// A gnuplot dash type (`dt`, 1 to 5; see ``SeriesStyle/dashes``). Bars show it as a fill:
    /// solid for 1, a hatch for the others (``fillPattern``).
    public var dashType: Int

    public init(color: String, pointType: Int, dashType: Int = 1) {
        self.color = color
        self.pointType = pointType
        self.dashType = dashType
    }

    /// The names of the dash types a figure's `style` accepts, in gnuplot's numbering (`dt 1` ...).
    public static let dashes = ["solid", "dashed", "dotted", "dash-dot", "dash-dot-dot"]

    /// The names of gnuplot's 15 point shapes a figure's `style` accepts, in its numbering (`pt 1` ...).
    public static let markers = [
        "plus", "cross", "star", "open-square", "square", "open-circle", "circle", "open-triangle", "triangle",
        "open-inverted-triangle", "inverted-triangle", "open-diamond", "diamond", "open-pentagon", "pentagon",
    ]

    /// The gnuplot fill pattern that stands for the dash type in bars (`nil`: a solid fill):
    /// dashed 4 (hatch /), dotted 5 (hatch \\), dash-dot 1 (cross-hatch), dash-dot-dot 2 (dense cross-hatch).
    public var fillPattern: Int? {
        switch dashType {
        case 2: 4
        case 3: 5
        case 4: 1
        case 5: 2
        default: nil
        }
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
/// Several series of one loss in a figure (focal with gamma 0, 1, 2, 5; cce with and without label
/// smoothing) are told apart three ways at once, in the order they are drawn (the k-th of n):
/// - dash: solid, dashed, dotted, dash-dot, dash-dot-dot (k mod 5); bars take the matching hatch;
/// - marker: the loss's shape, filled and open in turn (k odd flips the fill; plus, cross and
///   star have no open form and keep theirs);
/// - colour: a lightness ramp of the loss's hue in CIELAB, from light to dark, whose lightness
///   steps are as wide as a readable range allows: L\* spans 25 per step (at most 50 in all,
///   within 25 to 75), centred on the base colour's lightness; the chroma is reduced only as far
///   as the sRGB gamut requires. Two variants are 25 L\* apart (ΔE00 about 20), three are too.
/// A single series gets the base style. A figure's `style` overrides any of the three per series.
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
    /// variant dash, marker and lightness ramp where one loss has several series.
    public static func styles(for kinds: [LossDefinition?]) -> [SeriesStyle] {
        var totals: [LossDefinition: Int] = [:]
        for case let kind? in kinds { totals[kind, default: 0] += 1 }
        var seen: [LossDefinition: Int] = [:]
        return kinds.map { kind in
            guard let kind else { return unknown }
            let base = style(for: kind)
            let position = seen[kind, default: 0]
            seen[kind] = position + 1
            return variant(of: base, index: position, count: totals[kind]!)
        }
    }

    /// The style of variant `index` of `count` series of one loss with style `base`.
    public static func variant(of base: SeriesStyle, index: Int, count: Int) -> SeriesStyle {
        guard count > 1 else { return base }
        return SeriesStyle(color: ramp(base.color, index: index, count: count),
                           pointType: index % 2 == 1 ? flippedFill(base.pointType) : base.pointType,
                           dashType: 1 + index % SeriesStyle.dashes.count)
    }

    /// The same shape with the other fill: gnuplot pairs open and filled shapes as (4, 5) squares,
    /// (6, 7) circles, (8, 9) triangles, (10, 11) inverted triangles, (12, 13) diamonds, (14, 15)
    /// pentagons; 1 to 3 have no fill.
    static func flippedFill(_ pointType: Int) -> Int {
        guard (4...15).contains(pointType) else { return pointType }
        return pointType % 2 == 0 ? pointType + 1 : pointType - 1
    }

    /// Lightness step between neighbouring variants and the range the ramp stays in (CIELAB L\*).
    static let rampStep = 25.0
    static let rampLightest = 75.0
    static let rampDarkest = 25.0

    /// Colour `index` of `count` on the lightness ramp of `color` (see the type's documentation):
    /// the lightest first. A single colour is returned unchanged.
    public static func ramp(_ color: String, index: Int, count: Int) -> String {
        guard count > 1, let base = CIELabColor(hex: color) else { return color }
        let span = min(rampStep * Double(count - 1), rampLightest - rampDarkest)
        let centre = min(max(base.lightness, rampDarkest + span / 2), rampLightest - span / 2)
        let lightness = centre + span / 2 - span * Double(index) / Double(count - 1)
        var scale = 1.0
        var shade = CIELabColor(lightness: lightness, a: base.a, b: base.b)
        // Halve the step until the colour fits in sRGB, then keep the largest chroma that does.
        var step = 0.5
        if !shade.isInSRGBGamut {
            scale = 0
            for _ in 0..<20 {
                let trial = CIELabColor(lightness: lightness, a: base.a * (scale + step), b: base.b * (scale + step))
                if trial.isInSRGBGamut { scale += step }
                step /= 2
            }
            shade = CIELabColor(lightness: lightness, a: base.a * scale, b: base.b * scale)
        }
        return shade.hex
    }

    static func hex(_ r: Double, _ g: Double, _ b: Double) -> String {
        CIELabColor.hex(r, g, b)
    }
}
