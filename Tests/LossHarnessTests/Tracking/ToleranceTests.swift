import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

/// Tolerances: the threshold rule, the defaults, the written forms and the thresholds file.
@Suite struct ToleranceTests {
    @Test func theThresholdIsRelativeWithAnAbsoluteFloor() {
        let tolerance = Tolerance.standard(for: .quality)
        #expect(tolerance == Tolerance(relative: 0.01, absolute: 1e-9))
        #expect(tolerance.threshold(baseline: -2) == 0.02)
        #expect(tolerance.threshold(baseline: 0) == 1e-9)
        #expect(!tolerance.isExceeded(by: 0.02, baseline: 2))
        #expect(tolerance.isExceeded(by: -0.0201, baseline: 2))
        #expect(!tolerance.isExceeded(by: .nan, baseline: 2))
        #expect(Tolerance.standard(for: .timing).relative == 0.10)
        #expect(Tolerance.standard(for: .throughput).relative == 0.10)
    }

    @Test(arguments: [
        ("0.5%", Tolerance(relative: 0.005, absolute: 1e-9)),
        (" 2 % ", Tolerance(relative: 0.02, absolute: 1e-9)),
        ("0.002", Tolerance(relative: 0, absolute: 0.002)),
        ("0", Tolerance(relative: 0, absolute: 0)),
        ("1e-3", Tolerance(relative: 0, absolute: 0.001)),
    ])
    func writtenFormsAreRead(text: String, expected: Tolerance) {
        #expect(Tolerance(parsing: text) == expected)
    }

    @Test(arguments: ["", "%", "-1%", "-0.1", "x", "2x", "nan", "inf", "1%%"])
    func nonsenseIsRejected(text: String) {
        #expect(Tolerance(parsing: text) == nil)
    }

    @Test func descriptionsReadBack() {
        #expect(Tolerance(relative: 0.005, absolute: 1e-9).description == "0.5%")
        #expect(Tolerance(relative: 0, absolute: 0.002).description == "0.002")
        #expect(Tolerance(relative: 0.1, absolute: 0.5).description == "10% (at least 0.5)")
    }

    @Test func entriesOverrideOneMetric() throws {
        var tolerances = Tolerances()
        try tolerances.apply(entry: "mse=0.5%")
        try tolerances.apply(entry: "accuracy=0.002")
        #expect(tolerances.tolerance(for: Measure.named("mse")!) == Tolerance(relative: 0.005, absolute: 1e-9))
        #expect(tolerances.tolerance(for: Measure.named("accuracy")!) == Tolerance(relative: 0, absolute: 0.002))
        #expect(tolerances.tolerance(for: Measure.named("mae")!) == .standard(for: .quality))
        #expect(tolerances.tolerance(for: Measure.named("train_seconds")!) == .standard(for: .timing))
    }

    @Test func badEntriesSayWhatIsWrong() {
        var tolerances = Tolerances()
        #expect(throws: TrackingError.invalidTolerance(source: "--tolerance", entry: "mse0.5%", value: "(no '=')",
                                                       expected: "METRIC=VALUE, e.g. mse=0.5% or accuracy=0.002")) {
            try tolerances.apply(entry: "mse0.5%")
        }
        #expect(throws: TrackingError.invalidTolerance(source: "--tolerance", entry: "mse", value: "-1%", expected: Tolerance.writtenForms)) {
            try tolerances.apply(entry: "mse=-1%")
        }
        do {
            try tolerances.apply(entry: "msee=1%")
            Issue.record("an unknown metric was accepted")
        } catch {
            #expect(error.description.hasPrefix("--tolerance: msee = 1%: expected a metric id"))
            #expect(error.description.hasSuffix("(did you mean mse?)"))
        }
    }

    @Test func aThresholdsFileSetsSeveralMetrics() throws {
        var tolerances = Tolerances()
        let text = """
        { "mse": "2%", accuracy: 0.01, "train_seconds": "25%", // JSON5
        }
        """
        try tolerances.apply(thresholds: Data(text.utf8), file: "t.json5")
        #expect(tolerances.overrides == ["mse": Tolerance(relative: 0.02, absolute: 1e-9), "accuracy": Tolerance(relative: 0, absolute: 0.01),
                                         "train_seconds": Tolerance(relative: 0.25, absolute: 1e-9)])
    }

    @Test func everyInvalidEntryOfAThresholdsFileIsReported() {
        var tolerances = Tolerances()
        do {
            try tolerances.apply(thresholds: Data(#"{ "mse": "2x", accuracy: -1, foo: "1%", log_loss: true }"#.utf8), file: "t.json5")
            Issue.record("invalid thresholds were accepted")
        } catch {
            let lines = error.description.split(separator: "\n").map(String.init)
            #expect(lines.count == 4)
            #expect(lines[0] == "t.json5: accuracy = -1: expected \(Tolerance.writtenForms)")
            #expect(lines[1].hasPrefix("t.json5: foo = \"1%\": expected a metric id"))
            #expect(lines[2] == "t.json5: log_loss = true: expected \(Tolerance.writtenForms), not a boolean")
            #expect(lines[3] == "t.json5: mse = \"2x\": expected \(Tolerance.writtenForms)")
        }
        #expect(throws: TrackingError.self) { try tolerances.apply(thresholds: Data("[1, 2]".utf8), file: "t.json5") }
        #expect(throws: TrackingError.self) { try tolerances.apply(thresholds: Data("{ mse: ".utf8), file: "t.json5") }
        #expect(throws: TrackingError.notFound(path: "/nonexistent/t.json5")) { try tolerances.apply(thresholdsFile: "/nonexistent/t.json5") }
    }
}
