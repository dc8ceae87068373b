import Foundation

/// Where the files of an experiment's figures go, from the two roots as given on the command line
/// (relative to the working directory, or absolute):
///
/// | file | path |
/// | --- | --- |
/// | data | `<results>/<experiment>/figures/<name>.dat` |
/// | script | `<plots>/<experiment>/<name>.gp` |
/// | images | `<plots>/<experiment>/<name>.png` and `.svg` |
///
/// Scripts refer to data and images by these same paths, so they are re-rendered from the
/// directory the command ran in (the repository root): `gnuplot plots/<experiment>/<name>.gp`.
public struct FigurePaths: Sendable, Hashable {
    public let resultsRoot: String
    public let plotsRoot: String
    public let experiment: String

    public init(resultsRoot: String, plotsRoot: String, experiment: String) {
        self.resultsRoot = resultsRoot
        self.plotsRoot = plotsRoot
        self.experiment = experiment
    }

    /// `<results>/<experiment>`.
    public var resultsDirectory: String { Paths.join(resultsRoot, experiment) }
    /// `<results>/<experiment>/figures`.
    public var dataDirectory: String { Paths.join(resultsDirectory, "figures") }
    /// `<plots>/<experiment>`.
    public var plotsDirectory: String { Paths.join(plotsRoot, experiment) }

    /// A results file of the experiment, e.g. `summary.csv`.
    public func results(_ file: String) -> String { Paths.join(resultsDirectory, file) }
    public func data(_ figure: String) -> String { Paths.join(dataDirectory, figure + ".dat") }
    public func script(_ figure: String) -> String { Paths.join(plotsDirectory, figure + ".gp") }
    public func png(_ figure: String) -> String { Paths.join(plotsDirectory, figure + ".png") }
    public func svg(_ figure: String) -> String { Paths.join(plotsDirectory, figure + ".svg") }
}
