import Foundation
import Testing
@testable import ZhNormalize
import ZhTestSupport

private func seedText(_ name: String) -> String {
    String(decoding: SharedData.read(SharedData.packageRoot + "/seeds/\(name).txt") ?? [], as: UTF8.self)
}

@Suite("Encoding repair")
struct RepairTests {
    @Test("clean text encoded as GBK or Big5 is detected and restored exactly")
    func roundTrip() throws {
        let simplified = try Normalizer(target: .simplified, repairStages: [PinyinAnnotationRemover()]).normalize(seedText("003_17a6dfa9780f989e")).text
        let traditional = try ScriptConverter(to: .traditional).convert(simplified)
        for (text, codecName) in [(simplified, "windows-936-2000"), (traditional, "windows-950-2000")] {
            // Keep the characters the encoding can represent.
            let codec = try ICUCodec(name: codecName)
            let clean = String(text.unicodeScalars.filter { s in
                if case .done = try! codec.encode(Array(String(s).utf8), strict: true) { return true } else { return false }
            }.map(Character.init))
            guard case .done(let bytes) = try codec.encode(Array(clean.utf8), strict: true) else { Issue.record("encode"); continue }
            let decoded = EncodingDetector().decode(bytes)
            #expect(decoded.encoding == codecName)
            #expect(decoded.text == clean)
        }
    }

    @Test("the reference pages in GB2312 and Big5 decode as such", .enabled(if: SharedData.root != nil))
    func referencePages() throws {
        let root = SharedData.root! + "/reference/encodings/"
        let manifest = try String(contentsOfFile: root + "manifest.tsv", encoding: .utf8)
        var checked = 0
        for line in manifest.split(whereSeparator: \.isNewline).dropFirst() {
            let cols = line.split(separator: "\t")
            guard cols.count > 2, cols[1] == "GB2312" || cols[1] == "Big5" else { continue }
            guard let bytes = SharedData.read(root + String(cols[0])) else { Issue.record("cannot read \(cols[0])"); continue }
            let d = EncodingDetector().decode(bytes)
            #expect(d.encoding == (cols[1] == "GB2312" ? "windows-936-2000" : "windows-950-2000"), "\(cols[0])")
            #expect(!d.text.contains("\u{FFFD}"), "\(cols[0])")
            checked += 1
        }
        #expect(checked >= 40)
    }

    @Test("pinyin annotations go, other parentheses stay")
    func pinyin() {
        let r = PinyinAnnotationRemover().apply("關(guān)閉(注)(2023)(一)(APP)(hello)學(xué)習(xí)")
        #expect(r.text == "關閉(注)(2023)(一)(APP)(hello)學習")
        #expect(r.repairs.count == 3)
        #expect(r.repairs[0] == Repair(kind: "pinyin_annotation", start: 0, end: 7, original: "關(guān)", replacement: "關", confidence: 1))
    }

    @Test("the seeds lose every pinyin annotation outside the GBK-damaged runs")
    func seeds() {
        var total = 0
        for name in ["001_29e6a95d79ed7dd2", "002_79b51d6bf456065a", "004_ad926f4bb36cb72d"] {
            total += PinyinAnnotationRemover().apply(seedText(name)).repairs.count
        }
        #expect(total == 406)  // the 407th sits inside a GBK-misaligned run
    }

    @Test("clean news passes through unchanged", .enabled(if: SharedData.root != nil))
    func cleanNews() throws {
        guard let bytes = SharedData.read(SharedData.root! + "/bench/cctv-news-2023.txt") else { return }
        let text = String(decoding: bytes.prefix(2_000_000), as: UTF8.self)
        #expect(PinyinAnnotationRemover().apply(text).repairs.isEmpty)
        #expect(EncodingDetector().decode(Array(text.utf8)).text == text)
    }
}
