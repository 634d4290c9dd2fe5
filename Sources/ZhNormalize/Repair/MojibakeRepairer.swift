#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
/// Repairs classic mojibake inside otherwise clean text: UTF-8 decoded as GBK, Big5,
/// windows-1252 or Latin-1, and GBK or Big5 decoded as Latin-1 (`涓枃` or `ä¸­æ–‡` for `中文`).
///
/// A suspicious run (characters of the Latin-1 and windows-1252 range, or Han characters that
/// are mostly rare) is re-encoded with the codec that would have produced it and decoded with the
/// one that should have been used; the run is replaced only when the result is valid and reads
/// clearly better (a larger share of common characters: GB2312 and Big5 level 1). Bytes a wrong
/// decoder dropped (an unpaired byte became U+FFFD) stay U+FFFD in the result, with a confidence
/// below 1. Clean text is never touched: it has no such run.
public struct MojibakeRepairer: NormalizationStage {
    private let codecs: [String: ICUCodec]

    public init() {
        var c: [String: ICUCodec] = [:]
        for name in ["windows-936-2000", "gb18030", "windows-950-2000", "windows-1252", "ISO-8859-1"] { c[name] = try? ICUCodec(name: name) }
        codecs = c
    }

    public func apply(_ text: String) -> (text: String, offsets: OffsetMap, repairs: [Repair]) {
        var text = text
        text.makeContiguousUTF8()
        // Runs never cross a line break: only the lines the byte scan suspects are looked at,
        // each as scalars from its offset in the text.
        let lines: [(start: Int, scalars: [Unicode.Scalar])] = text.utf8.withContiguousStorageIfAvailable { Self.suspectLines($0) } ?? []
        guard !lines.isEmpty else { return (text, OffsetMap(), []) }
        func shifted(_ spots: [Spot], by offset: Int) -> [Spot] {
            spots.map { ((($0.range.lowerBound + offset)..<($0.range.upperBound + offset)), $0.replacement, $0.confidence, $0.kind, $0.target) }
        }
        var spots = lines.flatMap { shifted(latinSpots($0.scalars, evidence: false, prefer: nil), by: $0.start) }
        // With runs repaired, the text is known to be damaged this way: the decoding most runs
        // needed decides the ambiguous ones, and single characters of the same damage are taken.
        if !spots.isEmpty {
            var votes: [String: Int] = [:]
            for spot in spots { votes[spot.target, default: 0] += spot.replacement.count }
            let prefer = votes.max { $0.value < $1.value }?.key
            spots = lines.flatMap { shifted(latinSpots($0.scalars, evidence: true, prefer: prefer), by: $0.start) }
        }
        for line in lines {
            let s = line.scalars
            var i = 0
            while i < s.count {
                if Self.isHanLike(s[i].value) {
                    var j = i
                    while j < s.count && Self.isHanLike(s[j].value) { j += 1 }
                    let global = (i + line.start)..<(j + line.start)
                    if j - i >= 2, !spots.contains(where: { $0.range.overlaps(global) }), let fix = hanRun(s, i..<j) {
                        spots += shifted([(fix.range, fix.text, fix.confidence, "mojibake", "UTF-8")], by: line.start)
                    }
                    i = j
                } else {
                    i += 1
                }
            }
        }
        spots.sort { $0.range.lowerBound < $1.range.lowerBound }
        guard !spots.isEmpty else { return (text, OffsetMap(), []) }
        let s = Array(text.unicodeScalars)
        var out = ScalarStringBuilder(capacity: text.utf8.count)
        var edits = OffsetMap.Builder()
        var repairs: [Repair] = []
        var last = 0
        var outCount = 0
        for spot in spots {
            out.append(contentsOf: s[last..<spot.range.lowerBound])
            outCount += spot.range.lowerBound - last
            out.append(contentsOf: spot.replacement)
            edits.replace(inStart: spot.range.lowerBound, inEnd: spot.range.upperBound, outStart: outCount, outEnd: outCount + spot.replacement.count)
            outCount += spot.replacement.count
            var original = String.UnicodeScalarView()
            original.append(contentsOf: s[spot.range])
            var replacement = String.UnicodeScalarView()
            replacement.append(contentsOf: spot.replacement)
            repairs.append(Repair(kind: spot.kind, start: spot.range.lowerBound, end: spot.range.upperBound, original: String(original),
                                  replacement: String(replacement), confidence: spot.confidence))
            last = spot.range.upperBound
        }
        out.append(contentsOf: s[last...])
        return (out.string, edits.map, repairs)
    }

    // MARK: - Runs

    typealias Spot = (range: Range<Int>, replacement: [Unicode.Scalar], confidence: Double, kind: String, target: String)

    /// Runs of Latin-1 characters repaired; ASCII 40-7E after one of them can be the trail byte of
    /// a GBK or Big5 character.
    private func latinSpots(_ s: [Unicode.Scalar], evidence: Bool, prefer: String?) -> [Spot] {
        var spots: [Spot] = []
        var i = 0
        while i < s.count {
            guard Self.isLatin(s[i].value) else { i += 1; continue }
            var j = i
            while j < s.count && (Self.isLatin(s[j].value) || (s[j].value >= 0x40 && s[j].value < 0x7F && j > i && s[j - 1].value >= 0x80)) { j += 1 }
            var end = j
            var fixed = false
            while end > i {
                if let fix = latinRun(Array(s[i..<end]), evidence: evidence, prefer: prefer) {
                    spots.append((i..<end, fix.text, fix.confidence, "mojibake", fix.target))
                    fixed = true
                    break
                }
                // Drop an ASCII byte at the end and try again.
                guard s[end - 1].value < 0x80 else { break }
                end -= 1
            }
            if !fixed {
                // UTF-8 read one byte per character keeps ASCII as it was: the pieces between
                // ASCII characters stand alone.
                var a = i
                while a < j {
                    while a < j && s[a].value < 0x80 { a += 1 }
                    var b = a
                    while b < j && s[b].value >= 0x80 { b += 1 }
                    if b > a, let fix = latinRun(Array(s[a..<b]), evidence: evidence, prefer: prefer) {
                        spots.append((a..<b, fix.text, fix.confidence, "mojibake", fix.target))
                    }
                    a = b
                }
            }
            i = j
        }
        return spots
    }

    /// A run of Latin-1 / windows-1252 characters: UTF-8, GBK or Big5 bytes read one byte per
    /// character. With `evidence` (the text has runs of the same kind already repaired), a run
    /// of a single character (沪 as »¦, a no-break space as Â\u{A0}) is repaired too.
    private func latinRun(_ run: [Unicode.Scalar], evidence: Bool = false, prefer: String? = nil)
        -> (text: [Unicode.Scalar], confidence: Double, target: String)? {
        guard run.contains(where: { $0.value >= 0x80 }) else { return nil }
        var best: (text: [Unicode.Scalar], score: Double, target: String)?
        let targets = prefer.map { [$0] } ?? ["UTF-8", "windows-936-2000", "windows-950-2000"]
        for single in ["windows-1252", "ISO-8859-1"] {
            guard let bytes = encode(run, single) else { continue }
            for target in targets {
                // Two Han characters, or one from three bytes of UTF-8: a lone pair of symbols (——
                // is 97 97, 棗 in Big5) proves nothing.
                guard let decoded = decodeStrict(bytes, target), decoded.allSatisfy({ Self.isChineseText($0.value) }) else { continue }
                let han = decoded.filter { Self.isHan($0.value) }.count
                guard han >= 2 || (han == 1 && target == "UTF-8" && run.filter({ $0.value >= 0x80 }).count >= 3)
                        || (evidence && !decoded.isEmpty && decoded.count < run.count) else { continue }
                if han == 0 {
                    // Symbols only (a no-break space, ©): taken with evidence, scored low.
                    if best == nil { best = (decoded, 0.6, target) }
                    continue
                }
                let score = CommonCharacters.shared.share(decoded)
                if score >= 0.6, best == nil || score > best!.score { best = (decoded, score, target) }
            }
        }
        guard let best else { return nil }
        return (best.text, evidence ? 0.9 : 1.0, best.target)
    }

    /// A run of Han characters: the part of it that is mostly rare, with the clean text around it
    /// trimmed off (the trim is tried a character shorter or two, as garbage can begin with a
    /// common character).
    private func hanRun(_ s: [Unicode.Scalar], _ run: Range<Int>) -> (range: Range<Int>, text: [Unicode.Scalar], confidence: Double)? {
        let common = CommonCharacters.shared
        func isClean(_ c: Unicode.Scalar) -> Bool { common.contains(c) || (0x3000...0x303F).contains(c.value) || (0xFF01...0xFF1F).contains(c.value) }
        var left = run.lowerBound
        while left < run.upperBound && isClean(s[left]) { left += 1 }
        var right = run.upperBound
        while right > left && isClean(s[right - 1]) { right -= 1 }
        guard right - left >= 2 else { return nil }
        var best: (range: Range<Int>, text: [Unicode.Scalar], confidence: Double, score: Double)?
        for l in max(run.lowerBound, left - 2)...left {
            for r in right...min(run.upperBound, right + 2) where r - l >= 2 {
                if let fix = hanRun(Array(s[l..<r])), best == nil || fix.score > best!.score {
                    best = (l..<r, fix.text, fix.confidence, fix.score)
                }
            }
        }
        return best.map { ($0.range, $0.text, $0.confidence) }
    }

    /// A run of Han characters: repaired when most of them are rare and reading the bytes again
    /// as UTF-8 gives common characters.
    private func hanRun(_ run: [Unicode.Scalar]) -> (text: [Unicode.Scalar], confidence: Double, score: Double)? {
        let common = CommonCharacters.shared
        // Garbage is often half "common" characters (GBK and Big5 level 1 together cover much);
        // clean text is nearly all common.
        let before = common.share(run)
        guard before < 0.75 else { return nil }
        var best: (text: [Unicode.Scalar], score: Double, lost: Int)?
        for codec in ["windows-936-2000", "gb18030", "windows-950-2000"] {
            // Each character's bytes; U+FFFD stands for bytes the decoder dropped.
            var bytes: [UInt8?] = []
            var ok = true
            for (k, c) in run.enumerated() {
                if c == "\u{FFFD}" || c == "\u{1A}" {
                    // GB18030 pairs any two bytes of UTF-8 but a lead 80: there U+FFFD is that
                    // byte. GBK (CP936) pairs them all too, but leaves some pairs unassigned: two
                    // unknown bytes. Elsewhere one.
                    if k == run.count - 1 {
                        bytes.append(nil)
                    } else if codec == "gb18030" {
                        bytes.append(0x80)
                    } else if codec == "windows-936-2000" {
                        bytes += [nil, nil]
                    } else {
                        bytes.append(nil)
                    }
                    continue
                }
                guard let b = encode([c], codec) else { ok = false; break }
                bytes += b.map { Optional($0) }
            }
            guard ok else { continue }
            let (decoded, lost, valid) = Self.decodeUTF8(bytes)
            guard valid, decoded.contains(where: { Self.isHan($0.value) }) else { continue }
            let score = common.share(decoded.filter { $0 != "\u{FFFD}" })
            if score >= 0.85 && score > before + 0.25, best == nil || score > best!.score { best = (decoded, score, lost) }
        }
        guard let best else { return nil }
        // Ranked by common characters gained, lost ones counting against.
        let good = best.text.filter { $0 != "\u{FFFD}" && (common.contains($0) || $0.value < 0x80) }.count
        return (best.text, best.lost == 0 ? 1.0 : 0.8, Double(good - 3 * best.lost) / Double(max(1, best.text.count)))
    }

    // MARK: - Codecs

    private func encode(_ chars: [Unicode.Scalar], _ codec: String) -> [UInt8]? {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: chars)
        guard let c = codecs[codec], case .done(let b)? = try? c.encode(Array(String(v).utf8), strict: true) else { return nil }
        return b
    }

    private func decodeStrict(_ bytes: [UInt8], _ codec: String) -> [Unicode.Scalar]? {
        if codec == "UTF-8" { return String(validating: bytes, as: UTF8.self).map { Array($0.unicodeScalars) } }
        guard let c = codecs[codec], case .done(let utf8)? = try? c.decode(bytes, strict: true) else { return nil }
        return Array(String(decoding: utf8, as: UTF8.self).unicodeScalars)
    }

    /// UTF-8 with unknown bytes: a sequence touching an unknown byte is one U+FFFD. Valid when at
    /// most a tenth of the sequences are broken.
    static func decodeUTF8(_ bytes: [UInt8?]) -> ([Unicode.Scalar], Int, Bool) {
        var out: [Unicode.Scalar] = []
        var lost = 0
        var broken = 0
        var i = 0
        while i < bytes.count {
            guard let b0 = bytes[i] else {
                // Unknown bytes: skip them and the continuation bytes after them; one character
                // is lost (not one per byte).
                i += 1
                while i < bytes.count, bytes[i] == nil || bytes[i]! & 0xC0 == 0x80 { i += 1 }
                out.append("\u{FFFD}")
                lost += 1
                continue
            }
            let len = b0 < 0x80 ? 1 : b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 ? 2 : 0
            guard len > 0, i + len <= bytes.count else {
                out.append("\u{FFFD}")
                broken += 1
                i += 1
                continue
            }
            var seq: [UInt8] = []
            var unknown = false
            for k in 0..<len {
                if let b = bytes[i + k] { seq.append(b) } else { unknown = true }
            }
            if unknown {
                out.append("\u{FFFD}")
                lost += 1
                i += len
                continue
            }
            if let s = String(validating: seq, as: UTF8.self), let c = s.unicodeScalars.first {
                out.append(c)
            } else {
                out.append("\u{FFFD}")
                broken += 1
            }
            i += len
        }
        let sequences = max(1, out.count)
        return (out, lost + broken, broken * 10 <= sequences && out.count > 0)
    }

    // MARK: - Classes of characters

    static func isHan(_ v: UInt32) -> Bool { (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) }

    /// Characters a legacy decoder makes of UTF-8: Han, CJK symbols, full-width forms, U+FFFD.
    /// Everything a double-byte decoder makes: Greek and Cyrillic, symbols, kana and bopomofo,
    /// Han, private use, full-width forms, U+FFFD; not ASCII nor Latin-1.
    static func isHanLike(_ v: UInt32) -> Bool {
        (v >= 0x0370 && !(v >= 0x2000 && v <= 0x200F) && v != 0xFEFF) || v == 0x1A
    }

    /// What a repair may produce: ASCII, Han, CJK and general punctuation, full-width forms (no
    /// private-use characters, no C1 controls, no Latin letters).
    static func isChineseText(_ v: UInt32) -> Bool {
        v < 0x80 || isHan(v) || (v >= 0x3000 && v <= 0x303F) || (v >= 0xFF00 && v <= 0xFFEF) || (v >= 0x2010 && v <= 0x205E)
            || (v >= 0xA0 && v <= 0xBF) || v == 0xD7 || v == 0xF7
    }

    /// Latin-1 and windows-1252 characters above ASCII (what single-byte decoders make of
    /// multi-byte text).
    static func isLatin(_ v: UInt32) -> Bool {
        (v >= 0x80 && v <= 0xFF) || v == 0x152 || v == 0x153 || v == 0x160 || v == 0x161 || v == 0x178 || v == 0x17D || v == 0x17E
            || v == 0x192 || v == 0x2C6 || v == 0x2DC || (v >= 0x2013 && v <= 0x2122)
    }

    /// The lines worth a closer look (see ``maySuspect(_:_:)``), with the code point offset of
    /// each in the text.
    static func suspectLines(_ p: UnsafeBufferPointer<UInt8>) -> [(start: Int, scalars: [Unicode.Scalar])] {
        var out: [(start: Int, scalars: [Unicode.Scalar])] = []
        let common = CommonCharacters.shared
        var lineStart = 0
        // Code points are counted only up to a suspect line, from where the last count stopped:
        // clean text is not counted at all.
        var counted = 0, scalarOffset = 0
        let n = p.count
        guard let base = p.baseAddress else { return out }
        while lineStart < n {
            let lineEnd = memchr(base + lineStart, 0x0A, n - lineStart).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? n
            let line = UnsafeBufferPointer(rebasing: p[lineStart..<lineEnd])
            if maySuspect(line, common) {
                scalarOffset += UnicodeCleanup.scalarCount(p, counted..<lineStart)
                counted = lineStart
                out.append((scalarOffset, Array(String(decoding: line, as: UTF8.self).unicodeScalars)))
            }
            lineStart = lineEnd + 1
        }
        return out
    }

    /// Whether the text has a run worth a closer look: two Latin-1 characters in a row, or a
    /// stretch of Han characters (between other characters) mostly rare. Decided in one pass
    /// over the bytes, so clean text costs little.
    static func maySuspect(_ p: UnsafeBufferPointer<UInt8>, _ common: CommonCharacters) -> Bool {
        common.bits.withUnsafeBufferPointer { bits in
            var i = 0
            var latin = 0
            var han = 0, rare = 0, run = 0
            let n = p.count
            while i < n {
                let b = p[i]
                if b < 0x80 {
                    if han >= 2 && rare * 2 > han { return true }
                    han = 0; rare = 0; run = 0
                    // ASCII 40-7E after a Latin-1 character can be a GBK or Big5 trail byte.
                    if !(b >= 0x40 && b < 0x7F) { latin = 0 }
                    i += 1
                    continue
                }
                // Three-byte characters (Han, CJK punctuation) decoded in place.
                if b >= 0xE0 && b < 0xF0 && i + 2 < n {
                    let v = (UInt32(b & 0x0F) << 12) | (UInt32(p[i + 1] & 0x3F) << 6) | UInt32(p[i + 2] & 0x3F)
                    i += 3
                    latin = 0
                    if v >= 0x3400 && v <= 0x9FFF {
                        han += 1
                        if bits[Int(v >> 6)] & (1 << UInt64(v & 63)) == 0 {
                            rare += 1
                            run += 1
                            if run >= 2 { return true }
                        } else {
                            run = 0
                        }
                    } else if !isHanLike(v) {
                        if han >= 2 && rare * 2 > han { return true }
                        han = 0; rare = 0; run = 0
                    }
                    continue
                }
                let v = decodeScalar(p, &i)
                if v <= 0xFF || isLatin(v) {
                    latin += 1
                    if latin >= 2 && v <= 0xFF { return true }
                } else {
                    latin = 0
                }
                if !isHanLike(v) {
                    if han >= 2 && rare * 2 > han { return true }
                    han = 0; rare = 0; run = 0
                }
            }
            return han >= 2 && rare * 2 > han
        }
    }
}

/// Which characters are common: GB2312 level 1 (GBK lead bytes B0-D7) or Big5 level 1 (lead
/// bytes A4-C6), read off ICU's converters once per process.
final class CommonCharacters: Sendable {
    static let shared = CommonCharacters()
    let bits: [UInt64]

    private init() {
        var bits = [UInt64](repeating: 0, count: 1024)
        let gbk = try? ICUCodec(name: "windows-936-2000")
        let big5 = try? ICUCodec(name: "windows-950-2000")
        // Decode every level-1 code of both tables: two converter calls in all.
        for (codec, leads) in [(gbk, UInt8(0xB0)...UInt8(0xD7)), (big5, UInt8(0xA4)...UInt8(0xC6))] {
            guard let codec else { continue }
            var bytes: [UInt8] = []
            for a in leads {
                for b in UInt8(0x40)...UInt8(0xFE) where b != 0x7F {
                    if codec === gbk && b < 0xA1 { continue }
                    bytes += [a, b, 0x0A]
                }
            }
            guard case .done(let utf8)? = try? codec.decode(bytes, strict: false) else { continue }
            for c in String(decoding: utf8, as: UTF8.self).unicodeScalars where c.value < 0x10000 && c.value >= 0x3400 && c != "\u{FFFD}" {
                bits[Int(c.value >> 6)] |= 1 << UInt64(c.value & 63)
            }
        }
        self.bits = bits
    }

    func contains(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x10000 && bits[Int(c.value >> 6)] & (1 << UInt64(c.value & 63)) != 0
    }

    /// The share of Han characters among `chars` that are common (CJK punctuation counts as common).
    func share<S: Sequence>(_ chars: S) -> Double where S.Element == Unicode.Scalar {
        var han = 0, common = 0
        for c in chars {
            if (0x3000...0x303F).contains(c.value) || (0xFF01...0xFF1F).contains(c.value) { han += 1; common += 1; continue }
            guard MojibakeRepairer.isHan(c.value) else { continue }
            han += 1
            if contains(c) { common += 1 }
        }
        return han == 0 ? 0 : Double(common) / Double(han)
    }
}
