import Testing
import ZhMatch
import ZhTestSupport

@Suite("Compiled automata")
struct SerializationTests {
    private func sampleMatcher(kind: MatchKind = .leftmostLongest) throws -> PatternMatcher {
        var rng = SeededRandom(seed: 7)
        let chars = Array("贵州省毕节市威宁县中国人民政府委书记😀ab")
        var words: [String] = []
        for _ in 0..<300 {
            words.append(String((0..<(1 + Int(rng.next() % 4))).map { _ in chars[Int(rng.next() % UInt64(chars.count))] }))
        }
        return try PatternMatcher(pairs: words.enumerated().map { ($0.element, UInt32($0.offset)) }, kind: kind,
                                  userData: Array("values".utf8))
    }

    private let probe = "贵州省毕节市威宁县中国人民政府，市委书记😀ab中国人"

    @Test("a round trip keeps every match, the kind and the user data", arguments: MatchKind.allCases)
    func roundTrip(kind: MatchKind) throws {
        let m = try sampleMatcher(kind: kind)
        let bytes = m.serialized()
        let loaded = try PatternMatcher(serialized: bytes)
        #expect(loaded.kind == kind)
        #expect(loaded.userData == Array("values".utf8))
        #expect(loaded.findAll(in: probe) == m.findAll(in: probe))
        #expect(loaded.serialized() == bytes)
        let unchecked = try bytes.withUnsafeBytes { try PatternMatcher(unsafeUncheckedSerialized: $0) }
        #expect(unchecked.findAll(in: probe) == m.findAll(in: probe))
    }

    @Test("every truncation throws")
    func truncations() throws {
        let bytes = try sampleMatcher().serialized()
        var rng = SeededRandom(seed: 1)
        var cuts = Array(0..<min(bytes.count, 200))
        for _ in 0..<2000 { cuts.append(Int(rng.next() % UInt64(bytes.count))) }
        for cut in cuts {
            #expect(throws: PatternMatcherError.self) { try PatternMatcher(serialized: Array(bytes[0..<cut])) }
        }
    }

    @Test("random byte flips throw, and never crash", arguments: MatchKind.allCases)
    func flips(kind: MatchKind) throws {
        let bytes = try sampleMatcher(kind: kind).serialized()
        var rng = SeededRandom(seed: 2 + UInt64(kind.rawValue))
        for _ in 0..<2000 {
            var damaged = bytes
            for _ in 0..<(1 + Int(rng.next() % 3)) {
                damaged[Int(rng.next() % UInt64(damaged.count))] ^= UInt8(1 + rng.next() % 255)
            }
            if damaged == bytes { continue }
            #expect(throws: PatternMatcherError.self) { try PatternMatcher(serialized: damaged) }
        }
    }

    @Test("structural damage behind a valid checksum is caught or harmless", arguments: MatchKind.allCases)
    func structuralDamage(kind: MatchKind) throws {
        let bytes = try sampleMatcher(kind: kind).serialized()
        var rng = SeededRandom(seed: 3 + UInt64(kind.rawValue))
        var rejected = 0
        for _ in 0..<3000 {
            var damaged = bytes
            // Damage the payload, then forge both checksums so only validation stands guard.
            let at = 64 + Int(rng.next() % UInt64(damaged.count - 64))
            damaged[at] = UInt8(truncatingIfNeeded: rng.next())
            ChecksumForger.forge(&damaged)
            do {
                let m = try PatternMatcher(serialized: damaged)
                // It loaded: searching must still terminate without crashing.
                _ = m.findAll(in: probe)
                _ = m.findAll(inUTF8: [0xFF] + Array(probe.utf8))
            } catch {
                rejected += 1
            }
        }
        #expect(rejected > 100)
    }

    @Test("foreign data is named as such")
    func foreign() {
        #expect(throws: PatternMatcherError.notAnAutomaton) { try PatternMatcher(serialized: Array("中国\n人民\n".utf8)) }
        #expect(throws: PatternMatcherError.notAnAutomaton) { try PatternMatcher(serialized: []) }
    }
}

/// Recomputes the header and payload checksums of a compiled automaton (the same function as
/// the format's, written out again here on purpose).
enum ChecksumForger {
    static func sum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        let b = Array(bytes)
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(b.count)
        let words = b.count / 8
        for i in 0..<words {
            var w: UInt64 = 0
            for k in 0..<8 { w |= UInt64(b[i * 8 + k]) << (8 * UInt64(k)) }
            h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
        }
        var tail: UInt64 = 0
        for k in (words * 8)..<b.count { tail = tail << 8 | UInt64(b[k]) }
        h = (h ^ tail) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        return h
    }

    static func forge(_ bytes: inout [UInt8]) {
        func store(_ v: UInt64, at: Int) { for k in 0..<8 { bytes[at + k] = UInt8(truncatingIfNeeded: v >> (8 * UInt64(k))) } }
        store(sum(bytes[64...]), at: 48)
        store(sum(bytes[0..<56]), at: 56)
    }
}
