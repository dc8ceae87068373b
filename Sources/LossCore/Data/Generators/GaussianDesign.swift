/// The pieces shared by the linear generators: standard normal coefficients and features, and the
/// linear predictor evaluated on the features as stored.
enum GaussianDesign {
    /// `count` independent `N(0, scale^2)` values.
    static func normalVector(count: Int, scale: Double = 1, generator: inout SplitMix64) -> [Double] {
        (0..<count).map { _ in scale * generator.nextNormal() }
    }

    /// `vector` rescaled to Euclidean norm `length` (left at zero when it is zero).
    static func rescaled(_ vector: [Double], toLength length: Double) -> [Double] {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return vector }
        return vector.map { $0 * length / norm }
    }

    /// Fills `row` with independent `N(0, 1)` features, rounded to float32.
    static func fillStandardNormal(_ row: inout [Float], generator: inout SplitMix64) {
        for j in row.indices { row[j] = Float(generator.nextNormal()) }
    }

    /// `x . w` in double precision from the float32 features, so that the ground truth is exact
    /// for the features a model sees.
    static func dot(_ row: [Float], _ coefficients: [Double]) -> Double {
        var sum = 0.0
        for j in row.indices { sum += Double(row[j]) * coefficients[j] }
        return sum
    }
}
