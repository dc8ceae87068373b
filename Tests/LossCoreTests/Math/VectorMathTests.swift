import Foundation
import Testing
@testable import LossCore
import LossLabTestSupport

/// The 8-lane `exp`, `log` and `log1p` against the C library, ulp by ulp.
struct VectorMathTests {
    /// The distance in float32 steps between two finite floats of the same sign.
    static func ulps(_ a: Float, _ b: Float) -> Int {
        if a == b { return 0 }
        return abs(Int(a.bitPattern) - Int(b.bitPattern))
    }

    static func lanes(_ values: [Float]) -> [VectorMath.Lanes] {
        stride(from: 0, to: values.count, by: 8).map { start in
            var lanes = VectorMath.Lanes()
            for lane in 0..<8 { lanes[lane] = values[min(start + lane, values.count - 1)] }
            return lanes
        }
    }

    static func grid(from: Float, to: Float, count: Int) -> [Float] {
        (0..<count).map { from + (to - from) * Float($0) / Float(count - 1) }
    }

    @Test func expIsWithinOneUlpOfExpf() {
        var worst = 0
        for lanes in Self.lanes(Self.grid(from: -87, to: 88.7, count: 40_001)) {
            let result = VectorMath.exp(lanes)
            for lane in 0..<8 { worst = max(worst, Self.ulps(result[lane], expf(lanes[lane]))) }
        }
        #expect(worst <= 1)
    }

    @Test func expEdgeCasesFollowC() {
        let inputs: [Float] = [0, -0.0, 88.72, 89, 500, .infinity, -88, -100, -103.9, -104, -500, -.infinity]
        for lanes in Self.lanes(inputs) {
            let result = VectorMath.exp(lanes)
            for lane in 0..<8 {
                let expected = expf(lanes[lane])
                #expect(result[lane] == expected || Self.ulps(result[lane], expected) <= 1,
                        "exp(\(lanes[lane])) = \(result[lane]), expf \(expected)")
            }
        }
        #expect(VectorMath.exp(VectorMath.Lanes(repeating: .nan))[0].isNaN)
    }

    @Test func logIsWithinOneUlpOfLogf() {
        var worst = 0
        for lanes in Self.lanes(Self.grid(from: -80, to: 80, count: 40_001).map { expf($0) }) {
            let result = VectorMath.log(lanes)
            for lane in 0..<8 { worst = max(worst, Self.ulps(result[lane], logf(lanes[lane]))) }
        }
        #expect(worst <= 1)
    }

    @Test func logEdgeCasesFollowC() {
        let result = VectorMath.log(VectorMath.Lanes(0, -0.0, -1, .infinity, .nan, 1, Float.leastNormalMagnitude, 1e-40))
        #expect(result[0] == -.infinity && result[1] == -.infinity)
        #expect(result[2].isNaN && result[4].isNaN)
        #expect(result[3] == .infinity)
        #expect(result[5] == 0)
        #expect(Self.ulps(result[6], logf(Float.leastNormalMagnitude)) <= 1)
        #expect(result[7] == -.infinity, "subnormals are flushed")
    }

    /// `log1p(t)` keeps full relative precision for tiny `t`, where `log(1 + t)` would give 0.
    @Test func log1pIsAccurateForTinyArguments() {
        let inputs: [Float] = [0, 1e-30, 1e-10, 1e-7, 3e-4, 0.1, 0.5, 1]
        let result = VectorMath.log1p(VectorMath.Lanes(inputs))
        for (lane, t) in inputs.enumerated() {
            #expect(isClose(Double(result[lane]), Double(log1pf(t)), relative: 4e-7), "log1p(\(t)) = \(result[lane])")
        }
    }

    @Test func mapCoversTheTail() {
        let source = (0..<13).map { Float($0) / 4 }
        var destination = [Float](repeating: .nan, count: 13)
        source.withUnsafeBufferPointer { s in
            destination.withUnsafeMutableBufferPointer { d in
                VectorMath.map(count: 13, s.baseAddress!, into: d.baseAddress!, VectorMath.exp)
            }
        }
        for (x, y) in zip(source, destination) { #expect(Self.ulps(y, expf(x)) <= 1) }
    }
}
