import Testing
import ZhMatch
import ZhTestSupport

/// Small alphabets mixing ASCII, CJK, astral characters, emoji and combining marks, so that
/// patterns overlap, nest and share prefixes and suffixes often.
private let alphabets: [[Unicode.Scalar]] = [
    ["a", "b"],
    ["a", "b", "中", "国"],
    ["中", "国", "人", "\u{20000}", "😀"],
    ["e", "\u{301}", "é", "中", "😀", "a"],
    ["甲", "乙", "丙", "丁", "戊", "己", "\u{1F1E8}", "\u{1F1F3}"],
]

private func randomScalars(_ alphabet: [Unicode.Scalar], _ n: Int, _ rng: inout SeededRandom) -> [Unicode.Scalar] {
    (0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
}

private func string(_ s: [Unicode.Scalar]) -> String {
    var out = String.UnicodeScalarView()
    out.append(contentsOf: s)
    return String(out)
}

private func naiveKind(_ k: MatchKind) -> NaiveMatcher.Kind {
    switch k {
    case .leftmostLongest: return .leftmostLongest
    case .leftmostFirst: return .leftmostFirst
    case .overlapping: return .overlapping
    }
}

/// Runs one random case and returns a description of the first disagreement, if any.
private func checkRandomCase(seed: UInt64, kind: MatchKind) throws -> String? {
    var rng = SeededRandom(seed: seed)
    let alphabet = alphabets[Int(rng.next() % UInt64(alphabets.count))]
    let patternCount = 1 + Int(rng.next() % 12)
    var pairs: [(String, UInt32)] = []
    var scalarPairs: [([UInt32], UInt32)] = []
    for i in 0..<patternCount {
        let p = randomScalars(alphabet, 1 + Int(rng.next() % 4), &rng)
        pairs.append((string(p), UInt32(i * 10)))
        scalarPairs.append((p.map(\.value), UInt32(i * 10)))
    }
    // Prefixes and suffixes of each other, and exact duplicates, on purpose.
    if let (p, _) = scalarPairs.first, p.count > 1, rng.next() % 2 == 0 {
        let cut = Array(p.dropLast())
        pairs.append((string(cut.map { Unicode.Scalar($0)! }), 999))
        scalarPairs.append((cut, 999))
        let tail = Array(p.dropFirst())
        pairs.append((string(tail.map { Unicode.Scalar($0)! }), 998))
        scalarPairs.append((tail, 998))
        pairs.append((pairs[0].0, 997))
        scalarPairs.append((scalarPairs[0].0, 997))
    }
    let text = randomScalars(alphabet, Int(rng.next() % 40), &rng)
    let matcher = try PatternMatcher(pairs: pairs, kind: kind)
    let expected = NaiveMatcher(scalarPairs).matches(in: text.map(\.value), kind: naiveKind(kind))
    let textString = string(text)
    let got = matcher.findAll(in: textString)
    // Byte offsets of each code point offset.
    var byteOffset = [0]
    for s in text { byteOffset.append(byteOffset.last! + String(s).utf8.count) }
    let gotTriples = got.map { "\($0.start)-\($0.end):\($0.value)" }
    let wantTriples = expected.map { "\($0.start)-\($0.end):\($0.value)" }
    if gotTriples != wantTriples {
        return "seed \(seed) \(kind): patterns \(pairs.map(\.0)) text \(textString): got \(gotTriples) want \(wantTriples)"
    }
    for m in got where m.startByte != byteOffset[m.start] || m.endByte != byteOffset[m.end] {
        return "seed \(seed): byte range \(m.byteRange) for code points \(m.range)"
    }
    // The lazy iterator, the byte input and the count agree with the callback form.
    if Array(matcher.matches(in: textString)) != got { return "seed \(seed): iterator differs" }
    if matcher.findAll(inUTF8: Array(textString.utf8)) != got { return "seed \(seed): byte input differs" }
    if matcher.countMatches(in: textString) != got.count { return "seed \(seed): count differs" }
    if matcher.countMatches(in: Substring(textString)) != got.count { return "seed \(seed): substring count differs" }
    return nil
}

@Suite("PatternMatcher against a naive matcher")
struct OracleTests {
    @Test("random dictionaries and texts", arguments: MatchKind.allCases)
    func randomCases(kind: MatchKind) throws {
        var failures: [String] = []
        for seed in 0..<UInt64(3000) {
            if let f = try checkRandomCase(seed: seed &* 7919 &+ UInt64(kind.rawValue), kind: kind) {
                failures.append(f)
                if failures.count > 3 { break }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test("empty text and text without any pattern character")
    func emptyText() throws {
        for kind in MatchKind.allCases {
            let m = try PatternMatcher(patterns: ["中国", "a"], kind: kind)
            #expect(m.findAll(in: "").isEmpty)
            #expect(m.findAll(in: "xyz，。").isEmpty)
            #expect(m.countMatches(inUTF8: UnsafeBufferPointer(start: nil, count: 0)) == 0)
        }
    }

    @Test("the three modes on a dictionary of nested words")
    func modes() throws {
        let words = ["毕节", "毕节市", "节市", "市"]
        let text = "毕节市"
        let ll = try PatternMatcher(patterns: words, kind: .leftmostLongest).findAll(in: text)
        #expect(ll.map(\.value) == [1])
        let lf = try PatternMatcher(patterns: words, kind: .leftmostFirst).findAll(in: text)
        #expect(lf.map(\.value) == [0, 3])
        let ov = try PatternMatcher(patterns: words, kind: .overlapping).findAll(in: text)
        #expect(ov.map(\.value) == [0, 1, 2, 3])
        #expect(ov.map(\.range) == [0..<2, 0..<3, 1..<3, 2..<3])
    }

    @Test("a duplicate pattern keeps its first value")
    func duplicates() throws {
        let m = try PatternMatcher(pairs: [("贵州", 7), ("贵州", 9)])
        #expect(m.findAll(in: "贵州").map(\.value) == [7])
        #expect(m.patternCount == 1)
    }

    @Test("an empty pattern is an error naming it")
    func emptyPattern() {
        #expect(throws: PatternMatcherError.emptyPattern(index: 1)) {
            try PatternMatcher(patterns: ["a", "", "b"])
        }
    }

    @Test("ill-formed UTF-8 never matches and counts one code point per byte")
    func invalidBytes() throws {
        let m = try PatternMatcher(patterns: ["中国", "\u{FFFD}", "a"])
        // 0xE4 0xB8 is a truncated 中; 0xFF and a lone continuation byte are invalid.
        var bytes: [UInt8] = [0xE4, 0xB8, 0x61, 0xFF, 0x80]
        bytes += Array("中国".utf8)
        let found = m.findAll(inUTF8: bytes)
        #expect(found.map(\.range) == [2..<3, 5..<7])
        #expect(found.map(\.byteRange) == [2..<3, 5..<11])
    }

    @Test("random bytes: byte input agrees with a reference decoder")
    func randomBytes() throws {
        var rng = SeededRandom(seed: 42)
        let m = try PatternMatcher(patterns: ["中", "中国", "a", "ab", "é", "😀"], kind: .overlapping)
        let pieces: [[UInt8]] = [Array("中".utf8), Array("国".utf8), [0x61], [0x62], Array("é".utf8), Array("😀".utf8),
                                 [0xE4], [0xB8], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]
        for _ in 0..<500 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 20) { bytes += pieces[Int(rng.next() % UInt64(pieces.count))] }
            // Reference: split into code points, an invalid byte alone standing for one.
            var units: [UInt32] = []
            var i = 0
            while i < bytes.count {
                var took = false
                for len in 1...4 where i + len <= bytes.count {
                    if let s = String(validating: bytes[i..<(i + len)], as: UTF8.self), s.unicodeScalars.count == 1 {
                        units.append(s.unicodeScalars.first!.value)
                        i += len
                        took = true
                        break
                    }
                }
                if !took {
                    units.append(0xFFFF_FFFF)
                    i += 1
                }
            }
            let naive = NaiveMatcher([("中", 0), ("中国", 1), ("a", 2), ("ab", 3), ("é", 4), ("😀", 5)].map {
                (Array($0.0.unicodeScalars.map(\.value)), UInt32($0.1))
            })
            let want = naive.matches(in: units, kind: .overlapping).map { "\($0.start)-\($0.end):\($0.value)" }
            let got = m.findAll(inUTF8: bytes).map { "\($0.start)-\($0.end):\($0.value)" }
            #expect(got == want, "bytes \(bytes)")
        }
    }
}

@Suite("Anchored prefix search")
struct PrefixTests {
    @Test("all patterns starting at each position, against a naive scan", arguments: MatchKind.allCases)
    func prefixes(kind: MatchKind) throws {
        var rng = SeededRandom(seed: 99)
        let alphabet: [Character] = ["中", "国", "a", "😀", "人"]
        for _ in 0..<300 {
            let words = (0..<(1 + Int(rng.next() % 8))).map { _ in
                String((0..<(1 + Int(rng.next() % 3))).map { _ in alphabet[Int(rng.next() % 5)] })
            }
            // Leftmost-first drops patterns that have an earlier pattern as prefix; compare
            // against the patterns the matcher keeps.
            let m = try PatternMatcher(patterns: words, kind: kind)
            let text = String((0..<Int(rng.next() % 12)).map { _ in alphabet[Int(rng.next() % 5)] })
            let chars = Array(text)
            var byteStart = 0
            for (ci, ch) in chars.enumerated() {
                var got: [Int] = []
                text.utf8.withContiguousStorageIfAvailable { buf in
                    m.forEachPrefix(inUTF8: buf, at: byteStart) { v, bl, cl in
                        got.append(Int(v))
                        #expect(String(decoding: buf[byteStart..<(byteStart + bl)], as: UTF8.self) == words[Int(v)])
                        #expect(cl == words[Int(v)].count)
                        return true
                    }
                }
                let rest = String(chars[ci...])
                var want: [Int] = []
                var seen = Set<String>()
                for (wi, w) in words.enumerated() where rest.hasPrefix(w) && seen.insert(w).inserted {
                    if kind == .leftmostFirst && words[..<wi].contains(where: { w.hasPrefix($0) && $0 != w }) { continue }
                    want.append(wi)
                }
                want.sort { words[$0].count < words[$1].count }
                #expect(got == want, "\(words) at \(ci) of \(text)")
                byteStart += String(ch).utf8.count
            }
        }
    }
}
