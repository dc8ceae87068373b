import Foundation
import LossHarness
import Testing
@testable import LossLabCLI
import LossLabTestSupport

/// The command line as a user meets it: help, typos, error prefixes, the progress line, odd inputs.
@Suite struct CommandLineConsistencyTests {
    static let commandNames: [String] = LossLab.subcommands.map { $0.name }

    @Test(arguments: commandNames)
    func helpCommandPrintsTheCommandsHelp(_ name: String) throws {
        let folder = try TemporaryFolder()
        let outcome = losslab(["help", name], in: folder)
        #expect(outcome.code == .success)
        let command = try #require(LossLab.subcommands.first { $0.name == name })
        #expect(outcome.out == command.help + "\n")
    }

    @Test func aMisspeltOptionGetsDidYouMean() throws {
        let folder = try TemporaryFolder()
        try folder.write(tinyExperiment(), to: "tiny.json5")
        let outcome = losslab(["run", "--job", "2", "tiny.json5"], in: folder)
        #expect(outcome.code == .usage)
        #expect(outcome.error == "error: run: unknown option --job. Did you mean --jobs? (see `losslab run --help`)\n")
        let help = losslab(["help", "rn"], in: folder)
        #expect(help.code == .usage && help.error == "error: unknown command 'rn'. Did you mean `run`? Run `losslab --help` for the list.\n")
        let plot = losslab(["plot", "--result", "r"], in: folder)
        #expect(plot.error.contains("unknown option --result. Did you mean --results?"), "\(plot.error)")
    }

    /// Every error starts with `error:`, whatever the command.
    @Test(arguments: [["runn"], ["run", "missing.json5"], ["validate", "missing.json5"], ["plot", "missing.json5"], ["report", "missing.json5"],
                      ["compare", "a"], ["merge", "nowhere"], ["baseline", "frob"], ["loss", "nope", "--target", "[1]", "--prediction", "[1]"],
                      ["list", "nothing"], ["slurm"], ["bench", "--workload", "W9"], ["check", "--frob"]])
    func errorsStartWithError(_ arguments: [String]) throws {
        let folder = try TemporaryFolder()
        let outcome = losslab(arguments, in: folder)
        #expect(outcome.code != .success)
        #expect(outcome.error.hasPrefix("error: "), "\(arguments): \(outcome.error)")
    }

    /// /dev/null is an empty file and a FIFO is read to its end: neither is "permission denied".
    @Test func devNullAndFIFOsAreRead() throws {
        let folder = try TemporaryFolder()
        let null = losslab(["validate", "/dev/null"], in: folder)
        #expect(null.code == .dataError, "\(null.error)")
        #expect(!null.error.contains("permission"), "\(null.error)")
        #expect(null.error.contains("/dev/null"), "\(null.error)")
        let fifo = folder.file("exp.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let text = tinyExperiment()
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(Data(text.utf8))
                try? handle.close()
            }
        }
        writer.start()
        let outcome = losslab(["validate", "exp.fifo"], in: folder)
        #expect(outcome.code == .success, "\(outcome.error)")
        #expect(outcome.out.contains("ok: exp.fifo: tiny, 8 trials"), "\(outcome.out)")
    }
}
