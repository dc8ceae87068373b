/// How a model's outputs (after its output activation) become class probabilities, the one place
/// where LossLab decides this for every classification metric.
///
/// Any activation may be paired with any loss, so the outputs are not always probabilities; the
/// rules below give every pairing a reading that is a distribution, without changing the argmax of
/// an output layer that already produces one.
///
/// `.classification(classes: K)` with `K` outputs (`K > 1`), per row:
///
/// | activation | probabilities |
/// | --- | --- |
/// | softmax | the outputs as they are |
/// | sigmoid, softplus, exp, relu (non-negative) | the row divided by its sum; uniform `1/K` if the sum is 0 |
/// | tanh | `(a + 1) / 2`, in [0, 1], then divided by the row sum as above |
/// | identity | by ``LinearOutputReading``: softmax of logits (the default); probabilities clipped at 0, or signed scores mapped by `(a + 1) / 2` and clipped to [0, 1], then divided by the row sum |
///
/// `.classification(classes: 2)` with one output `a`, read as the probability of class 1 (column 1;
/// column 0 is `1 - p1`):
///
/// | activation | p1 |
/// | --- | --- |
/// | sigmoid | `a` |
/// | tanh | `(a + 1) / 2`: a score in [-1, 1], as trained by the (squared) hinge losses on -1/+1 labels |
/// | identity | by ``LinearOutputReading``: `sigmoid(a)` for a logit (the default), `a` clipped to [0, 1] for a probability, `(a + 1) / 2` clipped to [0, 1] for a signed score |
/// | softmax, softplus, exp, relu | `a` clipped to [0, 1] |
///
/// `.multilabel(labels: L)` with `L` outputs: each column on its own, by the one-output rules.
///
/// NaN outputs stay NaN. Asking for class probabilities of a regression or count task, or with a
/// column count that matches none of the above, is a precondition failure.
public func classProbabilities(outputs: Matrix, activation: Activation, task: Task,
                               linearOutputs: LinearOutputReading = .logits) -> Matrix {
    switch task {
    case .classification(let classes):
        if outputs.columns == 1 {
            precondition(classes == 2, "one output for \(classes) classes")
            var probabilities = Matrix(rows: outputs.rows, columns: 2)
            for r in 0..<outputs.rows {
                let positive = positiveClassProbability(output: outputs[r, 0], activation: activation, linearOutputs: linearOutputs)
                probabilities[r, 0] = 1 - positive
                probabilities[r, 1] = positive
            }
            return probabilities
        }
        precondition(outputs.columns == classes, "\(outputs.columns) outputs for \(classes) classes")
        switch activation {
        case .softmax:
            return outputs
        case .identity:
            switch linearOutputs {
            case .logits:
                let softmax = Activation.softmax
                return softmax(outputs)
            case .probabilities:
                return normalizedRows(outputs.map { StableMath.clip($0, 0, 1) })
            case .signedScores:
                return normalizedRows(outputs.map { StableMath.clip(($0 + 1) / 2, 0, 1) })
            }
        case .tanh:
            return normalizedRows(outputs.map { ($0 + 1) / 2 })
        case .sigmoid, .softplus, .exp, .relu:
            return normalizedRows(outputs)
        }
    case .multilabel(let labels):
        precondition(outputs.columns == labels, "\(outputs.columns) outputs for \(labels) labels")
        return outputs.map { positiveClassProbability(output: $0, activation: activation, linearOutputs: linearOutputs) }
    case .regression, .counts:
        preconditionFailure("class probabilities asked for a \(task.name) task")
    }
}

/// The predicted class of each row: the index of its largest probability, the lowest index on
/// ties (so a binary `[0.5, 0.5]` predicts class 0, as `numpy.argmax`).
public func predictedLabels(probabilities: Matrix) -> [Int] {
    (0..<probabilities.rows).map { r in
        var best = 0
        for k in 1..<max(probabilities.columns, 1) where probabilities[r, k] > probabilities[r, best] {
            best = k
        }
        return best
    }
}

/// Multi-label decisions: 1 where a label's probability exceeds 0.5, else 0. A probability of
/// exactly 0.5 is not a positive, consistent with the binary argmax tie rule of
/// ``predictedLabels(probabilities:)`` (Keras's `binary_accuracy` uses the same strict threshold).
public func predictedLabelSets(probabilities: Matrix) -> Matrix {
    probabilities.map { $0 > 0.5 ? 1 : 0 }
}

/// The probability of the positive class from a single output, by the one-output rules of
/// ``classProbabilities(outputs:activation:task:)``.
private func positiveClassProbability(output: Float, activation: Activation, linearOutputs: LinearOutputReading) -> Float {
    switch (activation, linearOutputs) {
    case (.sigmoid, _): output
    case (.tanh, _): (output + 1) / 2
    case (.identity, .logits): StableMath.sigmoid(output)
    case (.identity, .probabilities): StableMath.clip(output, 0, 1)
    case (.identity, .signedScores): StableMath.clip((output + 1) / 2, 0, 1)
    case (.softmax, _), (.softplus, _), (.exp, _), (.relu, _): StableMath.clip(output, 0, 1)
    }
}

/// What the outputs of a linear (identity) output layer stand for, which depends on how the model
/// was trained, not on the layer: logits for a loss taken `from_logits` (the default reading),
/// probabilities for a regression loss trained on 0/1 or one-hot targets, signed scores for a
/// loss trained on -1/+1 targets (hinge losses with a linear score).
public enum LinearOutputReading: String, Sendable, Codable {
    case logits
    case probabilities
    case signedScores = "signed_scores"
}

/// Each row divided by its sum (accumulated in `Double`), or uniform when the sum is 0. The
/// entries are assumed non-negative.
private func normalizedRows(_ values: Matrix) -> Matrix {
    var result = values
    let width = values.columns
    for r in 0..<values.rows {
        var sum = 0.0
        for k in 0..<width { sum += Double(values[r, k]) }
        for k in 0..<width {
            result[r, k] = sum == 0 ? 1 / Float(width) : Float(Double(values[r, k]) / sum)
        }
    }
    return result
}
