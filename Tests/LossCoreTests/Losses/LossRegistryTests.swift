import Testing
@testable import LossCore
import LossLabTestSupport

/// Inputs for any registered loss, from its definition alone: predictions are the natural output
/// activation of seeded logits in [-2, 2], targets follow the natural encoding (values in
/// [0.5, 2.5], away from 0 for relative losses; 0/1; -1/+1; one-hot or integer labels of 3
/// classes). A loss that is registered gets a finite-difference check, a finiteness check and the
/// test matrix of the per-loss tests with no other edit.
enum RegistryInputs {
    static let rows = 3, columns = 3

    static func predictions(_ definition: LossDefinition, seed: UInt64 = 11) -> [[Float]] {
        var generator = SplitMix64(seed: seed)
        let logits = Matrix(rows: rows, columns: columns, storage: (0..<(rows * columns)).map { _ in Float(generator.nextUniform() * 4 - 2) })
        var outputs = Matrix(rows: 0, columns: 0)
        definition.naturalActivation.forward(logits, into: &outputs)
        return (0..<rows).map { outputs.row($0) }
    }

    static func targets(_ definition: LossDefinition, seed: UInt64 = 12) -> [[Float]] {
        var generator = SplitMix64(seed: seed)
        func label() -> Int { Int(generator.next() % UInt64(columns)) }
        switch definition.naturalEncoding {
        case .values: return (0..<rows).map { _ in (0..<columns).map { _ in Float(0.5 + 2 * generator.nextUniform()) } }
        case .binary: return (0..<rows).map { _ in (0..<columns).map { _ in Float(generator.next() % 2) } }
        case .signed: return (0..<rows).map { _ in (0..<columns).map { _ in generator.next() % 2 == 0 ? -1 : 1 } }
        case .oneHot: return (0..<rows).map { _ in let c = label(); return (0..<columns).map { $0 == c ? 1 : 0 } }
        case .integer: return (0..<rows).map { _ in [Float(label())] }
        }
    }
}

@Suite("The loss registry and the test tables")
struct LossRegistryTests {
    /// Registered losses that Keras 3 does not have, with the independent check that replaces the
    /// Keras reference (docs/extending.md).
    static let notInKeras: [String: String] = [:]

    /// Forgetting one of the tables is a failure that names the loss and the table.
    @Test("every registered loss is in the test matrix, the gradient table and the Keras reference",
          arguments: LossRegistry.builtIn.map(\.name))
    func everyTableHasEveryLoss(_ name: String) {
        #expect(allLossConfigurations.contains { $0.name == name }, "\(name) is not in allLossConfigurations (Tests/LossCoreTests/Losses/LossTests.swift)")
        #expect(GradientCheckTests.table.contains { $0.name.hasPrefix(name + "/") }, "\(name) has no row in the gradient-check table")
        #expect(Self.notInKeras[name] != nil || KerasReference.cases.contains { $0.loss.name == name },
                "\(name) has no Keras reference case: add it to Tests/Reference/keras_reference.py and regenerate KerasReference.swift")
    }

    @Test("names are unique across the registry, and lookups find every name")
    func names() {
        let names = LossRegistry.all.flatMap { Set($0.names) }
        #expect(Set(names).count == names.count, "\(names)")
        for definition in LossRegistry.all {
            for name in definition.names { #expect(LossRegistry.named(name) == definition, "\(name)") }
            #expect(definition.parameters.map(\.name).count == Set(definition.parameters.map(\.name)).count)
        }
    }

    @Test("each definition builds its loss, with its defaults and from each parameter's default written out",
          arguments: LossRegistry.builtIn.map(\.name))
    func builds(_ name: String) throws {
        let definition = try #require(LossRegistry.named(name))
        #expect(try definition.make().name == definition.name)
        var written: [String: ParameterValue] = [:]
        for info in definition.parameters { written[info.name] = info.defaultValue }
        #expect(try definition.make(Parameters(written)).name == definition.name)
        #expect(throws: ParameterError.self) { try definition.make(Parameters(["no_such_parameter": .number(1)])) }
    }

    @Test("values and gradients are finite on the natural pairing's inputs", arguments: LossRegistry.builtIn.map(\.name))
    func finiteOnNaturalInputs(_ name: String) throws {
        let definition = try #require(LossRegistry.named(name))
        let loss = try definition.make()
        let predicted = RegistryInputs.predictions(definition), expected = RegistryInputs.targets(definition)
        let values = lossValues(loss, predicted: predicted, expected: expected)
        #expect(values.count == RegistryInputs.rows && values.allSatisfy { $0.isFinite }, "\(name): \(values)")
        #expect(lossGradients(loss, predicted: predicted, expected: expected).joined().allSatisfy { $0.isFinite }, "\(name)")
    }

    @Test("registering a loss of one's own adds it to every list; a name already taken is refused")
    func registration() throws {
        let own = LossDefinition(name: "test_registered_squared_error", alias: "test_sq", summary: "test", targets: .values,
                                 activation: .identity, encoding: .values) { _ in MeanSquaredError() }
        try LossRegistry.register(own)
        #expect(LossRegistry.named("test_sq") == own)
        #expect(!LossRegistry.builtIn.contains(own) && LossRegistry.all.contains(own))
        let clash = LossDefinition(name: "another", alias: "mse", summary: "", targets: .values, activation: .identity,
                                   encoding: .values) { _ in MeanSquaredError() }
        #expect(throws: ParameterError.self) { try LossRegistry.register(clash) }
    }
}
