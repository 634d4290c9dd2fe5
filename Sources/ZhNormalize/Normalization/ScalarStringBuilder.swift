/// Builds a string from scalars and runs of scalars, straight into UTF-8: no array of scalars
/// and no `String.UnicodeScalarView.append(contentsOf:)` (which copies the whole view each time).
struct ScalarStringBuilder {
    private var bytes: [UInt8] = []

    /// - Parameter capacity: the expected size in UTF-8 bytes.
    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func append(_ s: Unicode.Scalar) {
        let v = s.value
        if v < 0x80 {
            bytes.append(UInt8(v))
        } else if v < 0x800 {
            bytes.append(UInt8(0xC0 | v >> 6)); bytes.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x10000 {
            bytes.append(UInt8(0xE0 | v >> 12)); bytes.append(UInt8(0x80 | v >> 6 & 0x3F)); bytes.append(UInt8(0x80 | v & 0x3F))
        } else {
            bytes.append(UInt8(0xF0 | v >> 18)); bytes.append(UInt8(0x80 | v >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | v >> 6 & 0x3F)); bytes.append(UInt8(0x80 | v & 0x3F))
        }
    }

    mutating func append<S: Sequence>(contentsOf scalars: S) where S.Element == Unicode.Scalar {
        for s in scalars { append(s) }
    }

    /// The string built (the bytes are valid UTF-8 by construction).
    var string: String { String(decoding: bytes, as: UTF8.self) }
}
