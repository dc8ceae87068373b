/// Mid-ranks of a sample for rank tests: ranks 1 ... n in ascending order, each group of equal
/// values sharing the average of the ranks it spans (`scipy.stats.rankdata(method="average")`).
///
/// Ranks are stored doubled (2·rank = first + last position of the group, 1-based) so that they are
/// integers, which lets the exact null distributions of the signed-rank and rank-sum tests be
/// counted on an integer grid even with ties.
struct Ranking: Sendable, Equatable {
    /// 2 · rank of each value, in the order of the values given.
    var doubledRanks: [Int]
    /// The size of every group of tied values, in ascending order of value (1 for a value without
    /// ties).
    var tieGroupSizes: [Int]

    /// Ranks finite `values`; values compare with `==`, so 0.1 + 0.2 and 0.3 are not tied.
    init(_ values: [Double]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        doubledRanks = Array(repeating: 0, count: values.count)
        tieGroupSizes = []
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, values[order[end]] == values[order[start]] {
                end += 1
            }
            let doubled = (start + 1) + end
            for position in start..<end {
                doubledRanks[order[position]] = doubled
            }
            tieGroupSizes.append(end - start)
            start = end
        }
    }

    /// Whether any two values are equal.
    var hasTies: Bool { tieGroupSizes.contains { $0 > 1 } }

    /// Σ (t³ - t) over tie groups of size t, the tie correction of both rank tests' variances.
    var tieCorrection: Double {
        tieGroupSizes.reduce(0) { sum, size in
            let t = Double(size)
            return sum + t * t * t - t
        }
    }
}
