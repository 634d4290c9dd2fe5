import Testing
@testable import ZhNormalize
import ZhTestSupport

private func seeds() -> [String] {
    let dir = SharedData.packageRoot + "/seeds"
    return ["000_9b26ce8bd19728ef", "001_29e6a95d79ed7dd2", "002_79b51d6bf456065a", "003_17a6dfa9780f989e",
            "004_ad926f4bb36cb72d"].compactMap { SharedData.read(dir + "/\($0).txt").map { String(decoding: $0, as: UTF8.self) } }
}

@Suite("Script conversion")
struct ConversionTests {
    @Test("ICU's rules compiled give ICU's own output on the seeds", arguments: ScriptConverter.Target.allCases)
    func differentialSeeds(target: ScriptConverter.Target) throws {
        let compiled = try ScriptConverter(to: target, options: .init(icuOnly: true, convertQuotes: true))
        #expect(compiled.unsupportedRules.isEmpty, "unsupported: \(compiled.unsupportedRules)")
        let icu = try ICUTransliterator(id: target == .simplified ? "Hant-Hans" : "Hans-Hant")
        let texts = seeds()
        #expect(texts.count == 5)
        for text in texts { #expect(compiled.convert(text) == (try icu.transliterate(text))) }
    }

    @Test("ICU's rules compiled give ICU's own output on the news corpus", arguments: ScriptConverter.Target.allCases)
    func differentialNews(target: ScriptConverter.Target) throws {
        guard let shared = SharedData.root, let bytes = SharedData.read(shared + "/bench/cctv-news-2024.txt") else {
            print("skipped: ../shared/bench is absent")
            return
        }
        let compiled = try ScriptConverter(to: target, options: .init(icuOnly: true, convertQuotes: true))
        let icu = try ICUTransliterator(id: target == .simplified ? "Hant-Hans" : "Hans-Hant")
        // The whole file in release runs; a 400 kB slice keeps debug test runs short.
        let text = String(decoding: bytes.prefix(400_000), as: UTF8.self)
        var input = text
        if target == .simplified { input = try ICUTransliterator(id: "Hans-Hant").transliterate(text) }
        var differences = 0
        let lines = input.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines where compiled.convert(String(line)) != (try icu.transliterate(String(line))) { differences += 1 }
        #expect(differences == 0, "\(differences) of \(lines.count) lines differ from ICU")
    }

    @Test("the spots ICU gets wrong on the seeds, simplified to traditional")
    func toTraditionalSpots() throws {
        let s2t = try ScriptConverter(to: .traditional)
        #expect(s2t.convert("精准扶贫") == "精準扶貧")
        #expect(s2t.convert("两天时间里") == "兩天時間裏")
        #expect(s2t.convert("不放松") == "不放鬆")
        #expect(s2t.convert("市领导余伟") == "市領導余偉")
        #expect(s2t.convert("并为该项目") == "並為該項目")
        #expect(s2t.convert("上传并发布") == "上傳並發布")
    }

    @Test("the spots ICU gets wrong, traditional to simplified")
    func toSimplifiedSpots() throws {
        let t2s = try ScriptConverter(to: .simplified)
        #expect(t2s.convert("乾隆年間") == "乾隆年间")
        #expect(t2s.convert("吉林省乾安縣") == "吉林省乾安县")
        #expect(t2s.convert("著力推進") == "着力推进")
        #expect(t2s.convert("徐乾學") == "徐乾学")
        #expect(t2s.convert("把衣服晒乾") == "把衣服晒干")
        #expect(t2s.convert("乾淨") == "干净")
    }

    @Test("quotation marks are kept unless asked for")
    func quotes() throws {
        #expect(try ScriptConverter(to: .traditional).convert("“引号”") == "“引號”")
        #expect(try ScriptConverter(to: .traditional, options: .init(convertQuotes: true)).convert("“引号”") == "「引號」")
    }

    @Test("variants")
    func variants() throws {
        #expect(try ScriptConverter(to: .traditional, options: .init(variant: .taiwan)).convert("时间里") == "時間裡")
        #expect(try ScriptConverter(to: .traditional, options: .init(variant: .hongKong)).convert("时间里") == "時間裏")
    }

    @Test("a phrase table added at run time wins, and a bad line is named")
    func phraseTables() throws {
        let c = try ScriptConverter(to: .traditional, options: .init(phraseTables: [("t.txt", "白云\t白雲 白云\n")]))
        #expect(c.convert("白云区") == "白雲區")
        #expect(throws: NormalizationError.badRule(source: "bad.txt", line: 2, reason: "expected phrase<TAB>target")) {
            try ScriptConverter(to: .traditional, options: .init(phraseTables: [("bad.txt", "a\tb\nno tab here\n")]))
        }
    }

    @Test("OpenCC's own phrase tables load", .enabled(if: SharedData.root != nil))
    func openccTables() throws {
        let path = SharedData.root! + "/reference/opencc/STPhrases.txt"
        guard let bytes = SharedData.read(path) else { return }
        let c = try ScriptConverter(to: .traditional, options: .init(phraseTables: [("STPhrases.txt", String(decoding: bytes, as: UTF8.self))]))
        #expect(c.convert("中国") == "中國")
    }
}

@Suite("Offset maps")
struct OffsetMapTests {
    @Test("every unchanged character of a conversion maps to the same character of the input")
    func conversionMap() throws {
        var rng = SeededRandom(seed: 5)
        let pieces = ["中国", "余", "两", "万", "a", "，", "😀", "乾隆", "时间里", "表", "发", "并发布"]
        let c = try ScriptConverter(to: .traditional, options: .init(phraseTables: [("x", "中国\t中华人民共和国\n表\t表格\n")].map { ($0.0, $0.1.replacingTabPlaceholder()) }))
        for _ in 0..<300 {
            let input = (0..<Int(rng.next() % 10)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            var b = OffsetMap.Builder()
            let out = c.convert(input, edits: &b)
            let map = b.map
            let inScalars = Array(input.unicodeScalars), outScalars = Array(out.unicodeScalars)
            let r = map.inputRange(of: 0..<outScalars.count)
            #expect(r == 0..<inScalars.count, "\(input) -> \(out)")
            for (k, s) in outScalars.enumerated() where s.value < 0x80 || s == "，" || s == "😀" {
                let back = map.inputRange(of: k..<(k + 1))
                #expect(back.count == 1 && inScalars[back.lowerBound] == s, "\(input) -> \(out) at \(k)")
            }
        }
    }

    @Test("a long text converted in place, or outgrowing its room, gives the text and map of the buffered path")
    func longTexts() throws {
        var rng = SeededRandom(seed: 9)
        let pieces = ["中国", "余", "两", "万", "a", "，", "😀", "乾隆", "时间里", "表", "发", "并发布", "\n"]
        // 中国 grows to 中华人民共和国 (seven characters for two): a text full of it outgrows the
        // room the in-place conversion starts with.
        let c = try ScriptConverter(to: .traditional, options: .init(phraseTables: [("x", "中国\t中华人民共和国\n")]))
        for growing in [false, true] {
            var input = ""
            while input.utf8.count < 200_000 {
                input += growing && rng.next() % 2 == 0 ? "中国" : pieces[Int(rng.next() % UInt64(pieces.count))]
            }
            var b = OffsetMap.Builder()
            let converted = c.convert(input, edits: &b)
            // The buffered path (bytes out, any size), as the oracle.
            var expectedEdits = OffsetMap.Builder()
            var bytes = Array(input.utf8)
            let expected = bytes.withUnsafeMutableBufferPointer { p in
                c.table.apply(UnsafeBufferPointer(p), &expectedEdits).map { String(decoding: $0, as: UTF8.self) } ?? input
            }
            #expect(converted == expected, "growing: \(growing)")
            #expect(converted != input)
            let n = converted.unicodeScalars.count
            for k in stride(from: 0, to: n, by: 97) {
                #expect(b.map.inputRange(of: k..<min(n, k + 50)) == expectedEdits.map.inputRange(of: k..<min(n, k + 50)))
            }
        }
    }

    @Test("the UTF-8 check agrees with the standard library on random and damaged bytes")
    func utf8Validation() {
        var rng = SeededRandom(seed: 21)
        let pieces: [[UInt8]] = [Array("中".utf8), Array("a".utf8), Array("é".utf8), Array("😀".utf8), Array("余".utf8),
                                 [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5], [0x80], [0xE4, 0xB8]]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 24) {
                switch rng.next() % 4 {
                case 0: bytes.append(UInt8(truncatingIfNeeded: rng.next()))
                case 1: bytes += Array(repeating: 0x41, count: Int(rng.next() % 12))
                default: bytes += pieces[Int(rng.next() % UInt64(pieces.count))]
                }
            }
            let ours = bytes.withUnsafeBufferPointer { isValidUTF8($0) }
            #expect(ours == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }

    @Test("converting bytes gives the bytes of converting the string")
    func bytesConversion() throws {
        let c = try ScriptConverter(to: .traditional)
        for text in ["", "abc", "发展潜力优势，余伟并发布。", String(repeating: "时间里不放松。", count: 20_000)] {
            var out: [UInt8] = []
            let ok = Array(text.utf8).withUnsafeBufferPointer { c.convert(utf8: $0) { out += $0 } }
            #expect(ok && out == Array(c.convert(text).utf8))
        }
        #expect(![UInt8]([0xE4, 0xB8]).withUnsafeBufferPointer { c.convert(utf8: $0) { _ in Issue.record("called") } })
    }

    @Test("maps compose through stages")
    func composition() {
        // Stage 1 deletes input [2,4); stage 2 replaces stage-1 [0,1) by three characters.
        let first = OffsetMap(edits: [.init(outStart: 2, outEnd: 2, inStart: 2, inEnd: 4)])
        let second = OffsetMap(edits: [.init(outStart: 0, outEnd: 3, inStart: 0, inEnd: 1)])
        let m = second.composed(after: first)
        #expect(m.inputRange(of: 0..<3) == 0..<1)
        #expect(m.inputRange(of: 3..<4) == 1..<2)
        #expect(m.inputRange(of: 4..<5) == 4..<5)
        #expect(m.inputRange(of: 3..<5) == 1..<5)
    }
}

extension String {
    fileprivate func replacingTabPlaceholder() -> String { self }
}
