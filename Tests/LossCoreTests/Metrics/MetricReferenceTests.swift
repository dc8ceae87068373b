import Testing
@testable import LossCore
import LossLabTestSupport

/// Every registered metric against what the tests know of it (``MetricReferenceCases``): a metric
/// registered without a reference case fails here, by name.
@Suite struct MetricReferenceTests {
    @Test func everyRegisteredMetricHasAReferenceCase() {
        let referenced = Set(MetricReferenceCases.all.map(\.id))
        for metric in Metric.allCases where !referenced.contains(metric.rawValue) {
            Issue.record("""
                metric "\(metric.rawValue)" is registered but has no reference case: add its row to \
                MetricReferenceCases.all (docs/extending.md, "Adding a metric")
                """)
        }
        for reference in MetricReferenceCases.all where Metric(rawValue: reference.id) == nil {
            Issue.record("MetricReferenceCases.all has a row for \"\(reference.id)\", which is not registered in Metric.allCases")
        }
    }

    /// The registry's order is the order of the metric columns in every CSV file: it is pinned by
    /// the order of the reference table, so that moving a metric is a visible decision.
    @Test func registryOrderIsTheReferenceOrder() {
        #expect(Metric.allCases.map(\.rawValue) == MetricReferenceCases.all.map(\.id))
    }

    @Test(arguments: Metric.allCases)
    func valueMatchesTheHandComputedCase(metric: Metric) throws {
        let reference = try #require(MetricReferenceCases.all.first { $0.id == metric.rawValue },
                                     "no reference case for \(metric.rawValue)")
        let value = evaluate(metric, reference.inputs)
        #expect(isClose(value, reference.expected),
                "\(metric.rawValue): \(String(describing: value)), expected \(reference.expected)")
    }

    @Test(arguments: Metric.allCases)
    func polarityAndTasksMatchTheReference(metric: Metric) throws {
        let reference = try #require(MetricReferenceCases.all.first { $0.id == metric.rawValue },
                                     "no reference case for \(metric.rawValue)")
        #expect(metric.higherIsBetter == reference.higherIsBetter, "\(metric.rawValue)")
        for task in MetricReferenceCases.sampleTasks {
            #expect(metric.applies(to: task) == reference.tasks.contains(task), "\(metric.rawValue) on \(task.name)")
        }
    }

    /// A diverged model (NaN outputs) gets NaN for every metric that reads the outputs, and its
    /// reference value for the others (`coefficient_error`).
    @Test(arguments: Metric.allCases)
    func nonFiniteOutputsGiveNaN(metric: Metric) throws {
        let reference = try #require(MetricReferenceCases.all.first { $0.id == metric.rawValue },
                                     "no reference case for \(metric.rawValue)")
        var inputs = reference.inputs
        inputs.outputs = inputs.outputs.map { _ in .nan }
        let value = evaluate(metric, inputs)
        if metric.readsOutputs {
            #expect(value?.isNaN == true, "\(metric.rawValue): \(String(describing: value))")
        } else {
            #expect(isClose(value, reference.expected), "\(metric.rawValue): \(String(describing: value))")
        }
    }

    /// Evaluated for a task it does not apply to, a metric has no value.
    @Test(arguments: Metric.allCases)
    func inapplicableTasksGiveNil(metric: Metric) {
        for reference in MetricReferenceCases.all where !metric.applies(to: reference.inputs.dataset.task) {
            #expect(evaluate(metric, reference.inputs) == nil, "\(metric.rawValue) on \(reference.inputs.dataset.task.name)")
        }
    }
}
