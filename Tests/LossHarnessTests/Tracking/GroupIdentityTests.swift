import Testing
@testable import LossHarness
import LossLabTestSupport

@Suite struct GroupIdentityTests {
    @Test func emptyCellsDoNotTellGroupsApart() {
        let old = GroupIdentity(experiment: "e", columns: ["loss", "series"], values: ["mse", "mse"])
        let new = GroupIdentity(experiment: "e", columns: ["loss", "series", "loss.delta"], values: ["mse", "mse", ""])
        #expect(old == new)
        #expect(old.hashValue == new.hashValue)
        #expect(old != GroupIdentity(experiment: "f", columns: ["loss", "series"], values: ["mse", "mse"]))
        #expect(old != GroupIdentity(experiment: "e", columns: ["loss", "series", "loss.delta"], values: ["mse", "mse", "1"]))
    }

    @Test func labelsNameTheSeriesAndTheOtherSweptValues() {
        let trial = GroupIdentity(experiment: nil, columns: ["loss", "series", "dataset.noise", "loss.delta"],
                                  values: ["huber", "huber(delta=1)", "0.2", "1"])
        #expect(trial.label == "huber(delta=1), dataset.noise=0.2")
        let bench = GroupIdentity(experiment: nil, columns: ["workload", "threads"], values: ["W1", "4"])
        #expect(bench.label == "W1, threads=4")
        #expect(bench.value("threads") == "4")
        #expect(bench.value("loss") == "")
    }
}
