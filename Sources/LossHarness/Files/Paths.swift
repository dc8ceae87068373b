/// Path arithmetic on plain strings, for any input a user can type.
///
/// Foundation's `NSString` path methods (`deletingLastPathComponent`, `lastPathComponent`,
/// `appendingPathComponent`...) trap on Linux for some one-character strings (`"p"`, `"a/"`, `"./"`,
/// `"é"`: "Illegal instruction", exit 132), so LossLab never calls them: every path operation goes
/// through these functions, which only split and join on `/` and never touch the file system.
///
/// Conventions (those of POSIX `dirname`/`basename`, with `""` for "no parent"):
///
/// | path | ``parent(of:)`` | ``lastComponent(of:)`` |
/// | --- | --- | --- |
/// | `a/b/c.csv` | `a/b` | `c.csv` |
/// | `a/b/` | `a` | `b` |
/// | `p` | `""` | `p` |
/// | `/a` | `/` | `a` |
/// | `/` | `/` | `/` |
/// | `""` | `""` | `""` |
public enum Paths {
    /// `component` appended to `base` with exactly one `/` between them; an absolute `component`
    /// or an empty `base` gives `component` itself.
    public static func join(_ base: String, _ component: String) -> String {
        if base.isEmpty || component.hasPrefix("/") { return component }
        if component.isEmpty { return base }
        return base.hasSuffix("/") ? base + component : base + "/" + component
    }

    /// `base` joined with each of `components` in turn.
    public static func join(_ base: String, _ components: String...) -> String {
        components.reduce(base) { join($0, $1) }
    }

    /// The folder that holds `path`: `""` when `path` names something in the current folder.
    public static func parent(of path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        if trimmed == "/" { return "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        let head = trimmingTrailingSlashes(String(trimmed[..<slash]))
        return head.isEmpty ? "/" : head
    }

    /// The last component of `path`, trailing slashes ignored.
    public static func lastComponent(of path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        if trimmed == "/" { return "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// ``parent(of:)``, or `"."` when that is empty: a folder that can be opened.
    public static func folder(of path: String) -> String {
        let parent = parent(of: path)
        return parent.isEmpty ? "." : parent
    }

    public static func isAbsolute(_ path: String) -> Bool { path.hasPrefix("/") }

    /// `path` taken from `directory` when it is relative.
    public static func resolve(_ path: String, from directory: String?) -> String {
        guard let directory, !isAbsolute(path) else { return path }
        return join(directory, path)
    }

    /// `path` with repeated slashes, `.` components and trailing slashes removed (lexically:
    /// `..` is kept, since it may cross a symbolic link). `""` stays `""`.
    public static func normalized(_ path: String) -> String {
        guard !path.isEmpty else { return path }
        let components = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        let body = components.joined(separator: "/")
        if isAbsolute(path) { return "/" + body }
        return body.isEmpty ? "." : body
    }

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var result = Substring(path)
        while result.count > 1, result.hasSuffix("/") { result = result.dropLast() }
        return String(result)
    }
}
