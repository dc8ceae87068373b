import Foundation
import LossCore

/// Reads and validates experiment files. Every problem is reported with the file, the field path,
/// the value and what was expected; validation continues after a problem so that all are listed.
public enum ExperimentLoader {
    /// Files larger than this are refused before parsing.
    public static let maximumFileSize = 1 << 20

    /// Loads the file at `path`, applying `overrides` (`--set path=value`), `seeds` (`--seeds N`) and
    /// the reduced settings of `quick` (``QuickSettings``). Messages name the file `name` (default:
    /// `path`), e.g. the path as the user wrote it.
    public static func load(path: String, name: String? = nil, overrides: [String] = [], seeds: Int? = nil,
                            quick: Bool = false) throws -> Experiment {
        let file = name ?? path
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maximumFileSize,
           !path.contains("\0") {
            throw SpecErrors([SpecError(file: file, path: "", value: "\(size) bytes", expected: "a file of at most \(maximumFileSize) bytes")])
        }
        let data = try InputFile.read(path, name: file, limit: maximumFileSize, expected: "an experiment file")
        return try load(data: data, file: file, overrides: overrides, seeds: seeds, quick: quick, directory: Paths.parent(of: path))
    }

    /// Loads an experiment from the bytes of a file named `file` (for messages); paths in it (a
    /// table's) are relative to `directory`, by default the folder of `file`.
    public static func load(data: Data, file: String, overrides: [String] = [], seeds: Int? = nil, quick: Bool = false,
                            directory: String? = nil) throws -> Experiment {
        var root: JSONValue
        do {
            root = try JSONValue.parse(data)
        } catch let error as JSONParseError {
            if error.isDuplicateKey {
                throw SpecErrors([SpecError(file: file, path: error.path, expected: error.expectation,
                                            suggestion: "JSON5 readers disagree on which of two equal keys wins; keep one")])
            }
            let expected = error.location.isEmpty || error.message.hasPrefix("UTF-8") ? error.expectation
                : "\(error.expectation) (the file is not valid JSON5)"
            throw SpecErrors([SpecError(file: file, path: error.path, expected: expected)])
        } catch {
            throw SpecErrors([SpecError(file: file, path: "", expected: "valid JSON5: \(parseErrorText(error))")])
        }
        for override in overrides {
            root = try applyOverride(override, to: root, file: file)
        }
        if quick {
            root = QuickSettings.apply(to: root, seeds: seeds)
        } else if let seeds, case .object(var members) = root {
            members["seeds"] = .number(Double(seeds))
            root = .object(members)
        }
        return try Validator(file: file, directory: directory).validate(root)
    }

    /// Validates an already resolved experiment tree (the `experiment` of an `experiment.json`).
    public static func load(source: JSONValue, file: String) throws -> Experiment {
        try Validator(file: file).validate(source)
    }

    /// Applies `path=value` (value in JSON5, or a bare word taken as a string) to the tree.
    static func applyOverride(_ override: String, to root: JSONValue, file: String) throws -> JSONValue {
        guard let equals = override.firstIndex(of: "=") else {
            throw SpecErrors([SpecError(file: "--set", path: override, expected: "path=value, e.g. training.epochs=5")])
        }
        let path = String(override[..<equals]).trimmingCharacters(in: .whitespaces)
        let text = String(override[override.index(after: equals)...])
        let value: JSONValue
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("{") {
            // An object is never a bare word: say what is wrong with it.
            do { value = try JSONValue.parse(text) } catch let error as JSONParseError {
                throw SpecErrors([SpecError(file: "--set", path: String(override[..<equals]), value: text,
                                            expected: "a JSON5 value: \(error.expectation)")])
            }
        } else if let parsed = try? JSONValue.parse(text) {
            value = parsed
        } else if text.hasPrefix("["), text.hasSuffix("]") {
            let words = text.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            value = .array(words.map { word in (try? JSONValue.parse(word)) ?? .string(word) })
        } else {
            value = .string(text)
        }
        let components = path.split(separator: ".").map(String.init)
        guard !components.isEmpty, components.allSatisfy({ !$0.isEmpty }) else {
            throw SpecErrors([SpecError(file: "--set", path: path, expected: "a field path such as training.epochs")])
        }
        func set(_ node: JSONValue, _ rest: ArraySlice<String>) throws -> JSONValue {
            guard let key = rest.first else { return value }
            guard case .object(var members) = node else {
                throw SpecErrors([SpecError(file: "--set", path: path, expected: "a path through objects of \(file)")])
            }
            members[key] = try set(members[key] ?? .object([:]), rest.dropFirst())
            return .object(members)
        }
        return try set(root, components[...])
    }

    static func parseErrorText(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        }
        return "\(error)"
    }
}

/// A file that cannot be read or written.
public struct FileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    /// Whether reading failed (an input: exit 66) rather than writing (an output: exit 73).
    public var isInput: Bool

    public init(path: String, reason: String, isInput: Bool = false) {
        self.path = path
        self.reason = reason
        self.isInput = isInput
    }

    public var description: String { "\(path): \(reason)" }
}
