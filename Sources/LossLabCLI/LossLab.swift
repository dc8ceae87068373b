import Foundation
import LossHarness
import LossCore

/// A `losslab` subcommand: it parses and validates its arguments, then runs, writing to a
/// ``Console`` and returning an exit code. User errors are thrown as ``CommandError``.
public protocol Subcommand: Sendable {
    static var name: String { get }
    /// One line for the command list.
    static var summary: String { get }
    /// The full `--help` text.
    static var help: String { get }
    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode
}

/// The `losslab` command line.
public enum LossLab {
    public static let version = "0.1.0"

    public static let subcommands: [any Subcommand.Type] = [
        RunCommand.self, ValidateCommand.self, PlotCommand.self, ReportCommand.self, LossCommand.self, ListCommand.self,
        CompareCommand.self, BaselineCommand.self, CheckCommand.self, BenchCommand.self, HistoryCommand.self,
        MergeCommand.self, SlurmCommand.self,
    ]

    public static var help: String {
        let width = subcommands.map { $0.name.count }.max() ?? 0
        let lines = subcommands.map { "  " + $0.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.summary }
        return """
        losslab \(version): compare the loss functions of neural networks.

        Usage: losslab <command> [options]

        Commands:
        \(lines.joined(separator: "\n"))

        Run `losslab <command> --help` for a command's options and examples.
        Exit codes: 0 success, 1 failure, 2 regression, 4 improvements only, 5 baseline missing,
        64 usage error, 65 invalid experiment file, 66 missing input, 73 cannot write output,
        130 interrupted (SIGINT), 143 terminated (SIGTERM).
        """
    }

    /// Runs the command line `arguments` (without the program name) and returns the exit code.
    /// Relative paths are taken from `workingDirectory` (default: the current directory).
    public static func run(_ arguments: [String], console: Console, workingDirectory: String? = nil) -> ExitCode {
        guard let first = arguments.first else {
            console.printError(help)
            return .usage
        }
        if first == "--help" || first == "-h" || first == "help" {
            // `losslab help run` is `losslab run --help`.
            guard arguments.count > 1 else {
                console.print(help)
                return .success
            }
            guard let command = subcommands.first(where: { $0.name == arguments[1] }) else {
                console.printError("error: " + unknownCommandMessage(arguments[1]))
                return .usage
            }
            console.print(command.help)
            return .success
        }
        if first == "--version" {
            console.print("losslab \(version)\nkernels: \(KernelBuild.summary)")
            return .success
        }
        guard let command = subcommands.first(where: { $0.name == first }) else {
            console.printError("error: " + unknownCommandMessage(first))
            return .usage
        }
        var rest = Arguments(Array(arguments.dropFirst()), command: command.name, workingDirectory: workingDirectory)
        if rest.wantsHelp {
            console.print(command.help)
            return .success
        }
        do {
            return try command.run(&rest, console: console)
        } catch let error as CommandError {
            console.printError("error: " + error.message)
            return error.code
        } catch let error as any InputError {
            console.printError("error: \(error)")
            return ExitCode(error.kind)
        } catch {
            console.printError("error: \(error)")
            return .failure
        }
    }

    static func unknownCommandMessage(_ word: String) -> String {
        let suggestion = closestMatch(to: word, among: subcommands.map { $0.name }).map { " Did you mean `\($0)`?" } ?? ""
        return "unknown command '\(word)'.\(suggestion) Run `losslab --help` for the list."
    }

    /// The entry point of the executable: `losslab`'s, or that of a package's own executable that
    /// adds `extensions` (losses of its own) to every command:
    ///
    /// ```swift
    /// import LossCore
    /// import LossLabCLI
    ///
    /// LossLab.main(extensions: [LossLabExtension(name: "my-losses", losses: [Welsch.definition])])
    /// ```
    public static func main(extensions: [LossLabExtension] = []) -> Never {
        let console = Console.standard()
        do {
            try LossLabExtension.register(extensions)
        } catch {
            console.printError("error: " + error.message)
            exit(error.code.rawValue)
        }
        let code = run(Array(CommandLine.arguments.dropFirst()), console: console)
        exit(code.rawValue)
    }
}
