import Foundation
import Testing
import ZhExtract
import ZhKit
import ZhTestSupport

/// What the command line does with whatever a crawler brought back: output, a reported repair,
/// or one line naming the file and the reason with a non-zero exit; never a crash or a hang.
@Suite("Reliability")
struct ReliabilityTests {
    static let commands: [[String]] = [["extract"], ["normalize"], ["repair"], ["convert", "--to", "simplified"], ["match", "--dict", "@words"]]

    /// A scratch folder holding a small dictionary for `match`.
    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zhkit-reliability-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "毕节\n贵州\n北京\n".write(to: dir.appendingPathComponent("words.txt"), atomically: true, encoding: .utf8)
        return dir
    }

    static func arguments(_ command: [String], _ dir: URL) -> [String] {
        command.map { $0 == "@words" ? dir.appendingPathComponent("words.txt").path : $0 }
    }

    /// Runs `command` on a file holding `bytes`.
    static func run(_ command: [String], bytes: [UInt8], name: String = "input.txt", extra: [String] = []) throws -> (CommandRunner.Result, String)? {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        guard let r = try CommandRunner.run(arguments(command, dir) + extra + [file.path], timeLimit: 240) else { return nil }
        return (r, file.path)
    }

    /// The lines of standard error.
    static func lines(_ s: String) -> [Substring] { s.split(separator: "\n") }

    @Test("text inputs: empty, NUL inside, punctuation only, a truncated sequence, UTF-16 with a BOM", arguments: commands)
    func textInputs(command: [String]) throws {
        let text = "习近平在北京会见贵州省代表团。"
        let utf16le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let utf16be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let cases: [(String, [UInt8])] = [
            ("empty", []),
            ("nul", Array("中国\u{0}人民\u{0}".utf8)),
            ("punctuation", Array("，。、！？……——《》「」".utf8)),
            ("truncated", Array("中国人".utf8) + [0xE4, 0xB8]),
            ("utf16le", utf16le),
            ("utf16be", utf16be),
        ]
        for (label, bytes) in cases {
            guard let (r, path) = try Self.run(command, bytes: bytes) else { return }
            #expect(r.status == 0, "\(command[0]) \(label): \(r.err)")
            #expect(!r.timedOut)
            #expect(!r.err.contains("Fatal error") && !r.err.contains("crashed"), "\(command[0]) \(label)")
            if command[0] == "extract" { #expect(r.out.hasPrefix("{\"id\""), "\(label)") }
            switch (label, command[0]) {
            case ("nul", "convert"):
                #expect(r.out == "中国\u{0}人民\u{0}", "convert keeps every character")
            case ("nul", "normalize"):
                #expect(r.out == "中国人民", "control characters are cleaned, the text kept")
            case ("truncated", "repair"), ("truncated", "match"):
                // repair decodes by detection (the bytes may be a legacy encoding); match reads
                // bytes as they are, an ill-formed one matching nothing.
                #expect(!r.err.contains("crash"))
            case ("truncated", _):
                #expect(Self.lines(r.err) == ["zhkit \(command[0]): \(path): not valid UTF-8; 1 ill-formed sequence replaced by U+FFFD (zhkit repair detects other encodings)"])
                if command[0] == "convert" { #expect(r.out == "中国人\u{FFFD}") }
            case ("utf16le", "repair"), ("utf16be", "repair"):
                #expect(r.out.contains(text))
            case ("utf16le", _), ("utf16be", _):
                #expect(Self.lines(r.err) == ["zhkit \(command[0]): \(path): read as UTF-16\(label == "utf16le" ? "LE" : "BE") (byte order mark)"])
                if command[0] == "convert" || command[0] == "normalize" { #expect(r.out.contains(text)) }
                if command[0] == "extract" { #expect(r.out.contains("\"北京市\"") && r.out.contains("\"贵州省\"")) }
                if command[0] == "match" { #expect(r.out.split(separator: "\n").count == 2) }
            default:
                #expect(r.err.isEmpty, "\(command[0]) \(label): \(r.err)")
            }
        }
    }

    @Test("UTF-16 with a lone surrogate: read, the bad unit replaced and counted")
    func utf16LoneSurrogate() throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + "中国".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [0x00, 0xD8]
        guard let (r, path) = try Self.run(["convert", "--to", "simplified"], bytes: bytes) else { return }
        #expect(r.status == 0)
        #expect(r.out == "中国\u{FFFD}")
        #expect(Self.lines(r.err) == ["zhkit convert: \(path): read as UTF-16LE (byte order mark); 1 ill-formed unit replaced by U+FFFD"])
    }

    @Test("binary input is refused in one line naming the file", arguments: commands)
    func binaryInputs(command: [String]) throws {
        var rng = SeededRandom(seed: 7)
        let random = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 56) + random.prefix(512)
        for bytes in [random, elf] {
            guard let (r, path) = try Self.run(command, bytes: bytes, name: "blob.bin") else { return }
            #expect(r.status == 1)
            #expect(r.out.isEmpty)
            let lines = Self.lines(r.err)
            #expect(lines.count == 1)
            #expect(lines.first?.hasPrefix("zhkit \(command[0]): \(path): binary data, not text (") == true, "\(r.err)")
        }
    }

    @Test("a missing file and an unknown option: one line, non-zero exit", arguments: commands)
    func missingAndUnknown(command: [String]) throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        guard let missing = try CommandRunner.run(Self.arguments(command, dir) + ["/nonexistent/a.txt"]) else { return }
        #expect(missing.status == 1)
        #expect(missing.err == "zhkit \(command[0]): /nonexistent/a.txt: no such file\n")
        guard let unknown = try CommandRunner.run(Self.arguments(command, dir) + ["--no-such-option"]) else { return }
        #expect(unknown.status == 64)
        #expect(Self.lines(unknown.err).count == 1)
        #expect(unknown.err.hasPrefix("zhkit \(command[0]): Unknown option '--no-such-option'"))
    }

    @Test("a 2-million-character run of one character passes through whole", arguments: commands)
    func longRuns(command: [String]) throws {
        for ch in ["中", "?", "("] {
            let text = String(repeating: ch, count: 2_000_000)
            guard let (r, _) = try Self.run(command, bytes: Array(text.utf8)) else { return }
            #expect(r.status == 0 && !r.timedOut, "\(command[0]) \(ch): \(r.err)")
            switch command[0] {
            case "convert", "repair": #expect(r.out == text, "\(command[0]) \(ch)")
            case "normalize": #expect(r.out.unicodeScalars.count == 2_000_000, "\(ch)")
            case "extract": #expect(r.out.hasPrefix("{\"id\""))
            default: #expect(r.out.isEmpty)
            }
        }
    }

    @Test("--jsonl: a line that is not JSON, without text, with empty text: one error each, the rest processed, exit 2")
    func damagedJSONLines() throws {
        let input = """
            {"id": "a", "text": "贵州省毕节市"}
            {"id": "b", "text": 
            {"id": "c"}
            {"id": "d", "text": ""}
            [1, 2]
            {"id": "e", "text": "北京市"}

            """
        guard let r = try CommandRunner.run(["extract", "--jsonl"], input: Data(input.utf8)) else { return }
        #expect(r.status == 2)
        let ids = Self.lines(r.out).compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(ids == ["a", "e"])
        let errors = Self.lines(r.err)
        #expect(errors.count == 4)
        #expect(errors.map { $0.split(separator: ":").prefix(3).joined(separator: ":") }
                == ["zhkit extract: -:2", "zhkit extract: -:3", "zhkit extract: -:4", "zhkit extract: -:5"])
    }

    @Test("a damaged gazetteer: bad rows named file:line and skipped, the good rows load, exit 2")
    func damagedGazetteer() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("towns.csv")
        var bytes = Array("code,name,areaCode\n520526101,迤那镇,520526\n520526\nx12,坏镇,520526\n".utf8)
        bytes += Array("520526102,".utf8) + [0xC3, 0x28] + Array("镇,520526\n520526101,重复镇,520526\n520526103,\"未闭合镇,520526\n".utf8)
        try Data(bytes).write(to: csv)
        guard let r = try CommandRunner.run(["extract", "--gazetteer", csv.path], input: Data("毕节市干部到迤那镇考察".utf8)) else { return }
        #expect(r.status == 2)
        #expect(Self.lines(r.err) == [
            "zhkit extract: \(csv.path):3: expected code,name",
            "zhkit extract: \(csv.path):4: bad code x12",
            "zhkit extract: \(csv.path):5: name is not UTF-8",
            "zhkit extract: \(csv.path):6: duplicate code 520526101 (first on line 2); the first row kept",
            "zhkit extract: \(csv.path):7: unbalanced quotes",
        ])
        #expect(r.out.contains("\"迤那镇\"") && r.out.contains("\"520526101\""))
    }

    @Test("random pieces of real articles never crash extraction, and every offset is in the text")
    func randomPieces() throws {
        let pipeline = try Pipeline()
        var texts: [String] = [
            // Found by running 100k news lines: a visit word opening the text.
            "访问期间，双方还签署了农业、林业、基础科研、市场监管、媒体等领域多项双边合作文件。",
            "对", "访问", "来华", "(", "关(", "?", "市委书记", "赴", "省", "村", "万元",
        ]
        let seedsDir = SharedData.packageRoot + "/seeds"
        let seeds = (try? FileManager.default.contentsOfDirectory(atPath: seedsDir))?.sorted().compactMap {
            try? String(contentsOfFile: seedsDir + "/" + $0, encoding: .utf8)
        } ?? []
        #expect(!seeds.isEmpty, "the repository's seeds/ folder")
        var rng = SeededRandom(seed: 2026)
        for seed in seeds {
            let scalars = Array(seed.unicodeScalars)
            for _ in 0..<60 {
                let a = Int.random(in: 0..<scalars.count, using: &rng)
                let b = min(scalars.count, a + Int.random(in: 1...160, using: &rng))
                texts.append(String(String.UnicodeScalarView(scalars[a..<b])))
            }
        }
        for text in texts {
            let n = text.unicodeScalars.count
            let doc = pipeline.extract(text)
            let f = doc.facts
            let ranges = f.places.flatMap(\.mentions) + f.persons.flatMap(\.mentions) + f.organizations.flatMap(\.mentions)
                + f.dates.flatMap(\.mentions) + f.amounts.flatMap(\.mentions) + doc.boilerplate
            #expect(ranges.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= n }, "\(text)")
            #expect(doc.repairs.allSatisfy { $0.start >= 0 && $0.start <= $0.end && $0.end <= n }, "\(text)")
        }
    }
}

/// Size: slow, so run when `ZHKIT_SLOW_TESTS=1` (`.ci/run` sets it) against the binary in
/// `ZHKIT_BINARY` (a release build).
@Suite("Reliability at size", .enabled(if: ProcessInfo.processInfo.environment["ZHKIT_SLOW_TESTS"] == "1"))
struct SizeTests {
    /// The repository's seeds, one paragraph each.
    static func seedText() throws -> String {
        let dir = SharedData.packageRoot + "/seeds"
        return try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
            .map { try String(contentsOfFile: dir + "/" + $0, encoding: .utf8) }.joined()
    }

    @Test("one 60 MB document on a single line: done, in at most 4x the input plus 300 MB")
    func sixtyMegabytes() throws {
        let paragraph = try Self.seedText().replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "\r", with: "")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(60_000_100)
        while bytes.count < 60_000_000 { bytes += paragraph.utf8 }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zhkit-size-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("big.txt")
        try Data(bytes).write(to: file)
        guard let r = try CommandRunner.run(["extract", file.path], timeLimit: 900) else { return }
        #expect(r.status == 0 && !r.timedOut, "\(r.err)")
        #expect(r.out.hasPrefix("{\"id\":\"big.txt\""))
        #expect(r.out.contains("\"毕节市\""))
        if let peak = r.peakMemory {
            print("60 MB document: peak memory \(peak / 1_000_000) MB")
            #expect(peak <= 4 * bytes.count + 300_000_000)
        }
    }

    @Test("100,000 tiny documents stream through --jsonl in constant memory")
    func manyDocuments() throws {
        let sentences = try Self.seedText().split(whereSeparator: { $0 == "。" || $0 == "\n" }).filter { $0.count > 4 }.map(String.init)
        func jsonl(_ n: Int) -> Data {
            var s = ""
            for i in 0..<n {
                let t = sentences[i % sentences.count].replacingOccurrences(of: "\\", with: "").replacingOccurrences(of: "\"", with: "'")
                s += #"{"id": "d\#(i)", "text": "\#(t)。"}"# + "\n"
            }
            return Data(s.utf8)
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zhkit-many-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var peaks: [Int] = []
        for n in [10_000, 100_000] {
            let file = dir.appendingPathComponent("docs-\(n).jsonl")
            try jsonl(n).write(to: file)
            guard let r = try CommandRunner.run(["extract", "--jsonl", file.path], timeLimit: 900) else { return }
            #expect(r.status == 0 && !r.timedOut, "\(r.err)")
            #expect(r.out.split(separator: "\n").count == n)
            if let p = r.peakMemory { peaks.append(p) }
        }
        if peaks.count == 2 {
            print("peak memory: 10k documents \(peaks[0] / 1_000_000) MB, 100k documents \(peaks[1] / 1_000_000) MB")
            // Ten times the documents (and input bytes): memory grows by less than 16 MB.
            #expect(peaks[1] < peaks[0] + 16_000_000)
        }
    }
}
