/// A deterministic split of a grid's trials into `count` shards, balanced by expected cost.
///
/// The cost of a trial is estimated as `train_size x epochs x (1 + sum of hidden sizes)`. Trials
/// are taken from the most to the least expensive (ties in grid order) and each goes to the shard
/// with the least cost so far (ties to the lowest shard): the longest-processing-time rule, within
/// 4/3 of the best balance. Every trial belongs to exactly one shard, and the assignment depends
/// only on the grid and `count`.
public struct ShardAssignment: Sendable {
    public let count: Int
    /// Shard of each trial, by grid index.
    public let shardOfTrial: [Int32]
    /// Estimated cost per shard.
    public let costs: [Double]

    public init(grid: Grid, count: Int) {
        precondition(count >= 1)
        self.count = count
        let costs = (0..<grid.count).map { ShardAssignment.estimatedCost(grid.trial(at: $0)) }
        let order = (0..<grid.count).sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
        var load = [Double](repeating: 0, count: count)
        var assignment = [Int32](repeating: 0, count: grid.count)
        for index in order {
            var best = 0
            for shard in 1..<count where load[shard] < load[best] { best = shard }
            assignment[index] = Int32(best)
            load[best] += costs[index]
        }
        shardOfTrial = assignment
        self.costs = load
    }

    public func trials(inShard shard: Int) -> [Int] {
        shardOfTrial.indices.filter { shardOfTrial[$0] == Int32(shard) }
    }

    static func estimatedCost(_ trial: Trial) -> Double {
        let configuration = trial.configuration
        let hidden = Double(configuration.model.hiddenSizes.reduce(0, +))
        return Double(configuration.dataset.trainSize) * Double(max(configuration.training.epochs, 1)) * (1 + hidden)
    }
}
