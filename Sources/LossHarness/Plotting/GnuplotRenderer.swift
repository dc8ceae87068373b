import Foundation

/// Renders figure scripts by running `gnuplot <script>` in the working directory (the one place
/// where plotting starts a process).
public struct GnuplotRenderer: FigureRenderer {
    /// The gnuplot executable, `nil` when it is not installed.
    public let executable: String?

    /// Uses `executable`, or looks for `gnuplot` on the `PATH`.
    public init(executable: String? = GnuplotRenderer.locate()) {
        self.executable = executable
    }

    /// The first executable `gnuplot` in the directories of `searchPath` (default: `$PATH`).
    public static func locate(searchPath: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        for directory in (searchPath ?? "").split(separator: ":") where !directory.isEmpty {
            let candidate = String(directory) + "/gnuplot"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    public func render(scriptPath: String) -> FigureRenderResult {
        guard let executable else { return .unavailable }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [scriptPath]
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        do {
            try process.run()
        } catch {
            return .failed(status: -1, errorOutput: "cannot start \(executable): \(error.localizedDescription)")
        }
        let output = String(decoding: errorPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let status = process.terminationStatus
        if process.terminationReason == .exit && status == 0 { return .rendered(warnings: output) }
        return .failed(status: status, errorOutput: output)
    }
}
