/// Every data generator, by the name experiment files use.
public enum DataGenerators {
    /// In the order `losslab list` prints them.
    public static let all: [any DataGenerator.Type] = [
        GaussianGenerator.self,
        OutliersGenerator.self,
        WideRangeGenerator.self,
        PoissonGenerator.self,
        ClassesGenerator.self,
        MultilabelGenerator.self,
        BimodalGenerator.self,
    ]

    /// The generator called `name`, or `nil` when there is none.
    public static func named(_ name: String) -> (any DataGenerator.Type)? {
        all.first { $0.name == name }
    }
}
