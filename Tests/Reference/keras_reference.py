#!/usr/bin/env python3
"""Generates Tests/LossCoreTests/Losses/KerasReference.swift from real Keras 3 (JAX backend).

For a fixed table of cases covering every LossLab loss and its options, this computes with Keras 3
itself, in float32:

- the per-sample values of the `keras.losses.*` function (Keras's `reduction=None`, no weights);
- the loss class with `reduction=None`, `"sum"` and the default `"sum_over_batch_size"`, each with
  the case's `sample_weight` (or none);
- the gradients `jax.grad` of the class with `reduction="sum"` and with the default reduction,
  with respect to the predictions, weights included;

and a small table of `fit(class_weight=...)` conversions to sample weights.

A case's `weights` may be a scalar: Keras broadcasts it over the batch (`sample_weight=2.3`); the
Swift table then holds the broadcast per-sample array, since LossLab's reduction takes one weight per
sample, and the case name says `scalar-weight`.

It also writes Tests/LossLabCLITests/KerasCommandReference.swift: `losslab loss` command lines
(the losses added by issue 14, formula losses that spell out a Keras loss, scalar sample weights,
Keras's reduction names) with the value Keras 3 prints for the same inputs.

Usage (outside the repository, CPU JAX):

    python3 -m venv /tmp/keras-venv
    /tmp/keras-venv/bin/pip install keras jax jaxlib
    KERAS_BACKEND=jax /tmp/keras-venv/bin/python Tests/Reference/keras_reference.py

Inputs are printed as the shortest decimal that round-trips to the same float32; computed values
with 9 significant digits (enough to round-trip any float32). Every input is a float32 literal, so
Keras and LossLab see bit-identical inputs.
"""

import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")

import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402
import keras  # noqa: E402
from keras.src.trainers.data_adapters.data_adapter_utils import (  # noqa: E402
    class_weight_to_sample_weights,
)

assert keras.backend.backend() == "jax", "set KERAS_BACKEND=jax"
assert not jax.config.jax_enable_x64, "the reference must be float32"
assert keras.config.epsilon() == 1e-7 and keras.config.floatx() == "float32"

HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = os.path.join(HERE, "..", "LossCoreTests", "Losses", "KerasReference.swift")
CLI_OUTPUT = os.path.join(HERE, "..", "LossLabCLITests", "KerasCommandReference.swift")

# ---------------------------------------------------------------------------------------------
# Losses: Swift type, Keras function, Keras class, option names (Swift order) -> Keras names.

LOSSES = {
    "mse": ("MeanSquaredError", keras.losses.mean_squared_error, keras.losses.MeanSquaredError, []),
    "mae": ("MeanAbsoluteError", keras.losses.mean_absolute_error, keras.losses.MeanAbsoluteError, []),
    "msle": ("MeanSquaredLogarithmicError", keras.losses.mean_squared_logarithmic_error,
             keras.losses.MeanSquaredLogarithmicError, []),
    "poisson": ("Poisson", keras.losses.poisson, keras.losses.Poisson, []),
    "huber": ("Huber", keras.losses.huber, keras.losses.Huber, [("delta", "delta")]),
    "log_cosh": ("LogCosh", keras.losses.log_cosh, keras.losses.LogCosh, []),
    "hinge": ("Hinge", keras.losses.hinge, keras.losses.Hinge, []),
    "squared_hinge": ("SquaredHinge", keras.losses.squared_hinge, keras.losses.SquaredHinge, []),
    "bce": ("BinaryCrossentropy", keras.losses.binary_crossentropy, keras.losses.BinaryCrossentropy,
            [("fromLogits", "from_logits"), ("labelSmoothing", "label_smoothing")]),
    "binary_focal": ("BinaryFocalCrossentropy", keras.losses.binary_focal_crossentropy,
                     keras.losses.BinaryFocalCrossentropy,
                     [("gamma", "gamma"), ("alpha", "alpha"),
                      ("applyClassBalancing", "apply_class_balancing"),
                      ("fromLogits", "from_logits"), ("labelSmoothing", "label_smoothing")]),
    "cce": ("CategoricalCrossentropy", keras.losses.categorical_crossentropy,
            keras.losses.CategoricalCrossentropy,
            [("fromLogits", "from_logits"), ("labelSmoothing", "label_smoothing")]),
    "sparse_cce": ("CategoricalCrossentropy", keras.losses.sparse_categorical_crossentropy,
                   keras.losses.SparseCategoricalCrossentropy, [("fromLogits", "from_logits")]),
    "categorical_focal": ("CategoricalFocalCrossentropy",
                          keras.losses.categorical_focal_crossentropy,
                          keras.losses.CategoricalFocalCrossentropy,
                          [("gamma", "gamma"), ("alpha", "alpha"),
                           ("fromLogits", "from_logits"), ("labelSmoothing", "label_smoothing")]),
    "sparse_categorical_crossentropy": ("SparseCategoricalCrossentropy",
                                        keras.losses.sparse_categorical_crossentropy,
                                        keras.losses.SparseCategoricalCrossentropy, [("fromLogits", "from_logits")]),
    "kl_divergence": ("KLDivergence", keras.losses.kl_divergence, keras.losses.KLDivergence, []),
    "mape": ("MeanAbsolutePercentageError", keras.losses.mean_absolute_percentage_error,
             keras.losses.MeanAbsolutePercentageError, []),
    "categorical_hinge": ("CategoricalHinge", keras.losses.categorical_hinge, keras.losses.CategoricalHinge, []),
    "cosine_similarity": ("CosineSimilarity", keras.losses.cosine_similarity, keras.losses.CosineSimilarity, []),
}
SPARSE_KINDS = ("sparse_cce", "sparse_categorical_crossentropy")


def f32(x):
    return np.asarray(x, dtype=np.float32)


def literal_input(x):
    """Shortest decimal that round-trips to the same float32."""
    v = np.float32(x)
    assert np.isfinite(v)
    text = np.format_float_positional(v, unique=True, trim="0") if 1e-4 <= abs(v) < 1e7 or v == 0 \
        else np.format_float_scientific(v, unique=True, trim="0")
    return text.rstrip(".") if "e" not in text else text.replace(".e", "e")


def literal_output(x):
    v = np.float32(x)
    if not np.isfinite(v):
        raise ValueError(f"non-finite reference value {v}")
    text = f"{float(v):.9g}"
    return text


def swift_array(values, literal):
    return "[" + ", ".join(literal(v) for v in values) + "]"


def swift_matrix(rows, literal):
    return "[" + ", ".join(swift_array(r, literal) for r in rows) + "]"


def python_literal(v):
    if isinstance(v, bool):
        return str(v)
    return repr(float(np.float32(v))) if isinstance(v, float) else repr(v)


def swift_option(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    return literal_input(v)


CASES = []


def case(name, kind, predicted, expected, weights=None, keras_expected=None, note=None, **options):
    """One reference case.

    `expected` is what LossLab's loss receives (one-hot, soft or integer labels, as given);
    `keras_expected` what Keras receives when it differs (one-hot rows for the categorical losses
    with smoothing or focal, which have no sparse form in Keras). `note`, when given, says why the
    gradient is not compared (a kink where Keras's value depends on an arbitrary tie rule).
    """
    swift_type, function, cls, option_names = LOSSES[kind]
    for key in options:
        assert key in [k for k, _ in option_names], f"{name}: unknown option {key}"
    keras_options = {kn: options[sn] for sn, kn in option_names if sn in options}
    swift_args = ", ".join(f"{sn}: {swift_option(options[sn])}" for sn, _ in option_names if sn in options)
    keras_args = ", ".join(f"{k}={python_literal(v)}" for k, v in keras_options.items())

    p = f32(predicted)
    y_keras = f32(keras_expected if keras_expected is not None else expected)
    if kind in SPARSE_KINDS:
        y_keras = np.asarray(expected, dtype=np.int32)
    w = None if weights is None else f32(weights)
    # A scalar weight is given to Keras as a scalar; LossLab's table gets it broadcast per sample.
    w_swift = None if w is None else (np.full(len(p), w, dtype=np.float32) if w.ndim == 0 else w)

    values = np.asarray(function(y_keras, p, **keras_options))

    def reduced(reduction):
        return cls(reduction=reduction, **keras_options)

    weighted = np.asarray(reduced(None)(y_keras, p, sample_weight=w))
    total = np.asarray(reduced("sum")(y_keras, p, sample_weight=w))
    mean = np.asarray(reduced("sum_over_batch_size")(y_keras, p, sample_weight=w))
    grad_sum = np.asarray(jax.grad(lambda q: reduced("sum")(y_keras, q, sample_weight=w))(jnp.asarray(p)))
    grad_mean = np.asarray(
        jax.grad(lambda q: reduced("sum_over_batch_size")(y_keras, q, sample_weight=w))(jnp.asarray(p)))
    gradient_finite = bool(np.all(np.isfinite(grad_sum)) and np.all(np.isfinite(grad_mean)))
    if not gradient_finite:
        assert note is not None, f"{name}: Keras's gradient is not finite ({grad_sum}); give a note"

    CASES.append({
        "name": f"{kind}/{name}",
        "keras": f"keras.losses.{cls.__name__}({keras_args})",
        "loss": f"{swift_type}({swift_args})",
        "predicted": swift_matrix(p, literal_input),
        "expected": swift_matrix(f32(expected), literal_input),
        "weights": "nil" if w_swift is None else swift_array(w_swift, literal_input),
        "values": swift_array(values, literal_output),
        "weighted": swift_array(weighted, literal_output),
        "sum": literal_output(total),
        "mean": literal_output(mean),
        "grad_sum": swift_matrix(grad_sum, literal_output) if gradient_finite else "nil",
        "grad_mean": swift_matrix(grad_mean, literal_output) if gradient_finite else "nil",
        "note": note,
    })


# ---------------------------------------------------------------------------------------------
# The table. Names say the option; edge cases say the edge.

W2 = [0.5, 2.0]
W3 = [0.5, 2.0, 0.0]

# Regression losses.
case("basic", "mse", [[0.1, 0.5, -1.2], [2.0, -0.3, 0.7]], [[0.0, 1.0, -1.0], [1.5, 0.2, 0.7]])
case("weighted", "mse", [[0.1, 0.5, -1.2], [2.0, -0.3, 0.7], [3.0, 1.0, 0.0]],
     [[0.0, 1.0, -1.0], [1.5, 0.2, 0.7], [0.0, 0.0, 0.0]], weights=W3)
case("single-column", "mse", [[1e3], [-2.5], [1e-4]], [[0.0], [2.5], [0.0]])

case("basic", "mae", [[0.1, 0.5, -1.2], [2.0, -0.3, 0.8]], [[0.0, 1.0, -1.0], [1.5, 0.2, 0.7]])
case("zero-error-subgradient", "mae", [[0.5, 0.25], [3.0, -1.0]], [[0.5, 0.0], [3.0, 1.0]], weights=W2,
     note="p == y is MAE's kink: JAX's abs takes d|u|/du = +1 at u = 0, so Keras on JAX gives -1/k for "
          "|y - p|; TensorFlow and PyTorch give 0, as LossLab does")

case("basic", "msle", [[0.5, 2.0, 10.0], [0.0, 1.0, 3.0]], [[1.0, 2.0, 0.0], [0.5, 0.2, 3.5]])
case("negative-predictions", "msle", [[-0.5, -3.0], [-1e-3, 0.25]], [[1.0, 0.0], [2.0, 0.5]], weights=W2)
case("negative-targets-and-large", "msle", [[1e3, 0.7], [1e5, 4.0]], [[-2.0, 0.3], [1e4, -0.1]])

case("basic", "poisson", [[0.5, 2.0, 1.0], [3.0, 0.1, 7.5]], [[1.0, 0.0, 2.0], [3.0, 1.0, 5.0]])
case("zero-rate", "poisson", [[0.0, 0.0], [1e-6, 40.0]], [[2.0, 0.0], [1.0, 40.0]], weights=W2)

case("delta=1-inside-and-outside", "huber", [[0.3, 2.5, -1.75], [0.0, -0.4, 4.0]],
     [[0.0, 0.0, 0.0], [0.5, 0.5, 0.0]])
case("delta=0.5", "huber", [[0.3, 2.5, -1.75], [0.0, -0.4, 4.0]], [[0.0, 0.0, 0.0], [0.2, 0.5, 0.0]],
     weights=W2, delta=0.5)
case("delta=1/error-exactly-delta", "huber", [[1.0, -1.0], [0.5, 3.0]], [[0.0, 0.0], [1.5, 2.0]])
case("delta=2.5", "huber", [[0.3, 2.0, -3.75], [100.0, -0.4, 4.0]], [[0.0, 0.0, 0.0], [0.5, 0.5, 0.0]],
     delta=2.5)

case("basic", "log_cosh", [[0.3, 2.5, -1.75], [0.0, -0.4, 4.0]], [[0.0, 0.0, 0.0], [0.5, 0.5, 0.0]])
case("huge-errors", "log_cosh", [[100.0, -100.0], [500.0, -500.0]], [[0.0, 0.0], [0.0, 0.0]], weights=W2)
case("tiny-errors", "log_cosh", [[1e-3, -2e-2], [0.5, 0.5]], [[0.0, 0.0], [0.5, 0.25]])

# Hinge losses: signed targets, 0/1 targets (converted over the whole batch), a batch with a
# non-binary target (left unconverted, so its 0 stays 0).
for kind in ("hinge", "squared_hinge"):
    case("signed-targets", kind, [[0.3, -2.0, 0.8], [-0.6, 1.5, 0.1]], [[1.0, -1.0, -1.0], [1.0, 1.0, -1.0]])
    case("binary-targets-converted", kind, [[0.3, -2.0, 0.8], [-0.6, 1.5, 0.1]],
         [[1.0, 0.0, 0.0], [1.0, 1.0, 0.0]], weights=W2)
    case("non-binary-batch-unconverted", kind, [[0.3, -2.0], [-0.6, 1.5]], [[1.0, 0.0], [0.5, 1.0]])
    case("margin-exactly-1", kind, [[1.0, -1.0], [0.5, 2.0]], [[1.0, -1.0], [1.0, 1.0]],
         note="y p == 1 is the hinge's kink: JAX's maximum splits the tie (gradient -y/2k), LossLab takes 0")
    case("all-zero-batch-converted", kind, [[0.3], [-0.6], [2.0]], [[0.0], [0.0], [0.0]])

# Binary crossentropy.
case("probabilities", "bce", [[0.8, 0.3, 0.6], [0.1, 0.95, 0.5]], [[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]],
     fromLogits=False)
case("probabilities/smoothing=0.1", "bce", [[0.8, 0.3, 0.6], [0.1, 0.95, 0.5]],
     [[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]], weights=W2, fromLogits=False, labelSmoothing=0.1)
case("probabilities/soft-targets", "bce", [[0.8, 0.3], [0.1, 0.95]], [[0.7, 0.2], [0.5, 0.9]])
case("probabilities/exact-0-and-1", "bce", [[0.0, 1.0], [1.0, 0.0]], [[0.0, 1.0], [0.0, 1.0]])
case("probabilities/near-clip", "bce", [[2e-7, 0.9999998], [1e-6, 0.999999]], [[1.0, 0.0], [0.0, 1.0]])
case("probabilities/at-eps", "bce", [[1e-7], [1e-7]], [[1.0], [0.0]],
     note="p == eps is the clip's kink: JAX's clip splits the tie, LossLab takes the outside (0)")
case("logits", "bce", [[2.0, -1.0, 0.5], [-3.0, 0.0, 4.0]], [[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]],
     fromLogits=True)
case("logits/smoothing=0.2", "bce", [[2.0, -1.0, 0.5], [-3.0, 0.0, 4.0]], [[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]],
     weights=W2, fromLogits=True, labelSmoothing=0.2)
case("logits/soft-targets/smoothing=0.1", "bce", [[2.0, -1.0, 0.5], [-3.0, 0.0, 4.0]],
     [[0.7, 0.2, 1.0], [0.5, 0.9, 0.0]], fromLogits=True, labelSmoothing=0.1)
case("logits/+-100", "bce", [[100.0, -100.0], [-100.0, 100.0]], [[1.0, 0.0], [1.0, 0.0]], fromLogits=True)
case("logits/+-500", "bce", [[500.0, -500.0], [-500.0, 500.0]], [[1.0, 0.0], [1.0, 0.0]], fromLogits=True)
case("logits/+-500/smoothing=0.1", "bce", [[500.0, -500.0], [-500.0, 500.0]], [[1.0, 0.0], [1.0, 0.0]],
     fromLogits=True, labelSmoothing=0.1)

# Binary focal crossentropy.
BF_P = [[0.8, 0.3, 0.6], [0.1, 0.95, 0.5]]
BF_Y = [[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]]
BF_X = [[2.0, -1.0, 0.5], [-3.0, 0.0, 4.0]]
case("default", "binary_focal", BF_P, BF_Y)
case("gamma=0", "binary_focal", BF_P, BF_Y, gamma=0.0)
case("gamma=0.5", "binary_focal", BF_P, BF_Y, weights=W2, gamma=0.5)
case("gamma=3/balanced/alpha=0.25", "binary_focal", BF_P, BF_Y, gamma=3.0, alpha=0.25,
     applyClassBalancing=True)
case("gamma=2/balanced/alpha=0.6", "binary_focal", BF_P, BF_Y, gamma=2.0, alpha=0.6,
     applyClassBalancing=True)
case("gamma=0/balanced/alpha=0.25", "binary_focal", BF_P, BF_Y, gamma=0.0, applyClassBalancing=True)
case("smoothing=0.1", "binary_focal", BF_P, BF_Y, weights=W2, labelSmoothing=0.1)
case("balanced/smoothing=0.2", "binary_focal", BF_P, BF_Y, applyClassBalancing=True, labelSmoothing=0.2)
case("logits", "binary_focal", BF_X, BF_Y, fromLogits=True)
case("logits/gamma=0.5/balanced/smoothing=0.1", "binary_focal", BF_X, BF_Y, weights=W2, gamma=0.5,
     applyClassBalancing=True, fromLogits=True, labelSmoothing=0.1)
case("logits/+-100", "binary_focal", [[100.0, -100.0], [-100.0, 100.0]], [[1.0, 0.0], [1.0, 0.0]],
     fromLogits=True)
case("logits/+-500", "binary_focal", [[500.0, -500.0], [-500.0, 500.0]], [[1.0, 0.0], [1.0, 0.0]],
     fromLogits=True)
case("near-clip/balanced", "binary_focal", [[2e-7, 0.9999998], [1e-6, 0.999999]], [[1.0, 0.0], [0.0, 1.0]],
     applyClassBalancing=True)
case("exact-0-and-1/gamma=2", "binary_focal", [[0.0, 1.0], [1.0, 0.0]], [[0.0, 1.0], [0.0, 1.0]])
case("exact-0-and-1/gamma=0.5", "binary_focal", [[0.0, 1.0], [1.0, 0.0]], [[0.0, 1.0], [0.0, 1.0]],
     gamma=0.5, note="(1 - p_t)^0.5 has an infinite slope at p_t = 1: Keras's gradient is NaN")

# Categorical crossentropy. P3: probabilities; U3: rows that do not sum to 1 (Keras renormalises).
P3 = [[0.7, 0.2, 0.1], [0.1, 0.3, 0.6]]
U3 = [[1.4, 0.4, 0.2], [0.05, 0.15, 0.3]]
X3 = [[2.0, -1.0, 0.5], [-3.0, 0.0, 4.0]]
Y3 = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]
I3 = [[0.0], [1.0]]
case("probabilities", "cce", P3, Y3)
case("probabilities/unnormalised", "cce", U3, Y3, weights=W2)
case("probabilities/smoothing=0.1", "cce", P3, Y3, labelSmoothing=0.1)
case("probabilities/soft-targets", "cce", P3, [[0.5, 0.25, 0.25], [0.0, 0.6, 0.4]])
case("probabilities/near-clip", "cce", [[2e-7, 0.5, 0.4999998], [0.999999, 1e-6, 0.0]], Y3)
case("probabilities/exact-0-and-1", "cce", [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]], [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
case("logits", "cce", X3, Y3, fromLogits=True)
case("logits/smoothing=0.2", "cce", X3, Y3, weights=W2, fromLogits=True, labelSmoothing=0.2)
case("logits/+-500", "cce", [[500.0, -500.0, 0.0], [-500.0, 500.0, 499.0]], Y3, fromLogits=True)
case("logits/+-100/smoothing=0.1", "cce", [[100.0, -100.0, 0.0], [-100.0, 100.0, 99.0]], Y3,
     fromLogits=True, labelSmoothing=0.1)
case("integer-labels/probabilities", "sparse_cce", P3, I3, fromLogits=False)
case("integer-labels/unnormalised", "sparse_cce", U3, [[2.0], [0.0]], weights=W2)
case("integer-labels/logits", "sparse_cce", X3, [[2.0], [1.0]], fromLogits=True)
case("integer-labels/logits/+-500", "sparse_cce", [[500.0, -500.0, 0.0], [-500.0, 500.0, 499.0]],
     [[1.0], [2.0]], fromLogits=True)
case("integer-labels/probabilities/exact-0-and-1", "sparse_cce", [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]],
     [[0.0], [1.0]])
case("integer-labels/probabilities/smoothing=0.1", "cce", U3, I3, keras_expected=Y3, labelSmoothing=0.1)
case("integer-labels/logits/smoothing=0.1", "cce", X3, I3, keras_expected=Y3, fromLogits=True,
     labelSmoothing=0.1)

# Categorical focal crossentropy.
case("default", "categorical_focal", P3, Y3)
case("gamma=0/alpha=1", "categorical_focal", P3, Y3, gamma=0.0, alpha=1.0)
case("gamma=0.5", "categorical_focal", U3, Y3, weights=W2, gamma=0.5)
case("gamma=3/alpha=0.6/smoothing=0.1", "categorical_focal", P3, Y3, gamma=3.0, alpha=0.6,
     labelSmoothing=0.1)
case("soft-targets", "categorical_focal", P3, [[0.5, 0.25, 0.25], [0.0, 0.6, 0.4]])
case("logits", "categorical_focal", X3, Y3, fromLogits=True)
case("logits/gamma=0.5/smoothing=0.2", "categorical_focal", X3, Y3, weights=W2, gamma=0.5,
     fromLogits=True, labelSmoothing=0.2)
case("logits/+-100", "categorical_focal", [[100.0, -100.0, 0.0], [-100.0, 100.0, 99.0]], Y3, fromLogits=True)
case("logits/+-500", "categorical_focal", [[500.0, -500.0, 0.0], [-500.0, 500.0, 499.0]], Y3, weights=W2,
     fromLogits=True, labelSmoothing=0.1)
case("integer-labels/logits", "categorical_focal", X3, [[2.0], [1.0]],
     keras_expected=[[0.0, 0.0, 1.0], [0.0, 1.0, 0.0]], fromLogits=True)
case("integer-labels/probabilities/smoothing=0.1", "categorical_focal", U3, [[2.0], [0.0]],
     keras_expected=[[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]], labelSmoothing=0.1)
case("exact-0-and-1", "categorical_focal", [[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]], Y3)

# The losses of issue 14, and scalar sample weights (Keras broadcasts them over the batch).
case("probabilities", "sparse_categorical_crossentropy", P3, I3)
case("probabilities/unnormalised", "sparse_categorical_crossentropy", U3, [[2.0], [0.0]], weights=W2)
case("logits", "sparse_categorical_crossentropy", X3, [[2.0], [1.0]], fromLogits=True)
case("logits/+-500", "sparse_categorical_crossentropy", [[500.0, -500.0, 0.0], [-500.0, 500.0, 499.0]],
     [[1.0], [2.0]], fromLogits=True)
case("logits/scalar-weight=2.3", "sparse_categorical_crossentropy", X3, [[0.0], [2.0]], weights=2.3,
     fromLogits=True)

KL_SOFT = [[0.5, 0.25, 0.25], [0.0, 0.6, 0.4]]
case("soft-targets", "kl_divergence", P3, KL_SOFT)
case("one-hot", "kl_divergence", P3, Y3, weights=W2)
case("unnormalised-and-above-1", "kl_divergence", U3, KL_SOFT)
case("tiny-predictions", "kl_divergence", [[1e-9, 0.5, 0.5], [0.2, 1e-6, 0.8]], KL_SOFT)
case("scalar-weight=2.3", "kl_divergence", P3, KL_SOFT, weights=2.3)

case("basic", "mape", [[0.5, 2.0, 10.0], [0.0, 1.0, 3.0]], [[1.0, 2.5, 4.0], [0.5, -0.2, 3.5]])
case("zero-targets", "mape", [[1e-6, 0.3], [2.0, -1.0]], [[0.0, 0.1], [-4.0, 0.0]], weights=W2)
case("large", "mape", [[1e3, 0.7], [1e5, 4.0]], [[-2.0, 0.3], [1e4, -0.1]])
case("scalar-weight=2.3", "mape", [[0.5, 2.0, 10.0], [0.0, 1.0, 3.0]], [[1.0, 2.5, 4.0], [0.5, -0.2, 3.5]],
     weights=2.3)

case("violated", "categorical_hinge", [[0.3, 0.5, 0.9], [-0.5, 0.4, -0.2]], [[0.0, 1.0, 0.0], [0.0, 1.0, 0.0]])
case("met-and-violated", "categorical_hinge", [[0.1, 2.5, -0.3], [1.2, -0.4, 0.3]],
     [[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], weights=W2)
case("soft-targets", "categorical_hinge", [[0.2, 0.5, 0.9], [2.0, -1.0, 0.5]], [[0.5, 0.5, 0.0], [0.2, 0.3, 0.5]])
case("margin-exactly-1", "categorical_hinge", [[0.0, 1.0, 0.0], [0.5, 1.5, 0.2]], [[0.0, 1.0, 0.0], [0.0, 1.0, 0.0]],
     note="neg - pos + 1 == 0 is the hinge's kink: JAX's maximum splits the tie, LossLab takes 0")
case("scalar-weight=2.3", "categorical_hinge", [[0.3, 0.5, 0.9], [1.2, -0.4, 0.3]],
     [[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], weights=2.3)

case("basic", "cosine_similarity", [[3.0, 4.0, -1.0], [0.2, -0.7, 1.5]], [[1.0, 0.0, 0.0], [0.5, 0.25, 0.25]])
case("one-hot-scores", "cosine_similarity", [[0.9, -2.0, 0.4], [1.0, 1.0, 3.0]], [[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]],
     weights=W2)
case("opposed-and-aligned", "cosine_similarity", [[-1.0, -1.0], [10.0, 10.0]], [[0.0, 2.0], [0.0, 0.5]])
case("norm-below-eps", "cosine_similarity", [[1e-9, 2e-9], [3.0, 4.0]], [[1.0, 0.0], [1e-9, 0.0]])
case("scalar-weight=2.3", "cosine_similarity", [[3.0, 4.0, -1.0], [0.2, -0.7, 1.5]],
     [[1.0, 0.0, 0.0], [0.5, 0.25, 0.25]], weights=2.3)

# Scalar sample weights on losses that were there before.
case("scalar-weight=2.3", "mse", [[0.1, 0.5, -1.2], [2.0, -0.3, 0.7]], [[0.0, 1.0, -1.0], [1.5, 0.2, 0.7]],
     weights=2.3)
case("logits/scalar-weight=0.5", "bce", [[2.0, -1.0, 0.5], [-3.0, 0.0, 4.0]], [[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]],
     weights=0.5, fromLogits=True)
case("scalar-weight=2.3", "cce", P3, Y3, weights=2.3)

# ---------------------------------------------------------------------------------------------
# Class weights (`fit(class_weight=...)`): Keras's conversion to per-sample weights.

CLASS_WEIGHTS = [0.5, 2.0, 3.0]
CLASS_CASES = []


def class_case(name, expected, predicted_columns):
    weights = class_weight_to_sample_weights(f32(expected), dict(enumerate(CLASS_WEIGHTS)))
    CLASS_CASES.append({
        "name": name,
        "expected": swift_matrix(f32(expected), literal_input),
        "columns": predicted_columns,
        "weights": swift_array(weights, literal_output),
    })


class_case("binary-column", [[0.0], [1.0], [1.0], [0.0]], 1)
class_case("one-hot", [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]], 3)
class_case("soft-rows-argmax", [[0.2, 0.7, 0.1], [0.1, 0.1, 0.8]], 3)
class_case("integer-labels", [[2.0], [0.0], [1.0], [2.0]], 3)
class_case("unlisted-class-gets-1", [[0.0, 0.0, 0.0, 1.0], [0.0, 1.0, 0.0, 0.0]], 4)

# ---------------------------------------------------------------------------------------------
# `losslab loss` command lines against the value Keras computes for the same inputs.

CLI_CASES = []
CLI_REDUCTIONS = {"mean": "sum_over_batch_size", "sum_over_batch_size": "sum_over_batch_size", "sum": "sum",
                  "none": None}
BCE_CLIPPED = "min(max(p, 1e-7), 1 - 1e-7)"


def json_text(x):
    """`x` as the JSON that `losslab loss` reads: a number, a 1-D or a 2-D array."""
    v = np.asarray(x, dtype=np.float32)
    if v.ndim == 0:
        return literal_input(v)
    if v.ndim == 1:
        return swift_array(v, literal_input)
    return swift_matrix(v, literal_input)


def cli_case(name, loss_arguments, keras_loss, predicted, expected, weights=None, reduction=None,
             keras_expected=None, sparse=False):
    """One command line: `losslab loss ARGS --target Y --prediction P [--sample-weight W] [--reduction R]`
    and `keras_loss(reduction=...)(y, p, sample_weight=w)`."""
    p = f32(predicted)
    y = np.asarray(keras_expected if keras_expected is not None else expected,
                   dtype=np.int32 if sparse else np.float32)
    w = None if weights is None else f32(weights)
    keras_reduction = CLI_REDUCTIONS[reduction or "mean"]
    result = np.asarray(keras_loss(reduction=keras_reduction)(y, p, sample_weight=w))
    arguments = list(loss_arguments) + ["--target", json_text(expected), "--prediction", json_text(predicted)]
    if weights is not None:
        arguments += ["--sample-weight", json_text(weights)]
    if reduction is not None:
        arguments += ["--reduction", reduction]
    CLI_CASES.append({
        "name": name,
        "keras": f"{keras_loss.__name__}(" + ", ".join(keras_loss.options + [f"reduction={keras_reduction!r}"]) + ")",
        "arguments": arguments,
        "values": swift_array(np.atleast_1d(result), literal_output),
        "largest_input": literal_output(max(1.0, float(np.max(np.abs(np.concatenate([p.ravel(), f32(expected).ravel()])))))),
    })


def keras_class(cls, **options):
    def make(reduction):
        return cls(reduction=reduction, **options)
    make.__name__ = f"keras.losses.{cls.__name__}"
    make.options = [f"{k}={v!r}" for k, v in options.items()]
    return make


L = keras.losses
cli_case("kld/scalar-weight", ["kld"], keras_class(L.KLDivergence), P3, KL_SOFT, weights=2.3)
cli_case("kl_divergence/weights/sum", ["kl_divergence"], keras_class(L.KLDivergence), P3, Y3, weights=W2,
         reduction="sum")
cli_case("mape/scalar-weight/sum_over_batch_size", ["mape"], keras_class(L.MeanAbsolutePercentageError),
         [[0.5, 2.0, 10.0], [0.0, 1.0, 3.0]], [[1.0, 2.5, 4.0], [0.5, -0.2, 3.5]], weights=0.5,
         reduction="sum_over_batch_size")
cli_case("categorical_hinge/weights/sum", ["categorical_hinge"], keras_class(L.CategoricalHinge),
         [[0.3, 0.5, 0.9], [1.2, -0.4, 0.3]], [[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], weights=W2, reduction="sum")
cli_case("cosine/scalar-weight/none", ["cosine"], keras_class(L.CosineSimilarity),
         [[3.0, 4.0, -1.0], [0.2, -0.7, 1.5]], [[1.0, 0.0, 0.0], [0.5, 0.25, 0.25]], weights=2.3, reduction="none")
cli_case("sparse_cce/integer-labels/logits", ["sparse_cce", "--from-logits"],
         keras_class(L.SparseCategoricalCrossentropy, from_logits=True), X3, [2.0, 1.0], sparse=True)
cli_case("sparse_categorical_crossentropy/scalar-weight", ["sparse_categorical_crossentropy"],
         keras_class(L.SparseCategoricalCrossentropy), U3, [2.0, 0.0], weights=2.3, sparse=True)
cli_case("bce/scalar-weight", ["bce"], keras_class(L.BinaryCrossentropy), [[0.6, 0.4], [0.4, 0.6]],
         [[0.0, 1.0], [0.0, 0.0]], weights=2.3)
cli_case("mse/1-D-scalar-weight/sum", ["mse"], keras_class(L.MeanSquaredError), [[1.0, 1.0], [1.0, 0.0]],
         [[0.0, 1.0], [0.0, 0.0]], weights=[1.5], reduction="sum")

# Formula losses that spell out a Keras loss.
cli_case("formula/mse/scalar-weight", ["--formula", "(p - y)^2"], keras_class(L.MeanSquaredError),
         [[0.1, 0.5, -1.2], [2.0, -0.3, 0.7]], [[0.0, 1.0, -1.0], [1.5, 0.2, 0.7]], weights=2.3)
cli_case("formula/bce-clipped/exact-0-and-1", ["--formula",
         f"-(y * log({BCE_CLIPPED}) + (1 - y) * log(1 - {BCE_CLIPPED}))"], keras_class(L.BinaryCrossentropy),
         [[0.8, 0.3, 0.0], [0.1, 0.95, 1.0]], [[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]])
cli_case("formula/bce-from-logits/weights", ["--formula", "softplus(p) - p * y"],
         keras_class(L.BinaryCrossentropy, from_logits=True), [[2.0, -1.0, 0.5], [-30.0, 0.0, 40.0]],
         [[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]], weights=W2, reduction="sum_over_batch_size")
cli_case("formula/huber/delta=0.5", ["--formula",
         "where(abs(p - y) <= delta, 0.5 * (p - y)^2, delta * abs(p - y) - 0.5 * delta^2)", "--parameter",
         "delta=0.5"], keras_class(L.Huber, delta=0.5), [[0.3, 2.5, -1.75], [0.0, -0.4, 4.0]],
         [[0.0, 0.0, 0.0], [0.2, 0.5, 0.0]], reduction="none")
cli_case("formula/log_cosh/sum", ["--formula", "p - y + softplus(-2 * (p - y)) - log(2)"], keras_class(L.LogCosh),
         [[0.3, 2.5, -1.75], [0.0, -0.4, 4.0]], [[0.0, 0.0, 0.0], [0.5, 0.5, 0.0]], reduction="sum")
cli_case("formula/poisson/scalar-weight", ["--formula", "p - y * log(p + 1e-7)"], keras_class(L.Poisson),
         [[0.5, 2.0, 1.0], [3.0, 0.1, 7.5]], [[1.0, 0.0, 2.0], [3.0, 1.0, 5.0]], weights=2.3)
cli_case("formula/mape-with-parameters", ["--formula", "k * abs((y - p) / max(abs(y), e))", "--parameter", "k=100",
         "--parameter", "e=1e-7"], keras_class(L.MeanAbsolutePercentageError), [[0.5, 2.0, 10.0], [0.0, 1.0, 3.0]],
         [[1.0, 2.5, 4.0], [0.5, -0.2, 3.5]])

# ---------------------------------------------------------------------------------------------
# Output.

def render():
    lines = [
        "// GENERATED FILE: do not edit by hand.",
        "//",
        "// Generated by Tests/Reference/keras_reference.py with",
        f"//   keras {keras.__version__} (backend {keras.backend.backend()}), jax {jax.__version__}, "
        f"jaxlib {jax.lib.__version__ if hasattr(jax.lib, '__version__') else 'n/a'}, "
        f"numpy {np.__version__}, python {sys.version.split()[0]}, float32, epsilon {keras.config.epsilon()}.",
        "// Regenerate:",
        "//   python3 -m venv /tmp/keras-venv && /tmp/keras-venv/bin/pip install keras jax jaxlib",
        "//   KERAS_BACKEND=jax /tmp/keras-venv/bin/python Tests/Reference/keras_reference.py",
        "//",
        "// Inputs are the shortest decimals that round-trip to the float32 Keras saw; reference values",
        "// have 9 significant digits. `values` come from the `keras.losses` function (per sample, no",
        "// weights); `weightedValues`, `sum` and `mean` from the class with `reduction=None`, `\"sum\"`",
        "// and `\"sum_over_batch_size\"` and the case's `sample_weight`; `gradientOfSum` and",
        "// `gradientOfMean` are `jax.grad` of those two reductions with respect to the predictions.",
        "",
        "@testable import LossCore",
        "",
        "/// One case computed by real Keras 3; see the file header.",
        "struct KerasCase: Sendable {",
        "    /// `kind/option`: the loss and what the case exercises.",
        "    var name: String",
        "    /// The Keras class and options the reference came from.",
        "    var keras: String",
        "    /// The LossLab loss under test.",
        "    var loss: any Loss",
        "    var predicted: [[Float]]",
        "    /// The targets as LossLab receives them (integer labels stay integer labels).",
        "    var expected: [[Float]]",
        "    var sampleWeights: [Float]?",
        "    var values: [Float]",
        "    var weightedValues: [Float]",
        "    var sum: Float",
        "    var mean: Float",
        "    /// `nil` when Keras's gradient is not finite.",
        "    var gradientOfSum: [[Float]]?",
        "    var gradientOfMean: [[Float]]?",
        "    /// Why the gradient is not compared (a kink or a non-finite Keras gradient), if it is not.",
        "    var gradientNote: String?",
        "}",
        "",
        "/// `fit(class_weight=[0: w0, 1: w1, ...])` turned into per-sample weights by Keras.",
        "struct KerasClassWeightCase: Sendable {",
        "    var name: String",
        "    var classWeights: [Float]",
        "    var expected: [[Float]]",
        "    var predictedColumns: Int",
        "    var sampleWeights: [Float]",
        "}",
        "",
        "enum KerasReference {",
        "    static let cases: [KerasCase] = [",
    ]
    for c in CASES:
        note = "nil" if c["note"] is None else '"' + c["note"].replace('"', '\\"') + '"'
        lines += [
            "        KerasCase(",
            f"            name: \"{c['name']}\",",
            f"            keras: \"{c['keras']}\",",
            f"            loss: {c['loss']},",
            f"            predicted: {c['predicted']},",
            f"            expected: {c['expected']},",
            f"            sampleWeights: {c['weights']},",
            f"            values: {c['values']},",
            f"            weightedValues: {c['weighted']},",
            f"            sum: {c['sum']},",
            f"            mean: {c['mean']},",
            f"            gradientOfSum: {c['grad_sum']},",
            f"            gradientOfMean: {c['grad_mean']},",
            f"            gradientNote: {note}",
            "        ),",
        ]
    lines += [
        "    ]",
        "",
        "    static let classWeightCases: [KerasClassWeightCase] = [",
    ]
    for c in CLASS_CASES:
        lines.append(
            f"        KerasClassWeightCase(name: \"{c['name']}\", classWeights: "
            f"{swift_array(CLASS_WEIGHTS, literal_input)}, expected: {c['expected']}, "
            f"predictedColumns: {c['columns']}, sampleWeights: {c['weights']}),")
    lines += ["    ]", "}", ""]
    return "\n".join(lines)


def swift_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_cli():
    lines = [
        "// GENERATED FILE: do not edit by hand.",
        "//",
        "// Generated by Tests/Reference/keras_reference.py with",
        f"//   keras {keras.__version__} (backend {keras.backend.backend()}), jax {jax.__version__}, "
        f"numpy {np.__version__}, python {sys.version.split()[0]}, float32, epsilon {keras.config.epsilon()}.",
        "// Regenerate: see Tests/LossCoreTests/Losses/KerasReference.swift.",
        "//",
        "// Each case is a `losslab loss` command line and the value Keras 3 computes for the same inputs",
        "// (`keras` names the class and reduction; `none` gives one value per sample).",
        "",
        "/// One `losslab loss` command line checked against Keras 3.",
        "struct KerasCommandCase: Sendable {",
        "    var name: String",
        "    var keras: String",
        "    var arguments: [String]",
        "    var values: [Float]",
        "    /// `max(1, largest |input|)`, the scale of the absolute tolerance.",
        "    var largestInput: Float",
        "}",
        "",
        "enum KerasCommandReference {",
        "    static let cases: [KerasCommandCase] = [",
    ]
    for c in CLI_CASES:
        lines += [
            "        KerasCommandCase(",
            f"            name: {swift_string(c['name'])},",
            f"            keras: {swift_string(c['keras'])},",
            "            arguments: [" + ", ".join(swift_string(a) for a in c["arguments"]) + "],",
            f"            values: {c['values']},",
            f"            largestInput: {c['largest_input']}",
            "        ),",
        ]
    lines += ["    ]", "}", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    text = render()
    with open(OUTPUT, "w") as f:
        f.write(text)
    print(f"wrote {len(CASES)} loss cases and {len(CLASS_CASES)} class-weight cases to {os.path.normpath(OUTPUT)}")
    with open(CLI_OUTPUT, "w") as f:
        f.write(render_cli())
    print(f"wrote {len(CLI_CASES)} command cases to {os.path.normpath(CLI_OUTPUT)}")
