/// "Did you mean" for names in formulas: the candidate closest to a misspelt name, counting a swap
/// of two neighbouring letters as one edit (`sigmiod` is one edit from `sigmoid`), and the names
/// other tools use for the prediction and the target.
enum FormulaSuggestion {
    /// What other tools call the prediction and the target.
    static let aliases: [String: String] = [
        "x": "p", "f": "p", "pred": "p", "prediction": "p", "predicted": "p", "y_pred": "p", "ypred": "p",
        "yhat": "p", "y_hat": "p", "output": "p", "q": "p",
        "t": "y", "target": "y", "label": "y", "y_true": "y", "ytrue": "y", "truth": "y", "expected": "y",
    ]

    /// The candidate closest to `word`: at most a third of its length (and at least 1) edits away;
    /// the first of equally close ones.
    static func closest(to word: String, among candidates: [String]) -> String? {
        if let alias = aliases[word.lowercased()], candidates.contains(alias) { return alias }
        let limit = max(1, word.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// The optimal string alignment distance: insertions, deletions, substitutions and swaps of two
    /// adjacent characters each cost 1.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = Array(0...b.count)
        var next = current
        for i in 1...a.count {
            next[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = min(current[j] + 1, next[j - 1] + 1, current[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, previous[j - 2] + 1) }
                next[j] = d
            }
            (previous, current, next) = (current, next, previous)
        }
        return current[b.count]
    }
}
