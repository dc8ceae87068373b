import Testing
@testable import LossCore
import LossLabTestSupport

struct DataGeneratorsTests {
    @Test func namesAreTheDocumentedOnesAndUnique() {
        let names = DataGenerators.all.map { $0.name }
        #expect(names == ["gaussian", "outliers", "wide_range", "poisson", "classes", "multilabel", "bimodal"])
    }

    @Test func lookupByNameFindsEachGeneratorAndNothingElse() {
        for type in DataGenerators.all {
            #expect(DataGenerators.named(type.name).map(ObjectIdentifier.init) == ObjectIdentifier(type))
        }
        #expect(DataGenerators.named("Gaussian") == nil)
        #expect(DataGenerators.named("") == nil)
    }

    @Test func everyGeneratorDescribesItselfAndItsParameters() {
        for type in DataGenerators.all {
            #expect(!type.summary.isEmpty, "\(type.name)")
            let names = type.parameters.map(\.name)
            #expect(Set(names).count == names.count, "\(type.name) lists a parameter twice")
            #expect(type.parameters.allSatisfy { !$0.summary.isEmpty }, "\(type.name)")
        }
    }
}
