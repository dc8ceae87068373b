/// Where a trial's data come from: a seeded generator (``GeneratedSource``) or a table of one's own
/// (``TableSource``). A source makes the trial's split, train, validation and test, from the
/// repetition's data seed; the same seed gives the same split on every machine.
public protocol DataSource: Sendable {
    /// The task of its datasets.
    var task: Task { get }
    /// The number of features of its samples.
    var featureCount: Int { get }
    /// The number of target columns of a regression or counts task: the outputs a model needs
    /// for them (1 for a generator; a table may have several, the pixels of an image, say).
    var targetColumns: Int { get }
    /// The number of training, validation and test samples its splits have.
    var counts: SplitCounts { get }
    /// The split for `seed`; when `standardize`, every part's features are standardised with the
    /// training part's statistics (``DataSplit/standardize()``).
    func split(seed: UInt64, standardize: Bool) -> DataSplit
    /// The split of repetition `repetition` of a study seeded by `baseSeed`, whose own data seed is
    /// `dataSeed`. By default ``split(seed:standardize:)`` with the data seed; a table split into
    /// folds shares one permutation between the folds of a repeat (``TableSource``).
    func split(baseSeed: UInt64, repetition: Int, dataSeed: UInt64, standardize: Bool) -> DataSplit
}

extension DataSource {
    public func split(baseSeed: UInt64, repetition: Int, dataSeed: UInt64, standardize: Bool) -> DataSplit {
        split(seed: dataSeed, standardize: standardize)
    }
}

/// How many samples each part of a split has.
public struct SplitCounts: Sendable, Hashable {
    public var train: Int
    public var validation: Int
    public var test: Int

    public init(train: Int, validation: Int, test: Int) {
        self.train = train
        self.validation = validation
        self.test = test
    }

    public var total: Int { train + validation + test }
}

/// A generator's data: `train + test + validation` samples drawn in one call (``makeSplit``), the
/// validation samples last, so that adding a validation part changes neither the training nor the
/// test samples.
public struct GeneratedSource: DataSource {
    public var generator: any DataGenerator
    public var counts: SplitCounts

    public init(generator: any DataGenerator, counts: SplitCounts) {
        self.generator = generator
        self.counts = counts
    }

    public var task: Task { generator.task }
    public var featureCount: Int { generator.featureCount }
    public var targetColumns: Int { 1 }

    public func split(seed: UInt64, standardize: Bool) -> DataSplit {
        makeSplit(generator: generator, trainCount: counts.train, testCount: counts.test, validationCount: counts.validation,
                  seed: seed, standardize: standardize)
    }
}
