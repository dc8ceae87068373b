// Commands whose implementation lands in later commits of this session.
enum BenchCommand: Subcommand {
    static let name = "bench"; static let summary = "benchmark training speed"; static let help = ""
    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode { .failure }
}
