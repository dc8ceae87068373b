/// A training set and a test set from one generator and one seed.
///
/// Draws `trainCount + testCount` samples in one call from `SplitMix64(seed: seed)`; the first
/// `trainCount` are the training set and the rest the test set (samples are i.i.d., so no shuffle
/// is needed). Since samples are drawn one after another, the training set does not depend on
/// `testCount`, and the world (coefficients, centres) depends on the seed alone. When
/// `standardize` is true the features of both sets are standardised with the training set's
/// statistics (``DataSplit/standardize()``); the ground truth stays in the original scale.
public func makeSplit(generator: any DataGenerator, trainCount: Int, testCount: Int, seed: UInt64,
                      standardize: Bool) -> DataSplit {
    precondition(trainCount > 0 && testCount >= 0, "a split needs training samples")
    var random = SplitMix64(seed: seed)
    let dataset = generator.generate(count: trainCount + testCount, generator: &random)
    var split = DataSplit(train: dataset.subset(Array(0..<trainCount)),
                          test: dataset.subset(Array(trainCount..<(trainCount + testCount))))
    if standardize {
        split.standardize()
    }
    return split
}
