#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
/// Removes pinyin that a ruby widget left inline after Han characters: `關(guān)閉` → `關閉`.
///
/// `(syllable)` goes only when it follows a Han character and the syllable is a reading of it:
/// ICU's Han-Latin reading of the character (tones ignored, for characters with several
/// readings), or else a well-formed toned pinyin syllable (confidence 0.9). Text such as `(注)`,
/// `(2023)`, `(一)` or Latin words in parentheses stays.
public struct PinyinAnnotationRemover: NormalizationStage {
    private let readings: ICUTransliterator?

    public init() {
        readings = try? ICUTransliterator(id: "Han-Latin")
    }

    public func apply(_ text: String) -> (text: String, offsets: OffsetMap, repairs: [Repair]) {
        var text = text
        text.makeContiguousUTF8()
        // Most text has no annotation at all: say so from the bytes, without decoding.
        if text.utf8.withContiguousStorageIfAvailable({ Self.mayHaveAnnotation($0) }) == false { return (text, OffsetMap(), []) }
        let scalars = Array(text.unicodeScalars)
        // Candidates: Han character, '(', 1-7 pinyin letters, ')'.
        var candidates: [(at: Int, end: Int, syllable: String)] = []
        var i = 1
        while i < scalars.count {
            if scalars[i] == "(", Self.isHan(scalars[i - 1].value) {
                var j = i + 1
                while j < scalars.count, j - i <= 8, Self.isPinyinLetter(scalars[j]) { j += 1 }
                if j < scalars.count, scalars[j] == ")", j > i + 1 {
                    var v = String.UnicodeScalarView()
                    v.append(contentsOf: scalars[(i + 1)..<j])
                    candidates.append((i - 1, j + 1, String(v)))
                    i = j + 1
                    continue
                }
            }
            i += 1
        }
        guard !candidates.isEmpty else { return (text, OffsetMap(), []) }
        // One ICU call for all readings: each distinct character once, separated by newlines.
        var distinct: [Unicode.Scalar: Int] = [:]
        var joined = String.UnicodeScalarView()
        for c in candidates where distinct[scalars[c.at]] == nil {
            distinct[scalars[c.at]] = distinct.count
            joined.append(scalars[c.at])
            joined.append("\n")
        }
        let readingLines = (try? readings?.transliterate(String(joined)))??
            .split(separator: "\n", omittingEmptySubsequences: false).map { Self.toneless($0.trimmingCharacters()) } ?? []
        var out = ScalarStringBuilder(capacity: text.utf8.count)
        var edits = OffsetMap.Builder()
        var repairs: [Repair] = []
        var last = 0
        var outCount = 0
        for c in candidates {
            let base = Self.toneless(c.syllable)
            let index = distinct[scalars[c.at]]!
            let reading = index < readingLines.count ? readingLines[index] : ""
            let confidence: Double
            if !reading.isEmpty && reading == base {
                confidence = 1
            } else if Self.isToned(c.syllable) && Self.isSyllable(base) {
                confidence = 0.9
            } else {
                continue
            }
            out.append(contentsOf: scalars[last...c.at])
            outCount += c.at + 1 - last
            edits.replace(inStart: c.at + 1, inEnd: c.end, outStart: outCount, outEnd: outCount)
            var original = String.UnicodeScalarView()
            original.append(contentsOf: scalars[c.at..<c.end])
            repairs.append(Repair(kind: "pinyin_annotation", start: c.at, end: c.end, original: String(original),
                                  replacement: String(scalars[c.at]), confidence: confidence))
            last = c.end
        }
        out.append(contentsOf: scalars[last...])
        return (out.string, edits.map, repairs)
    }

    /// Whether some `(` follows a Han character and precedes a letter: the only places an
    /// annotation can be.
    static func mayHaveAnnotation(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = p.baseAddress else { return false }
        var i = 1
        let n = p.count
        while i + 1 < n {
            // From one `(` to the next (memchr: clean text costs next to nothing).
            guard let hit = memchr(base + i, 0x28, n - 1 - i) else { return false }
            i = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            // A letter: a-z, or a toned vowel (C3-C7 lead bytes in UTF-8; ḿ is E1 B8 BF).
            let c = p[i + 1]
            if (c >= 0x61 && c <= 0x7A) || (c >= 0xC3 && c <= 0xC7) || (c == 0xE1 && i + 2 < n && p[i + 2] == 0xB8) {
                var k = i - 1
                while k > 0 && i - k < 4 && p[k] & 0xC0 == 0x80 { k -= 1 }
                var j = k
                if isHan(decodeScalar(p, &j)) { return true }
            }
            i += 1
        }
        return false
    }

    static func isHan(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x20000 && v <= 0x3134F) || (v >= 0xF900 && v <= 0xFAFF)
    }

    private static let toned: [Character: Character] = {
        var m: [Character: Character] = [:]
        for (plain, marks) in [("a", "āáǎà"), ("e", "ēéěè"), ("i", "īíǐì"), ("o", "ōóǒò"), ("u", "ūúǔù"), ("ü", "ǖǘǚǜ"),
                               ("n", "ńňǹ"), ("m", "ḿ")] {
            for c in marks { m[c] = Character(plain) }
        }
        return m
    }()

    static func isPinyinLetter(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x61 && s.value <= 0x7A) || s == "ü" || toned[Character(s)] != nil
    }

    /// The tone of a syllable written with marks (1-4), or 0 without one.
    static func tone(of s: String) -> Int {
        for c in s.lowercased() {
            for (k, marks) in ["āēīōūǖ", "áéíóúǘńḿ", "ǎěǐǒǔǚň", "àèìòùǜǹ"].enumerated() where marks.contains(c) { return k + 1 }
        }
        return 0
    }

    static func isToned(_ s: String) -> Bool { s.contains { toned[$0] != nil && $0 != "ü" } }

    /// Tone marks removed, ü as v.
    static func toneless(_ s: String) -> String {
        String(s.lowercased().map { c -> Character in
            let plain = toned[c] ?? c
            return plain == "ü" ? "v" : plain
        })
    }

    private static let initials = ["zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w", ""]
    private static let finals: Set<String> = ["a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er", "i", "ia", "ie", "iao",
                                              "iu", "ian", "in", "iang", "ing", "iong", "u", "ua", "uo", "uai", "ui", "uan", "un", "uang",
                                              "v", "ve", "ue", "van", "vn", "n", "ng", "m"]

    /// Whether a toneless string has the shape initial + final of a pinyin syllable.
    static func isSyllable(_ s: String) -> Bool {
        for i in initials where s.hasPrefix(i) {
            if finals.contains(String(s.dropFirst(i.count))) { return true }
        }
        return false
    }
}

extension String {
    func trimmingCharacters() -> String { Substring(self).trimmingCharacters() }
}

extension Substring {
    func trimmingCharacters() -> String {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
