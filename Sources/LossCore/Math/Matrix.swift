/// A dense, row-major matrix of `Float` (float32, Keras's default `floatx`).
///
/// Rows are samples and columns are features or outputs throughout LossLab: a batch of `n`
/// predictions with `k` outputs is an `n x k` matrix. Storage is one contiguous array so that hot
/// loops can walk it with unsafe buffer pointers and no per-element bounds checks.
public struct Matrix: Sendable, Equatable {
    public private(set) var rows: Int
    public private(set) var columns: Int
    /// Element `(r, c)` is `storage[r * columns + c]`.
    public var storage: [Float]

    public init(rows: Int, columns: Int, repeating value: Float = 0) {
        precondition(rows >= 0 && columns >= 0, "negative matrix shape")
        self.rows = rows
        self.columns = columns
        self.storage = [Float](repeating: value, count: rows * columns)
    }

    public init(rows: Int, columns: Int, storage: [Float]) {
        precondition(storage.count == rows * columns, "storage does not match \(rows)x\(columns)")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// A matrix from nested rows; every row must have the same length.
    public init(_ nestedRows: [[Float]]) {
        let columns = nestedRows.first?.count ?? 0
        precondition(nestedRows.allSatisfy { $0.count == columns }, "ragged rows")
        self.init(rows: nestedRows.count, columns: columns, storage: nestedRows.flatMap { $0 })
    }

    /// A single column (`n x 1`), the shape of scalar targets and predictions.
    public init(column: [Float]) {
        self.init(rows: column.count, columns: 1, storage: column)
    }

    public var count: Int { storage.count }

    @inlinable
    public subscript(row: Int, column: Int) -> Float {
        get { storage[row * columns + column] }
        set { storage[row * columns + column] = newValue }
    }

    /// A copy of row `r`.
    public func row(_ r: Int) -> [Float] {
        Array(storage[(r * columns)..<((r + 1) * columns)])
    }

    /// The rows whose indices are listed, in that order (a gather, as for a mini-batch).
    public func gatherRows(_ indices: some Collection<Int>) -> Matrix {
        var result = Matrix(rows: indices.count, columns: columns)
        gatherRows(indices, into: &result)
        return result
    }

    /// Gathers rows into a preallocated matrix whose row count equals `indices.count`.
    public func gatherRows(_ indices: some Collection<Int>, into result: inout Matrix) {
        precondition(result.columns == columns && result.rows == indices.count)
        let width = columns
        storage.withUnsafeBufferPointer { source in
            result.storage.withUnsafeMutableBufferPointer { destination in
                var offset = 0
                for index in indices {
                    let start = index * width
                    for c in 0..<width { destination[offset + c] = source[start + c] }
                    offset += width
                }
            }
        }
    }

    /// Changes the row count of a reusable buffer, keeping its capacity (no allocation when shrinking).
    public mutating func resize(rows newRows: Int) {
        if newRows == rows { return }
        let newCount = newRows * columns
        if newCount < storage.count {
            storage.removeLast(storage.count - newCount)
        } else {
            storage.append(contentsOf: repeatElement(0, count: newCount - storage.count))
        }
        rows = newRows
    }

    /// Reshapes to `rows x columns`, reusing the storage's capacity.
    public mutating func reshape(rows newRows: Int, columns newColumns: Int) {
        let newCount = newRows * newColumns
        if newCount < storage.count {
            storage.removeLast(storage.count - newCount)
        } else if newCount > storage.count {
            storage.append(contentsOf: repeatElement(0, count: newCount - storage.count))
        }
        rows = newRows
        columns = newColumns
    }

    /// Applies `transform` to every element.
    public func map(_ transform: (Float) -> Float) -> Matrix {
        Matrix(rows: rows, columns: columns, storage: storage.map(transform))
    }

    /// Whether every element is finite (no NaN, no infinity).
    public var isFinite: Bool { storage.allSatisfy { $0.isFinite } }
}
