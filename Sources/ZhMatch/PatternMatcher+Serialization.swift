// The compiled format, version 1, all integers little-endian:
//
//   offset  size  field
//        0     8  magic "ZHMATCH\0"
//        8     4  format version (1)
//       12     4  match kind (1 leftmost-longest, 2 leftmost-first, 3 overlapping)
//       16     4  state count S
//       20     4  output count O
//       24     4  character table length T (code points below T are mapped directly)
//       28     4  astral entry count A (code points at or above T)
//       32     4  alphabet size
//       36     4  pattern count
//       40     4  user data length U
//       44     4  reserved, 0
//       48     8  checksum of the payload
//       56     8  checksum of bytes 0..<56
//       64        payload: S states (base, check, fail, output: 4 x u32), O outputs (value,
//                 lengths: 2 x u32, lengths = code points | extra bytes << 16), for the
//                 overlapping kind only O output links (u32), T table codes (u32),
//                 A code points (u32), A codes (u32), U bytes of user data.

private let magic: [UInt8] = Array("ZHMATCH".utf8) + [0]
private let formatVersion: UInt32 = 1
private let headerSize = 64

/// A fast 64-bit checksum over bytes (not cryptographic: it detects damage, not tampering).
func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(bytes.count)
    let words = bytes.count / 8
    var i = 0
    while i < words {
        let w = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
        h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        i += 1
    }
    var tail: UInt64 = 0
    for k in (words * 8)..<bytes.count { tail = tail << 8 | UInt64(bytes[k]) }
    h = (h ^ tail) &* 0xBF58_476D_1CE4_E5B9
    h ^= h >> 31
    return h
}

extension PatternMatcher {
    /// The automaton in its compiled, versioned form, to be loaded with ``init(serialized:)``.
    ///
    /// - Complexity: O(size of the automaton).
    public func serialized() -> [UInt8] {
        let s = storage
        let payloadSize = s.stateCount * 16 + s.outputCount * (s.nexts == nil ? 8 : 12) + s.tableCount * 4 + s.astralCount * 8 + s.userData.count
        var out = [UInt8](repeating: 0, count: headerSize + payloadSize)
        out.withUnsafeMutableBytes { raw in
            var at = 0
            func put(_ v: UInt32) {
                raw.storeBytes(of: v.littleEndian, toByteOffset: at, as: UInt32.self)
                at += 4
            }
            for (i, b) in magic.enumerated() { raw[i] = b }
            at = 8
            put(formatVersion)
            put(s.kind.rawValue)
            put(UInt32(s.stateCount))
            put(UInt32(s.outputCount))
            put(UInt32(s.tableCount))
            put(UInt32(s.astralCount))
            put(UInt32(s.alphabetSize))
            put(UInt32(s.patternCount))
            put(UInt32(s.userData.count))
            put(0)
            at = headerSize
            for i in 0..<s.stateCount {
                let r = s.states[i]
                put(r.base); put(r.check); put(r.fail); put(r.output)
            }
            for i in 0..<s.outputCount {
                let r = s.outputs[i]
                put(r.value); put(r.lengths)
            }
            if let nexts = s.nexts { for i in 0..<s.outputCount { put(nexts[i]) } }
            for i in 0..<s.tableCount { put(s.table[i]) }
            for i in 0..<s.astralCount { put(s.astralPoints[i]) }
            for i in 0..<s.astralCount { put(s.astralCodes[i]) }
            for b in s.userData {
                raw[at] = b
                at += 1
            }
            let payload = checksum(UnsafeRawBufferPointer(rebasing: raw[headerSize...]))
            raw.storeBytes(of: payload.littleEndian, toByteOffset: 48, as: UInt64.self)
            let header = checksum(UnsafeRawBufferPointer(rebasing: raw[0..<56]))
            raw.storeBytes(of: header.littleEndian, toByteOffset: 56, as: UInt64.self)
        }
        return out
    }

    /// Loads a compiled automaton, checking everything: header, checksums, and that every index
    /// is in range, every fail chain ends at the root and every output chain ends, so that no
    /// search on the result can crash or loop, whatever the bytes.
    ///
    /// - Parameter bytes: data from ``serialized()``.
    /// - Throws: ``PatternMatcherError`` saying what is wrong with damaged or foreign data.
    /// - Complexity: O(size of the automaton).
    public init(serialized bytes: UnsafeRawBufferPointer) throws {
        let layout = try Layout(bytes)
        guard checksum(UnsafeRawBufferPointer(rebasing: bytes[headerSize..<layout.total])) == layout.payloadChecksum else {
            throw PatternMatcherError.checksumMismatch(part: "payload")
        }
        let storage = layout.load(bytes)
        try storage.validate()
        self.init(storage: storage)
    }

    /// Loads a compiled automaton; see ``init(serialized:)-(UnsafeRawBufferPointer)``.
    public init(serialized bytes: [UInt8]) throws {
        self = try bytes.withUnsafeBytes { try PatternMatcher(serialized: $0) }
    }

    /// Loads a compiled automaton checking only the header and sizes, not the checksum of the
    /// payload nor its structure.
    ///
    /// Safety contract: `bytes` must be exactly what ``serialized()`` produced (for instance a
    /// file this process wrote, or one checked once with ``init(serialized:)`` and not changed
    /// since). Damaged bytes loaded this way may make a search read out of bounds or never end.
    ///
    /// - Complexity: O(size of the automaton), one copy with no checks.
    public init(unsafeUncheckedSerialized bytes: UnsafeRawBufferPointer) throws {
        let layout = try Layout(bytes)
        self.init(storage: layout.load(bytes))
    }
}

/// The header of a compiled automaton, checked.
private struct Layout {
    var kind: MatchKind
    var stateCount, outputCount, tableCount, astralCount, alphabetSize, patternCount, userCount: Int
    var payloadChecksum: UInt64
    var total: Int

    init(_ bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count >= 8, (0..<8).allSatisfy({ bytes[$0] == magic[$0] }) else {
            throw PatternMatcherError.notAnAutomaton
        }
        guard bytes.count >= headerSize else { throw PatternMatcherError.truncated(expected: headerSize, actual: bytes.count) }
        func u32(_ at: Int) -> UInt32 { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
        let version = u32(8)
        guard version == formatVersion else { throw PatternMatcherError.unsupportedVersion(version) }
        let headerSum = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 56, as: UInt64.self))
        guard checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<56])) == headerSum else {
            throw PatternMatcherError.checksumMismatch(part: "header")
        }
        guard let kind = MatchKind(rawValue: u32(12)) else { throw PatternMatcherError.corrupt(reason: "unknown match kind \(u32(12))") }
        self.kind = kind
        stateCount = Int(u32(16))
        outputCount = Int(u32(20))
        tableCount = Int(u32(24))
        astralCount = Int(u32(28))
        alphabetSize = Int(u32(32))
        patternCount = Int(u32(36))
        userCount = Int(u32(40))
        payloadChecksum = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 48, as: UInt64.self))
        total = headerSize + stateCount * 16 + outputCount * (kind == .overlapping ? 12 : 8) + tableCount * 4 + astralCount * 8 + userCount
        guard bytes.count >= total else { throw PatternMatcherError.truncated(expected: total, actual: bytes.count) }
        guard bytes.count == total else {
            throw PatternMatcherError.corrupt(reason: "\(bytes.count - total) bytes after the end of the automaton")
        }
    }

    func load(_ bytes: UnsafeRawBufferPointer) -> Storage {
        let s = Storage(kind: kind, stateCount: stateCount, outputCount: outputCount, tableCount: tableCount,
                        astralCount: astralCount, alphabetSize: alphabetSize, patternCount: patternCount,
                        userData: Array(bytes[(total - userCount)..<total]))
        var at = headerSize
        func copy<T>(_ dst: UnsafeMutablePointer<T>, _ count: Int, _ stride: Int) {
            guard count > 0 else { return }
            UnsafeMutableRawPointer(dst).copyMemory(from: bytes.baseAddress! + at, byteCount: count * stride)
            at += count * stride
        }
        copy(s.states, stateCount, 16)
        copy(s.outputs, outputCount, 8)
        if let nexts = s.nexts { copy(nexts, outputCount, 4) }
        copy(s.table, tableCount, 4)
        copy(s.astralPoints, astralCount, 4)
        copy(s.astralCodes, astralCount, 4)
        #if _endian(big)
        for i in 0..<stateCount {
            s.states[i] = StateRecord(base: UInt32(littleEndian: s.states[i].base), check: UInt32(littleEndian: s.states[i].check),
                                      fail: UInt32(littleEndian: s.states[i].fail), output: UInt32(littleEndian: s.states[i].output))
        }
        for i in 0..<outputCount {
            let o = s.outputs[i]
            s.outputs[i] = OutputRecord(value: UInt32(littleEndian: o.value), lengths: UInt32(littleEndian: o.lengths))
            if let nexts = s.nexts { nexts[i] = UInt32(littleEndian: nexts[i]) }
        }
        for i in 0..<tableCount { s.table[i] = UInt32(littleEndian: s.table[i]) }
        for i in 0..<astralCount {
            s.astralPoints[i] = UInt32(littleEndian: s.astralPoints[i])
            s.astralCodes[i] = UInt32(littleEndian: s.astralCodes[i])
        }
        #endif
        return s
    }
}

extension Storage {
    /// Checks every invariant the search code relies on for memory safety and termination.
    func validate() throws {
        func fail(_ reason: String) -> PatternMatcherError { .corrupt(reason: reason) }
        guard stateCount >= 1, stateCount < Int(Int32.max) else { throw fail("state count \(stateCount)") }
        guard alphabetSize < stateCount else { throw fail("alphabet of \(alphabetSize) characters in \(stateCount) states") }
        guard states[0].check == Sentinel.rootCheck else { throw fail("state 0 is not the root") }
        guard tableCount <= 0x11_0000, astralCount <= 0x11_0000 else { throw fail("character table too large") }
        for i in 0..<tableCount where Int(table[i]) > alphabetSize {
            throw fail("character U+\(String(i, radix: 16)) has code \(table[i]) beyond the alphabet")
        }
        for i in 0..<astralCount {
            guard Int(astralCodes[i]) <= alphabetSize, astralCodes[i] > 0 else { throw fail("astral code \(astralCodes[i]) out of range") }
            guard astralPoints[i] <= 0x10FFFF, Int(astralPoints[i]) >= tableCount,
                  i == 0 || astralPoints[i] > astralPoints[i - 1] else { throw fail("astral characters not ascending") }
        }
        let limit = UInt32(stateCount - alphabetSize - 1)
        for i in 0..<stateCount {
            let r = states[i]
            if r.check == Sentinel.empty { continue }
            if i != 0 {
                guard r.check < UInt32(stateCount), states[Int(r.check)].check != Sentinel.empty else {
                    throw fail("state \(i) has parent \(r.check), which is not a state")
                }
            }
            guard r.base <= limit else { throw fail("state \(i) has base \(r.base) past the end of the array") }
            if r.fail == Sentinel.dead {
                guard kind != .overlapping else { throw fail("dead fail link in an overlapping automaton") }
            } else {
                guard r.fail < UInt32(stateCount), states[Int(r.fail)].check != Sentinel.empty else {
                    throw fail("state \(i) fails to \(r.fail), which is not a state")
                }
            }
            guard r.output == Sentinel.none || Int(r.output) < outputCount else {
                throw fail("state \(i) has output \(r.output) of \(outputCount)")
            }
        }
        for i in 0..<outputCount {
            let o = outputs[i]
            if let nexts {
                guard nexts[i] == Sentinel.none || nexts[i] < UInt32(i) else { throw fail("output \(i) links forward to \(nexts[i])") }
            }
            guard o.charLength >= 1, o.byteLength <= 4 * o.charLength else {
                throw fail("output \(i) has impossible lengths")
            }
        }
        // Every fail chain must end at the root (or a dead end): mark states whose chain is
        // known to end, and walk each unknown chain at most once.
        var mark = [UInt8](repeating: 0, count: stateCount)  // 0 unknown, 1 on the current walk, 2 ends
        mark[0] = 2
        var path: [Int] = []
        for i in 0..<stateCount where states[i].check != Sentinel.empty && mark[i] == 0 {
            var s = i
            path.removeAll(keepingCapacity: true)
            while true {
                if mark[s] == 2 { break }
                if mark[s] == 1 { throw fail("fail links of state \(i) form a cycle") }
                mark[s] = 1
                path.append(s)
                let f = states[s].fail
                if f == Sentinel.dead { break }
                s = Int(f)
            }
            for p in path { mark[p] = 2 }
        }
        // Likewise parents (check) must lead to the root.
        for i in mark.indices { mark[i] = 0 }
        mark[0] = 2
        for i in 0..<stateCount where states[i].check != Sentinel.empty && mark[i] == 0 {
            var s = i
            path.removeAll(keepingCapacity: true)
            while mark[s] != 2 {
                if mark[s] == 1 { throw fail("parents of state \(i) form a cycle") }
                mark[s] = 1
                path.append(s)
                s = Int(states[s].check)
            }
            for p in path { mark[p] = 2 }
        }
    }
}
