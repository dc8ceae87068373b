/// The `probability`-quantile of ascending `sorted` values by linear interpolation between order
/// statistics: NumPy's default `method="linear"` (Hyndman & Fan's definition 7, also R's default).
///
/// With n values x₀ <= ... <= xₙ₋₁, h = (n - 1) p, j = ⌊h⌋ and γ = h - j, the quantile is
/// xⱼ + γ (xⱼ₊₁ - xⱼ). As in NumPy, it is evaluated as xⱼ₊₁ - (1 - γ)(xⱼ₊₁ - xⱼ) when γ >= 1/2, so
/// that results agree with `numpy.quantile` to the last bit and are exact at both ends.
/// Reference: R. J. Hyndman and Y. Fan, "Sample quantiles in statistical packages", The American
/// Statistician 50 (1996).
public func quantile(ofSorted sorted: [Double], probability: Double) -> Double {
    precondition(!sorted.isEmpty, "a quantile needs at least one value")
    precondition(probability >= 0 && probability <= 1, "a quantile's probability lies in [0, 1]")
    let position = Double(sorted.count - 1) * probability
    let below = position.rounded(.down)
    let index = Int(below)
    if index >= sorted.count - 1 { return sorted[sorted.count - 1] }
    let fraction = position - below
    let low = sorted[index], high = sorted[index + 1]
    let difference = high - low
    return fraction >= 0.5 ? high - difference * (1 - fraction) : low + difference * fraction
}
