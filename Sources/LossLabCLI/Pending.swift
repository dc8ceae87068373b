// Commands whose implementation lands in later commits of this session.
enum BenchCommand: Subcommand {
    static let name = "bench"; static let summary = "benchmark training speed"; static let help = ""
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
