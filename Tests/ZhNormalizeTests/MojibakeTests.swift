import Foundation
import Testing
@testable import ZhNormalize
import ZhTestSupport

/// GBK misalignment on the seeds, and every class of mojibake against a corruption oracle:
/// clean text is corrupted the way a wrong decoder does it (ICU's own converters), repaired, and
/// compared with the original.
@Suite("Mojibake and GBK misalignment")
struct MojibakeTests {
    static func seed(_ name: String) -> String {
        String(decoding: SharedData.read(SharedData.packageRoot + "/seeds/\(name).txt") ?? [], as: UTF8.self)
    }

    /// Clean sentences: the seeds' repaired text (simplified and traditional), and the news when
    /// ../shared is there.
    static let sentences: [String] = {
        var text = ""
        for name in ["000_9b26ce8bd19728ef", "003_17a6dfa9780f989e"] { text += seed(name) }
        if let root = SharedData.root, let news = SharedData.read(root + "/bench/cctv-news-2024.txt") {
            text += String(decoding: news.prefix(300_000), as: UTF8.self)
        }
        let parts = text.split(whereSeparator: { "。！？\n".contains($0) }).map(String.init)
        return parts.filter { s in (6...60).contains(s.count) && s.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } }
    }()

    @Test("the seeds' GBK runs: known bytes restored, unknown ones picked with an honest confidence or U+FFFD with candidates")
    func seeds() {
        let stage = GBKMisalignmentRepairer()
        var repairs: [Repair] = []
        for name in ["001_29e6a95d79ed7dd2", "002_79b51d6bf456065a", "004_ad926f4bb36cb72d"] { repairs += stage.apply(Self.seed(name)).repairs }
        #expect(repairs.count == 5)
        func spot(_ original: String) -> Repair? { repairs.first { $0.original.hasPrefix(original) } }
        #expect(spot("?xùn)|")?.replacement == "東")                       // 對接東西部
        // 楊俊）: no annotation tells 俊; the model may pick it, but not with confidence.
        if let r = spot("?。?") {
            #expect(r.replacement.hasPrefix("俊") || (r.replacement.hasPrefix("\u{FFFD}") && r.candidates.prefix(2).contains("俊")))
            #expect(r.confidence <= 0.7)
        } else {
            Issue.record("the run 楊?。? was not repaired")
        }
        #expect(spot("?,F")?.replacement == "。現")                         // 責任。現在
        #expect(spot("?jié)摿")?.replacement == "潛力優")                   // 潛力優勢: 力 from a deleted pair
        #expect(spot("?shù)")?.replacement.hasPrefix("地") == true)          // 當地所需
        for r in repairs { #expect(r.confidence < 1) }
        for r in repairs where r.replacement.contains("\u{FFFD}") { #expect(r.confidence < 0.5) }
    }

    /// The seeds' decoder: GBK pairs; a user-defined pair deleted; a lead byte followed by a byte
    /// that cannot follow it, one `?` for both; then NFKC's ，：； to ASCII.
    static func seedsDecoder(_ bytes: ArraySlice<UInt8>) -> String {
        var out = String.UnicodeScalarView()
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b < 0x80 { out.append(Unicode.Scalar(b)); i += 1; continue }
            guard i + 1 < bytes.endIndex else { out.append("?"); break }
            let t = bytes[i + 1]
            i += 2
            if GBKMisalignmentRepairer.isDeletedPair(b, t) { continue }
            out.append(GBKTable.shared.character(b, t) ?? "?")
        }
        return String(out).replacingOccurrences(of: "，", with: ",").replacingOccurrences(of: "：", with: ":").replacingOccurrences(of: "；", with: ";")
    }

    /// Traditional sentences sent through GBK with one lead byte lost (a `?` in its place) and
    /// read back by the seeds' decoder, which runs one byte off until a trail byte in the ASCII
    /// range brings it back in step: the share of runs restored exactly, of characters restored,
    /// and of runs made wrong (a character put where another was).
    static func lostLeadBytes() throws -> (exact: Double, characters: Double, wrong: Double, runs: Int, calibration: [(confidence: Double, exact: Double, count: Int)]) {
        let stage = GBKMisalignmentRepairer()
        let converter = try ScriptConverter(to: .traditional)
        let gbk = try ICUCodec(name: "windows-936-2000")
        // Ruby annotations elsewhere in the page: the company this damage keeps.
        let page = "關(guān)閉開(kāi)啟說(shuō)明。\n"
        var runs = 0, exact = 0, wrong = 0, total = 0, kept = 0
        // Per band of stated confidence (below 0.5, 0.5-0.8, 0.8 and above), runs whose repair
        // has no U+FFFD: the confidence stated (summed) and how many came back exactly.
        var bands = [(stated: 0.0, exact: 0, count: 0), (stated: 0.0, exact: 0, count: 0), (stated: 0.0, exact: 0, count: 0)]
        // Every third sentence with the news sample; every one of the seeds' alone.
        let stride = SharedData.root != nil ? 3 : 1
        for (n, sentence) in sentences.enumerated() where n % stride == 0 {
            let clean = converter.convert(sentence)
            guard case .done(let bytes)? = try? gbk.encode(Array(clean.utf8), strict: true) else { continue }
            // Lose the lead byte of a double-byte character after the first few.
            var starts: [Int] = []
            var k = 0
            while k < bytes.count { if bytes[k] >= 0x80 { starts.append(k); k += 2 } else { k += 1 } }
            guard starts.count > 6 else { continue }
            let lost = starts[2 + n % (starts.count - 6)]
            let damaged = seedsDecoder(bytes[..<lost]) + "?" + seedsDecoder(bytes[(lost + 1)...])
            guard damaged != clean else { continue }
            func folded(_ s: String) -> String { s.replacingOccurrences(of: "，", with: ",").replacingOccurrences(of: "：", with: ":").replacingOccurrences(of: "；", with: ";") }
            let expected = folded(clean)
            let result = stage.apply(page + damaged)
            let repaired = folded(String(result.text.dropFirst(page.count)))
            runs += 1
            if repaired == expected { exact += 1 }
            let spots = result.repairs.filter { $0.kind == "gbk_misalignment" }
            if !spots.isEmpty && !repaired.contains("\u{FFFD}") {
                let c = spots.map(\.confidence).min()!
                let band = c < 0.5 ? 0 : c < 0.8 ? 1 : 2
                bands[band].stated += c
                bands[band].count += 1
                if repaired == expected { bands[band].exact += 1 }
            }
            let r = Array(repaired.unicodeScalars), e = Array(expected.unicodeScalars), d = Array(damaged.unicodeScalars)
            total += e.count
            kept += commonLength(r, e)
            // Wrong: a repair left fewer characters right than the damaged text had, or put a
            // character where U+FFFD would have been honest.
            if repaired != expected && repaired != damaged && commonLength(r, e) < commonLength(d, e) { wrong += 1 }
        }
        let calibration = bands.map { (confidence: $0.stated / Double(max(1, $0.count)), exact: Double($0.exact) / Double(max(1, $0.count)), count: $0.count) }
        return (Double(exact) / Double(max(1, runs)), Double(kept) / Double(max(1, total)), Double(wrong) / Double(max(1, runs)), runs, calibration)
    }

    /// Clean sentences with a real question mark (ASCII, as scraped text often has) after a Han
    /// character, in a page with ruby annotations: how many the repairer changes (it must not).
    static func cleanQuestionMarks() throws -> (changed: Int, sentences: Int) {
        let stage = GBKMisalignmentRepairer()
        let converter = try ScriptConverter(to: .traditional)
        let page = "關(guān)閉開(kāi)啟說(shuō)明。\n"
        var changed = 0, count = 0
        for (n, sentence) in sentences.enumerated() {
            let clean = n % 2 == 0 ? converter.convert(sentence) : sentence
            var scalars = Array(clean.unicodeScalars)
            guard scalars.count > 8 else { continue }
            let at = 3 + n % (scalars.count - 6)
            guard PinyinAnnotationRemover.isHan(scalars[at - 1].value) else { continue }
            scalars.insert("?", at: at)
            // And an ASCII letter a few characters on, where a realignment would end.
            if n % 3 != 0 { scalars.insert(["A", "B", "e", "S"][n % 4], at: min(scalars.count, at + 2 + n % 5)) }
            let text = page + String(String.UnicodeScalarView(scalars))
            count += 1
            if !stage.apply(text).repairs.isEmpty { changed += 1 }
        }
        return (changed, count)
    }

    @Test("a lost GBK lead byte: runs restored against the corruption oracle")
    func lostLeadByteOracle() throws {
        let r = try Self.lostLeadBytes()
        print("lost lead byte: \(r.runs) runs, \(r.exact) exact, \(r.characters) of characters, \(r.wrong) made worse")
        for band in r.calibration { print("  stated confidence \(band.confidence): \(band.exact) exact, \(band.count) runs") }
        #expect(r.runs >= (SharedData.root != nil ? 300 : 20))
        // Measured: 27.6% exact and 91.9% of characters with the news sample (87.1% as damaged;
        // 21.9% and 90.9% with the earlier model of jieba's words alone).
        let bar = SharedData.root != nil ? (exact: 0.25, characters: 0.91) : (exact: 0.1, characters: 0.85)
        #expect(r.exact >= bar.exact && r.characters >= bar.characters)
        #expect(r.wrong == 0)
        // The confidence is honest: in each band with enough runs, the share restored exactly is
        // at most 0.1 below the confidence stated.
        for band in r.calibration where band.count >= 20 { #expect(band.exact >= band.confidence - 0.1, "\(band)") }
        let clean = try Self.cleanQuestionMarks()
        print("clean question marks: \(clean.changed) of \(clean.sentences) changed")
        #expect(clean.changed == 0)
    }

    /// Corrupts `text` by encoding it with `encoding` and decoding the bytes with `wrong`.
    static func corrupt(_ text: String, encoding: String, as wrong: String) throws -> String? {
        var bytes = Array(text.utf8)
        if encoding != "UTF-8" {
            guard case .done(let b) = try ICUCodec(name: encoding).encode(bytes, strict: true) else { return nil }
            bytes = b
        }
        guard case .done(let utf8) = try ICUCodec(name: wrong).decode(bytes, strict: false) else { return nil }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// The share of characters restored when every sentence, corrupted, sits between clean text.
    static func restored(encoding: String, as wrong: String, traditional: Bool = false) throws -> (share: Double, count: Int, misses: [String]) {
        let stage = MojibakeRepairer()
        let converter = try ScriptConverter(to: .traditional)
        var total = 0, kept = 0, count = 0
        var misses: [String] = []
        // Pages of 20 sentences each, corrupted as a whole between clean lines, as a page
        // pasted from a wrongly decoded source; measured sentence by sentence.
        for start in stride(from: 0, to: sentences.count, by: 20) {
          let page = sentences[start..<min(sentences.count, start + 20)].map { traditional ? converter.convert($0) : $0 }
          var corrupted: [String] = []
          for clean in page {
            guard let bad = try corrupt(clean, encoding: encoding, as: wrong) else { corrupted.append(clean); continue }
            corrupted.append(bad)
          }
          let repaired = stage.apply(corrupted.map { "前文。" + $0 + "。后文" }.joined(separator: "\n")).text.split(separator: "\n", omittingEmptySubsequences: false)
          for (k, clean) in page.enumerated() where corrupted[k] != clean && k < repaired.count {
            let bad = corrupted[k]
            let out = Array(repaired[k].unicodeScalars)
            let expected = Array(("前文。" + clean + "。后文").unicodeScalars)
            total += expected.count
            kept += Self.commonLength(out, expected)
            count += 1
            if out != expected && misses.count < 4 { misses.append(bad + " → " + String(String.UnicodeScalarView(out))) }
          }
        }
        return (Double(kept) / Double(max(1, total)), count, misses)
    }

    /// Characters of `b` kept in `a`, in order (longest common subsequence).
    static func commonLength(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var row = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var diagonal = 0
            for (j, y) in b.enumerated() {
                let up = row[j + 1]
                row[j + 1] = x == y ? diagonal + 1 : max(row[j + 1], row[j])
                diagonal = up
            }
        }
        return row[b.count]
    }

    @Test("unknown bytes in a row are one lost character, not one per byte")
    func lostBytesInARow() {
        // 中 (E4 B8 AD) with its last two bytes unknown, then 心 (E5 BF 83).
        let (text, lost, valid) = MojibakeRepairer.decodeUTF8([0xE4, nil, nil, 0xE5, 0xBF, 0x83])
        #expect(text == ["\u{FFFD}", "心"] && lost == 1 && valid)
        let (text2, lost2, _) = MojibakeRepairer.decodeUTF8([nil, nil, 0xBF, 0xE5, 0xBF, 0x83])
        #expect(text2 == ["\u{FFFD}", "心"] && lost2 == 1)
    }

    @Test("classes that lose no bytes come back whole", arguments: [
        ("UTF-8", "windows-1252", false), ("UTF-8", "ISO-8859-1", false),
        ("windows-936-2000", "ISO-8859-1", false), ("windows-950-2000", "ISO-8859-1", true),
    ])
    func lossless(_ encoding: String, _ wrong: String, _ traditional: Bool) throws {
        let (share, count, misses) = try Self.restored(encoding: encoding, as: wrong, traditional: traditional)
        #expect(count >= 30)
        #expect(share >= 0.999, "\(encoding) read as \(wrong): \(share) \(misses)")
    }

    /// The goal (95% for GBK) is asserted on the news sample; the seeds alone (about 150
    /// sentences, when ../shared is absent) measure 94.3% and 92.9%, and are held to that.
    @Test("UTF-8 read as GBK or GB18030: what the decoder kept comes back", arguments: [("windows-936-2000", 0.95, 0.943), ("gb18030", 0.93, 0.929)])
    func utf8AsGBK(_ wrong: String, _ goal: Double, _ seedsOnly: Double) throws {
        let (share, count, misses) = try Self.restored(encoding: "UTF-8", as: wrong)
        #expect(count >= 30)
        let bar = SharedData.root != nil ? goal : seedsOnly
        #expect(share >= bar, "UTF-8 read as \(wrong): \(share) \(misses)")
    }

    @Test("clean text is never repaired", .enabled(if: SharedData.root != nil))
    func cleanNews() throws {
        for file in ["cctv-news-2023.txt", "cctv-news-2024.txt"] {
            guard let bytes = SharedData.read(SharedData.root! + "/bench/" + file) else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(MojibakeRepairer().apply(text).repairs.isEmpty, "\(file)")
            #expect(GBKMisalignmentRepairer().apply(text).repairs.isEmpty, "\(file)")
        }
        // The seeds' clean text neither.
        for name in ["000_9b26ce8bd19728ef", "003_17a6dfa9780f989e"] {
            #expect(MojibakeRepairer().apply(Self.seed(name)).repairs.isEmpty)
        }
    }

    @Test("the character model: pairs inside words, word ends, punctuation, traditional through simplified")
    func characterModel() {
        let m = CharacterModel.shared
        #expect(m.logP("力", after: "潜") > m.logP("立", after: "潜") + 2)   // 潜力
        #expect(m.logP("势", after: "优") > m.logP("势", after: "忧") + 2)   // 优势
        #expect(m.logP("，") > m.logP("髓") + 3)
        #expect(m.logP("優", after: "潛") == m.logP("优", after: "潜"))     // looked up as simplified
        #expect(m.logP("\n", after: "。") > m.logP("\n", after: "，") + 3)
        #expect(m.logP("的") > m.logP("霾"))
        #expect(m.isForeignToScript("设", traditional: true) && !m.isForeignToScript("設", traditional: true))
        #expect(m.isForeignToScript("設", traditional: false) && !m.isForeignToScript("需", traditional: false))
        #expect(m.isTraditional(Array("關於發展潛力優勢的說明".unicodeScalars)))
        #expect(!m.isTraditional(Array("关于发展潜力优势的说明".unicodeScalars)))
    }

    /// Running text across words: the model's cross entropy per Han character on the sample
    /// sentences (news when ../shared is present, the seeds otherwise), against the same text
    /// with its characters shuffled within each sentence, which keeps the character frequencies.
    @Test("the character model knows running text: lower cross entropy than on shuffled text")
    func characterModelEntropy() {
        let m = CharacterModel.shared
        var rng = SeededRandom(seed: 7)
        func entropy(_ sentences: [[Unicode.Scalar]]) -> Double {
            var cost = 0.0, n = 0
            for s in sentences {
                let keys = s.map(m.key)
                for i in 1..<keys.count where PinyinAnnotationRemover.isHan(keys[i].value) {
                    cost -= m.logP(key: keys[i], afterKey: keys[i - 1])
                    n += 1
                }
            }
            return cost / Double(max(1, n))
        }
        let text = Self.sentences.map { Array($0.unicodeScalars) }.filter { $0.count > 1 }
        let shuffled = text.map { $0.shuffled(using: &rng) }
        let (h, hs) = (entropy(text), entropy(shuffled))
        print("character model: \(h) nats per character, \(hs) shuffled")
        // Measured: 5.23 on the news sample (5.59 with the earlier model of jieba's words alone), 5.40 on the seeds.
        #expect(h < (SharedData.root != nil ? 5.4 : 5.6))
        #expect(h < hs - 1)
    }

    @Test("realignment puts back a deleted user-defined pair and reads the swallowed byte by its annotation")
    func deletedPair() {
        // 潛力優 = 9D93 C1A6 839E: the 9D lost, A6 83 deleted, 9E swallowed with the `(` of (yōu).
        let stage = GBKMisalignmentRepairer()
        let run = GBKMisalignmentRepairer.Run(first: [0x9D], chunks: [[0x93, 0xC1]], end: .swallowed(reading: "yōu"), before: "展", after: "勢")
        let r = stage.realignWithModel(run, traditional: true)
        #expect(r.map { String(String.UnicodeScalarView($0.chars)) } == "潛力優")
        #expect(r?.deletions == 1)
        #expect(GBKMisalignmentRepairer.isDeletedPair(0xA6, 0x83) && !GBKMisalignmentRepairer.isDeletedPair(0xC1, 0xA6))
    }

    @Test("a page damaged throughout: runs that reach into each other are repaired once, in order, quickly")
    func damagedThroughout() {
        // Annotated runs (中?zhōng)…) and bare ones (楊?…?) back to back, with random Han garbage:
        // a bare run can reach into the annotated one after it (this crashed the repairer).
        var rng = SeededRandom(seed: 41)
        var text = "關(guān)閉開(kāi)啟說(shuō)明\n"
        let ends = ["A", "|", "?", "(", "\n"]
        while text.unicodeScalars.count < 40_000 {
            text += "中?zhōng)"
            for _ in 0..<(3 + Int(rng.next() % 14)) { text.unicodeScalars.append(Unicode.Scalar(0x4E00 + UInt32(rng.next() % 3000))!) }
            text += ends[Int(rng.next() % UInt64(ends.count))]
            text += "楊?"
            for _ in 0..<(1 + Int(rng.next() % 8)) { text.unicodeScalars.append(Unicode.Scalar(0x4E00 + UInt32(rng.next() % 3000))!) }
            text += rng.next() % 2 == 0 ? "?" : "A"
        }
        let r = GBKMisalignmentRepairer().apply(text)
        #expect(!r.repairs.isEmpty)
        for (a, b) in zip(r.repairs, r.repairs.dropFirst()) { #expect(a.end <= b.start) }
        // Every character outside the repairs is kept, and each repair's original is the raw text there.
        let raw = Array(text.unicodeScalars)
        for repair in r.repairs.prefix(200) { #expect(String(String.UnicodeScalarView(raw[repair.start..<repair.end])) == repair.original) }
    }
}
