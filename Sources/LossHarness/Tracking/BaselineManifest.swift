/// `baseline.json`, written beside a saved baseline's experiments: when and from what it was saved.
public struct BaselineManifest: Sendable, Codable, Equatable {
    public var name: String
    /// ISO 8601, as the caller gave it (the harness reads no clock).
    public var date: String
    public var gitCommit: String?
    /// The results root it was copied from, as given.
    public var source: String
    /// The experiment folders it holds, sorted.
    public var experiments: [String]

    public init(name: String, date: String, gitCommit: String?, source: String, experiments: [String]) {
        self.name = name
        self.date = date
        self.gitCommit = gitCommit
        self.source = source
        self.experiments = experiments
    }

    enum CodingKeys: String, CodingKey {
        case name, date, source, experiments
        case gitCommit = "git_commit"
    }

    public static let fileName = "baseline.json"
}
