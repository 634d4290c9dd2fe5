import Foundation
import Testing
import ZhKit
import ZhTestSupport

@Suite("Pipeline and command line")
struct PipelineTests {
    @Test("offsets point into the raw input, through pinyin removal and conversion")
    func rawOffsets() throws {
        let raw = "寧(níng)波(bō)市代表團(tuán)赴涼(liáng)山州"
        let doc = try Pipeline().extract(raw, id: "x")
        let scalars = Array(raw.unicodeScalars)
        func rawText(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[r])) }
        let ningbo = doc.facts.places.first { $0.fullName == "宁波市" }
        #expect(ningbo.map { rawText($0.mentions[0]) } == "寧(níng)波(bō)市")
        #expect(doc.script == "traditional")
        #expect(doc.repairs.filter { $0.kind == "pinyin_annotation" }.count == 4)
    }

    @Test("one pipeline shared by many tasks gives the sequential results")
    func concurrency() async throws {
        let pipeline = try Pipeline()
        let texts = (0..<16).map { "市委书记杨亚林\($0)日率团赴贵州省毕节市考察，累计投入\($0 + 1)万元。" }
        let sequential = texts.map { pipeline.extract($0).jsonLine() }
        let parallel = await withTaskGroup(of: (Int, String).self) { group in
            for (i, t) in texts.enumerated() { group.addTask { (i, pipeline.extract(t).jsonLine()) } }
            var out = [String](repeating: "", count: texts.count)
            for await (i, s) in group { out[i] = s }
            return out
        }
        #expect(parallel == sequential)
    }

    @Test("zhkit extract --jsonl streams: one line in, one line out, order kept, bad lines reported")
    func streaming() throws {
        var input = ""
        for i in 0..<40 { input += #"{"id": "d\#(i)", "text": "市委书记杨亚林\#(i % 28 + 1)日赴毕节市考察。", "published": "2017-08-14"}"# + "\n" }
        input += "not json\n" + #"{"id": "empty", "text": ""}"# + "\n" + #"{"id": "last", "text": "贵州省"}"# + "\n"
        guard let r = try CommandRunner.zhkit(["extract", "--jsonl", "--jobs", "2"], input: input) else { return }
        let out = r.out, err = r.err
        let ids = out.split(separator: "\n").map { line -> String in
            let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return o?["id"] as? String ?? "?"
        }
        #expect(ids == (0..<40).map { "d\($0)" } + ["last"])
        #expect(err.contains("-:41: not a JSON object"))
        #expect(err.contains("-:42: empty \"text\""))
        #expect(r.status == 2)
    }
}
