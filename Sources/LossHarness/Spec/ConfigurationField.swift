/// One field of a configuration section (``DatasetConfiguration``, ``ModelConfiguration``,
/// ``TrainingConfiguration``, ``CurveConfiguration``): its name, what it accepts, its one line of
/// documentation, how a written value is turned into the typed value, and how the typed value is
/// written back for trial ids and `spec.json`.
///
/// The default is the section's own initial value (`Section()`), so it is written once, where the
/// section declares the property; `losslab list fields`, the README's reference and the
/// validator's messages all read it from here.
public struct ConfigurationField<Section: ConfigurationSection>: Sendable {
    public let name: String
    public let summary: String
    /// What the field accepts, for messages and `losslab list fields`.
    public let accepts: Field.Kind
    /// What an absent optional field means, when its initial value (`nil`) does not say it.
    public let absentMeaning: String?
    /// Writes a checked value into a section.
    public typealias Setter = @Sendable (inout Section) -> Void
    private let convert: @Sendable (JSONValue) -> Setter?
    private let render: @Sendable (Section) -> JSONValue?

    init(_ name: String, accepts: Field.Kind, absentMeaning: String? = nil, _ summary: String,
         convert: @escaping @Sendable (JSONValue) -> Setter?, render: @escaping @Sendable (Section) -> JSONValue?) {
        self.name = name
        self.summary = summary
        self.accepts = accepts
        self.absentMeaning = absentMeaning
        self.convert = convert
        self.render = render
    }

    /// The path of the field in a file and in results: `training.epochs`.
    public var path: String { Section.sectionName + "." + name }

    /// The setter for one written (not swept) value, or what was expected.
    public func setter(for value: JSONValue) -> Result<Setter, FieldProblem> {
        guard Field(name, accepts, default: nil, "").check(value) == nil, let setter = convert(value) else {
            return .failure(FieldProblem(expected: Field(name, accepts, default: nil, "").expectation))
        }
        return .success(setter)
    }

    /// The field's value in `section` as it is written in files (`nil`: absent).
    public func value(in section: Section) -> JSONValue? { render(section) }

    /// The default as text, for documentation: the initial value, or what absence means.
    public var defaultText: String {
        render(Section()).map(\.description) ?? absentMeaning ?? "(none)"
    }

    /// Whether a single value of the field is a list, so that a sweep is a list of lists.
    public var isListValued: Bool { Field(name, accepts, default: nil, "").isListValued }
}

/// What a written value should have been.
public struct FieldProblem: Error, Sendable {
    public var expected: String
}

/// A section of an experiment file whose fields are declared as ``ConfigurationField``s.
public protocol ConfigurationSection: Sendable {
    /// `dataset`, `model`, `training` or `curves`.
    static var sectionName: String { get }
    /// Every field of the section, in documentation order.
    static var fields: [ConfigurationField<Self>] { get }
    /// The section with every field at its default.
    init()
}

extension ConfigurationSection {
    /// Every field's value as written in files, by path, absent fields left out.
    public func writtenValues() -> [String: JSONValue] {
        var values: [String: JSONValue] = [:]
        for field in Self.fields { if let value = field.value(in: self) { values[field.path] = value } }
        return values
    }

    public static func field(named name: String) -> ConfigurationField<Self>? {
        fields.first { $0.name == name }
    }
}

// MARK: Builders, one per kind of value

extension ConfigurationField {
    static func integer(_ name: String, _ keyPath: WritableKeyPath<Section, Int> & Sendable, _ range: ClosedRange<Int>,
                        _ summary: String) -> ConfigurationField {
        ConfigurationField(name, accepts: .number(Double(range.lowerBound)...Double(range.upperBound), integer: true), summary,
                           convert: { value in
                               guard case .number(let x) = value else { return nil }
                               let integer = Int(x)
                               return { $0[keyPath: keyPath] = integer }
                           },
                           render: { .number(Double($0[keyPath: keyPath])) })
    }

    static func optionalInteger(_ name: String, _ keyPath: WritableKeyPath<Section, Int?> & Sendable, _ range: ClosedRange<Int>,
                                absent: String, _ summary: String) -> ConfigurationField {
        ConfigurationField(name, accepts: .number(Double(range.lowerBound)...Double(range.upperBound), integer: true), absentMeaning: absent,
                           summary,
                           convert: { value in
                               guard case .number(let x) = value else { return nil }
                               let integer = Int(x)
                               return { $0[keyPath: keyPath] = integer }
                           },
                           render: { $0[keyPath: keyPath].map { .number(Double($0)) } })
    }

    static func number(_ name: String, _ keyPath: WritableKeyPath<Section, Double> & Sendable, _ range: ClosedRange<Double>,
                       _ summary: String) -> ConfigurationField {
        ConfigurationField(name, accepts: .number(range, integer: false), summary,
                           convert: { value in
                               guard case .number(let x) = value else { return nil }
                               return { $0[keyPath: keyPath] = x }
                           },
                           render: { .number($0[keyPath: keyPath]) })
    }

    static func optionalNumber(_ name: String, _ keyPath: WritableKeyPath<Section, Double?> & Sendable, _ range: ClosedRange<Double>,
                               absent: String, _ summary: String) -> ConfigurationField {
        ConfigurationField(name, accepts: .number(range, integer: false), absentMeaning: absent, summary,
                           convert: { value in
                               guard case .number(let x) = value else { return nil }
                               return { $0[keyPath: keyPath] = x }
                           },
                           render: { $0[keyPath: keyPath].map { .number($0) } })
    }

    static func flag(_ name: String, _ keyPath: WritableKeyPath<Section, Bool> & Sendable, _ summary: String) -> ConfigurationField {
        ConfigurationField(name, accepts: .bool, summary,
                           convert: { value in
                               guard case .bool(let b) = value else { return nil }
                               return { $0[keyPath: keyPath] = b }
                           },
                           render: { .bool($0[keyPath: keyPath]) })
    }

    /// One of the cases of `Choice`, by raw value.
    static func choice<Choice: RawRepresentable & CaseIterable & Sendable>(
        _ name: String, _ keyPath: WritableKeyPath<Section, Choice> & Sendable, among choices: [Choice]? = nil, _ summary: String
    ) -> ConfigurationField where Choice.RawValue == String {
        let allowed = choices ?? Array(Choice.allCases)
        return ConfigurationField(name, accepts: .choice(allowed.map(\.rawValue)), summary,
                                  convert: { value in
                                      guard case .string(let word) = value, let choice = Choice(rawValue: word) else { return nil }
                                      return { $0[keyPath: keyPath] = choice }
                                  },
                                  render: { .string($0[keyPath: keyPath].rawValue) })
    }

    static func optionalChoice<Choice: RawRepresentable & CaseIterable & Sendable>(
        _ name: String, _ keyPath: WritableKeyPath<Section, Choice?> & Sendable, absent: String, _ summary: String
    ) -> ConfigurationField where Choice.RawValue == String {
        ConfigurationField(name, accepts: .choice(Choice.allCases.map(\.rawValue)), absentMeaning: absent, summary,
                           convert: { value in
                               guard case .string(let word) = value, let choice = Choice(rawValue: word) else { return nil }
                               return { $0[keyPath: keyPath] = choice }
                           },
                           render: { $0[keyPath: keyPath].map { .string($0.rawValue) } })
    }

    static func integerList(_ name: String, _ keyPath: WritableKeyPath<Section, [Int]> & Sendable, _ range: ClosedRange<Int>,
                            _ summary: String) -> ConfigurationField {
        ConfigurationField(name, accepts: .numberList(Double(range.lowerBound)...Double(range.upperBound), integer: true), summary,
                           convert: { value in
                               guard let numbers = value.numbers else { return nil }
                               let integers = numbers.map { Int($0) }
                               return { $0[keyPath: keyPath] = integers }
                           },
                           render: { .array($0[keyPath: keyPath].map { .number(Double($0)) }) })
    }

    static func optionalNumberList(_ name: String, _ keyPath: WritableKeyPath<Section, [Double]?> & Sendable, _ range: ClosedRange<Double>,
                                   absent: String, _ summary: String) -> ConfigurationField {
        ConfigurationField(name, accepts: .numberList(range, integer: false), absentMeaning: absent, summary,
                           convert: { value in
                               guard let numbers = value.numbers else { return nil }
                               return { $0[keyPath: keyPath] = numbers }
                           },
                           render: { $0[keyPath: keyPath].map { .array($0.map { .number($0) }) } })
    }
}

extension JSONValue {
    /// The numbers of a list of numbers, else `nil`.
    var numbers: [Double]? {
        guard case .array(let items) = self else { return nil }
        var numbers: [Double] = []
        for item in items {
            guard case .number(let x) = item else { return nil }
            numbers.append(x)
        }
        return numbers
    }
}
