// A libFuzzer target for the experiment-file loader: every input must load or throw, never trap,
// and the JSON5 scanner must agree with JSONDecoder on what is JSON5. Built and run by run.sh,
// outside the package's targets (it links LossHarness and LossCore built with the sanitizers).
import Foundation
import LossHarness

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExperimentLoader(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    if let experiment = try? ExperimentLoader.load(data: data, file: "fuzz.json5") {
        // Take an accepted file as far as a run goes before training.
        let grid = Grid(experiment)
        if grid.count <= 20_000 {
            _ = DuplicateTrialCheck.problems(in: grid)
            _ = PairingCheck.problems(in: grid)
            grid.forEachTrial(at: stride(from: 0, to: grid.count, by: max(1, grid.count / 8))) { trial, id in
                precondition(id == trial.id, "forEachTrial and Trial.id disagree")
                _ = try? TrialPlan(trial: trial, metrics: experiment.metrics)
            }
        }
        _ = experiment.source.description
    }
    // Differential check: a list or object the decoder accepts is never a syntax error for the
    // scanner (which would stop its search for duplicate keys early). Bytes that are not UTF-8 are
    // refused before the decoder, which traps on some of them; a top-level scalar has no keys
    // (and the decoder accepts "1" followed by NUL bytes there, a quirk of its own).
    // The decoder also traps on an exponent sign with no digit after it ("1e-"), so such input is
    // not given to it here either.
    let decoder = JSONDecoder()
    decoder.allowsJSON5 = true
    if JSON5Scanner.firstInvalidUTF8(in: Array(data)) == nil, !hasBareExponentSign(data),
       let value = try? decoder.decode(JSONValue.self, from: data),
       value.isContainer,
       case .syntax(let line, let column, let message)? = JSON5Scanner.firstProblem(in: Array(data)) {
        fatalError("the scanner refuses what the decoder accepts: line \(line), column \(column): \(message)")
    }
    return 0
}

/// Whether `data` holds `e+` or `e-` (either case) not followed by a digit.
func hasBareExponentSign(_ data: Data) -> Bool {
    let bytes = Array(data)
    for index in bytes.indices.dropLast() where bytes[index] | 0x20 == UInt8(ascii: "e") {
        let sign = bytes[index + 1]
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { continue }
        if index + 2 >= bytes.count || !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index + 2]) { return true }
    }
    return false
}

extension JSONValue {
    var isContainer: Bool {
        switch self {
        case .array, .object: true
        default: false
        }
    }
}
