import Testing
@testable import LossHarness
import LossLabTestSupport

@Suite struct CIELabColorTests {
    /// The 34 pairs of Sharma, Wu and Dalal (2005), Table 1: L*, a*, b* of each colour and ΔE00
    /// to four decimals. They exercise the hue wrap-around, the zero-chroma conventions, the mean
    /// hue near 0/360° and the rotation term near 275°.
    static let sharmaPairs: [(first: (Double, Double, Double), second: (Double, Double, Double), difference: Double)] = [
        ((50.0000, 2.6772, -79.7751), (50.0000, 0.0000, -82.7485), 2.0425),
        ((50.0000, 3.1571, -77.2803), (50.0000, 0.0000, -82.7485), 2.8615),
        ((50.0000, 2.8361, -74.0200), (50.0000, 0.0000, -82.7485), 3.4412),
        ((50.0000, -1.3802, -84.2814), (50.0000, 0.0000, -82.7485), 1.0000),
        ((50.0000, -1.1848, -84.8006), (50.0000, 0.0000, -82.7485), 1.0000),
        ((50.0000, -0.9009, -85.5211), (50.0000, 0.0000, -82.7485), 1.0000),
        ((50.0000, 0.0000, 0.0000), (50.0000, -1.0000, 2.0000), 2.3669),
        ((50.0000, -1.0000, 2.0000), (50.0000, 0.0000, 0.0000), 2.3669),
        ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0009), 7.1792),
        ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0010), 7.1792),
        ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0011), 7.2195),
        ((50.0000, 2.4900, -0.0010), (50.0000, -2.4900, 0.0012), 7.2195),
        ((50.0000, -0.0010, 2.4900), (50.0000, 0.0009, -2.4900), 4.8045),
        ((50.0000, -0.0010, 2.4900), (50.0000, 0.0010, -2.4900), 4.8045),
        ((50.0000, -0.0010, 2.4900), (50.0000, 0.0011, -2.4900), 4.7461),
        ((50.0000, 2.5000, 0.0000), (50.0000, 0.0000, -2.5000), 4.3065),
        ((50.0000, 2.5000, 0.0000), (73.0000, 25.0000, -18.0000), 27.1492),
        ((50.0000, 2.5000, 0.0000), (61.0000, -5.0000, 29.0000), 22.8977),
        ((50.0000, 2.5000, 0.0000), (56.0000, -27.0000, -3.0000), 31.9030),
        ((50.0000, 2.5000, 0.0000), (58.0000, 24.0000, 15.0000), 19.4535),
        ((50.0000, 2.5000, 0.0000), (50.0000, 3.1736, 0.5854), 1.0000),
        ((50.0000, 2.5000, 0.0000), (50.0000, 3.2972, 0.0000), 1.0000),
        ((50.0000, 2.5000, 0.0000), (50.0000, 1.8634, 0.5757), 1.0000),
        ((50.0000, 2.5000, 0.0000), (50.0000, 3.2592, 0.3350), 1.0000),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
        ((63.0109, -31.0961, -5.8663), (62.8187, -29.7946, -4.0864), 1.2630),
        ((61.2901, 3.7196, -5.3901), (61.4292, 2.2480, -4.9620), 1.8731),
        ((35.0831, -44.1164, 3.7933), (35.0232, -40.0716, 1.5901), 1.8645),
        ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
        ((36.4612, 47.8580, 18.3852), (36.2715, 50.5065, 21.2231), 1.4146),
        ((90.8027, -2.0831, 1.4410), (91.1528, -1.6435, 0.0447), 1.4441),
        ((90.9257, -0.5406, -0.9208), (88.6381, -0.8985, -0.7239), 1.5381),
        ((6.7747, -0.2908, -2.4247), (5.8714, -0.0985, -2.2286), 0.6377),
        ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082),
    ]

    @Test(arguments: 0..<sharmaPairs.count)
    func matchesSharmaTestData(index: Int) {
        let pair = Self.sharmaPairs[index]
        let first = CIELabColor(lightness: pair.first.0, a: pair.first.1, b: pair.first.2)
        let second = CIELabColor(lightness: pair.second.0, a: pair.second.1, b: pair.second.2)
        // The table gives four decimals: agreement to half a unit of the last one.
        #expect(isClose(CIELabColor.difference(first, second), pair.difference, relative: 0, absolute: 5e-5),
                "pair \(index + 1): \(CIELabColor.difference(first, second)) against \(pair.difference)")
        #expect(isClose(CIELabColor.difference(second, first), pair.difference, relative: 0, absolute: 5e-5), "pair \(index + 1) swapped")
    }

    @Test func sameColourDiffersByZero() {
        let colour = CIELabColor(lightness: 99.5, a: 0.005, b: -0.010)
        #expect(CIELabColor.difference(colour, colour) == 0)
        #expect(isClose(CIELabColor.difference(CIELabColor(lightness: 100, a: 0.005, b: -0.010), CIELabColor(lightness: 0, a: 0, b: 0)),
                        100, relative: 0, absolute: 1e-3))
    }

    /// sRGB (D65) to Lab against Bruce Lindbloom's calculator: ColorChecker-like patches, L* to 0.01,
    /// a* and b* to 0.05 (his neutral grey has a* = -0.023 where the exact D65 white gives 0: a white
    /// point rounded differently, worth a few hundredths).
    @Test func convertsSRGBToLabAsLindbloom() throws {
        let patches: [(hex: String, lab: (Double, Double, Double))] = [
            ("#6a5143", (36.657, 8.250, 12.270)), ("#b69582", (64.202, 9.433, 14.710)),
            ("#677a9a", (50.845, 1.004, -19.450)), ("#d5a239", (69.671, 8.791, 59.073)),
            ("#545454", (35.724, -0.023, 0.023)), ("#ffffff", (100, 0, 0)), ("#000000", (0, 0, 0)),
        ]
        for patch in patches {
            let lab = try #require(CIELabColor(hex: patch.hex))
            #expect(abs(lab.lightness - patch.lab.0) < 0.01 && abs(lab.a - patch.lab.1) < 0.05 && abs(lab.b - patch.lab.2) < 0.05,
                    "\(patch.hex): \(lab)")
            #expect(lab.hex == patch.hex, "round trip of \(patch.hex)")
        }
        #expect(CIELabColor(hex: "#12345") == nil && CIELabColor(hex: "123456") == nil && CIELabColor(hex: "#12345g") == nil)
    }
}
