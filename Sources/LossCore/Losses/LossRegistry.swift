import Synchronization

/// Every loss an experiment file, `losslab loss` and `losslab list` can name: the built-in ones, in
/// the order `losslab list` prints them, then any a program registered (a package that depends on
/// LossLab and adds a loss of its own, see `docs/extending.md`).
public enum LossRegistry {
    /// The built-in losses, one line each. A new loss file adds its definition here.
    public static let builtIn: [LossDefinition] = [
        BinaryCrossentropy.definition,
        CategoricalCrossentropy.definition,
        MeanAbsoluteError.definition,
        MeanSquaredLogarithmicError.definition,
        MeanSquaredError.definition,
        Poisson.definition,
        SquaredHinge.definition,
        CategoricalFocalCrossentropy.definition,
        BinaryFocalCrossentropy.definition,
        Huber.definition,
        LogCosh.definition,
        Hinge.definition,
        SparseCategoricalCrossentropy.definition,
        KLDivergence.definition,
        MeanAbsolutePercentageError.definition,
        CategoricalHinge.definition,
        CosineSimilarity.definition,
    ]

    private static let registered = Mutex<[LossDefinition]>([])

    /// Adds a loss of one's own; a name already taken by another loss is refused.
    public static func register(_ definition: LossDefinition) throws {
        try registered.withLock { extra in
            let taken = Set((builtIn + extra).flatMap(\.names))
            if let clash = definition.names.first(where: taken.contains) {
                throw ParameterError(parameter: "name", value: clash, expected: "a loss name no other loss has")
            }
            extra.append(definition)
        }
    }

    /// The built-in losses, then the registered ones.
    public static var all: [LossDefinition] {
        builtIn + registered.withLock { $0 }
    }

    /// The loss called `name` (its Keras name, alias or another accepted name), or `nil`.
    public static func named(_ name: String) -> LossDefinition? {
        all.first { $0.names.contains(name) }
    }

    /// Every accepted name, for "did you mean" suggestions.
    public static var allNames: [String] { all.flatMap(\.names) }
}

/// Short names for the built-in definitions, for code and tests (`.meanSquaredError`); a new loss
/// does not need one.
extension LossDefinition {
    public static var binaryCrossentropy: LossDefinition { BinaryCrossentropy.definition }
    public static var categoricalCrossentropy: LossDefinition { CategoricalCrossentropy.definition }
    public static var meanAbsoluteError: LossDefinition { MeanAbsoluteError.definition }
    public static var meanSquaredLogarithmicError: LossDefinition { MeanSquaredLogarithmicError.definition }
    public static var meanSquaredError: LossDefinition { MeanSquaredError.definition }
    public static var poisson: LossDefinition { Poisson.definition }
    public static var squaredHinge: LossDefinition { SquaredHinge.definition }
    public static var categoricalFocalCrossentropy: LossDefinition { CategoricalFocalCrossentropy.definition }
    public static var binaryFocalCrossentropy: LossDefinition { BinaryFocalCrossentropy.definition }
    public static var huber: LossDefinition { Huber.definition }
    public static var logCosh: LossDefinition { LogCosh.definition }
    public static var hinge: LossDefinition { Hinge.definition }
    public static var sparseCategoricalCrossentropy: LossDefinition { SparseCategoricalCrossentropy.definition }
    public static var klDivergence: LossDefinition { KLDivergence.definition }
    public static var meanAbsolutePercentageError: LossDefinition { MeanAbsolutePercentageError.definition }
    public static var categoricalHinge: LossDefinition { CategoricalHinge.definition }
    public static var cosineSimilarity: LossDefinition { CosineSimilarity.definition }
}
