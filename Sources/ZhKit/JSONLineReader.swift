import ZhNormalize

/// Reads one JSON Lines input document, `{"id": ..., "text": ..., "published"?: ...}`, straight
/// from its UTF-8 bytes: a strict JSON parser (RFC 8259) that keeps only the top-level members
/// it is asked for and validates everything else without building it. The strings it keeps must
/// be valid UTF-8.
///
/// ```swift
/// let doc = try JSONLineReader.document(Array(#"{"id": 7, "text": "市委书记"}"#.utf8))
/// doc.id    // "7"
/// ```
public enum JSONLineReader {
    /// A document read from one line.
    public struct Document: Sendable, Equatable {
        /// The `id` member: a string as it is, a number as written, or "" when absent.
        public var id: String
        public var text: String
        /// The `published` member when it is a string.
        public var published: String?

        public init(id: String, text: String, published: String?) {
            self.id = id
            self.text = text
            self.published = published
        }
    }

    /// Why a line is not a document.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The line is not one JSON object (the reason and the byte offset).
        case notJSON(String, offset: Int)
        /// The object has no `text` string.
        case noText
        /// The `text` string is empty.
        case emptyText

        public var description: String {
            switch self {
            case .notJSON(let reason, let offset): return "not a JSON object (\(reason) at byte \(offset))"
            case .noText: return "no \"text\" string"
            case .emptyText: return "empty \"text\""
            }
        }
    }

    /// Reads a document from one line's bytes (without its line break).
    ///
    /// - Complexity: O(*n*) in the line's length; nesting deeper than 256 levels is refused.
    public static func document(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> Document {
        var p = Parser(bytes: bytes)
        var id = ""
        var text: String?
        var published: String?
        do throws(Parser.Error) {
            p.skipSpace()
            try p.expect(UInt8(ascii: "{"))
            p.skipSpace()
            if p.peek() == UInt8(ascii: "}") {
                p.i += 1
            } else {
                while true {
                    p.skipSpace()
                    let key = try p.string()
                    p.skipSpace()
                    try p.expect(UInt8(ascii: ":"))
                    p.skipSpace()
                    switch key {
                    case "id":
                        switch p.peek() {
                        case UInt8(ascii: "\""): id = try p.string()
                        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): id = try p.number()
                        default: try p.value(depth: 1); id = ""
                        }
                    case "text":
                        if p.peek() == UInt8(ascii: "\"") { text = try p.string() } else { try p.value(depth: 1); text = nil }
                    case "published":
                        if p.peek() == UInt8(ascii: "\"") { published = try p.string() } else { try p.value(depth: 1); published = nil }
                    default:
                        try p.value(depth: 1)
                    }
                    p.skipSpace()
                    if p.peek() == UInt8(ascii: ",") { p.i += 1; continue }
                    try p.expect(UInt8(ascii: "}"))
                    break
                }
            }
            p.skipSpace()
            guard p.i == bytes.count else { throw Parser.Error(reason: "text after the object", offset: p.i) }
        } catch {
            throw .notJSON(error.reason, offset: error.offset)
        }
        guard let text else { throw .noText }
        guard !text.isEmpty else { throw .emptyText }
        return Document(id: id, text: text, published: published)
    }

    /// Reads a document from one line's bytes.
    public static func document(_ bytes: [UInt8]) throws(Failure) -> Document {
        try bytes.withUnsafeBufferPointer { (b) throws(Failure) -> Document in try document(b) }
    }

    struct Parser {
        struct Error: Swift.Error {
            var reason: String
            var offset: Int
        }

        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        @inline(__always)
        func peek() -> UInt8 { i < bytes.count ? bytes[i] : 0 }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        }

        mutating func expect(_ c: UInt8) throws(Error) {
            guard i < bytes.count, bytes[i] == c else {
                throw Error(reason: i < bytes.count ? "expected '\(Character(Unicode.Scalar(c)))'" : "unexpected end", offset: i)
            }
            i += 1
        }

        mutating func literal(_ word: StaticString) throws(Error) {
            let n = word.utf8CodeUnitCount
            guard i + n <= bytes.count else { throw Error(reason: "unexpected end", offset: i) }
            for k in 0..<n where bytes[i + k] != word.utf8Start[k] { throw Error(reason: "unknown literal", offset: i) }
            i += n
        }

        /// Any value, validated and skipped.
        mutating func value(depth: Int) throws(Error) {
            guard depth <= 256 else { throw Error(reason: "nesting too deep", offset: i) }
            switch peek() {
            case UInt8(ascii: "\""): _ = try string(keep: false)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try number()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "["):
                i += 1
                skipSpace()
                if peek() == UInt8(ascii: "]") { i += 1; return }
                while true {
                    skipSpace()
                    try value(depth: depth + 1)
                    skipSpace()
                    if peek() == UInt8(ascii: ",") { i += 1; continue }
                    try expect(UInt8(ascii: "]"))
                    return
                }
            case UInt8(ascii: "{"):
                i += 1
                skipSpace()
                if peek() == UInt8(ascii: "}") { i += 1; return }
                while true {
                    skipSpace()
                    _ = try string(keep: false)
                    skipSpace()
                    try expect(UInt8(ascii: ":"))
                    skipSpace()
                    try value(depth: depth + 1)
                    skipSpace()
                    if peek() == UInt8(ascii: ",") { i += 1; continue }
                    try expect(UInt8(ascii: "}"))
                    return
                }
            default:
                throw Error(reason: i < bytes.count ? "unexpected character" : "unexpected end", offset: i)
            }
        }

        /// A number, as written.
        mutating func number() throws(Error) -> String {
            let start = i
            func digits() -> Int {
                let s = i
                while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
                return i - s
            }
            if peek() == UInt8(ascii: "-") { i += 1 }
            if peek() == UInt8(ascii: "0") {
                i += 1
            } else if digits() == 0 {
                throw Error(reason: "bad number", offset: i)
            }
            if peek() == UInt8(ascii: ".") {
                i += 1
                guard digits() > 0 else { throw Error(reason: "bad number", offset: i) }
            }
            if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
                i += 1
                if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { i += 1 }
                guard digits() > 0 else { throw Error(reason: "bad number", offset: i) }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        }

        private mutating func hex4() throws(Error) -> UInt32 {
            guard i + 4 <= bytes.count else { throw Error(reason: "bad \\u escape", offset: i) }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[i]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                default: throw Error(reason: "bad \\u escape", offset: i)
                }
                v = v << 4 | d
                i += 1
            }
            return v
        }

        /// A string (the bytes must be valid UTF-8); with `keep` false it is only validated.
        mutating func string(keep: Bool = true) throws(Error) -> String {
            try expect(UInt8(ascii: "\""))
            let start = i
            // The common case: no escape. Find the closing quote.
            while i < bytes.count {
                let c = bytes[i]
                if c == UInt8(ascii: "\"") {
                    var s = ""
                    let raw = UnsafeBufferPointer(rebasing: bytes[start..<i])
                    if keep {
                        guard let v = String(validating: raw, as: UTF8.self) else { throw Error(reason: "not UTF-8", offset: start) }
                        s = v
                    } else if !isValidUTF8(raw) {
                        throw Error(reason: "not UTF-8", offset: start)
                    }
                    i += 1
                    return s
                }
                if c == UInt8(ascii: "\\") { break }
                if c < 0x20 { throw Error(reason: "control character in a string", offset: i) }
                i += 1
            }
            guard i < bytes.count else { throw Error(reason: "unterminated string", offset: start - 1) }
            // Escapes: build the string.
            var out: [UInt8] = []
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
            while i < bytes.count {
                // A run without quote, backslash or control character goes in one piece.
                let run = i
                while i < bytes.count, bytes[i] >= 0x20, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\") { i += 1 }
                if run < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
                guard i < bytes.count else { break }
                let c = bytes[i]
                if c == UInt8(ascii: "\"") {
                    i += 1
                    guard let v = String(validating: out, as: UTF8.self) else { throw Error(reason: "not UTF-8", offset: start) }
                    return keep ? v : ""
                }
                if c < 0x20 { throw Error(reason: "control character in a string", offset: i) }
                i += 1
                guard i < bytes.count else { break }
                let e = bytes[i]
                i += 1
                var scalar: UInt32
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalar = UInt32(e)
                case UInt8(ascii: "b"): scalar = 0x08
                case UInt8(ascii: "f"): scalar = 0x0C
                case UInt8(ascii: "n"): scalar = 0x0A
                case UInt8(ascii: "r"): scalar = 0x0D
                case UInt8(ascii: "t"): scalar = 0x09
                case UInt8(ascii: "u"):
                    scalar = try hex4()
                    if scalar >= 0xD800 && scalar < 0xDC00 {
                        // A high surrogate must be followed by an escaped low one.
                        guard i + 6 <= bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                            throw Error(reason: "lone surrogate", offset: i)
                        }
                        i += 2
                        let low = try hex4()
                        guard low >= 0xDC00 && low < 0xE000 else { throw Error(reason: "lone surrogate", offset: i) }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if scalar >= 0xDC00 && scalar < 0xE000 {
                        throw Error(reason: "lone surrogate", offset: i)
                    }
                default:
                    throw Error(reason: "bad escape", offset: i - 1)
                }
                out.append(contentsOf: String(Unicode.Scalar(scalar)!).utf8)
            }
            throw Error(reason: "unterminated string", offset: start - 1)
        }
    }
}
