import Testing
@testable import LossCore
@testable import LossHarness
import LossLabTestSupport

/// The workloads as `shared/peers/workloads.md` defines them.
struct BenchWorkloadTests {
    @Test func definitionsMatchThePeers() {
        let w1 = BenchWorkload.logistic.definition!, w2 = BenchWorkload.softmax.definition!
        let w3 = BenchWorkload.mlp.definition!, w4 = BenchWorkload.poisson.definition!
        #expect(w1.layerSizes == [20, 1] && w1.batchSize == 64 && w1.epochs == 20 && w1.learningRate == 0.01)
        #expect(w1.trainCount == 10_000 && w1.testCount == 2_000 && w1.outputActivation == .sigmoid)
        #expect(w2.layerSizes == [32, 10] && w2.batchSize == 128 && w2.epochs == 10 && w2.learningRate == 0.01)
        #expect(w3.layerSizes == [32, 64, 64, 10] && w3.batchSize == 128 && w3.epochs == 10 && w3.learningRate == 0.001)
        #expect(w4.layerSizes == [8, 1] && w4.batchSize == 256 && w4.epochs == 10 && w4.outputActivation == .exp)
        for definition in [w1, w2, w3, w4] {
            #expect(definition.optimizer.epsilon == 1e-8 && definition.optimizer.kind == .adam)
            #expect(definition.optimizer.beta1 == 0.9 && definition.optimizer.beta2 == 0.999)
            #expect(definition.workload.samples == 200_000)
        }
        #expect(BenchWorkload.sweep.samples == 2_000_000)
    }

    @Test func onlyW3HasAFlopCount() {
        #expect(BenchWorkload.mlp.definition!.parameterCount == 6_922)
        #expect(BenchWorkload.mlp.flops == Double(41_532) * 200_000)
        for workload in BenchWorkload.allCases where workload != .mlp { #expect(workload.flops == nil) }
    }

    @Test func namesAreAcceptedShortOrLong() {
        #expect(BenchWorkload.named("W3") == .mlp)
        #expect(BenchWorkload.named("w5_sweep") == .sweep)
        #expect(BenchWorkload.named("W6") == nil)
        #expect(BenchWorkload.allCases.map(\.name) == ["W1_logistic", "W2_softmax", "W3_mlp", "W4_poisson", "W5_sweep"])
    }
}

/// The data follows common.py's recipes, is reproducible, and its world scores like the peers'.
struct BenchDataTests {
    @Test(arguments: [BenchWorkload.logistic, .softmax, .poisson])
    func shapesAndReproducibility(_ workload: BenchWorkload) {
        let definition = workload.definition!
        let data = BenchData(definition)
        #expect(data.trainFeatures.rows == definition.trainCount && data.trainFeatures.columns == definition.features)
        #expect(data.testFeatures.rows == definition.testCount && data.testTargets.columns == 1)
        let again = BenchData(definition)
        #expect(again.trainFeatures == data.trainFeatures && again.testTargets == data.testTargets)
    }

    @Test func labelsAndCountsAreInRange() {
        let logistic = BenchData(BenchWorkload.logistic.definition!)
        #expect(logistic.trainTargets.storage.allSatisfy { $0 == 0 || $0 == 1 })
        let blobs = BenchData(BenchWorkload.softmax.definition!)
        #expect(Set(blobs.trainTargets.storage) == Set((0..<10).map(Float.init)))
        let counts = BenchData(BenchWorkload.poisson.definition!)
        #expect(counts.trainTargets.storage.allSatisfy { $0 >= 0 && $0 == $0.rounded() })
    }

    /// The seeds were chosen so that the true model scores within 0.005 of the peers' true model
    /// (computed from common.py's data): W1 accuracy 0.778, W2/W3 0.758, W4 Poisson loss -0.4998.
    @Test func theDrawnWorldsScoreLikeThePeers() {
        #expect(abs(BenchData(BenchWorkload.logistic.definition!).truthMetric - 0.778) < 0.005)
        #expect(abs(BenchData(BenchWorkload.softmax.definition!).truthMetric - 0.758) < 0.005)
        #expect(abs(BenchData(BenchWorkload.poisson.definition!).truthMetric - -0.4998) < 0.005)
    }
}

/// The CSV contract that `losslab compare` and scripts/bench_ratios.py rely on.
struct BenchRecordTests {
    static let record = BenchRecord(date: "2026-11-23T23:00:00Z", commit: "abc", build: "0.1.0+x", workload: .mlp, threads: 1,
                                    repetition: 2, seconds: 0.125, metricValue: 0.74765)

    @Test func columnsAreExactlyTheContract() {
        #expect(BenchRecord.columns == ["date", "commit", "build", "workload", "threads", "repetition", "seconds",
                                        "samples_per_second", "gflops", "metric", "metric_value"])
        #expect(BenchRecord.header == "date,commit,build,workload,threads,repetition,seconds,samples_per_second,gflops,metric,metric_value\n")
    }

    @Test func aRowHasOneFieldPerColumn() {
        #expect(Self.record.csvLine == "2026-11-23T23:00:00Z,abc,0.1.0+x,W3_mlp,1,2,0.125000,1600000,66.45,accuracy,0.7477\n")
        let sweep = BenchRecord(date: "d", commit: "", build: "b", workload: .sweep, threads: 2, repetition: 1, seconds: 0.5,
                                metricValue: 0.78)
        #expect(CSV.parse(sweep.csvLine)[0] == ["d", "", "b", "W5_sweep", "2", "1", "0.500000", "4000000", "", "mean_acc_cls", "0.7800"])
    }

    @Test func summaryTakesTheMinimumAndMedian() {
        let summary = BenchSummary(workload: .logistic, threads: 1, firstSeconds: 1, seconds: [0.4, 0.1, 0.3, 0.2], metricValue: 0.78)
        #expect(summary.minimum == 0.1)
        #expect(abs(summary.median - 0.25) < 1e-12)
        let odd = BenchSummary(workload: .logistic, threads: 1, firstSeconds: 1, seconds: [0.3, 0.1, 0.2], metricValue: 0.78)
        #expect(odd.median == 0.2)
        let table = BenchSummary.table([summary.tableRow])
        #expect(table.split(separator: "\n").count == 2)
        #expect(table.hasPrefix("workload"))
    }
}

struct SweepAccuracyTests {
    @Test func averagesAccuracyOrSubsetAccuracyOverClassificationTrials() {
        let csv = """
        trial_id,loss,status,accuracy,subset_accuracy,mse
        a,bce,completed,,0.75,
        b,cce,completed,0.8,,
        c,mse,completed,,,0.1
        d,"quoted, loss",completed,,0.85,

        """
        #expect(abs(SweepAccuracy.mean(trialsCSV: csv)! - 0.8) < 1e-12)
        #expect(SweepAccuracy.mean(trialsCSV: "trial_id,mse\na,0.1\n") == nil)
        #expect(SweepAccuracy.mean(trialsCSV: "") == nil)
    }
}
