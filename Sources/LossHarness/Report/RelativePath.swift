/// Lexical path arithmetic for links between output files (the report and the figures): no
/// file system access, so links are computed the same way whether or not the files exist.
public enum RelativePath {
    /// `path` made absolute against `workingDirectory`, with `.`, `..` and repeated slashes resolved.
    public static func absolute(_ path: String, workingDirectory: String) -> String {
        let joined = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        var components: [Substring] = []
        for component in joined.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// The path of `target` relative to the folder `directory`, e.g. from `results` to
    /// `plots/a/b.png`: `../plots/a/b.png`. Relative inputs are taken against `workingDirectory`.
    public static func from(directory: String, to target: String, workingDirectory: String) -> String {
        let base = absolute(directory, workingDirectory: workingDirectory).split(separator: "/")
        let destination = absolute(target, workingDirectory: workingDirectory).split(separator: "/")
        var common = 0
        while common < base.count && common < destination.count && base[common] == destination[common] { common += 1 }
        let parts = Array(repeating: "..", count: base.count - common) + destination[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
