/// The independent sub-streams one call of ``DataGenerator/generate(count:generator:)`` draws from.
///
/// | stream | seed | draws |
/// | --- | --- | --- |
/// | `world` | `generator.derived(1)` | what defines the world: coefficients, centres |
/// | `samples` | `generator.derived(2)` | each sample in turn: features, then its noise |
/// | `perturbations` | `generator.derived(3)` | what a variant adds to a base generator's samples |
///
/// Keeping the world apart makes it independent of the sample count, so datasets of different
/// sizes from one seed share their truth; keeping perturbations apart makes a variant (outliers)
/// share the features and clean targets of its base generator (gaussian) at the same seed.
struct GeneratorStreams {
    var world: SplitMix64
    var samples: SplitMix64
    var perturbations: SplitMix64

    /// Splits `generator` and advances it by one word, so that the next call draws afresh.
    init(splitting generator: inout SplitMix64) {
        world = generator.derived(1)
        samples = generator.derived(2)
        perturbations = generator.derived(3)
        _ = generator.next()
    }
}
