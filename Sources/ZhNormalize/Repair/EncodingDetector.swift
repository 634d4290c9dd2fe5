/// Decodes bytes of unknown encoding: byte order marks, UTF-8, then the Chinese legacy
/// encodings, each decoded strictly with ICU and the best kept.
///
/// Between GBK and Big5 (the same byte ranges), the judge is frequency: GB2312's common
/// characters have lead bytes B0-D7 (level 1), Big5's common characters A4-C6; real text in
/// one encoding falls mostly in its own common range and not in the other's. ICU's charset
/// detector breaks ties; it alone misjudges short inputs.
public struct EncodingDetector: Sendable {
    /// The result of decoding.
    public struct Decoded: Sendable {
        /// ICU's name of the encoding used (`UTF-8`, `windows-936-2000`, `windows-950-2000`...).
        public var encoding: String
        public var text: String
        /// How sure the choice is, in [0, 1].
        public var confidence: Double
    }

    public init() {}

    static let legacy = ["windows-936-2000", "gb18030", "windows-950-2000", "Big5-HKSCS"]

    /// Decodes `bytes` without copying them first when they are UTF-8 (the common case); see
    /// ``decode(_:)-([UInt8])``.
    public func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Decoded {
        if !bytes.starts(with: [0xEF, 0xBB, 0xBF]), !bytes.starts(with: [0xFF, 0xFE]), !bytes.starts(with: [0xFE, 0xFF]),
           let s = String(validating: bytes, as: UTF8.self) {
            return Decoded(encoding: "UTF-8", text: s, confidence: 1)
        }
        return decode(Array(bytes))
    }

    /// Decodes `bytes`, never failing: when no encoding decodes them strictly, UTF-8 with
    /// U+FFFD for each ill-formed sequence.
    ///
    /// - Complexity: O(*n*) per candidate encoding.
    public func decode(_ bytes: [UInt8]) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(encoding: "UTF-8", text: String(decoding: bytes.dropFirst(3), as: UTF8.self), confidence: 1)
        }
        for (bom, name) in [([UInt8](arrayLiteral: 0xFF, 0xFE), "UTF-16LE"), ([0xFE, 0xFF], "UTF-16BE")] where bytes.starts(with: bom) {
            if let c = try? ICUCodec(name: name), case .done(let utf8)? = try? c.decode(Array(bytes.dropFirst(2)), strict: false) {
                return Decoded(encoding: name, text: String(decoding: utf8, as: UTF8.self), confidence: 1)
            }
        }
        if let s = String(validating: bytes, as: UTF8.self) { return Decoded(encoding: "UTF-8", text: s, confidence: 1) }
        let guess = ICUCodec.detect(bytes)
        let gb = Self.commonShare(bytes, commonLeads: 0xB0...0xD7)
        let big5 = Self.commonShare(bytes, commonLeads: 0xA4...0xC6)
        var order = gb >= big5 ? ["windows-936-2000", "gb18030", "windows-950-2000", "Big5-HKSCS"]
                               : ["windows-950-2000", "Big5-HKSCS", "windows-936-2000", "gb18030"]
        if abs(gb - big5) < 0.05, let g = guess {
            let name = g.name.lowercased()
            if name.contains("big5") { order = ["windows-950-2000", "Big5-HKSCS", "windows-936-2000", "gb18030"] }
            if name.contains("gb") { order = ["windows-936-2000", "gb18030", "windows-950-2000", "Big5-HKSCS"] }
        }
        for name in order {
            guard let codec = try? ICUCodec(name: name), case .done(let utf8)? = try? codec.decode(bytes, strict: true) else { continue }
            let confidence = min(1, 0.5 + abs(gb - big5))
            return Decoded(encoding: name, text: String(decoding: utf8, as: UTF8.self), confidence: confidence)
        }
        return Decoded(encoding: "UTF-8", text: String(decoding: bytes, as: UTF8.self), confidence: 0)
    }

    /// Of the double-byte pairs read GBK/Big5 style (lead 81-FE), the share whose lead byte is
    /// in `commonLeads`.
    static func commonShare(_ bytes: [UInt8], commonLeads: ClosedRange<UInt8>) -> Double {
        var pairs = 0, common = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b >= 0x81 && b <= 0xFE && i + 1 < bytes.count {
                pairs += 1
                if commonLeads.contains(b) { common += 1 }
                i += 2
            } else {
                i += 1
            }
        }
        return pairs == 0 ? 0 : Double(common) / Double(pairs)
    }
}
