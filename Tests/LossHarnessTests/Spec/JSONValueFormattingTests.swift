import Testing
@testable import LossHarness
import LossLabTestSupport

@Suite struct JSONValueFormattingTests {
    static let value: JSONValue = .object([
        "name": .string("a \"quoted\" name"),
        "rate": .array([.number(1e-7), .number(0.1), .number(3)]),
        "hidden": .array([.array([.number(16)]), .array([.number(64), .number(64)])]),
        "empty": .object([:]),
        "none": .array([]),
        "flag": .bool(true),
        "nothing": .null,
        "big": .number(1e300),
    ])

    @Test func formattedTextParsesBackToTheSameValue() throws {
        #expect(try JSONValue.parse(Self.value.formatted()) == Self.value)
    }

    @Test func nonFiniteNumbersSurviveAsJSON5() throws {
        let value: JSONValue = .array([.number(.infinity), .number(-.infinity)])
        #expect(value.formatted() == "[Infinity, -Infinity]")
        #expect(try JSONValue.parse(value.formatted()) == value)
        guard case .array(let items) = try JSONValue.parse(JSONValue.array([.number(.nan)]).formatted()),
              case .number(let x)? = items.first else {
            Issue.record("NaN did not parse back as a number")
            return
        }
        #expect(x.isNaN)
    }

    @Test func layoutIsIndentedWithKeysSorted() {
        let value: JSONValue = .object(["b": .array([.number(1), .number(2)]), "a": .object(["x": .string("y")])])
        #expect(value.formatted() == """
        {
          "a": {
            "x": "y"
          },
          "b": [1, 2]
        }
        """)
    }
}
