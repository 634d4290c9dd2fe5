/// Builds a string from scalars and runs of scalars, straight into UTF-8: no array of scalars
/// and no `String.UnicodeScalarView.append(contentsOf:)` (which copies the whole view each time).
struct ScalarStringBuilder {
    private var bytes: [UInt8] = []

    /// - Parameter capacity: the expected size in UTF-8 bytes.
    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func append(_ s: Unicode.Scalar) {
        UTF8.encode(s) { bytes.append($0) }
    }

    mutating func append<S: Sequence>(contentsOf scalars: S) where S.Element == Unicode.Scalar {
        for s in scalars { append(s) }
    }

    /// The string built (the bytes are valid UTF-8 by construction).
    var string: String { String(decoding: bytes, as: UTF8.self) }
}
