import ZhMatch

/// The compiled form of a converter: every key (ICU rule keys and overlay phrases) in one
/// matcher; per key, its ICU rules in ICU's order and its overlay replacement.
final class ConversionTable: Sendable {
    let matcher: PatternMatcher
    let rules: [ConversionRule]
    /// ICU rule indices of key k: `keyRules[keyRuleStart[k]..<keyRuleStart[k+1]]`, ascending.
    let keyRuleStart: [Int32]
    let keyRules: [Int32]
    /// Overlay replacement of each key (UTF-8), nil when the key is ICU's only.
    let overlay: [[UInt8]?]
    /// Overlay conditions (the character before must, or must not, be in a set).
    let overlayBefore: [OverlayContext?]
    /// Rule replacements as UTF-8.
    let ruleBytes: [[UInt8]]
    let ruleChars: [Int]
    let overlayChars: [Int]
    let unsupported: [String]
    /// Keys start with ASCII characters: the ASCII fast path must not skip them.
    let asciiKeys: Bool
    /// Per BMP code point: 0 take the full path, 1 copy unchanged, else `(offset + 1) << 3 | length`
    /// of its replacement in `fastBytes`. Characters that start no longer key and whose first rule
    /// has no context go fast.
    let fast: [UInt32]
    /// BMP characters whose own rule (without context) changes them: a bitmap.
    let changes: [UInt64]
    /// Rules with no context condition.
    let ruleContextFree: [Bool]
    let fastBytes: [UInt8]
    /// For BMP characters that start longer keys: what to do when the next character begins none
    /// of them (encoded as in `fast`; 0 take the full path).
    let starterFallback: [UInt32]
    /// The (first, second) character pairs that begin a key of two or more characters, packed
    /// `first << 32 | second`, in an open-addressing table (0 marks an empty slot).
    let pairs: [UInt64]
    let pairShift: UInt64
    /// Regional forms rewritten in the output, leftmost-longest (same lengths as replaced).
    let variant: (matcher: PatternMatcher, replacements: [String])?

    struct OverlayContext: Sendable {
        var set: Set<UInt32>
        var negated: Bool
    }

    private init(matcher: PatternMatcher, rules: [ConversionRule], keyRuleStart: [Int32], keyRules: [Int32],
                 keys: [String], overlay: [[UInt8]?], overlayBefore: [OverlayContext?], unsupported: [String], asciiKeys: Bool,
                 variant: (matcher: PatternMatcher, replacements: [String])?) {
        self.variant = variant
        // The fast table: a character qualifies when no key of two or more characters starts
        // with it, it has no overlay, and its first ICU rule has no context.
        var fast = [UInt32](repeating: 1, count: 0x10000)
        var fastBytes: [UInt8] = []
        var starters = Set<UInt32>()
        var single: [UInt32: Int] = [:]
        for (k, key) in keys.enumerated() {
            let keyScalars = key.unicodeScalars.map(\.value)
            guard let f = keyScalars.first else { continue }
            if keyScalars.count > 1 { starters.insert(f) } else { single[f] = k }
        }
        for (c, k) in single where c < 0x10000 && !starters.contains(c) {
            if overlay[k] != nil { fast[Int(c)] = 0; continue }
            let lo = Int(keyRuleStart[k]), hi = Int(keyRuleStart[k + 1])
            guard lo < hi else { continue }
            let r = rules[Int(keyRules[lo])]
            if r.before != nil || r.afterSet != nil || !r.afterLiteral.isEmpty || r.replacement.unicodeScalars.count != 1 {
                fast[Int(c)] = 0
                continue
            }
            let bytes = Array(r.replacement.utf8)
            fast[Int(c)] = UInt32(fastBytes.count + 1) << 3 | UInt32(bytes.count)
            fastBytes.append(contentsOf: bytes)
        }
        for c in starters where c < 0x10000 { fast[Int(c)] = 0 }
        // Starters: when no longer key can begin here, their own key (or nothing) applies.
        var starterFallback = [UInt32](repeating: 0, count: 0x10000)
        for c in starters where c < 0x10000 {
            guard let k = single[c] else { starterFallback[Int(c)] = 1; continue }
            let lo = Int(keyRuleStart[k]), hi = Int(keyRuleStart[k + 1])
            guard overlay[k] == nil else { continue }
            guard lo < hi else { starterFallback[Int(c)] = 1; continue }
            let r = rules[Int(keyRules[lo])]
            guard r.before == nil && r.afterSet == nil && r.afterLiteral.isEmpty && r.replacement.unicodeScalars.count == 1 else { continue }
            let bytes = Array(r.replacement.utf8)
            starterFallback[Int(c)] = UInt32(fastBytes.count + 1) << 3 | UInt32(bytes.count)
            fastBytes.append(contentsOf: bytes)
        }
        self.starterFallback = starterFallback
        var pairKeys = Set<UInt64>()
        for key in keys {
            let u = key.unicodeScalars.map(\.value)
            if u.count >= 2 { pairKeys.insert(UInt64(u[0]) << 32 | UInt64(u[1])) }
        }
        var bits = 4
        while 1 << bits < pairKeys.count * 4 { bits += 1 }
        var table = [UInt64](repeating: 0, count: 1 << bits)
        for p in pairKeys {
            var slot = Int((p &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
            while table[slot] != 0 { slot = (slot + 1) & (table.count - 1) }
            table[slot] = p
        }
        self.pairs = table
        self.pairShift = UInt64(64 - bits)
        var changes = [UInt64](repeating: 0, count: 1024)
        for (c, k) in single where c < 0x10000 {
            let lo = Int(keyRuleStart[k]), hi = Int(keyRuleStart[k + 1])
            let replacement: String? = overlay[k].map { String(decoding: $0, as: UTF8.self) }
                ?? (lo < hi ? rules[Int(keyRules[lo])].replacement : nil)
            if let r = replacement, r.unicodeScalars.first?.value != c || r.unicodeScalars.count != 1 {
                changes[Int(c >> 6)] |= 1 << UInt64(c & 63)
            }
        }
        self.changes = changes
        self.fast = fast
        self.ruleContextFree = rules.map { $0.before == nil && $0.afterSet == nil && $0.afterLiteral.isEmpty }
        self.fastBytes = fastBytes
        self.matcher = matcher
        self.rules = rules
        self.keyRuleStart = keyRuleStart
        self.keyRules = keyRules
        self.overlay = overlay
        self.overlayBefore = overlayBefore
        self.ruleBytes = rules.map { Array($0.replacement.utf8) }
        self.ruleChars = rules.map { $0.replacement.unicodeScalars.count }
        self.overlayChars = overlay.map { $0.map { String(decoding: $0, as: UTF8.self).unicodeScalars.count } ?? 0 }
        self.unsupported = unsupported
        self.asciiKeys = asciiKeys
    }

    static func build(target: ScriptConverter.Target, options: ScriptConverter.Options) throws -> ConversionTable {
        let icu = try ICURuleSource.rules(target)
        let quotes: Set<UInt32> = [0x201C, 0x201D, 0x2018, 0x2019, 0x300C, 0x300D, 0x300E, 0x300F]
        let rules = icu.rules.filter { r in
            options.convertQuotes || !(r.key.count == 1 && quotes.contains(r.key[0].value))
        }
        var keyIndex: [String: Int] = [:]
        var keys: [String] = []
        var perKey: [[Int32]] = []
        func key(_ s: String) -> Int {
            if let k = keyIndex[s] { return k }
            keyIndex[s] = keys.count
            keys.append(s)
            perKey.append([])
            return keys.count - 1
        }
        for (i, r) in rules.enumerated() {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: r.key)
            perKey[key(String(v))].append(Int32(i))
        }
        // The overlay: later entries win over earlier ones.
        var overlayByKey: [Int: (String, OverlayContext?)] = [:]
        if !options.icuOnly {
            for entry in BuiltinCorrections.entries(target: target, variant: options.variant) {
                overlayByKey[key(entry.key)] = (entry.value, entry.context)
            }
        }
        for table in options.phraseTables {
            for (n, line) in table.text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
                var line = line
                if line.last == "\r" { line = line.dropLast() }
                if line.trimmingSpaces().isEmpty || line.hasPrefix("#") { continue }
                let parts = line.split(separator: "\t", maxSplits: 1)
                guard parts.count == 2, let first = parts[1].split(separator: " ").first, !parts[0].isEmpty else {
                    throw NormalizationError.badRule(source: table.name, line: n + 1, reason: "expected phrase<TAB>target")
                }
                overlayByKey[key(String(parts[0]))] = (String(first), nil)
            }
        }
        var start: [Int32] = [0]
        var flat: [Int32] = []
        for list in perKey {
            flat.append(contentsOf: list)
            start.append(Int32(flat.count))
        }
        let overlay = (0..<keys.count).map { overlayByKey[$0].map { Array($0.0.utf8) } }
        let contexts = (0..<keys.count).map { overlayByKey[$0]?.1 }
        let matcher = try PatternMatcher(pairs: keys.enumerated().map { ($0.element, UInt32($0.offset)) })
        let asciiKeys = keys.contains { ($0.unicodeScalars.first?.value ?? 0) < 0x80 }
        var variant: (matcher: PatternMatcher, replacements: [String])?
        let variantPairs = target == .traditional ? BuiltinCorrections.variantPairs(options.variant) : []
        if !variantPairs.isEmpty {
            variant = (try PatternMatcher(pairs: variantPairs.enumerated().map { ($0.element.0, UInt32($0.offset)) }),
                       variantPairs.map(\.1))
        }
        return ConversionTable(matcher: matcher, rules: rules, keyRuleStart: start, keyRules: flat, keys: keys, overlay: overlay,
                               overlayBefore: contexts, unsupported: icu.unsupported, asciiKeys: asciiKeys, variant: variant)
    }

    /// Rewrites valid UTF-8 `input` into a string; nil when the result equals the input.
    ///
    /// A long input without a variant step is converted straight into the string's own storage,
    /// sized with room for growth: no second buffer, no copy. When the output outgrows it (rare:
    /// conversion keeps the length of nearly every character), the conversion runs again the
    /// usual way.
    func applyToString(_ input: UnsafeBufferPointer<UInt8>, _ edits: inout OffsetMap.Builder) -> String? {
        if variant == nil && input.count >= 1 << 16 {
            var attempt = edits
            var changed = false, overflowed = false
            let capacity = input.count + input.count / 8 + 64
            let result = String(unsafeUninitializedCapacity: capacity) { buffer in
                var sink = ByteSink(fixed: buffer)
                apply(input, &attempt, into: &sink) { _ in changed = true }
                overflowed = sink.overflowed
                return changed && !overflowed ? sink.count : 0
            }
            if !overflowed {
                edits = attempt
                return changed ? result : nil
            }
        }
        var result: String?
        apply(input, &edits) { result = String(decoding: $0, as: UTF8.self) }
        return result
    }

    func apply(_ input: UnsafeBufferPointer<UInt8>, _ edits: inout OffsetMap.Builder) -> [UInt8]? {
        var result: [UInt8]?
        apply(input, &edits) { result = Array($0) }
        return result
    }

    /// Rewrites valid UTF-8 `input` and hands the result to `body`, which is not called when the
    /// result equals the input.
    ///
    /// Characters that stay as they are are not copied one by one: a run of them is copied when
    /// the next change comes.
    func apply(_ input: UnsafeBufferPointer<UInt8>, _ edits: inout OffsetMap.Builder, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var out = ByteSink()
        defer { out.release() }
        apply(input, &edits, into: &out, body)
    }

    /// `apply(_:_:_:)` writing into `out` (which may be a fixed buffer: see ``ByteSink/overflowed``).
    func apply(_ input: UnsafeBufferPointer<UInt8>, _ edits: inout OffsetMap.Builder, into out: inout ByteSink,
               _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard let p = input.baseAddress, input.count > 0 else { return }
        let n = input.count
        var i = 0
        var copied = 0     // input bytes before this are in `out` or were replaced
        var inChar = 0
        var outChar = 0
        let overlay = self.overlay, overlayBefore = self.overlayBefore
        let keyRuleStart = self.keyRuleStart, keyRules = self.keyRules, matcher = self.matcher
        let ruleContextFree = self.ruleContextFree
        let asciiKeys = self.asciiKeys
        fast.withUnsafeBufferPointer { fast in
        starterFallback.withUnsafeBufferPointer { starterFallback in
        fastBytes.withUnsafeBufferPointer { fastBytes in
        let fb = fastBytes.baseAddress!
        while i < n {
            let b = p[i]
            if b < 0x80 && !asciiKeys {
                // Runs of ASCII have nothing to convert.
                var j = i + 1
                while j < n && p[j] < 0x80 { j += 1 }
                inChar += j - i
                outChar += j - i
                i = j
                continue
            }
            if b >= 0x80 && b < 0xF0 {
                let len = b < 0xE0 ? 2 : 3
                var v = UInt32(b) & (len == 2 ? 0x1F : 0x0F)
                v = v << 6 | (UInt32(p[i + 1]) & 0x3F)
                if len == 3 { v = v << 6 | (UInt32(p[i + 2]) & 0x3F) }
                var f = fast[Int(v)]
                if f == 0 {
                    // A starter: unless the next character continues one of its keys, it stands alone.
                    let g = starterFallback[Int(v)]
                    if g != 0 {
                        var c2: UInt32 = 0
                        if i + len < n {
                            var k = i + len
                            c2 = decodeScalar(input, &k)
                        }
                        if !pairStarts(v, c2) { f = g }
                    }
                }
                if f == 1 {
                    i += len
                    inChar += 1
                    outChar += 1
                    continue
                } else if f >= 2 {
                    let offset = Int(f >> 3) - 1, count = Int(f & 7)
                    if count != len || !Self.equal(p + i, fb + offset, len) {
                        if copied < i { out.append(p + copied, i - copied, reserving: n) }
                        out.append(fb + offset, count, reserving: n)
                        copied = i + len
                    }
                    i += len
                    inChar += 1
                    outChar += 1
                    continue
                }
            }
            var bestRule = Int32.max
            var ruleLength = (bytes: 0, chars: 0)
            var overlayKey = -1
            var overlayLength = (bytes: 0, chars: 0)
            let previous = Self.lastScalar(input, out, copied: copied, at: i)
            matcher.forEachPrefix(inUTF8: input, at: i) { value, byteLength, charLength in
                let k = Int(value)
                if overlay[k] != nil, Self.holds(overlayBefore[k], previous) {
                    overlayKey = k
                    overlayLength = (byteLength, charLength)
                }
                var r = Int(keyRuleStart[k])
                let end = Int(keyRuleStart[k + 1])
                while r < end {
                    let rule = keyRules[r]
                    if rule >= bestRule { break }
                    if ruleContextFree[Int(rule)] || contextHolds(rules[Int(rule)], input, after: i + byteLength, previous: previous) {
                        bestRule = rule
                        ruleLength = (byteLength, charLength)
                        break
                    }
                    r += 1
                }
                return true
            }
            if overlayKey >= 0 && (bestRule == Int32.max || overlayLength.bytes >= ruleLength.bytes) {
                if copied < i { out.append(p + copied, i - copied, reserving: n) }
                overlay[overlayKey]!.withUnsafeBufferPointer { out.append($0.baseAddress!, $0.count, reserving: n) }
                let produced = overlayChars[overlayKey]
                edits.replace(inStart: inChar, inEnd: inChar + overlayLength.chars, outStart: outChar, outEnd: outChar + produced)
                inChar += overlayLength.chars
                outChar += produced
                i += overlayLength.bytes
                copied = i
            } else if bestRule != Int32.max {
                let replacement = ruleBytes[Int(bestRule)]
                if replacement.count == ruleLength.bytes && replacement.withUnsafeBufferPointer({ Self.equal(p + i, $0.baseAddress!, $0.count) }) {
                    i += ruleLength.bytes
                    inChar += ruleLength.chars
                    outChar += ruleLength.chars
                    continue
                }
                if copied < i { out.append(p + copied, i - copied, reserving: n) }
                replacement.withUnsafeBufferPointer { out.append($0.baseAddress!, $0.count, reserving: n) }
                let produced = ruleChars[Int(bestRule)]
                edits.replace(inStart: inChar, inEnd: inChar + ruleLength.chars, outStart: outChar, outEnd: outChar + produced)
                inChar += ruleLength.chars
                outChar += produced
                i += ruleLength.bytes
                copied = i
            } else {
                let len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                i = min(n, i + len)
                inChar += 1
                outChar += 1
            }
        }
        }
        }
        }
        guard variant != nil || copied > 0 else { return }
        if copied < n { out.append(p + copied, n - copied, reserving: n) }
        let converted = out.count == 0 ? UnsafeBufferPointer(start: p, count: n) : UnsafeBufferPointer(start: out.base, count: out.count)
        guard let variant else { return body(converted) }
        var result: [UInt8] = []
        result.reserveCapacity(converted.count)
        var last = 0
        variant.matcher.forEachMatch(inUTF8: converted) { m in
            result.append(contentsOf: converted[last..<m.startByte])
            result.append(contentsOf: variant.replacements[Int(m.value)].utf8)
            last = m.endByte
            return true
        }
        result.append(contentsOf: converted[last...])
        result.withUnsafeBufferPointer(body)
    }


    /// Whether a key of two or more characters begins with `a`, `b`.
    @inline(__always)
    private func pairStarts(_ a: UInt32, _ b: UInt32) -> Bool {
        let p = UInt64(a) << 32 | UInt64(b)
        let mask = pairs.count - 1
        var slot = Int((p &* 0x9E37_79B9_7F4A_7C15) >> pairShift)
        while true {
            let e = pairs[slot]
            if e == p { return true }
            if e == 0 { return false }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        for k in 0..<n where a[k] != b[k] { return false }
        return true
    }

    private static func holds(_ c: OverlayContext?, _ previous: UInt32) -> Bool {
        guard let c else { return true }
        return c.set.contains(previous) != c.negated
    }

    private func contextHolds(_ rule: ConversionRule, _ input: UnsafeBufferPointer<UInt8>, after: Int, previous: UInt32) -> Bool {
        if let before = rule.before, !before.contains(previous) { return false }
        if rule.afterSet == nil && rule.afterLiteral.isEmpty { return true }
        var j = after
        if let set = rule.afterSet {
            guard j < input.count, set.contains(decodeScalar(input, &j)) else { return false }
        }
        for c in rule.afterLiteral {
            guard j < input.count, decodeScalar(input, &j) == c else { return false }
        }
        return true
    }


    /// The last code point written so far (0 at the start), as ICU's before-context sees it:
    /// the input's character before `i` when it was not replaced, else the last one in `out`.
    private static func lastScalar(_ input: UnsafeBufferPointer<UInt8>, _ out: ByteSink, copied: Int, at i: Int) -> UInt32 {
        if i > copied || out.count == 0 {
            guard i > 0 else { return 0 }
            var j = i - 1
            while j > 0 && input[j] & 0xC0 == 0x80 { j -= 1 }
            return decodeScalar(input, &j)
        }
        return out.lastScalar()
    }
}

/// An output buffer of bytes grown by hand (no per-append checks beyond capacity); the
/// converter's hot loop writes through it.
struct ByteSink {
    private(set) var base: UnsafeMutablePointer<UInt8>?
    private(set) var count = 0
    private var capacity = 0
    /// Writing into a buffer owned by someone else (a string being initialized): it is never
    /// grown nor freed; an append that does not fit sets `overflowed` and writes nothing more.
    private var fixed = false
    private(set) var overflowed = false

    init() {}

    /// A sink writing into `buffer`, which the caller owns.
    init(fixed buffer: UnsafeMutableBufferPointer<UInt8>) {
        base = buffer.baseAddress
        capacity = buffer.count
        fixed = true
    }

    /// Appends `k` bytes; the first append reserves room for about `expected` bytes.
    @inline(__always)
    mutating func append(_ p: UnsafePointer<UInt8>, _ k: Int, reserving expected: Int) {
        if overflowed { return }
        if count + k > capacity {
            if fixed {
                overflowed = true
                return
            }
            grow(count + k, expected)
        }
        (base! + count).update(from: p, count: k)
        count += k
    }

    private mutating func grow(_ needed: Int, _ expected: Int) {
        let newCapacity = max(needed, capacity == 0 ? expected + expected / 8 + 64 : capacity * 2)
        let b = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        if let old = base {
            b.update(from: old, count: count)
            old.deallocate()
        }
        base = b
        capacity = newCapacity
    }

    /// The last code point written (valid UTF-8 is written).
    func lastScalar() -> UInt32 {
        guard let base, count > 0 else { return 0 }
        var j = count - 1
        while j > 0 && base[j] & 0xC0 == 0x80 { j -= 1 }
        var k = j
        return decodeScalar(UnsafeBufferPointer(start: base, count: count), &k)
    }

    func array() -> [UInt8] {
        guard let base else { return [] }
        return Array(UnsafeBufferPointer(start: base, count: count))
    }

    mutating func release() {
        if !fixed { base?.deallocate() }
        base = nil
        count = 0
        capacity = 0
    }
}
