// Commands whose implementation lands in later commits of this session.
enum CompareCommand: Subcommand {
    static let name = "compare"; static let summary = "compare two result sets"; static let help = ""
    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode { .failure }
}
enum BaselineCommand: Subcommand {
    static let name = "baseline"; static let summary = "save a named baseline"; static let help = ""
    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode { .failure }
}
enum CheckCommand: Subcommand {
    static let name = "check"; static let summary = "compare results against a baseline"; static let help = ""
    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode { .failure }
}
enum MergeCommand: Subcommand {
    static let name = "merge"; static let summary = "merge sharded results"; static let help = ""
    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode { .failure }
}
enum SlurmCommand: Subcommand {
    static let name = "slurm"; static let summary = "write and submit a Slurm job array"; static let help = ""
    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode { .failure }
}
