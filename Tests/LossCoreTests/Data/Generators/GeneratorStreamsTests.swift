import Testing
@testable import LossCore
import LossLabTestSupport

struct GeneratorStreamsTests {
    @Test func streamsAreTheDocumentedDerivationsAndTheParentAdvancesOneWord() {
        var generator = SplitMix64(seed: 99)
        let origin = generator
        let streams = GeneratorStreams(splitting: &generator)
        #expect(streams.world.state == origin.derived(1).state)
        #expect(streams.samples.state == origin.derived(2).state)
        #expect(streams.perturbations.state == origin.derived(3).state)
        var advanced = origin
        _ = advanced.next()
        #expect(generator.state == advanced.state)
    }
}
