import Testing
@testable import LossHarness
import LossLabTestSupport

@Suite struct ShardTests {
    static let counts = [1, 2, 3, 4, 5, 7, 16, 63, 64, 70]

    @Test(arguments: counts)
    func everyTrialBelongsToExactlyOneShard(count: Int) throws {
        let grid = Grid(try ShardingFixtures.experiment())
        let assignment = ShardAssignment(grid: grid, count: count)
        var seen = [Int](repeating: 0, count: grid.count)
        for shard in 0..<count {
            for index in assignment.trials(inShard: shard) { seen[index] += 1 }
        }
        #expect(seen.allSatisfy { $0 == 1 })
        #expect(assignment.shardOfTrial.allSatisfy { (0..<Int32(count)).contains($0) })
    }

    /// The longest-processing-time rule: no shard's cost exceeds the mean by more than the largest
    /// trial's cost, hence is within 4/3 of the best split's (whose lower bound is the larger of
    /// the mean and the largest trial).
    @Test(arguments: counts)
    func shardCostsAreBalanced(count: Int) throws {
        let grid = Grid(try ShardingFixtures.experiment())
        let costs = grid.trials.map { ShardAssignment.estimatedCost($0) }
        let assignment = ShardAssignment(grid: grid, count: count)
        let total = costs.reduce(0, +)
        #expect(abs(assignment.costs.reduce(0, +) - total) <= 1e-9 * total)
        let mean = total / Double(count)
        let largest = costs.max()!
        let heaviest = assignment.costs.max()!
        #expect(heaviest <= mean + largest)
        #expect(heaviest <= 4.0 / 3.0 * max(mean, largest) + 1e-9)
        for shard in 0..<count {
            let sum = assignment.trials(inShard: shard).map { costs[$0] }.reduce(0, +)
            #expect(abs(sum - assignment.costs[shard]) <= 1e-9 * total)
        }
    }

    @Test func trialsOfEqualCostAreDealtEvenly() throws {
        let grid = Grid(try ShardingFixtures.experiment(overrides: ["dataset.train_size=40", "training.epochs=2", "expect=[]"]))
        for count in [3, 5, 7] {
            let sizes = (0..<count).map { ShardAssignment(grid: grid, count: count).trials(inShard: $0).count }
            #expect(sizes.max()! - sizes.min()! <= 1, "\(count) shards: \(sizes)")
        }
    }

    @Test func theAssignmentDependsOnlyOnTheGridAndTheCount() throws {
        let first = ShardAssignment(grid: Grid(try ShardingFixtures.experiment()), count: 5)
        let second = ShardAssignment(grid: Grid(try ShardingFixtures.experiment()), count: 5)
        #expect(first.shardOfTrial == second.shardOfTrial)
    }
}
