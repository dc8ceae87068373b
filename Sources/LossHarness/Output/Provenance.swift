/// Where and how results were made, recorded in `spec.json` (never in the CSV files, which stay
/// byte-identical from one run to the next).
public struct Provenance: Sendable, Codable {
    public var version: String
    public var build: String
    public var gitCommit: String?
    public var date: String
    public var host: String
    public var processors: Int
    public var commandLine: [String]

    public init(version: String = BuildIdentity.version, build: String = BuildIdentity.current, gitCommit: String?,
                date: String, host: String, processors: Int, commandLine: [String]) {
        self.version = version
        self.build = build
        self.gitCommit = gitCommit
        self.date = date
        self.host = host
        self.processors = processors
        self.commandLine = commandLine
    }
}
