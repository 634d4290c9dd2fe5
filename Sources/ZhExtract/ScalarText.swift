extension Array where Element == Unicode.Scalar {
    /// Whether `word` starts at `i`, compared in place (no allocation: this runs per position).
    @inline(__always)
    func hasWord(_ word: [Unicode.Scalar], at i: Int) -> Bool {
        guard i >= 0, i + word.count <= count else { return false }
        var k = 0
        while k < word.count {
            if self[i + k] != word[k] { return false }
            k += 1
        }
        return true
    }
}

extension String {
    /// The scalars of the string, for `hasWord`.
    var scalars: [Unicode.Scalar] { Array(unicodeScalars) }
}

/// A set of characters tested in constant time without hashing: a bitmap over the Basic
/// Multilingual Plane (8 KiB), a hashed set beyond it. For per-position tests in hot loops.
struct ScalarSet: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)
    private var astral: Set<UInt32> = []

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for c in scalars { insert(c) }
    }

    init(_ string: String) { self.init(string.unicodeScalars) }

    mutating func insert(_ c: Unicode.Scalar) {
        let v = c.value
        if v < 0x10000 { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) } else { astral.insert(v) }
    }

    @inline(__always)
    func contains(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x10000 { return bits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 }
        return astral.contains(v)
    }
}

/// A string as a dictionary key compared and hashed by its UTF-8 bytes: no Unicode
/// normalization on each hash, which makes large tables of Chinese names several times faster
/// to build. (Two strings equal only under normalization are different keys; the tables here
/// hold names as written.)
struct UTF8Key: Hashable, Sendable {
    var string: String

    init(_ s: String) {
        var s = s
        s.makeContiguousUTF8()
        string = s
    }

    static func == (a: UTF8Key, b: UTF8Key) -> Bool { a.string.utf8.elementsEqual(b.string.utf8) }

    func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
