import Foundation
import LossHarness

/// A small command-line reader: options (`--name value` or `--name=value`), repeatable options,
/// flags and positional arguments, with every unknown or malformed argument reported as a
/// ``CommandError`` with exit code 64.
public struct Arguments {
    private var remaining: [String]
    private let command: String
    /// Every option and flag name the command has asked for so far, for "did you mean".
    private var known: [String] = []
    /// Where relative paths are taken from (`nil`: the process's current directory). Tests run
    /// commands in process, in parallel, each in its own folder, without `chdir`.
    public let workingDirectory: String?

    public init(_ arguments: [String], command: String, workingDirectory: String? = nil) {
        remaining = arguments
        self.command = command
        self.workingDirectory = workingDirectory
    }

    /// `path` as the process can open it: relative paths are taken from ``workingDirectory``.
    public func resolve(_ path: String) -> String {
        Paths.resolve(path, from: workingDirectory)
    }

    /// The value of `--name` as a file or folder path, given at most once (`fallback` when absent),
    /// resolved from ``workingDirectory``. An empty path is refused (it would mean the current
    /// folder, silently), and so is one holding a NUL byte (no file can have it).
    public mutating func path(_ name: String, default fallback: String) throws -> String {
        try path(name) ?? resolve(fallback)
    }

    /// The value of `--name` as a path, or `nil` when absent; see ``path(_:default:)``.
    public mutating func path(_ name: String) throws -> String? {
        guard let text = try value(name) else { return nil }
        if text.isEmpty {
            throw CommandError("\(command): --\(name) '': expected a path; an empty one would mean the current folder. Write --\(name) . for that")
        }
        if text.contains("\0") {
            throw CommandError("\(command): --\(name): the path holds a NUL byte, which no file name can")
        }
        return resolve(text)
    }

    /// Whether `--help` or `-h` was given.
    public var wantsHelp: Bool { remaining.contains("--help") || remaining.contains("-h") }

    /// Removes and returns every value of `--name`.
    public mutating func values(_ name: String) throws -> [String] {
        known.append(name)
        var found: [String] = []
        var index = 0
        while index < remaining.count {
            let argument = remaining[index]
            if argument == "--\(name)" {
                guard index + 1 < remaining.count else {
                    throw CommandError("\(command): --\(name) needs a value (see `losslab \(command) --help`)")
                }
                found.append(remaining[index + 1])
                remaining.removeSubrange(index...(index + 1))
            } else if argument.hasPrefix("--\(name)=") {
                found.append(String(argument.dropFirst(name.count + 3)))
                remaining.remove(at: index)
            } else if argument == "--" {
                break
            } else {
                index += 1
            }
        }
        return found
    }

    /// The value of `--name`, given at most once.
    public mutating func value(_ name: String) throws -> String? {
        let found = try values(name)
        if found.count > 1 { throw CommandError("\(command): --\(name) given \(found.count) times") }
        return found.first
    }

    /// A positive whole number option.
    public mutating func positiveInteger(_ name: String) throws -> Int? {
        guard let text = try value(name) else { return nil }
        guard let number = Int(text), number > 0 else {
            throw CommandError("\(command): --\(name) \(text): expected a whole number of at least 1")
        }
        return number
    }

    /// A finite number option.
    public mutating func number(_ name: String) throws -> Double? {
        guard let text = try value(name) else { return nil }
        guard let number = Double(text), number.isFinite else {
            throw CommandError("\(command): --\(name) \(text): expected a finite number")
        }
        return number
    }

    /// Removes `--name` and says whether it was there.
    public mutating func flag(_ name: String) -> Bool {
        known.append(name)
        let before = remaining.count
        remaining.removeAll { $0 == "--\(name)" }
        return remaining.count != before
    }

    /// The positional arguments; anything left that looks like an option is an error.
    public mutating func positionals() throws -> [String] {
        var result: [String] = []
        var afterSeparator = false
        for argument in remaining {
            if !afterSeparator && argument == "--" {
                afterSeparator = true
            } else if !afterSeparator && argument.hasPrefix("--") {
                let name = String(argument.dropFirst(2).prefix { $0 != "=" })
                let suggestion = closestMatch(to: name, among: known).map { ". Did you mean --\($0)?" } ?? ""
                throw CommandError("\(command): unknown option \(argument)\(suggestion) (see `losslab \(command) --help`)")
            } else {
                result.append(argument)
            }
        }
        remaining = []
        return result
    }

    /// Fails if anything is left unread.
    public mutating func finish() throws {
        let left = try positionals()
        if let first = left.first {
            throw CommandError("\(command): unexpected argument \(first) (see `losslab \(command) --help`)")
        }
    }
}
