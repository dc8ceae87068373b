import Foundation
import LossCore

/// The Welsch (Leclerc) loss, a robust regression loss that LossLab does not ship:
/// `L(e) = (c^2 / 2) (1 - exp(-(e / c)^2))` for `e = p - y`, with derivative
/// `dL/dp = e exp(-(e / c)^2)`. Like MSE's half near 0, it levels off at `c^2 / 2` for large errors,
/// whose influence falls back to 0 (Dennis & Welsch 1978, "Techniques for nonlinear least squares
/// and robust regression").
///
/// As a LossCore `ElementwiseLoss`, it gives the value and derivative of one output; LossLab takes
/// the mean over outputs, reduces and weights, as for its own losses.
struct Welsch: ElementwiseLoss {
    var c: Float

    var name: String { "welsch" }

    func elementValue(predicted p: Float, expected y: Float) -> Float {
        let r = (p - y) / c
        return c * c / 2 * (1 - exp(-r * r))
    }

    func elementDerivative(predicted p: Float, expected y: Float) -> Float {
        let e = p - y
        let r = e / c
        return e * exp(-r * r)
    }
}

extension Welsch {
    /// What LossLab needs to know of the loss besides its formula: its names, its parameter with
    /// default and range, what it compares and the pairing it is meant for.
    static let definition = LossDefinition(
        name: "welsch", alias: "welsch", summary: "(c^2/2)(1 - exp(-((p - y)/c)^2)); robust, redescending regression loss",
        parameters: [.number("c", default: 1, in: 1e-6...1e6, "scale: errors well beyond c have almost no influence")],
        targets: .values, activation: .identity, encoding: .values
    ) { parameters in
        Welsch(c: Float(try parameters.number("c", default: 1, in: 1e-6...1e6)))
    }
}
