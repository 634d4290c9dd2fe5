import Testing
@testable import ZhNormalize
import ZhTestSupport

@Suite("Normalization")
struct NormalizerTests {
    @Test("clean-up rules")
    func cleanup() {
        let c = UnicodeCleanup()
        #expect(c.apply("ＡＢＣ１２３").text == "ABC123")
        #expect(c.apply("昭通,毕节").text == "昭通，毕节")
        #expect(c.apply("a,b").text == "a,b")
        #expect(c.apply("来源:澎湃").text == "来源：澎湃")
        #expect(c.apply("中\u{3000}国\u{A0}人").text == "中 国 人")
        #expect(c.apply("中\u{200B}国\u{FEFF}").text == "中国")
        #expect(c.apply("a\r\nb\rc").text == "a\nb\nc")
        #expect(c.apply("，。、「」《》").text == "，。、「」《》")
        #expect(c.apply("x\u{7}y").repairs.first?.kind == "control")
    }

    @Test("every unchanged character maps back to the same raw character (random inputs)")
    func offsetProperty() throws {
        var rng = SeededRandom(seed: 11)
        let pieces = ["中", "國", "a", ",", "，", "\u{3000}", "\u{200B}", "\r\n", "\r", "Ａ", "１", "😀", "乾隆", "时间里", "\u{7}", "(", "余"]
        let normalizer = try Normalizer(target: .simplified)
        let toTraditional = try Normalizer(target: .traditional)
        for _ in 0..<500 {
            let raw = (0..<Int(rng.next() % 14)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            for n in [normalizer, toTraditional] {
                let result = n.normalize(raw)
                let rawScalars = Array(raw.unicodeScalars)
                let outScalars = Array(result.text.unicodeScalars)
                #expect(result.offsets.inputRange(of: 0..<outScalars.count).upperBound <= rawScalars.count)
                for (k, s) in outScalars.enumerated() {
                    let back = result.offsets.inputRange(of: k..<(k + 1))
                    #expect(back.lowerBound >= 0 && back.upperBound <= rawScalars.count && !back.isEmpty, "\(raw)")
                    if back.count == 1 && rawScalars[back.lowerBound] != s {
                        // Changed characters are conversions, width or space folds; ASCII never changes silently.
                        #expect(!(s.value < 0x80 && rawScalars[back.lowerBound].value < 0x80 && s != "\n" && s != " "), "\(raw) at \(k)")
                    }
                }
            }
        }
    }

    @Test("the seeds normalize to simplified text mapping back exactly")
    func seeds() throws {
        let n = try Normalizer(target: .simplified)
        for name in ["000_9b26ce8bd19728ef", "004_ad926f4bb36cb72d"] {
            guard let bytes = SharedData.read(SharedData.packageRoot + "/seeds/\(name).txt") else { continue }
            let raw = String(decoding: bytes, as: UTF8.self)
            let r = n.normalize(raw)
            #expect(!r.text.contains("寧波"))
            let rawScalars = Array(raw.unicodeScalars)
            // 宁波 in the output points at 寧波 in the raw text.
            let out = Array(r.text.unicodeScalars)
            if let at = out.indices.first(where: { out[$0] == "宁" && $0 + 1 < out.count && out[$0 + 1] == "波" }) {
                let back = r.offsets.inputRange(of: at..<(at + 2))
                #expect(String(String.UnicodeScalarView(rawScalars[back])) == "寧波" || String(String.UnicodeScalarView(rawScalars[back])) == "宁波")
            }
        }
    }

    @Test("normalizing into bytes gives the text, map and repairs of normalizing into a String")
    func writingBytes() throws {
        var rng = SeededRandom(seed: 31)
        let pieces = ["中国", "關(guān)閉", "１２３", "，", ",", "\r\n", "\u{3000}", "余", "并发布", "abc", "😀", "時間裏", "\u{200B}"]
        for target in [ScriptConverter.Target.simplified, .traditional] {
            let normalizer = try Normalizer(target: target, repairStages: [PinyinAnnotationRemover()])
            for _ in 0..<300 {
                let raw = (0..<Int(rng.next() % 12)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
                let expected = normalizer.normalize(raw)
                var bytes: [UInt8] = []
                let r = normalizer.normalize(raw) { bytes += $0 }
                #expect(String(decoding: bytes, as: UTF8.self) == expected.text, "\(raw)")
                #expect(r.repairs == expected.repairs)
                let n = expected.text.unicodeScalars.count
                for k in 0..<n { #expect(r.offsets.inputRange(of: k..<(k + 1)) == expected.offsets.inputRange(of: k..<(k + 1))) }
            }
        }
    }
}
