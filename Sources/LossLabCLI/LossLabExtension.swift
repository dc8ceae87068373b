import LossCore

/// What a package that depends on LossLab adds to it: losses of its own, written in Swift as
/// ``LossDefinition``s (a `Loss` and its names, parameters and pairing, as a built-in loss declares
/// them). Given to ``LossLab/main(extensions:)``, they are registered before the command runs, so
/// that every command (`run`, `plot`, `report`, `compare`, `bench`, `list`, `loss`) knows them. See
/// `examples/custom-loss/` and `docs/extending.md`.
public struct LossLabExtension: Sendable {
    /// Names the extension in messages (a package's name, say).
    public var name: String
    public var losses: [LossDefinition]

    public init(name: String, losses: [LossDefinition]) {
        self.name = name
        self.losses = losses
    }

    /// Registers the losses of `extensions` in ``LossRegistry``; a name another loss already has
    /// is refused, naming the extension and the name.
    static func register(_ extensions: [LossLabExtension]) throws(CommandError) {
        for item in extensions {
            for definition in item.losses {
                do {
                    try LossRegistry.register(definition)
                } catch let error as ParameterError {
                    throw CommandError("extension \(item.name): the loss \(definition.name) cannot be registered: "
                                       + "\(error.value) is already the name of a loss; give it a name of its own")
                } catch {
                    throw CommandError("extension \(item.name): the loss \(definition.name) cannot be registered: \(error)")
                }
            }
        }
    }
}
