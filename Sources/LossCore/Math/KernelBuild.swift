/// What this build's numeric kernels were compiled for (the flavours of Package.swift), which
/// decides the last bits of every trained result.
///
/// Two things could change bits: fused multiply-adds (one rounding per step of a sum instead of
/// two) and the vector width. The width does not: every kernel sums each element in an order that
/// names no width (``MatrixMultiply``), and element-wise loops run the same operations per lane.
/// So two builds with the same ``rounding`` give byte-identical results, whatever their vectors
/// (AVX-512 or AVX2) and whatever `--jobs` is; builds of different rounding differ in the last
/// bits, and training carries those into the metrics' later digits.
public enum KernelBuild {
    /// Whether the kernels use fused multiply-adds (`LOSSLAB_FMA`: x86-64 builds for a CPU with
    /// FMA, and arm64).
    public static let usesFusedMultiplyAdd: Bool = {
        #if LOSSLAB_FMA
        return true
        #else
        return false
        #endif
    }()

    /// The widest vector of the kernels, in floats: 16 with AVX-512 (`LOSSLAB_AVX512`), else 8.
    public static var vectorWidth: Int { MatrixMultiply.laneCount }

    /// `fma` or `separate` (a multiply and an add): what results of this build can be compared
    /// with bit for bit. A saved baseline records it.
    public static var rounding: String { usesFusedMultiplyAdd ? "fma" : "separate" }

    /// One line for `losslab --version`, e.g. `16-lane vectors (AVX-512), fused multiply-add
    /// (rounding: fma)`.
    public static var summary: String {
        let vectors = vectorWidth == 16 ? "16-lane vectors (AVX-512)" : "\(vectorWidth)-lane vectors"
        let arithmetic = usesFusedMultiplyAdd ? "fused multiply-add" : "separate multiply and add"
        return "\(vectors), \(arithmetic) (rounding: \(rounding))"
    }
}
