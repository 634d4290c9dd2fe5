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
        return text.utf8.withContiguousStorageIfAvailable { clean($0) }!
    }

    @inline(__always)
    static func isCJK(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x20000 && v <= 0x3134F)
            || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x3000 && v <= 0x303F) || (v >= 0xFF01 && v <= 0xFF0F && v != 0xFF0E)
            || v == 0xFF1A || v == 0xFF1B || v == 0xFF1F || v == 0x201C || v == 0x201D
    }

    private func clean(_ input: UnsafeBufferPointer<UInt8>) -> (text: String, offsets: OffsetMap, repairs: [Repair]) {
        let n = input.count
        var out: [UInt8] = []
        out.reserveCapacity(n)
        var edits = OffsetMap.Builder()
        var repairs: [Repair] = []
        var i = 0
        var inChar = 0
        var outChar = 0
        var previous: UInt32 = 0   // last code point written
        func put(_ v: UInt32) {
            var v = v
            if v < 0x80 { out.append(UInt8(v)); return }
            let s = Unicode.Scalar(v) ?? "\u{FFFD}"
            v = s.value
            for b in String(s).utf8 { out.append(b) }
        }
        while i < n {
            let b = input[i]
            if b >= 0x20 && b < 0x7F && b != 0x2C && b != 0x3A && b != 0x3B && b != 0x3F && b != 0x28 && b != 0x29 {
                // Plain ASCII: copy the run.
                var j = i + 1
                while j < n, input[j] >= 0x20, input[j] < 0x7F, input[j] != 0x2C, input[j] != 0x3A, input[j] != 0x3B,
                      input[j] != 0x3F, input[j] != 0x28, input[j] != 0x29 { j += 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: input[i..<j]))
                inChar += j - i
                outChar += j - i
                previous = UInt32(input[j - 1])
                i = j
                continue
            }
            // Decode one code point (input is valid UTF-8).
            var j = i
            let v = decodeScalar(input, &j)
            let start = inChar
            inChar += 1
            var emit: UInt32? = v
            var consumed = 1
            switch v {
            case 0x0D:
                emit = 0x0A
                if j < n && input[j] == 0x0A { j += 1; inChar += 1; consumed = 2 }
            case 0x09, 0x0A: break
            case 0x00..<0x20, 0x7F, 0x80..<0xA0:
                emit = nil
                repairs.append(Repair(kind: "control", start: start, end: start + 1, original: String(Unicode.Scalar(v)!),
                                      replacement: "", confidence: 1))
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
                emit = nil
            case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                emit = 0x20
            case 0xFF01...0xFF5E:
                // Full-width ASCII: letters, digits and symbols to half-width; CJK-style
                // punctuation (，：；？（）！) stays full-width.
                let half = v - 0xFEE0
                let keep: Set<UInt32> = [0x2C, 0x3A, 0x3B, 0x3F, 0x28, 0x29, 0x21]
                if !keep.contains(half) { emit = half }
            case 0x2C, 0x3A, 0x3B, 0x3F, 0x28, 0x29:
                // Between two CJK characters (looking at the next one), the full-width form.
                var k = j
                let next = k < n ? decodeScalar(input, &k) : 0
                if Self.isCJK(previous) && Self.isCJK(next) && !(v == 0x28 && false) {
                    emit = v + 0xFEE0
                }
            default: break
            }
            if let e = emit, e == v, consumed == 1 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: input[i..<j]))
                previous = e
                outChar += 1
            } else if let e = emit {
                put(e)
                previous = e
                edits.replace(inStart: start, inEnd: start + consumed, outStart: outChar, outEnd: outChar + 1)
                outChar += 1
            } else {
                edits.replace(inStart: start, inEnd: start + consumed, outStart: outChar, outEnd: outChar)
            }
            i = j
        }
        return (String(decoding: out, as: UTF8.self), edits.map, repairs)
    }

}
