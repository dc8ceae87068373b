import Foundation

/// The results files a set of figures needs and does not find.
public struct MissingResultsError: Error, Sendable, CustomStringConvertible {
    /// The experiment's results folder.
    public var directory: String
    /// The missing files, full paths.
    public var files: [String]

    public var description: String {
        "no results for these figures: " + files.joined(separator: ", ") + " not found"
    }
}

/// Writes every figure of one experiment from its results: the data files under the results
/// root, the scripts under the plots root, then hands each script to a renderer. Nothing is
/// written outside `<results>/<experiment>/figures/` and `<plots>/<experiment>/` (and the images
/// the scripts write beside themselves).
///
/// Files of figures no longer declared (recognised by the first line LossLab writes) are removed,
/// so the plots folder holds exactly the declared figures.
public struct FigureWriter: Sendable {
    public let experiment: Experiment
    public let paths: FigurePaths
    /// The command that wrote the scripts, for their header comment.
    public let command: String

    public init(experiment: Experiment, resultsRoot: String, plotsRoot: String, command: String) {
        self.experiment = experiment
        paths = FigurePaths(resultsRoot: resultsRoot, plotsRoot: plotsRoot, experiment: experiment.name)
        self.command = command
    }

    /// What happened to one figure.
    public struct Outcome: Sendable {
        public var spec: FigureSpec
        public var data: FigureData
        public var scriptPath: String
        public var dataPath: String
        public var pngPath: String
        public var svgPath: String
        /// `nil` when rendering was skipped (the renderer was found unavailable on an earlier figure).
        public var result: FigureRenderResult?
    }

    /// Paths of the results files `specs` read that do not exist.
    public func missingResults(_ specs: [FigureSpec]) -> [String] {
        var files: [String] = []
        for spec in specs {
            let path = paths.results(FigureDataBuilder.source(of: spec.type))
            if !files.contains(path) && !FileManager.default.fileExists(atPath: path) { files.append(path) }
        }
        return files
    }

    /// Writes the data and script of each figure, then renders them in order. After the renderer
    /// answers `.unavailable` once, the remaining figures are not offered to it.
    public func write(_ specs: [FigureSpec], renderer: any FigureRenderer) throws -> [Outcome] {
        for path in [paths.dataDirectory, paths.plotsDirectory] where !GnuplotText.isRepresentablePath(path) {
            throw FileError(path: path, reason: "cannot be named in a gnuplot script (it holds a control character, or starts or ends with a space)")
        }
        let missing = missingResults(specs)
        if !missing.isEmpty { throw MissingResultsError(directory: paths.resultsDirectory, files: missing) }
        var tables: [String: CSVTable] = [:]
        var outcomes: [Outcome] = []
        if !specs.isEmpty {
            try AtomicFile.createDirectory(paths.dataDirectory)
            try AtomicFile.createDirectory(paths.plotsDirectory)
        }
        for spec in specs {
            let source = FigureDataBuilder.source(of: spec.type)
            if tables[source] == nil { tables[source] = try CSVTable.read(paths.results(source)) }
            try FigureSourceCheck.check(tables[source]!, for: spec)
            let data = FigureDataBuilder.build(spec, experiment: experiment, table: tables[source]!)
            let description = "\(experiment.name)/\(spec.name), a \(spec.type.rawValue) figure of \(spec.y) from \(paths.results(source))"
            try AtomicFile.write(data.text(description: description), to: paths.data(spec.name))
            let text = spec.type == .images
                ? ImagesFigure.script(spec, experiment: experiment, data: data, paths: paths, command: command)
                : GnuplotScript(spec: spec, experiment: experiment, data: data, paths: paths, command: command).text
            try AtomicFile.write(text, to: paths.script(spec.name))
            outcomes.append(Outcome(spec: spec, data: data, scriptPath: paths.script(spec.name), dataPath: paths.data(spec.name),
                                    pngPath: paths.png(spec.name), svgPath: paths.svg(spec.name), result: nil))
        }
        removeStale(keeping: Set(specs.map(\.name)))
        var available = true
        for index in outcomes.indices where available {
            let result = renderer.render(scriptPath: outcomes[index].scriptPath)
            outcomes[index].result = result
            if result == .unavailable { available = false }
        }
        return outcomes
    }

    /// Removes the files of figures that are not in `names` and that LossLab wrote.
    func removeStale(keeping names: Set<String>) {
        let manager = FileManager.default
        func firstLine(_ path: String) -> String {
            guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
            defer { try? handle.close() }
            let head = (try? handle.read(upToCount: 200)) ?? Data()
            return String(decoding: head, as: UTF8.self).split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        }
        for file in (try? manager.contentsOfDirectory(atPath: paths.plotsDirectory)) ?? [] where file.hasSuffix(".gp") {
            let name = String(file.dropLast(3))
            guard !names.contains(name), firstLine(paths.script(name)).hasPrefix(GnuplotScript.marker) else { continue }
            for path in [paths.script(name), paths.png(name), paths.svg(name)] { try? manager.removeItem(atPath: path) }
        }
        for file in (try? manager.contentsOfDirectory(atPath: paths.dataDirectory)) ?? [] where file.hasSuffix(".dat") {
            let name = String(file.dropLast(4))
            guard !names.contains(name), firstLine(paths.data(name)).hasPrefix("# LossLab figure data") else { continue }
            try? manager.removeItem(atPath: paths.data(name))
        }
    }
}
