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
    /// ``KernelBuild/rounding`` of the losslab that saved it (`fma` or `separate`), which results
    /// must share to be compared with it bit for bit; `nil` in manifests older than the field.
    public var rounding: String?

    public init(name: String, date: String, gitCommit: String?, source: String, experiments: [String],
                rounding: String? = nil) {
        self.name = name
        self.date = date
        self.gitCommit = gitCommit
        self.source = source
        self.experiments = experiments
        self.rounding = rounding
    }

    enum CodingKeys: String, CodingKey {
        case name, date, source, experiments, rounding
        case gitCommit = "git_commit"
    }

    public static let fileName = "baseline.json"
}
