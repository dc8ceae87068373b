/// What became of rendering one figure script.
public enum FigureRenderResult: Sendable, Equatable {
    /// The images were written; `warnings` is what the renderer printed (often empty).
    case rendered(warnings: String)
    /// No renderer is installed: the scripts and data are written, the images are not.
    case unavailable
    /// The renderer ran and failed; `errorOutput` is what it printed.
    case failed(status: Int32, errorOutput: String)
}

/// Renders figure scripts into images. The harness writes scripts and data and hands each script
/// to a renderer, so that it can be tested without gnuplot; ``GnuplotRenderer`` is the one that
/// runs a process.
public protocol FigureRenderer: Sendable {
    /// Renders the script at `scriptPath` (relative to the working directory, as the script's own
    /// paths are).
    func render(scriptPath: String) -> FigureRenderResult
}

/// A renderer that renders nothing (`losslab plot` without images, and tests).
public struct NoRenderer: FigureRenderer {
    public init() {}
    public func render(scriptPath: String) -> FigureRenderResult { .unavailable }
}
