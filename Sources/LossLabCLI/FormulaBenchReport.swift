import Foundation
import LossCore
import LossHarness

/// `losslab bench --compare-formula`: W1 trained with the formula for binary crossentropy and with
/// the built-in loss on the same unfused path (``FormulaBenchVariant``), interleaved repetitions,
/// and the ratio of each variant's time to the built-in unfused one's.
enum FormulaBenchReport {
    static let help = """
      --compare-formula instead of the workloads: W1 with the formula for binary crossentropy
                        against the built-in BCE on the same unfused path (sigmoid output,
                        then the loss, then the sigmoid's backward), interleaved, --repeat
                        times each; --variants LIST picks some of builtin-fused,
                        builtin-unfused, formula, formula-unclipped
    """

    static func run(_ arguments: inout Arguments, console: Console) throws -> ExitCode {
        let repetitions = try arguments.positiveInteger("repeat") ?? 5
        var variants = FormulaBenchVariant.allCases
        if let list = try arguments.value("variants") {
            variants = try list.split(separator: ",").map { item in
                guard let variant = FormulaBenchVariant(rawValue: item.trimmingCharacters(in: .whitespaces)) else {
                    throw CommandError("bench: --variants \(item): expected some of "
                                       + FormulaBenchVariant.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return variant
            }
        }
        try arguments.finish()
        let load = BenchCommand.loadAverage()
        console.printError("bench: W1 with \(variants.count) losses, 1 warm-up + \(repetitions) repetitions each, interleaved")
        let benches = variants.map { InProcessBench($0.definition) }
        var seconds = [[Double]](repeating: [], count: variants.count)
        var accuracy = [Double](repeating: .nan, count: variants.count)
        for repetition in 0...repetitions {
            for (index, bench) in benches.enumerated() {
                let outcome = bench.run()
                guard outcome.status == .completed else {
                    throw CommandError("bench: W1 with \(variants[index].rawValue) did not complete: \(outcome.status.rawValue)",
                                       code: .failure)
                }
                if repetition > 0 { seconds[index].append(outcome.seconds) }
                accuracy[index] = outcome.metric
            }
        }
        let reference = variants.firstIndex(of: FormulaBenchVariant.reference)
        let median = SummaryStatistics.median
        var rows = [["loss", "reps", "min s", "median s", "min ratio", "median ratio", "accuracy"]]
        for (index, variant) in variants.enumerated() {
            let minimum = seconds[index].min()!, middle = median(seconds[index])
            let ratios = reference.map { (minimum / seconds[$0].min()!, middle / median(seconds[$0])) }
            rows.append([variant.rawValue, String(repetitions), String(format: "%.4f", minimum), String(format: "%.4f", middle),
                         ratios.map { String(format: "%.2f", $0.0) } ?? "-", ratios.map { String(format: "%.2f", $0.1) } ?? "-",
                         String(format: "%.4f", accuracy[index])])
        }
        console.print("# losslab bench --compare-formula, W1_logistic, \(BenchCommand.machineDescription()), load average \(load)"
                      + " (at the start), \(BenchCommand.loadAverage()) (at the end)")
        console.print("# formula: \(FormulaBenchVariant.clippedBinaryCrossentropy); ratios against \(FormulaBenchVariant.reference.rawValue)")
        let widths = rows[0].indices.map { c in rows.map { $0[c].count }.max()! }
        for row in rows {
            console.print(row.enumerated().map { c, text in
                let pad = String(repeating: " ", count: widths[c] - text.count)
                return c == 0 ? text + pad : pad + text
            }.joined(separator: "  "))
        }
        return .success
    }
}
