import LossCore

/// The `curves` section of a `kind: "curves"` experiment: the line of predictions along which the
/// losses are evaluated (see ``CurveEvaluator``).
public struct CurveConfiguration: ConfigurationSection, Hashable {
    /// What varies along x: one of the axes, or `auto` (each loss's ``LossDefinition/curveAxis``).
    public enum Choice: String, Sendable, CaseIterable {
        case auto, error, prediction, probability, margin

        /// The axis for a loss.
        public func axis(for loss: LossDefinition) -> LossDefinition.CurveAxis {
            LossDefinition.CurveAxis(rawValue: rawValue) ?? loss.curveAxis
        }
    }

    public static let sectionName = "curves"

    public var x = Choice.auto
    /// `nil`: the default of the axis (error -3 to 3, prediction 0 to 3 x target, probability 0.001
    /// to 0.999, margin -2 to 2).
    public var from: Double?
    public var to: Double?
    public var points = 201
    /// The fixed target of regression losses.
    public var target = 1.0

    public init() {}

    public static let fields: [ConfigurationField<CurveConfiguration>] = [
        .choice("x", \.x, "what varies along the x axis: auto picks error for regression losses, probability of the true class for crossentropies and margin y*f for hinge losses"),
        .optionalNumber("from", \.from, -1e9...1e9, absent: "depends on x", "start of the grid"),
        .optionalNumber("to", \.to, -1e9...1e9, absent: "depends on x", "end of the grid"),
        .integer("points", \.points, 2...100_000, "grid points"),
        .number("target", \.target, -1e9...1e9, "the fixed target of regression losses"),
    ]
}
