/// Unicode clean-up of scraped text, in one pass over the bytes:
/// full-width ASCII letters, digits and symbols become half-width (CJK punctuation such as
/// ，。、「」《》 and full-width ，：；？（） stays); ideographic, no-break and other spaces become a
/// plain space; zero-width characters, BOMs and control characters (but tab and line feed) are
/// removed; CR LF and lone CR become LF; an ASCII comma, colon, semicolon, question mark or
/// parenthesis between two CJK characters becomes its full-width form.
public struct UnicodeCleanup: NormalizationStage {
    public init() {}

    public func apply(_ text: String) -> (text: String, offsets: OffsetMap, repairs: [Repair]) {
        var text = text
        text.makeContiguousUTF8()
        let r = text.utf8.withContiguousStorageIfAvailable { clean($0) }!
        return (r.bytes.map { String(decoding: $0, as: UTF8.self) } ?? text, r.offsets, r.repairs)
    }

    @inline(__always)
    static func isCJK(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x20000 && v <= 0x3134F)
            || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x3000 && v <= 0x303F) || (v >= 0xFF01 && v <= 0xFF0F && v != 0xFF0E)
            || v == 0xFF1A || v == 0xFF1B || v == 0xFF1F || v == 0x201C || v == 0x201D
    }

    /// ASCII bytes that can need clean-up: controls (but tab and line feed), DEL, and , : ; ? ( ).
    static let asciiMayChange: [Bool] = (0..<128).map { b in
        (b < 0x20 && b != 0x09 && b != 0x0A) || b == 0x7F || [0x2C, 0x3A, 0x3B, 0x3F, 0x28, 0x29].contains(b)
    }

    /// Whether the code point can need clean-up (everything else is copied as it is).
    @inline(__always)
    private static func mayChange(_ v: UInt32) -> Bool {
        switch v {
        case 0x09, 0x0A: return false
        case 0x00..<0x20, 0x2C, 0x3A, 0x3B, 0x3F, 0x28, 0x29, 0x7F, 0x80...0xA0, 0xAD: return true
        case 0x2000...0x2060, 0x3000, 0xFEFF, 0xFF01...0xFF5E: return true
        default: return false
        }
    }

    /// The number of code points in valid UTF-8.
    @inline(__always)
    static func scalarCount(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int {
        var k = 0
        for i in r where p[i] & 0xC0 != 0x80 { k += 1 }
        return k
    }

    /// The clean text as UTF-8 (nil when it equals the input), the map and the repairs. Unchanged
    /// runs are copied in one piece when the next change comes, and counted only then.
    func clean(_ input: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8]?, offsets: OffsetMap, repairs: [Repair]) {
        let n = input.count
        var out: [UInt8] = []
        var edits = OffsetMap.Builder()
        var repairs: [Repair] = []
        var i = 0
        var copied = 0      // input bytes before this are in `out` (or were replaced)
        var inChar = 0      // code points of input[..<copied]
        var outChar = 0     // code points of out
        func put(_ v: UInt32) {
            if v < 0x80 { out.append(UInt8(v)); return }
            let s = Unicode.Scalar(v) ?? "\u{FFFD}"
            for b in String(s).utf8 { out.append(b) }
        }
        // The last code point written so far: the input's character before `i` when it is still
        // to be copied, else the last one in `out`.
        func previous() -> UInt32 {
            if copied < i || out.isEmpty {
                guard i > 0 else { return 0 }
                var k = i - 1
                while k > 0 && input[k] & 0xC0 == 0x80 { k -= 1 }
                return decodeScalar(input, &k)
            }
            var k = out.count - 1
            while k > 0 && out[k] & 0xC0 == 0x80 { k -= 1 }
            return out.withUnsafeBufferPointer { o in decodeScalar(o, &k) }
        }
        while i < n {
            // Fast path: characters that never change, not copied yet. Three-byte characters
            // with lead bytes E3-EE (CJK) never change but U+3000 (E3 80 80).
            let b = input[i]
            if b < 0x80 {
                if !Self.asciiMayChange[Int(b)] { i += 1; continue }
            } else if b >= 0xE3 && b <= 0xEE && i + 2 < n {
                if b != 0xE3 || input[i + 1] != 0x80 || input[i + 2] != 0x80 { i += 3; continue }
            }
            var j = i
            let v: UInt32 = b < 0x80 ? UInt32(b) : decodeScalar(input, &j)
            if b < 0x80 { j += 1 }
            guard Self.mayChange(v) else {
                i = j
                continue
            }
            var emit: UInt32? = v
            var consumed = 1
            var control = false
            switch v {
            case 0x0D:
                emit = 0x0A
                if j < n && input[j] == 0x0A { j += 1; consumed = 2 }
            case 0x00..<0x20, 0x7F, 0x80..<0xA0:
                emit = nil
                control = true
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
                emit = nil
            case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                emit = 0x20
            case 0xFF01...0xFF5E:
                // Full-width ASCII: letters, digits and symbols to half-width; CJK-style
                // punctuation (，：；？（）！) stays full-width.
                let half = v - 0xFEE0
                switch half {
                case 0x2C, 0x3A, 0x3B, 0x3F, 0x28, 0x29, 0x21: break
                default: emit = half
                }
            case 0x2C, 0x3A, 0x3B, 0x3F, 0x28, 0x29:
                // Between two CJK characters (looking at the next one), the full-width form.
                var k = j
                let next = k < n ? decodeScalar(input, &k) : 0
                if Self.isCJK(next) && Self.isCJK(previous()) { emit = v + 0xFEE0 }
            default: break
            }
            if let e = emit, e == v, consumed == 1 {
                // Unchanged after all: it stays in the run still to copy.
                i = j
                continue
            }
            // A change: copy the unchanged run before it, then write the change.
            if out.isEmpty { out.reserveCapacity(n) }
            if copied < i {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied..<i]))
                let k = Self.scalarCount(input, copied..<i)
                inChar += k
                outChar += k
            }
            let start = inChar
            inChar += consumed
            if control {
                repairs.append(Repair(kind: "control", start: start, end: start + 1, original: String(Unicode.Scalar(v)!),
                                      replacement: "", confidence: 1))
            }
            if let e = emit {
                put(e)
                edits.replace(inStart: start, inEnd: start + consumed, outStart: outChar, outEnd: outChar + 1)
                outChar += 1
            } else {
                edits.replace(inStart: start, inEnd: start + consumed, outStart: outChar, outEnd: outChar)
            }
            i = j
            copied = j
        }
        if copied == 0 { return (nil, edits.map, repairs) }
        if copied < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: input[copied..<n])) }
        return (out, edits.map, repairs)
    }
}
