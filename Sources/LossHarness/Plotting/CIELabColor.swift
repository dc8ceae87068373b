import Foundation

/// A colour in CIE 1976 L\*a\*b\* (D65 white, 2° observer), converted from and to 8-bit sRGB, and
/// the CIEDE2000 colour difference between two such colours.
///
/// sRGB to Lab (IEC 61966-2-1 and CIE 15): undo the sRGB transfer curve
/// (`c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055)^2.4`), take XYZ with the sRGB matrix, divide
/// by the D65 white (0.95047, 1, 1.08883), then `L = 116 f(Y) - 16`, `a = 500 (f(X) - f(Y))`,
/// `b = 200 (f(Y) - f(Z))` with `f(t) = t^(1/3)` above (6/29)^3 and `t / (3 (6/29)^2) + 4/29` below.
///
/// A ΔE00 of about 1 is a just-noticeable difference side by side; two thin lines in a figure need
/// well over 10 to be told apart at a glance, which is why figures ask for 15 (see ``LossPalette``).
public struct CIELabColor: Sendable, Hashable {
    public var lightness: Double
    public var a: Double
    public var b: Double

    public init(lightness: Double, a: Double, b: Double) {
        self.lightness = lightness
        self.a = a
        self.b = b
    }

    static let white = (x: 0.95047, y: 1.0, z: 1.08883)

    /// The colour of `#rrggbb` (`nil` for text of another shape).
    public init?(hex: String) {
        guard let (red, green, blue) = Self.components(hex) else { return nil }
        func linear(_ byte: Double) -> Double {
            let c = byte / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let (r, g, bl) = (linear(red), linear(green), linear(blue))
        let x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * bl
        let y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * bl
        let z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * bl
        func f(_ t: Double) -> Double {
            let delta = 6.0 / 29
            return t > delta * delta * delta ? cbrt(t) : t / (3 * delta * delta) + 4.0 / 29
        }
        let (fx, fy, fz) = (f(x / Self.white.x), f(y / Self.white.y), f(z / Self.white.z))
        self.init(lightness: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz))
    }

    /// `#rrggbb` of the nearest sRGB colour (each channel clamped to 0...255): the inverse of
    /// ``init(hex:)`` up to rounding to 8 bits.
    public var hex: String {
        let delta = 6.0 / 29
        func inverse(_ t: Double) -> Double { t > delta ? t * t * t : 3 * delta * delta * (t - 4.0 / 29) }
        let fy = (lightness + 16) / 116
        let x = Self.white.x * inverse(fy + a / 500)
        let y = Self.white.y * inverse(fy)
        let z = Self.white.z * inverse(fy - b / 200)
        let r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z
        let g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z
        let bl = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z
        func encoded(_ c: Double) -> Double {
            let clamped = min(max(c, 0), 1)
            return 255 * (clamped <= 0.0031308 ? 12.92 * clamped : 1.055 * pow(clamped, 1 / 2.4) - 0.055)
        }
        return Self.hex(encoded(r), encoded(g), encoded(bl))
    }

    /// Whether the colour lies inside the sRGB gamut (to within half an 8-bit step).
    var isInSRGBGamut: Bool {
        guard let back = CIELabColor(hex: hex) else { return false }
        return Self.difference(self, back) < 1
    }

    /// The three 0...255 channels of `#rrggbb`.
    static func components(_ hex: String) -> (Double, Double, Double)? {
        let digits = Array(hex.utf8)
        guard digits.count == 7, digits[0] == UInt8(ascii: "#") else { return nil }
        var channels: [Double] = []
        for start in stride(from: 1, to: 7, by: 2) {
            guard let byte = UInt8(String(decoding: digits[start..<start + 2], as: UTF8.self), radix: 16) else { return nil }
            channels.append(Double(byte))
        }
        return (channels[0], channels[1], channels[2])
    }

    static func hex(_ r: Double, _ g: Double, _ b: Double) -> String {
        let bytes = [r, g, b].map { Int(min(max($0.rounded(), 0), 255)) }
        return "#" + bytes.map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
    }

    /// CIEDE2000 colour difference ΔE00 with the parametric factors kL = kC = kH = 1, as written
    /// by Sharma, Wu and Dalal, "The CIEDE2000 color-difference formula: implementation notes,
    /// supplementary test data, and mathematical observations", Color Research & Application 30
    /// (2005), equations 1 to 22, including their conventions for a zero chroma (the hue then
    /// counts as 0 and the mean hue is the sum) and for hues more than 180° apart.
    public static func difference(_ first: CIELabColor, _ second: CIELabColor) -> Double {
        func radians(_ degrees: Double) -> Double { degrees * .pi / 180 }
        func degrees(_ radians: Double) -> Double { radians * 180 / .pi }
        let pow25To7 = 6_103_515_625.0
        let chroma1 = (first.a * first.a + first.b * first.b).squareRoot()
        let chroma2 = (second.a * second.a + second.b * second.b).squareRoot()
        let meanChroma7 = pow((chroma1 + chroma2) / 2, 7)
        let g = 0.5 * (1 - (meanChroma7 / (meanChroma7 + pow25To7)).squareRoot())
        let a1 = (1 + g) * first.a, a2 = (1 + g) * second.a
        let c1 = (a1 * a1 + first.b * first.b).squareRoot(), c2 = (a2 * a2 + second.b * second.b).squareRoot()
        func hue(_ b: Double, _ a: Double) -> Double {
            if a == 0 && b == 0 { return 0 }
            let h = degrees(atan2(b, a))
            return h < 0 ? h + 360 : h
        }
        let h1 = hue(first.b, a1), h2 = hue(second.b, a2)
        let deltaL = second.lightness - first.lightness
        let deltaC = c2 - c1
        var deltaHue = 0.0
        if c1 * c2 != 0 {
            deltaHue = h2 - h1
            if deltaHue > 180 { deltaHue -= 360 } else if deltaHue < -180 { deltaHue += 360 }
        }
        let deltaH = 2 * (c1 * c2).squareRoot() * sin(radians(deltaHue / 2))
        let meanL = (first.lightness + second.lightness) / 2
        let meanC = (c1 + c2) / 2
        var meanHue = h1 + h2
        if c1 * c2 != 0 {
            if abs(h1 - h2) <= 180 { meanHue = (h1 + h2) / 2 }
            else if h1 + h2 < 360 { meanHue = (h1 + h2 + 360) / 2 }
            else { meanHue = (h1 + h2 - 360) / 2 }
        }
        let t = 1 - 0.17 * cos(radians(meanHue - 30)) + 0.24 * cos(radians(2 * meanHue))
            + 0.32 * cos(radians(3 * meanHue + 6)) - 0.20 * cos(radians(4 * meanHue - 63))
        let deltaTheta = 30 * exp(-pow((meanHue - 275) / 25, 2))
        let meanC7 = pow(meanC, 7)
        let rC = 2 * (meanC7 / (meanC7 + pow25To7)).squareRoot()
        let offset = (meanL - 50) * (meanL - 50)
        let sL = 1 + 0.015 * offset / (20 + offset).squareRoot()
        let sC = 1 + 0.045 * meanC
        let sH = 1 + 0.015 * meanC * t
        let rT = -sin(radians(2 * deltaTheta)) * rC
        let l = deltaL / sL, c = deltaC / sC, h = deltaH / sH
        return (l * l + c * c + h * h + rT * c * h).squareRoot()
    }

    /// ΔE00 between two `#rrggbb` colours (`nil` when either is not of that shape).
    public static func difference(hex first: String, _ second: String) -> Double? {
        guard let one = CIELabColor(hex: first), let other = CIELabColor(hex: second) else { return nil }
        return difference(one, other)
    }
}
