/// A seeded source of synthetic datasets: a "world" (true coefficients, class centres) and i.i.d.
/// samples from it, with the ground truth kept beside the data.
///
/// Seeding, shared by every generator (see ``GeneratorStreams``): a call to
/// ``generate(count:generator:)`` splits `generator` into independent sub-streams, the world from
/// `generator.derived(1)` and the samples from `generator.derived(2)`, then advances `generator`
/// by one word. Hence:
/// - the same generator state gives the same bytes on every machine and toolchain;
/// - the world does not depend on `count`;
/// - samples are drawn one after another, so the first `n` samples of a call with a larger count are
///   the samples of a call with count `n`;
/// - a second call with the same (advanced) generator draws a new world and new samples.
///
/// Features are float32 standard normal variates unless a generator says otherwise. Targets follow
/// ``Dataset``'s conventions for the generator's ``task``.
public protocol DataGenerator: Sendable {
    /// The name used in experiment files, e.g. "gaussian".
    static var name: String { get }
    /// One line for `losslab list`.
    static var summary: String { get }
    /// Every parameter with its default and a one-line explanation.
    static var parameters: [ParameterInfo] { get }
    /// Builds the generator from parameters, validating ranges (throws ``ParameterError`` naming the
    /// parameter, the value and what was expected). Parameters not given take their defaults;
    /// unknown names are rejected by the harness with ``Parameters/unknown(allowed:)``.
    init(parameters: Parameters) throws
    /// The task of the datasets it makes.
    var task: Task { get }
    /// `count` samples drawn from `generator`; the ground truth (coefficients, conditional mean) is
    /// kept in ``Dataset/truth``.
    func generate(count: Int, generator: inout SplitMix64) -> Dataset
    /// The number of features of its samples.
    var featureCount: Int { get }
}

extension DataGenerator {
    /// Read off one sample (cheap: the world and one row).
    public var featureCount: Int {
        var generator = SplitMix64(seed: 0)
        return generate(count: 1, generator: &generator).featureCount
    }
}
