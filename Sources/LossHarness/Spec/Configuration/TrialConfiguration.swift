import LossCore

/// Everything one trial is made of, typed: the dataset, model, training and curve sections and the
/// loss. The grid builds one per trial by applying the swept values to the experiment's fixed
/// configuration (``Experiment/base``).
public struct TrialConfiguration: Sendable {
    public var dataset = DatasetConfiguration()
    public var model = ModelConfiguration()
    public var training = TrainingConfiguration()
    public var curves = CurveConfiguration()
    /// `nil` only in the experiment's base configuration, before a loss entry is chosen.
    public var loss: LossConfiguration?
    /// Whether the experiment trains (its sections are dataset, model, training) or evaluates
    /// curves (its section is curves), which decides the sections trial ids hold.
    public var kind: Experiment.Kind = .train

    public init() {}

    /// Every resolved value by path, defaults included, as files write them: the text that trial
    /// ids hash (``Trial/canonicalText``). Reordering a file or writing a default explicitly does
    /// not change it.
    public var canonicalValues: [String: JSONValue] {
        var values = sectionValues(withGeneratorDefaults: true)
        if let loss { values.merge(loss.canonicalValues) { _, new in new } }
        return values
    }

    /// The values of the sections (not the loss); the generator's defaults only when asked
    /// (`spec.json` lists what the file fixed, trial ids everything).
    func sectionValues(withGeneratorDefaults: Bool) -> [String: JSONValue] {
        switch kind {
        case .train:
            var values = dataset.canonicalValues(withDefaults: withGeneratorDefaults)
            values.merge(model.writtenValues()) { _, new in new }
            values.merge(training.writtenValues()) { _, new in new }
            return values
        case .curves:
            return curves.writtenValues()
        }
    }
}
