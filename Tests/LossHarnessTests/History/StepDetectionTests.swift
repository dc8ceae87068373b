import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

/// Synthetic histories with a known answer: noise from a fixed sequence (no generator), steps and
/// outliers placed by hand.
@Suite struct StepDetectionTests {
    /// ±1.5% jitter, a fixed pattern of 10 values repeated.
    static func jitter(_ count: Int) -> [Double] {
        let pattern = [0.0, 0.012, -0.008, 0.015, -0.013, 0.004, -0.002, 0.009, -0.015, 0.006]
        return (0..<count).map { 1 + pattern[$0 % pattern.count] }
    }

    @Test func aClearStepIsFoundAtTheCommitThatMadeIt() {
        // 0.10 s for commits 0-11, then 0.13 s (30% slower) from commit 12 on.
        let times = Self.jitter(20).enumerated().map { index, noise in (index < 12 ? 0.10 : 0.13) * noise }
        let fit = StepDetection(times: times)
        #expect(fit.steps.count == 1)
        #expect(fit.steps.first?.index == 12)
        // The medians of each side's jittered times: within the ±1.5% jitter of 1.3.
        #expect(abs(fit.steps[0].ratio - 1.3) < 0.04)
        #expect(fit.segments == [0..<12, 12..<20])
    }

    @Test func aSpeedUpIsAStepBelowOne() {
        let times = Self.jitter(16).enumerated().map { index, noise in (index < 5 ? 0.5 : 0.25) * noise }
        let fit = StepDetection(times: times)
        #expect(fit.steps.map(\.index) == [5])
        #expect(abs(fit.steps[0].ratio - 0.5) < 0.02)
    }

    @Test func aSingleOutlierIsNotAStepHoweverLarge() {
        for factor in [1.5, 3.0, 20.0] {
            var times = Self.jitter(15).map { 0.2 * $0 }
            times[7] *= factor
            let fit = StepDetection(times: times)
            #expect(fit.steps.isEmpty, "an outlier x\(factor) at commit 7 is not a step")
        }
    }

    @Test func anOutlierAtTheEndIsNotAStepButTwoSlowCommitsAre() {
        var times = Self.jitter(12).map { 0.2 * $0 }
        times[11] *= 2
        #expect(StepDetection(times: times).steps.isEmpty)
        times[10] *= 2
        #expect(StepDetection(times: times).steps.map(\.index) == [10])
    }

    @Test func twoStepsAreBothFound() {
        let levels = (0..<24).map { $0 < 8 ? 1.0 : ($0 < 16 ? 0.6 : 0.9) }
        let times = zip(levels, Self.jitter(24)).map { $0 * $1 }
        #expect(StepDetection(times: times).steps.map(\.index) == [8, 16])
    }

    @Test func jitterAloneHasNoStep() {
        #expect(StepDetection(times: Self.jitter(30).map { 0.05 * $0 }).steps.isEmpty)
    }

    @Test func theNoiseEstimateIgnoresTheStep() {
        // First differences of log times: 0 everywhere but one log(2) at the step, so their
        // median is 0 and the noise is the floor.
        let times = (0..<10).map { $0 < 5 ? 1.0 : 2.0 }
        let fit = StepDetection(times: times)
        #expect(fit.noise == StepDetection.defaultNoiseFloor)
        #expect(isClose(fit.penalty, StepDetection.defaultPenaltyFactor * 0.005 * log(10.0)))
        #expect(fit.steps == [StepDetection.Step(index: 5, before: 1, after: 2)])
    }

    @Test func tooShortASeriesHasOneSegment() {
        #expect(StepDetection(times: [1, 2, 3]).steps.isEmpty)
        #expect(StepDetection(times: []).segments.isEmpty)
    }
}
