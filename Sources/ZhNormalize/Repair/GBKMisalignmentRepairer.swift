#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
/// Repairs text that went through GBK one byte off: a byte was lost or replaced, the decoder
/// paired the following bytes wrongly (garbage characters) until an ASCII byte brought it back in
/// step, and an invalid pair became a literal `?`.
///
/// Two shapes are recognized, both starting at a `?` right after a Han character:
///
/// - **`?` + pinyin + `)`** (`接?xùn)|西部`): a ruby widget annotated a garbage character, and the
///   `(` of its annotation was swallowed with the byte the `?` stands for. The garbage character
///   was the previous character's last byte followed by the lost byte, and the annotation is its
///   reading: the GBK characters with that byte first and that reading give the lost byte (訓 =
///   D3 96, so the byte is 96). The garbage after the annotation is re-encoded to GBK, the lost
///   byte put in front, and the bytes paired again up to the ASCII byte that ends the run:
///   96 7C = 東.
/// - **`?` + garbage + `?` or an annotation confirming the realignment** (`楊?。?`,
///   `責任?,F(xiàn)`): the `?` stands for the lost lead byte itself; the garbage re-encoded and
///   shifted by that unknown byte gives the following characters, the first of which is then
///   one of the characters with that trail byte. This shape is repaired only in documents that
///   show other damage of the kind (annotations, the first shape), so that a question mark in
///   clean text is never touched.
///
/// Bytes that cannot be known become U+FFFD with the likely characters listed in the repair and a
/// confidence below 1; a choice made from several candidates says so in its confidence.
public struct GBKMisalignmentRepairer: NormalizationStage {
    private let gbk: ICUCodec?
    private let readings: ICUTransliterator?

    public init() {
        gbk = try? ICUCodec(name: "windows-936-2000")
        readings = try? ICUTransliterator(id: "Han-Latin")
    }

    /// One repaired run: scalar range, replacement, confidence and candidates for unknown bytes.
    struct Spot {
        var range: Range<Int>
        var replacement: [Unicode.Scalar]
        var confidence: Double
        var candidates: [String]
    }

    public func apply(_ text: String) -> (text: String, offsets: OffsetMap, repairs: [Repair]) {
        // Nothing to do without a literal question mark: decided on the bytes.
        var text = text
        text.makeContiguousUTF8()
        guard gbk != nil, readings != nil, text.utf8.withContiguousStorageIfAvailable({ Self.mayHaveRun($0) }) != false else {
            return (text, OffsetMap(), [])
        }
        let s = Array(text.unicodeScalars)
        // The text's script, judged once and only when a run needs it.
        var script: Bool?
        let traditional = { () -> Bool in
            if let script { return script }
            let t = CharacterModel.shared.isTraditional(s)
            script = t
            return t
        }
        // The model weighs a bounded number of runs; then the plain realignment takes over (a page
        // damaged throughout stays fast).
        var modelBudget = Self.modelRunsPerText + s.count / 2000
        var spots: [Spot] = []
        var q = 1
        while q < s.count {
            if s[q] == "?", Self.isHan(s[q - 1].value), let spot = annotated(s, at: q, traditional: traditional, budget: &modelBudget) {
                spots.append(spot)
                q = spot.range.upperBound
            } else {
                q += 1
            }
        }
        // The second shape only where the text shows damage of this kind elsewhere.
        if !spots.isEmpty || Self.hasRubyAnnotations(s) {
            var q = 1
            var extra: [Spot] = []
            while q < s.count {
                if s[q] == "?", Self.isHan(s[q - 1].value), !spots.contains(where: { $0.range.contains(q) }),
                   let spot = bare(s, at: q, traditional: traditional, budget: &modelBudget) {
                    extra.append(spot)
                    q = spot.range.upperBound
                } else {
                    q += 1
                }
            }
            // A bare run can reach into an annotated one after it: the earlier run is kept.
            var kept: [Spot] = []
            for spot in (spots + extra).sorted(by: { $0.range.lowerBound < $1.range.lowerBound })
            where kept.last.map({ $0.range.upperBound <= spot.range.lowerBound }) ?? true {
                kept.append(spot)
            }
            spots = kept
        }
        guard !spots.isEmpty else { return (text, OffsetMap(), []) }
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
            repairs.append(Repair(kind: "gbk_misalignment", start: spot.range.lowerBound, end: spot.range.upperBound,
                                  original: String(original), replacement: String(replacement), confidence: spot.confidence,
                                  candidates: spot.candidates))
            last = spot.range.upperBound
        }
        out.append(contentsOf: s[last...])
        return (out.string, edits.map, repairs)
    }

    // MARK: - The two shapes

    /// `?` + pinyin + `)` at `q`, and the garbage after it.
    private func annotated(_ s: [Unicode.Scalar], at q: Int, traditional: () -> Bool, budget: inout Int) -> Spot? {
        guard let (syllable, close) = Self.annotation(s, from: q + 1),
              let previous = bytes(of: s[q - 1]), previous.count == 2 else { return nil }
        // The lost byte: after the previous character's last byte, a character with this reading.
        let options = lostBytes(after: previous[1], reading: syllable)
        guard !options.isEmpty else { return nil }
        // The garbage after the annotation, up to the byte that ends the run.
        let (garbage, end, terminator) = Self.garbage(s, from: close + 1)
        guard let garbageBytes = bytes(of: garbage) else { return nil }
        // Each candidate byte gives a realignment; the most plausible wins.
        var best: (chars: [Unicode.Scalar], unknown: Int, score: Int, byte: UInt8)?
        for b in options {
            let (realigned, _) = realign([b] + garbageBytes + (terminator.map { [UInt8($0.value)] } ?? []))
            // A character that is not common is no better than an unknown one.
            let chars: [Unicode.Scalar] = realigned.map { isCommon($0) ? $0 : "\u{FFFD}" }
            let score = chars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? -1 : 2) }
            let unknown = chars.filter { $0 == "\u{FFFD}" }.count
            if best == nil || score > best!.score { best = (chars, unknown, score, b) }
        }
        guard let best, best.score > 0 else { return nil }
        // The model's reading, with deleted pairs and the unknown bytes weighed.
        let next = terminator == nil && end < s.count && s[end] == "?" ? Self.annotation(s, from: end + 1) : nil
        let chunks = garbage.map { bytes(of: $0) ?? [] }
        if chunks.allSatisfy({ $0.count == 2 }), chunks.count <= 8, budget > 0 {
            budget -= 1
            let upper = next.map { $0.1 + 1 } ?? end + (terminator == nil ? 0 : 1)
            let run = Run(first: options, chunks: chunks,
                          end: terminator.map { .ascii(UInt8($0.value)) } ?? .swallowed(reading: next?.0),
                          before: s[q - 1], after: upper < s.count ? s[upper] : nil)
            if let r = realignWithModel(run, traditional: traditional()), r.chars.contains(where: { $0 != "\u{FFFD}" }) {
                return Spot(range: q..<upper, replacement: r.chars, confidence: min(0.95, r.confidence), candidates: r.candidates)
            }
        }
        let tied = options.count > 1
        var confidence = best.unknown > 0 ? 0.5 : tied ? 0.8 : 1.0
        var upper = end + (terminator == nil ? 0 : 1)
        var replacement = best.chars
        var candidates: [String] = []
        // A run that stops at another `?` + annotation whose garbage is gone: one more character,
        // known only by its reading (潛力優勢 written 潛?jié)摿?yōu)勢).
        if terminator == nil, end < s.count, s[end] == "?", let (syllable, close) = Self.annotation(s, from: end + 1) {
            replacement.append("\u{FFFD}")
            candidates = Array(characters(reading: syllable).prefix(12).map { String($0) })
            confidence = min(confidence, 0.3)
            upper = close + 1
        }
        return Spot(range: q..<upper, replacement: replacement, confidence: confidence, candidates: candidates)
    }

    /// `?` + garbage + `?` (or a confirming annotation) at `q`: the `?` is the lost lead byte.
    private func bare(_ s: [Unicode.Scalar], at q: Int, traditional: () -> Bool, budget: inout Int) -> Spot? {
        let (garbage, end, terminator) = Self.garbage(s, from: q + 1)
        guard !garbage.isEmpty, garbage.count <= 8, let garbageBytes = bytes(of: garbage) else { return nil }
        // The run ends at a second `?` (an unknown byte) or at an ASCII byte.
        var stream: [UInt8?] = [nil] + garbageBytes.map { Optional($0) }
        let closedByQuestion = end < s.count && s[end] == "?"
        if closedByQuestion { stream.append(nil) } else if let t = terminator { stream.append(UInt8(t.value)) }
        guard stream.count % 2 == 0 else { return nil }
        var chars: [Unicode.Scalar] = []
        var candidates: [String] = []
        var confidence = 1.0
        var modelGain: Double?
        let upper = closedByQuestion ? end + 1 : end + (terminator == nil ? 0 : 1)
        let chunks = garbage.map { bytes(of: $0) ?? [] }
        let surname = Self.surnameSet.contains(s[q - 1])
        let useModel = chunks.allSatisfy({ $0.count == 2 }) && budget > 0
        if useModel { budget -= 1 }
        if useModel,
           let r = realignWithModel(Run(first: Self.leadBytes, chunks: chunks,
                                        end: closedByQuestion ? .swallowed(reading: nil) : .ascii(UInt8(terminator!.value)),
                                        before: s[q - 1], after: upper < s.count ? s[upper] : nil),
                                    traditional: traditional()) {
            chars = r.chars
            candidates = r.candidates
            confidence = min(Self.bareConfidenceCap, r.confidence)
            let after = upper < s.count ? s[upper] : nil
            modelGain = r.logScore - modelScore(Array(s[q..<upper]), before: s[q - 1], after: after)
            // After a surname, a given-name character when it is the only one among the first
            // character's options; given-name characters first among the candidates.
            if r.unsure[0], surname, let second = stream[1] {
                let options = characters(trail: second)
                if let pick = pickAfterSurname(options, previous: s[q - 1]) { chars[0] = pick; confidence = min(confidence, 0.5) }
                let names = options.filter { Self.givenNameSet.contains($0) }.map { String($0) }
                candidates = names + candidates.filter { !names.contains($0) }
            }
            // A lost trail byte at the end: the closing bracket when one is open on the line.
            if closedByQuestion, let lead = stream[stream.count - 2], Self.openBracket(s, before: q),
               characters(lead: lead).contains("）"), chars.last != "）" {
                chars[chars.count - 1] = "）"
                confidence = min(confidence, 0.7)
            }
        } else {
            var k = 0
            while k < stream.count {
            switch (stream[k], stream[k + 1]) {
            case let (a?, b?):
                guard let c = decodePair(a, b) else { return nil }
                chars.append(c)
            case let (nil, b?):
                // A lost lead byte: one of the characters with this trail byte.
                var options = characters(trail: b)
                let pick = pickAfterSurname(options, previous: s[q - 1])
                if Self.surnameSet.contains(s[q - 1]) {
                    options = options.filter { Self.givenNameSet.contains($0) } + options.filter { !Self.givenNameSet.contains($0) }
                }
                candidates += options.prefix(12).map { String($0) }.filter { !candidates.contains($0) }
                chars.append(pick ?? "\u{FFFD}")
                confidence = min(confidence, pick == nil ? 0.3 : 0.5)
            case let (a?, nil):
                // A lost trail byte at the end: the closing bracket when one is open on the line.
                let options = characters(lead: a)
                if let close = options.first(where: { $0 == "）" }), Self.openBracket(s, before: q) {
                    chars.append(close)
                    confidence = min(confidence, 0.7)
                } else {
                    chars.append("\u{FFFD}")
                    confidence = min(confidence, 0.3)
                }
                candidates += options.prefix(12).map { String($0) }
            case (nil, nil):
                return nil
            }
            k += 2
            }
        }
        // Accept only a realignment that reads better than the garbage it replaces, or one that an
        // annotation right after it confirms.
        let before = garbage.reduce(0) { $0 + (isCommon($1) ? 1 : 0) }
        let after = chars.reduce(0) { $0 + (isCommon($1) ? 1 : 0) }
        let confirmed = confirms(s, at: end + (terminator == nil || closedByQuestion ? 0 : 1), chars.last)
        // Between two question marks, a realignment that gives nothing worse is taken: clean text
        // does not write a lone punctuation mark between two of them after a Han character.
        let unknowns = chars.filter { $0 == "\u{FFFD}" }.count
        // Or a realignment the model finds far likelier than the text as written (e^15: clean
        // text with a question mark scores below it, realigned garbage mostly far above).
        let modelConfirmed = (modelGain ?? 0) >= Self.minimumModelGain && unknowns == 0
        guard confirmed || modelConfirmed || (closedByQuestion && after + unknowns >= before) else { return nil }
        // The closing `?` swallowed the last character's trail byte with the byte after it: an
        // ASCII byte below 0x40 (a digit, space, punctuation, a line break), which is gone. Before
        // a line break or at the end it was most likely the CR of a CRLF; elsewhere it is marked.
        if closedByQuestion, upper < s.count, s[upper] != "\n", s[upper] != "\r" {
            chars.append("\u{FFFD}")
            candidates += Self.swallowedASCII.filter { !candidates.contains($0) }
            confidence = min(confidence, 0.3)
        }
        return Spot(range: q..<upper, replacement: chars, confidence: confidence, candidates: candidates)
    }

    /// The most a run without an annotation is trusted on the model's word: against the oracle,
    /// readings the model gave 0.8 or more came back exactly 75% of the time.
    static let bareConfidenceCap = 0.8
    /// What a byte swallowed by a closing `?` may have been, the likeliest in news text first.
    static let swallowedASCII = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", " ", "\n", ".", "%", "-", ":", ","]
    /// How much likelier (ln) a realignment must be than the text as written to be taken on the
    /// model's word alone.
    static let minimumModelGain = 15.0
    /// Common surnames and given-name characters, as sets (searching the strings was a tenth of
    /// the time on a page damaged throughout).
    static let surnameSet = Set(Surnames.common.unicodeScalars)
    static let givenNameSet = Set(GivenNames.common.unicodeScalars)
    /// Runs the model may weigh in a text, plus one per 2,000 characters (each run takes a few
    /// milliseconds at most; a page of nothing but damage stays within twice the plain time).
    static let modelRunsPerText = 500

    // MARK: - Bytes and characters

    /// GBK bytes of the characters, or nil when one has none.
    private func bytes<S: Sequence>(of chars: S) -> [UInt8]? where S.Element == Unicode.Scalar {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: chars)
        guard let gbk, case .done(let b)? = try? gbk.encode(Array(String(v).utf8), strict: true) else { return nil }
        return b
    }

    private func bytes(of c: Unicode.Scalar) -> [UInt8]? { bytes(of: [c]) }

    private func decodePair(_ a: UInt8, _ b: UInt8) -> Unicode.Scalar? {
        guard gbk != nil else { return nil }
        return GBKTable.shared.character(a, b)
    }

    /// Realigns a byte stream: characters pair by pair, U+FFFD for pairs that are not characters.
    private func realign(_ stream: [UInt8]) -> ([Unicode.Scalar], Int) {
        var chars: [Unicode.Scalar] = []
        var unknown = 0
        var k = 0
        while k < stream.count {
            if k + 1 < stream.count, let c = decodePair(stream[k], stream[k + 1]) {
                chars.append(c)
            } else {
                chars.append("\u{FFFD}")
                unknown += 1
            }
            k += 2
        }
        return (chars, unknown)
    }

    /// The bytes `b` such that the GBK character `first b` reads `syllable` (tones compared
    /// when the syllable has one).
    private func lostBytes(after first: UInt8, reading syllable: String) -> [UInt8] {
        guard first >= 0x81, readings != nil else { return [] }
        var trails: [UInt8] = []
        var chars: [Unicode.Scalar] = []
        for b in UInt8(0x40)...UInt8(0xFE) where b != 0x7F {
            if let c = decodePair(first, b), Self.isHan(c.value) { trails.append(b); chars.append(c) }
        }
        guard !chars.isEmpty else { return [] }
        let lines = chars.map { GBKTable.shared.readings[$0.value] ?? "" }
        let base = PinyinAnnotationRemover.toneless(syllable)
        let tone = PinyinAnnotationRemover.tone(of: syllable)
        var exact: [UInt8] = []
        var toneless: [UInt8] = []
        for (k, b) in trails.enumerated() where k < lines.count {
            let r = lines[k].trimmingCharacters()
            guard PinyinAnnotationRemover.toneless(r) == base else { continue }
            toneless.append(b)
            if PinyinAnnotationRemover.tone(of: r) == tone { exact.append(b) }
        }
        return exact.isEmpty ? toneless : exact
    }

    /// Common characters with this reading (tones compared when written), from GBK's level-1
    /// and traditional rows.
    private func characters(reading syllable: String) -> [Unicode.Scalar] {
        guard readings != nil, gbk != nil else { return [] }
        let table = GBKTable.shared
        let base = PinyinAnnotationRemover.toneless(syllable), tone = PinyinAnnotationRemover.tone(of: syllable)
        return (table.byReading[base] ?? []).filter { c in
            table.common.contains(c.value) && (tone == 0 || PinyinAnnotationRemover.tone(of: table.readings[c.value] ?? "") == tone)
        }
    }

    /// Characters with this trail byte, the common ones first.
    private func characters(trail: UInt8) -> [Unicode.Scalar] {
        var all: [Unicode.Scalar] = []
        for a in UInt8(0x81)...UInt8(0xFE) { if let c = decodePair(a, trail) { all.append(c) } }
        return all.filter { isCommon($0) } + all.filter { !isCommon($0) }
    }

    /// Characters with this lead byte, the common ones first.
    private func characters(lead: UInt8) -> [Unicode.Scalar] {
        var all: [Unicode.Scalar] = []
        for b in UInt8(0x40)...UInt8(0xFE) where b != 0x7F { if let c = decodePair(lead, b) { all.append(c) } }
        return all.filter { isCommon($0) } + all.filter { !isCommon($0) }
    }

    /// After a surname, the candidate that is a common given-name character, when exactly one is.
    private func pickAfterSurname(_ options: [Unicode.Scalar], previous: Unicode.Scalar) -> Unicode.Scalar? {
        guard Self.surnameSet.contains(previous) else { return nil }
        let names = options.filter { Self.givenNameSet.contains($0) }
        return names.count == 1 ? names[0] : nil
    }

    /// Whether a ruby annotation right after `end` reads as the character before it.
    private func confirms(_ s: [Unicode.Scalar], at end: Int, _ c: Unicode.Scalar?) -> Bool {
        guard let c, end < s.count, s[end] == "(", let (syllable, _) = Self.annotation(s, from: end + 1), let readings,
              let r = GBKTable.shared.readings[c.value] ?? (try? readings.transliterate(String(c))) else { return false }
        return PinyinAnnotationRemover.toneless(r.trimmingCharacters()) == PinyinAnnotationRemover.toneless(syllable)
    }

    /// A common character: Big5 level 1 or GB2312 level 1, or CJK punctuation.
    private func isCommon(_ c: Unicode.Scalar) -> Bool { GBKTable.isCommonPunctuation(c.value) || GBKTable.shared.common.contains(c.value) }

    // MARK: - Scanning

    static func isHan(_ v: UInt32) -> Bool { PinyinAnnotationRemover.isHan(v) }

    /// Whether some `?` follows a Han character: the only place a run can start (decided on the
    /// bytes, so clean text costs one pass).
    static func mayHaveRun(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = p.baseAddress else { return false }
        var i = 3
        while i < p.count {
            // From one `?` to the next (memchr: clean text costs next to nothing).
            guard let hit = memchr(base + i, 0x3F, p.count - i) else { return false }
            i = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if p[i - 1] >= 0x80 {
                var k = i - 1
                while k > 0 && i - k < 4 && p[k] & 0xC0 == 0x80 { k -= 1 }
                var j = k
                if isHan(decodeScalar(p, &j)) { return true }
            }
            i += 1
        }
        return false
    }

    /// A pinyin syllable from `i` closed by `)`: the syllable and the position of `)`.
    static func annotation(_ s: [Unicode.Scalar], from i: Int) -> (String, Int)? {
        var j = i
        while j < s.count, j - i < 8, PinyinAnnotationRemover.isPinyinLetter(s[j]) { j += 1 }
        guard j > i, j < s.count, s[j] == ")" else { return nil }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s[i..<j])
        let syllable = String(v)
        guard PinyinAnnotationRemover.isSyllable(PinyinAnnotationRemover.toneless(syllable)) else { return nil }
        return (syllable, j)
    }

    /// Garbage from `i`: non-ASCII characters (ASCII , : ; count as the full-width forms the
    /// decoder made of them) up to a `?`, a line break or another ASCII byte, which is returned
    /// as the run's terminator.
    static func garbage(_ s: [Unicode.Scalar], from i: Int) -> ([Unicode.Scalar], Int, Unicode.Scalar?) {
        var out: [Unicode.Scalar] = []
        var j = i
        while j < s.count, j - i < 16 {
            let c = s[j]
            if c == "?" || c == "\n" || c == "(" { return (out, j, nil) }
            if c.value < 0x80 {
                if let full = fullWidth[c] { out.append(full); j += 1; continue }
                return (out, j, c)
            }
            out.append(c)
            j += 1
        }
        return (out, j, nil)
    }

    static let fullWidth: [Unicode.Scalar: Unicode.Scalar] = [",": "，", ":": "：", ";": "；"]

    /// Whether a full-width opening bracket is open before `q` on its line.
    static func openBracket(_ s: [Unicode.Scalar], before q: Int) -> Bool {
        var k = q - 1
        while k >= 0 && s[k] != "\n" {
            if s[k] == "）" || s[k] == ")" { return false }
            if s[k] == "（" || s[k] == "(" { return true }
            k -= 1
        }
        return false
    }

    /// Whether the text carries inline ruby annotations (`關(guān)`), the company this damage keeps.
    static func hasRubyAnnotations(_ s: [Unicode.Scalar]) -> Bool {
        var found = 0
        var i = 1
        while i < s.count {
            if s[i] == "(", isHan(s[i - 1].value), annotation(s, from: i + 1) != nil {
                found += 1
                if found >= 3 { return true }
            }
            i += 1
        }
        return false
    }
}

/// Common characters of given names (the project's own list), for choosing among candidates
/// after a surname.
enum GivenNames {
    static let common = """
        伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏辉建国志文斌波宇浩凯健俊帆帅旭宁龙林亮成峰飞婷雪琳晶
        偉軍傑濤俊華國誌飛龍寧亮峰琳晶婷雪麗強豔娟輝鵬
        """
}

/// GBK's double-byte characters, which are common (GB2312 level 1 or Big5 level 1) and their
/// Han-Latin readings: computed once per process (about 24,000 ICU calls), then table lookups.
final class GBKTable: Sendable {
    static let shared = GBKTable()

    /// The character of each pair, lead 81-FE by trail 40-FE; 0 where the pair is none.
    let scalars: [UInt32]
    /// Readings with tone marks, for the Han characters.
    let readings: [UInt32: String]
    /// Han characters by toneless reading, in GBK order.
    let byReading: [String: [Unicode.Scalar]]
    /// Han characters of GB2312 level 1 or Big5 level 1.
    let common: Set<UInt32>
    /// The first pair giving each character, lead << 8 | trail.
    let codes: [UInt32: UInt16]

    private init() {
        var scalars = [UInt32](repeating: 0, count: 126 * 191)
        var han: [Unicode.Scalar] = []
        var common = Set<UInt32>()
        let gbk = try? ICUCodec(name: "windows-936-2000"), big5 = try? ICUCodec(name: "windows-950-2000")
        if let gbk {
            for a in UInt8(0x81)...UInt8(0xFE) {
                for b in UInt8(0x40)...UInt8(0xFE) where b != 0x7F {
                    guard case .done(let utf8)? = try? gbk.decode([a, b], strict: true) else { continue }
                    let decoded = Array(String(decoding: utf8, as: UTF8.self).unicodeScalars)
                    guard decoded.count == 1 else { continue }
                    scalars[Int(a - 0x81) * 191 + Int(b - 0x40)] = decoded[0].value
                    guard PinyinAnnotationRemover.isHan(decoded[0].value) else { continue }
                    han.append(decoded[0])
                    if (0xB0...0xD7).contains(a) && b >= 0xA1 {
                        common.insert(decoded[0].value)
                    } else if let big5, case .done(let e)? = try? big5.encode(utf8, strict: true), e.count == 2, (0xA4...0xC6).contains(e[0]) {
                        common.insert(decoded[0].value)
                    }
                }
            }
        }
        var readings: [UInt32: String] = [:]
        var byReading: [String: [Unicode.Scalar]] = [:]
        if !han.isEmpty, let t = try? ICUTransliterator(id: "Han-Latin") {
            var joined = String.UnicodeScalarView()
            for c in han { joined.append(c); joined.append("\n") }
            let lines = (try? t.transliterate(String(joined)))?.split(separator: "\n", omittingEmptySubsequences: false) ?? []
            for (c, line) in zip(han, lines) {
                let r = line.trimmingCharacters()
                readings[c.value] = r
                byReading[PinyinAnnotationRemover.toneless(r), default: []].append(c)
            }
        }
        var codes: [UInt32: UInt16] = [:]
        for (k, v) in scalars.enumerated().reversed() where v != 0 {
            codes[v] = UInt16(0x81 + k / 191) << 8 | UInt16(0x40 + k % 191)
        }
        self.codes = codes
        self.scalars = scalars
        self.readings = readings
        self.byReading = byReading
        self.common = common
    }

    /// The character of the pair `a b`, or nil.
    func character(_ a: UInt8, _ b: UInt8) -> Unicode.Scalar? {
        guard a >= 0x81, a <= 0xFE, b >= 0x40, b <= 0xFE else { return nil }
        let v = scalars[Int(a - 0x81) * 191 + Int(b - 0x40)]
        return v == 0 ? nil : Unicode.Scalar(v)
    }

    /// CJK and full-width punctuation; full-width letters and digits are not common in Chinese text.
    static func isCommonPunctuation(_ v: UInt32) -> Bool {
        (0x3000...0x303F).contains(v) || (0xFF01...0xFF0F).contains(v) || (0xFF1A...0xFF20).contains(v)
            || (0xFF3B...0xFF40).contains(v) || (0xFF5B...0xFF5E).contains(v)
    }
}
