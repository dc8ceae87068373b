/// A training set, a test set and an optional validation set from one generator and one seed.
///
/// Draws `trainCount + testCount + validationCount` samples in one call from
/// `SplitMix64(seed: seed)`: the first `trainCount` are the training set, the next `testCount` the
/// test set and the last `validationCount` the validation set (samples are i.i.d., so no shuffle is
/// needed). Since samples are drawn one after another, the training set does not depend on the
/// other counts, nor the test set on `validationCount`, and the world (coefficients, centres)
/// depends on the seed alone. When `standardize` is true the features of every set are standardised
/// with the training set's statistics (``DataSplit/standardize()``); the ground truth stays in the
/// original scale.
public func makeSplit(generator: any DataGenerator, trainCount: Int, testCount: Int, validationCount: Int = 0, seed: UInt64,
                      standardize: Bool) -> DataSplit {
    precondition(trainCount > 0 && testCount >= 0 && validationCount >= 0, "a split needs training samples")
    var random = SplitMix64(seed: seed)
    let dataset = generator.generate(count: trainCount + testCount + validationCount, generator: &random)
    let testEnd = trainCount + testCount
    var split = DataSplit(train: dataset.subset(Array(0..<trainCount)), test: dataset.subset(Array(trainCount..<testEnd)),
                          validation: validationCount > 0 ? dataset.subset(Array(testEnd..<(testEnd + validationCount))) : nil)
    if standardize {
        split.standardize()
    }
    return split
}
