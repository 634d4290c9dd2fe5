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

    /// Whether the character at `i` is an ASCII digit (false outside the text).
    @inline(__always)
    func isDigit(at i: Int) -> Bool { i >= 0 && i < count && self[i].value >= 0x30 && self[i].value <= 0x39 }

    /// The number written in ASCII digits from `i`, at most `maxDigits` of them, and where it ends.
    func digitRun(at i: Int, maxDigits: Int = 4) -> (value: Int, end: Int)? {
        var j = i, v = 0
        while j - i < maxDigits, isDigit(at: j) {
            v = v * 10 + Int(self[j].value - 0x30)
            j += 1
        }
        return j > i ? (v, j) : nil
    }

    /// The year written in four digits and 年 right before `i` (2013年 before 苏州), if any.
    func yearEnding(at i: Int) -> Int? {
        guard i >= 5, self[i - 1] == "年", !isDigit(at: i - 6), let y = digitRun(at: i - 5), y.end == i - 1,
              (1900...2100).contains(y.value) else { return nil }
        return y.value
    }
}

extension String {
    /// The scalars of the string, for `hasWord`.
    var scalars: [Unicode.Scalar] { Array(unicodeScalars) }

    /// The string of `scalars`, encoded straight into the string's storage (appending to a
    /// `String.UnicodeScalarView` goes through a generic path several times slower).
    ///
    /// - Complexity: O(*n*).
    init(scalars: ArraySlice<Unicode.Scalar>) {
        self.init(unsafeUninitializedCapacity: scalars.count * 4) { out in
            var k = 0
            for c in scalars {
                let v = c.value
                if v < 0x80 {
                    out[k] = UInt8(v); k += 1
                } else if v < 0x800 {
                    out[k] = UInt8(0xC0 | v >> 6); out[k + 1] = UInt8(0x80 | v & 0x3F); k += 2
                } else if v < 0x10000 {
                    out[k] = UInt8(0xE0 | v >> 12); out[k + 1] = UInt8(0x80 | v >> 6 & 0x3F); out[k + 2] = UInt8(0x80 | v & 0x3F); k += 3
                } else {
                    out[k] = UInt8(0xF0 | v >> 18); out[k + 1] = UInt8(0x80 | v >> 12 & 0x3F)
                    out[k + 2] = UInt8(0x80 | v >> 6 & 0x3F); out[k + 3] = UInt8(0x80 | v & 0x3F); k += 4
                }
            }
            return k
        }
    }

    /// The scalars of the string, decoded from its UTF-8 in two tight passes (count, then
    /// decode into an array of exactly that size): several times faster than
    /// `Array(unicodeScalars)` on a long document.
    ///
    /// - Complexity: O(*n*) for *n* bytes.
    var scalarArray: [Unicode.Scalar] {
        var text = self
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { p -> [Unicode.Scalar] in
            var count = 0
            for b in p where b & 0xC0 != 0x80 { count += 1 }
            return [Unicode.Scalar](unsafeUninitializedCapacity: count) { out, initialized in
                // Valid UTF-8 (a String's), so every sequence is complete and every value a scalar.
                var i = 0, k = 0
                let n = p.count
                while i < n {
                    let b = UInt32(p[i])
                    let v: UInt32
                    if b < 0x80 {
                        v = b; i += 1
                    } else if b < 0xE0 {
                        v = (b & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F); i += 2
                    } else if b < 0xF0 {
                        v = (b & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F); i += 3
                    } else {
                        v = (b & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F); i += 4
                    }
                    (out.baseAddress! + k).initialize(to: unsafeBitCast(v, to: Unicode.Scalar.self))
                    k += 1
                }
                initialized = k
            }
        }!
    }
}

/// The Chinese digits 一 to 九 (两 for 二) by value.
let chineseDigits: [Unicode.Scalar: Int] = ["一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]

/// Two-character words, each packed as `first << 32 | second`, for tests per position.
struct WordPairs: Sendable {
    private let keys: Set<UInt64>
    private let firsts: ScalarSet

    /// The words of two characters among `words` (others are left out).
    init<S: Sequence>(_ words: S) where S.Element: StringProtocol {
        keys = Set(words.compactMap { w in
            let u = Array(w.unicodeScalars)
            return u.count == 2 ? UInt64(u[0].value) << 32 | UInt64(u[1].value) : nil
        })
        firsts = ScalarSet(keys.map { Unicode.Scalar(UInt32($0 >> 32))! })
    }

    /// Whether `a` followed by `b` is one of the words.
    func contains(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        firsts.contains(a) && keys.contains(UInt64(a.value) << 32 | UInt64(b.value))
    }
}

/// A set of words tested at a range of the scalars without making a string: a word of up to
/// three scalars is one packed integer, longer words are arrays; a bitmap of first scalars
/// answers most tests before any hashing.
struct WordSet: Sendable {
    private var short: Set<UInt64> = []
    private var long: Set<[Unicode.Scalar]> = []
    private var firsts = ScalarSet("")

    init<S: Sequence>(_ words: S) where S.Element: StringProtocol {
        for w in words {
            let u = Array(w.unicodeScalars)
            guard let first = u.first else { continue }
            firsts.insert(first)
            if u.count <= 3 { short.insert(Self.pack(u[...])) } else { long.insert(u) }
        }
    }

    /// Each scalar plus one in 21 bits, so that no word packs like a shorter one.
    @inline(__always)
    private static func pack(_ u: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var k: UInt64 = 0
        for c in u { k = k << 21 | UInt64(c.value + 1) }
        return k
    }

    /// Whether `s[r]` is one of the words.
    func contains(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard !r.isEmpty, r.lowerBound >= 0, r.upperBound <= s.count, firsts.contains(s[r.lowerBound]) else { return false }
        return r.count <= 3 ? short.contains(Self.pack(s[r])) : long.contains(Array(s[r]))
    }

    /// Whether `word` is one of the words.
    func contains(_ word: String) -> Bool {
        let u = Array(word.unicodeScalars)
        return contains(u, 0..<u.count)
    }
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

    /// Whether `c` is one scalar of the set (a character of several scalars never is).
    @inline(__always)
    func contains(_ c: Character) -> Bool {
        let u = c.unicodeScalars
        return u.count == 1 && contains(u.first!)
    }
}

extension ScalarSet: ExpressibleByArrayLiteral {
    init(arrayLiteral elements: Unicode.Scalar...) { self.init(elements) }
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

extension Array where Element == PlaceMention {
    /// Whether a place starts at `p`.
    func contains(startingAt p: Int) -> Bool {
        let k = firstIndex(startingAtOrAfter: p)
        return k < count && self[k].range.lowerBound == p
    }

    /// The index of the first mention starting at or after `p` (mentions are sorted by start).
    ///
    /// - Complexity: O(log *n*).
    func firstIndex(startingAtOrAfter p: Int) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid].range.lowerBound < p { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The index of the last mention ending at or before `p`, or nil.
    ///
    /// - Complexity: O(log *n*) (mentions do not overlap, so their ends are sorted too).
    func lastIndex(endingAtOrBefore p: Int) -> Int? {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid].range.upperBound <= p { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : lo - 1
    }

    /// The mentions lying wholly inside `r`.
    func within(_ r: Range<Int>) -> ArraySlice<PlaceMention> {
        let a = firstIndex(startingAtOrAfter: r.lowerBound)
        var b = a
        while b < count && self[b].range.lowerBound < r.upperBound { b += 1 }
        return self[a..<b].filter { $0.range.upperBound <= r.upperBound }[...]
    }
}

extension Array where Element == DateMention {
    /// The first date written wholly inside `r` that satisfies `accept` (dates are in text order).
    ///
    /// - Complexity: O(log *n*) plus the dates inside `r`.
    func first(in r: Range<Int>, where accept: (DateMention) -> Bool = { _ in true }) -> DateMention? {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self[mid].mentions[0].lowerBound < r.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var k = lo
        while k < count && self[k].mentions[0].lowerBound < r.upperBound {
            if self[k].mentions[0].upperBound <= r.upperBound && accept(self[k]) { return self[k] }
            k += 1
        }
        return nil
    }
}

/// One bit per text position: marks over a whole document at 1/8 of a `[Bool]`.
struct PositionSet {
    private var words: [UInt64]
    let count: Int

    /// All `count` positions unmarked.
    init(count: Int) {
        self.count = count
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    subscript(i: Int) -> Bool {
        get { words[i >> 6] & (1 << UInt64(i & 63)) != 0 }
        set {
            if newValue { words[i >> 6] |= 1 << UInt64(i & 63) } else { words[i >> 6] &= ~(1 << UInt64(i & 63)) }
        }
    }
}
