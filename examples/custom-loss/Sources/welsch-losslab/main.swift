import LossCore
import LossLabCLI

// Every losslab command (run, plot, report, compare, bench, list, loss...), with the Welsch loss
// registered beside the built-in ones.
LossLab.main(extensions: [LossLabExtension(name: "welsch-losslab", losses: [Welsch.definition])])
