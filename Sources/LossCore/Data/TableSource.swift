/// The split of a table of one's own: seeded from the repetition like everything else.
///
/// - Test and validation parts are fractions of the rows (each rounded to the nearest row), the
///   training part is the rest.
/// - With `stratify` (classification), each class is split on its own with the same fractions, so
///   every part keeps the table's class proportions: rows of class `c` are permuted, the first
///   `round(n_c * testFraction)` go to the test part, the next `round(n_c * validationFraction)` to
///   validation, the rest to training. Without it the whole table is permuted and cut the same way.
/// - With a `reducedClass`, the training part keeps only the first rows of that class (in the
///   permuted order), so that it makes `reducedShare` of the training part: the imbalance a study
///   of focal loss needs, with the test part left as it is.
///
/// - With `folds` (repeated k-fold cross-validation), repetition `r` is fold `r mod k` of repeat
///   `r / k`: each repeat permutes every stratum once (a seed of its own, the same for its `k`
///   folds), and fold `f` tests on the `f`-th of `k` nearly equal slices of each stratum, so that
///   the `k` folds of a repeat test on every row once. `testFraction` is then `1 / k`; the
///   validation part is `validationFraction` of the rows the fold trains on.
///
/// Each part lists its rows in table order (training order is shuffled by the trainer each epoch).
/// The counts depend on the table and the fractions only, not on the seed (with folds, on the
/// first fold: the others differ by at most a row per stratum).
public struct TableSource: DataSource {
    public var data: TabularData
    public var testFraction: Double
    public var validationFraction: Double
    public var stratify: Bool
    public var reducedClass: Int?
    public var reducedShare: Double
    /// The number of folds of repeated k-fold cross-validation, or `nil` for random splits.
    public var folds: Int?

    public init(data: TabularData, testFraction: Double, validationFraction: Double = 0, stratify: Bool = true,
                reducedClass: Int? = nil, reducedShare: Double = 1, folds: Int? = nil) {
        self.folds = folds
        self.data = data
        self.testFraction = testFraction
        self.validationFraction = validationFraction
        self.stratify = stratify
        self.reducedClass = reducedClass
        self.reducedShare = reducedShare
    }

    public var task: Task { data.task }
    public var featureCount: Int { data.features.columns }
    public var targetColumns: Int { data.targets.columns }

    /// Row indices of each stratum (every row at once without stratification), in table order.
    var strata: [[Int]] {
        guard stratify, case .classification(let classes) = data.task else { return [Array(0..<data.rowCount)] }
        var groups = [[Int]](repeating: [], count: classes)
        for (row, label) in data.labels.enumerated() { groups[label].append(row) }
        return groups
    }

    /// Test and validation rows of a stratum of `n` rows (with folds, those of the first fold).
    func partCounts(_ n: Int) -> (test: Int, validation: Int) {
        if let folds {
            let test = n / folds
            return (test, min(Int((Double(n - test) * validationFraction).rounded()), n - test))
        }
        let test = Int((Double(n) * testFraction).rounded())
        let validation = min(Int((Double(n) * validationFraction).rounded()), n - test)
        return (test, validation)
    }

    /// The training rows that the reduced class keeps when the others number `others`.
    func keptRows(others: Int, available: Int) -> Int {
        guard reducedShare < 1 else { return available }
        return min(available, Int((Double(others) * reducedShare / (1 - reducedShare)).rounded()))
    }

    public var counts: SplitCounts {
        var counts = SplitCounts(train: 0, validation: 0, test: 0)
        var reducedTrain = 0
        for (index, stratum) in strata.enumerated() {
            let (test, validation) = partCounts(stratum.count)
            counts.test += test
            counts.validation += validation
            let train = stratum.count - test - validation
            if stratify, index == reducedClass { reducedTrain = train } else { counts.train += train }
        }
        if stratify, reducedClass != nil { counts.train += keptRows(others: counts.train, available: reducedTrain) }
        return counts
    }

    public func split(baseSeed: UInt64, repetition: Int, dataSeed: UInt64, standardize: Bool) -> DataSplit {
        guard let folds else { return split(seed: dataSeed, standardize: standardize) }
        let repeatSeed = SplitMix64.derive(seed: baseSeed, UInt64(repetition / folds), 4)
        return split(seed: repeatSeed, fold: repetition % folds, of: folds, standardize: standardize)
    }

    /// Fold `fold` of `count`: the rows of slice `fold` of each permuted stratum are the test part.
    func split(seed: UInt64, fold: Int, of count: Int, standardize: Bool) -> DataSplit {
        var random = SplitMix64(seed: seed)
        var train: [Int] = [], validation: [Int] = [], test: [Int] = []
        var reduced: [Int] = []
        for (index, stratum) in strata.enumerated() {
            let order = random.permutation(stratum.count).map { stratum[$0] }
            let start = stratum.count * fold / count, end = stratum.count * (fold + 1) / count
            test += order[start..<end]
            let rest = Array(order[..<start] + order[end...])
            let validationCount = min(Int((Double(rest.count) * validationFraction).rounded()), rest.count)
            validation += rest[..<validationCount]
            if stratify, index == reducedClass { reduced = Array(rest[validationCount...]) } else { train += rest[validationCount...] }
        }
        train += reduced.prefix(keptRows(others: train.count, available: reduced.count))
        return parts(train: train, validation: validation, test: test, standardize: standardize)
    }

    func parts(train: [Int], validation: [Int], test: [Int], standardize: Bool) -> DataSplit {
        let dataset = Dataset(features: data.features, targets: data.targets, task: data.task)
        var split = DataSplit(train: dataset.subset(train.sorted()), test: dataset.subset(test.sorted()),
                              validation: validation.isEmpty ? nil : dataset.subset(validation.sorted()))
        if standardize { split.standardize() }
        return split
    }

    public func split(seed: UInt64, standardize: Bool) -> DataSplit {
        if let folds { return split(seed: seed, fold: 0, of: folds, standardize: standardize) }
        var random = SplitMix64(seed: seed)
        var train: [Int] = [], validation: [Int] = [], test: [Int] = []
        var reduced: [Int] = []
        for (index, stratum) in strata.enumerated() {
            let order = random.permutation(stratum.count).map { stratum[$0] }
            let (testCount, validationCount) = partCounts(stratum.count)
            test += order[..<testCount]
            validation += order[testCount..<(testCount + validationCount)]
            if stratify, index == reducedClass { reduced = Array(order[(testCount + validationCount)...]) } else {
                train += order[(testCount + validationCount)...]
            }
        }
        train += reduced.prefix(keptRows(others: train.count, available: reduced.count))
        return parts(train: train, validation: validation, test: test, standardize: standardize)
    }
}
