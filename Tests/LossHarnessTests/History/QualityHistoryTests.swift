import Foundation
import Testing
@testable import LossHarness
import LossLabTestSupport

@Suite struct QualityHistoryTests {
    @Test func rowsAreTheMeanOfEachQualityMetricOverCompletedTrials() throws {
        let folder = try TemporaryFolder()
        try folder.write("""
        trial_id,loss,seed,status,message,epochs_run,train_seconds,mse,accuracy
        a,mse,1,completed,,3,0.01,1.0,0.5
        b,mse,2,completed,,3,0.01,3.0,0.75
        c,mae,3,diverged,loss is nan,1,0.01,nan,0.1

        """, to: "outliers/trials.csv")
        let rows = QualityHistory.rows(date: "d", commit: "abc", resultsRoot: folder.path)
        // mse: (1 + 3) / 2 = 2 over the two completed trials; accuracy (0.5 + 0.75) / 2 = 0.625;
        // train_seconds is a timing, not a quality metric.
        #expect(rows == "d,abc,outliers,mse,2,2,\nd,abc,outliers,accuracy,0.625,2,\n")
    }

    @Test func theLastRecordingOfACommitCountsAndStatusRowsReadBack() {
        let text = CSV.row(QualityHistory.columns)
            + "d1,aaa,outliers,mse,2,2,\n"
            + "d2,aaa,outliers,mse,2.5,2,\n"
            + QualityHistory.statusRow(date: "d1", commit: "bbb", status: .noBench, note: "its losslab run has no --quick")
        let history = QualityHistory(csv: CSVTable(text: text))
        #expect(history.runs.map(\.commit) == ["aaa", "bbb"])
        #expect(history.runs[0].means == ["outliers mse": 2.5])
        #expect(history.runs[1].status == .noBench && history.runs[1].note == "its losslab run has no --quick")
    }

    @Test func theFigureShowsPercentChangeFromTheFirstCommitInGitsOrder() {
        let text = CSV.row(QualityHistory.columns)
            + "d,ccc,s,mse,3,2,\nd,aaa,s,mse,2,2,\nd,aaa,s,accuracy,0.5,2,\nd,ccc,s,accuracy,0.5,2,\n"
        let (runs, series) = QualityHistoryFigure.layout(QualityHistory(csv: CSVTable(text: text)), order: ["aaa", "bbb", "ccc"])
        #expect(runs.map(\.commit) == ["aaa", "ccc"])
        #expect(series.map(\.name) == ["s accuracy", "s mse"])
        #expect(series[0].changes == false && series[0].points.map(\.percent) == [0, 0])
        #expect(series[1].changes && series[1].points.map(\.percent) == [0, 50])
    }
}
