import Testing
@testable import LossCore
import LossLabTestSupport

@Suite struct AreaUnderROCCurveTests {
    @Test func handCase() {
        // Positives {0.35, 0.8}, negatives {0.1, 0.4}: of the 4 pairs, 0.35 < 0.4 is the one
        // misordered: 3/4.
        #expect(areaUnderROCCurve(scores: [0.1, 0.4, 0.35, 0.8], trueLabels: [0, 0, 1, 1]) == 0.75)
    }

    @Test func tiesCountOneHalf() {
        // Positives {0.5, 0.9}, negatives {0.5, 0.2}: pairs (0.5, 0.5) -> 1/2, the three others -> 1.
        // AUC = 3.5 / 4 = 0.875.
        #expect(areaUnderROCCurve(scores: [0.5, 0.5, 0.2, 0.9], trueLabels: [0, 1, 0, 1]) == 0.875)
    }

    @Test func constantPerfectAndReversedScores() {
        #expect(areaUnderROCCurve(scores: [0.3, 0.3, 0.3], trueLabels: [0, 1, 1]) == 0.5)
        #expect(areaUnderROCCurve(scores: [0.1, 0.2, 0.9], trueLabels: [0, 1, 1]) == 1)
        #expect(areaUnderROCCurve(scores: [0.9, 0.2, 0.1], trueLabels: [0, 1, 1]) == 0)
    }

    @Test func agreesWithCountingPairs() {
        let scores: [Float] = [0.3, 0.7, 0.7, 0.1, 0.5, 0.5, 0.9, 0.3, 0.2, 0.7]
        let labels = [0, 1, 0, 0, 1, 0, 1, 1, 0, 1]
        var favourable = 0.0
        var pairs = 0.0
        for i in scores.indices where labels[i] == 1 {
            for j in scores.indices where labels[j] == 0 {
                pairs += 1
                favourable += scores[i] > scores[j] ? 1 : (scores[i] == scores[j] ? 0.5 : 0)
            }
        }
        #expect(isClose(areaUnderROCCurve(scores: scores, trueLabels: labels), favourable / pairs, relative: 1e-12))
    }

    @Test func aMissingClassHasNoValue() {
        #expect(areaUnderROCCurve(scores: [0.1, 0.9], trueLabels: [1, 1]) == nil)
        #expect(areaUnderROCCurve(scores: [0.1, 0.9], trueLabels: [0, 0]) == nil)
        #expect(areaUnderROCCurve(scores: [], trueLabels: []) == nil)
    }

    @Test func nanScoreGivesNaN() {
        #expect(areaUnderROCCurve(scores: [.nan, 0.5], trueLabels: [0, 1])?.isNaN == true)
    }
}
