import LossLabTestSupport
// `isClose(_:_:relative:absolute:)` is in TestSupport.swift (one rule for every harness test).

/// The SciPy and NumPy versions that produced the reference tables, by
/// `Tests/Reference/scipy_statistics.py`.
let referenceVersions = "scipy 1.17.1, numpy 2.4.6"
