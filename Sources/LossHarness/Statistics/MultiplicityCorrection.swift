/// Adjusted p-values for a family of m hypotheses tested together, so that a verdict taken at
/// `adjusted < alpha` controls an error rate over the whole family instead of per test.
///
/// With the raw p-values sorted ascending, p₍₁₎ <= ... <= p₍ₘ₎:
///
/// - **Holm** (step-down, controls the family-wise error rate under any dependence):
///   p̃₍ᵢ₎ = max over j <= i of min(1, (m - j + 1) p₍ⱼ₎).
/// - **Benjamini-Hochberg** (step-up, controls the false discovery rate for independent or
///   positively dependent tests): p̃₍ᵢ₎ = min over j >= i of min(1, m p₍ⱼ₎ / j).
///
/// Both match `statsmodels.stats.multitest.multipletests(p, method="holm")` and
/// `method="fdr_bh"`. Tied p-values get the same adjusted value whatever order the sort leaves
/// them in. References: S. Holm, "A simple sequentially rejective multiple test procedure",
/// Scandinavian Journal of Statistics 6 (1979); Y. Benjamini and Y. Hochberg, "Controlling the
/// false discovery rate", JRSS B 57 (1995).
public enum MultiplicityCorrection: String, Sendable, Hashable, CaseIterable {
    case holm
    case benjaminiHochberg = "bh"

    /// The name in text: `Holm`, `Benjamini-Hochberg`.
    public var title: String {
        switch self {
        case .holm: "Holm"
        case .benjaminiHochberg: "Benjamini-Hochberg"
        }
    }

    /// The adjusted p-values, in the order of `pValues` (each in [0, 1]; a precondition).
    public func adjusted(_ pValues: [Double]) -> [Double] {
        precondition(pValues.allSatisfy { $0 >= 0 && $0 <= 1 }, "p-values lie in [0, 1]")
        let m = pValues.count
        let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
        var adjusted = Array(repeating: 0.0, count: m)
        switch self {
        case .holm:
            var running = 0.0
            for (rank, index) in order.enumerated() {
                running = max(running, min(1, Double(m - rank) * pValues[index]))
                adjusted[index] = running
            }
        case .benjaminiHochberg:
            var running = 1.0
            for (rank, index) in order.enumerated().reversed() {
                running = min(running, min(1, Double(m) * pValues[index] / Double(rank + 1)))
                adjusted[index] = running
            }
        }
        return adjusted
    }
}
