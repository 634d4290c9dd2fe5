import Foundation
import Testing
import ZhKit
import ZhTestSupport

/// The --jsonl input reader against Foundation's JSONSerialization, on random documents and on
/// random damage to them.
@Suite("JSON Lines input")
struct JSONLineReaderTests {
    /// A random JSON value, serialized with random spacing and escapes.
    static func value(_ r: inout SeededRandom, depth: Int) -> String {
        let pick = depth > 3 ? Int.random(in: 0..<4, using: &r) : Int.random(in: 0..<7, using: &r)
        switch pick {
        case 0: return string(&r)
        case 1: return ["0", "-12", "3.25", "1e3", "-0.5E-2", "123456789"].randomElement(using: &r)!
        case 2: return ["true", "false", "null"].randomElement(using: &r)!
        case 3: return string(&r)
        case 4:
            let n = Int.random(in: 0..<4, using: &r)
            return "[" + (0..<n).map { _ in space(&r) + value(&r, depth: depth + 1) + space(&r) }.joined(separator: ",") + "]"
        default:
            let n = Int.random(in: 0..<4, using: &r)
            return "{" + (0..<n).map { _ in space(&r) + string(&r) + space(&r) + ":" + space(&r) + value(&r, depth: depth + 1) }.joined(separator: ",") + "}"
        }
    }

    static func space(_ r: inout SeededRandom) -> String { ["", "", " ", "\t", "  "].randomElement(using: &r)! }

    /// A JSON string literal of random Chinese, ASCII and escaped characters.
    static func string(_ r: inout SeededRandom) -> String {
        var s = "\""
        for _ in 0..<Int.random(in: 0..<12, using: &r) {
            switch Int.random(in: 0..<9, using: &r) {
            case 0: s += ["\\n", "\\t", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\r"].randomElement(using: &r)!
            case 1: s += String(format: "\\u%04x", Int.random(in: 0x20..<0xD800, using: &r))
            case 2: s += "\\ud83d\\ude00"
            case 3: s += String(Character(Unicode.Scalar(UInt32.random(in: 0x4E00...0x9FA5, using: &r))!))
            case 4: s += "😀"
            default:
                let c = Character(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &r)))
                s += c == "\\" ? "\\\\" : c == "\"" ? "\\\"" : String(c)
            }
        }
        return s + "\""
    }

    /// A random input line: a document object with id, text and published in random order among
    /// other members.
    static func document(_ r: inout SeededRandom) -> String {
        var members: [String] = []
        if Bool.random(using: &r) { members.append(#""id""# + ":" + (Bool.random(using: &r) ? string(&r) : "42")) }
        if Int.random(in: 0..<5, using: &r) > 0 { members.append(#""text""# + ":" + string(&r)) }
        if Bool.random(using: &r) { members.append(#""published""# + ":" + #""2017-08-14""#) }
        for _ in 0..<Int.random(in: 0..<3, using: &r) { members.append(string(&r) + ":" + value(&r, depth: 1)) }
        members.shuffle(using: &r)
        return space(&r) + "{" + members.map { space(&r) + $0 + space(&r) }.joined(separator: ",") + "}" + space(&r)
    }

    /// Foundation's reading of a line: the document, or nil when it is not one.
    static func foundation(_ bytes: [UInt8]) -> JSONLineReader.Document?? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return .some(nil) }
        guard let text = object["text"] as? String, !text.isEmpty else { return nil }  // a document, but rejected for its text
        let id = object["id"] as? String ?? (object["id"] as? NSNumber).map { _ in "42" } ?? ""
        return .some(JSONLineReader.Document(id: id, text: text, published: object["published"] as? String))
    }

    @Test("random documents read as Foundation reads them")
    func documents() throws {
        var r = SeededRandom(seed: 11)
        for _ in 0..<3000 {
            let line = Self.document(&r)
            let bytes = Array(line.utf8)
            let ours = try? JSONLineReader.document(bytes)
            switch Self.foundation(bytes) {
            case .some(.some(let expected)):
                #expect(ours == expected, "\(line)")
            case .some(.none):
                #expect(ours == nil, "accepted what Foundation rejects: \(line)")
            case .none:
                #expect(ours == nil, "a document without text was accepted: \(line)")
            }
        }
    }

    @Test("damaged lines are refused where Foundation refuses them, and never crash")
    func damage() {
        var r = SeededRandom(seed: 12)
        var refused = 0
        for _ in 0..<3000 {
            var bytes = Array(Self.document(&r).utf8)
            switch Int.random(in: 0..<3, using: &r) {
            case 0: bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &r)))
            case 1 where !bytes.isEmpty: bytes[Int.random(in: 0..<bytes.count, using: &r)] = UInt8.random(in: 0...255, using: &r)
            default: bytes.insert(contentsOf: Array(["{", "}", "\"", ",", ":", "\\", "[", "]"].randomElement(using: &r)!.utf8),
                                  at: Int.random(in: 0...bytes.count, using: &r))
            }
            let ours = try? JSONLineReader.document(bytes)
            if case .some(.none) = Self.foundation(bytes) {
                #expect(ours == nil, "accepted what Foundation rejects: \(String(decoding: bytes, as: UTF8.self))")
            }
            if ours == nil { refused += 1 }
        }
        #expect(refused > 1000)
    }

    @Test("each failure says what is wrong")
    func failures() throws {
        func failure(_ s: String) -> JSONLineReader.Failure? {
            do { _ = try JSONLineReader.document(Array(s.utf8)); return nil } catch { return error }
        }
        #expect(failure("not json")?.description.hasPrefix("not a JSON object") == true)
        #expect(failure(#"{"id": "a"}"#) == .noText)
        #expect(failure(#"{"text": ""}"#) == .emptyText)
        #expect(failure(#"{"text": 5}"#) == .noText)
        #expect(failure(#"{"text": "a"} x"#)?.description.contains("text after the object") == true)
        #expect(failure(#"{"text": "\ud800"}"#)?.description.contains("lone surrogate") == true)
        #expect(failure(String(repeating: "[", count: 400) + "]") != nil)
        #expect(failure(#"{"x": "# + String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000) + #", "text": "a"}"#)?
            .description.contains("nesting too deep") == true)
        #expect(try JSONLineReader.document(Array(#"{"text":"a\u4e2d\ud83d\ude00","id":7}"#.utf8)) == .init(id: "7", text: "a中😀", published: nil))
    }

    @Test("the writer's string literals read back as the same strings")
    func writerRoundTrip() throws {
        var r = SeededRandom(seed: 11)
        for _ in 0..<2000 {
            var s = ""
            for _ in 0..<Int.random(in: 0..<40, using: &r) {
                switch Int.random(in: 0..<6, using: &r) {
                case 0: s.unicodeScalars.append(Unicode.Scalar(UInt8.random(in: 0..<0x20, using: &r)))
                case 1: s += ["\"", "\\", "/", "\u{7F}", "\u{2028}"].randomElement(using: &r)!
                case 2: s.unicodeScalars.append(Unicode.Scalar(UInt32.random(in: 0x4E00...0x9FA5, using: &r))!)
                case 3: s += "😀"
                default: s.unicodeScalars.append(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &r)))
                }
            }
            var w = JSONWriter()
            w.raw("[")
            w.string(s)
            w.raw("]")
            let back = try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String]
            #expect(back == [s], "\(s.debugDescription) came back as \(String(describing: back))")
        }
    }
}
