extension PatternMatcher {
    /// Builds a matcher from patterns whose values are their positions (0, 1, 2, ...).
    ///
    /// - Parameters:
    ///   - patterns: the patterns, any Unicode text; none may be empty.
    ///   - kind: the matching mode; leftmost-longest by default.
    /// - Throws: ``PatternMatcherError/emptyPattern(index:)`` for an empty pattern.
    /// - Complexity: O(*m* log *n*) for *n* patterns of *m* characters in all.
    public init<S: Sequence>(patterns: S, kind: MatchKind = .leftmostLongest) throws where S.Element: StringProtocol {
        var pairs: [(String, UInt32)] = []
        pairs.reserveCapacity(patterns.underestimatedCount)
        for (i, p) in patterns.enumerated() {
            guard i < Int(UInt32.max) else { throw PatternMatcherError.tooLarge }
            pairs.append((String(p), UInt32(i)))
        }
        try self.init(pairs: pairs, kind: kind)
    }

    /// Builds a matcher from (pattern, value) pairs.
    ///
    /// A pattern given more than once keeps the value of its first occurrence.
    ///
    /// - Parameters:
    ///   - pairs: the patterns with the value each match reports; no pattern may be empty.
    ///   - kind: the matching mode; leftmost-longest by default.
    ///   - userData: opaque bytes kept with the automaton and its serialized form.
    /// - Throws: ``PatternMatcherError/emptyPattern(index:)`` for an empty pattern,
    ///   ``PatternMatcherError/tooLarge`` past the 32-bit layout's limits.
    /// - Complexity: O(*m* log *n*) for *n* patterns of *m* characters in all.
    public init<S: Sequence, P: StringProtocol>(pairs: S, kind: MatchKind = .leftmostLongest,
                                                userData: [UInt8] = []) throws where S.Element == (P, UInt32) {
        var builder = AutomatonBuilder(kind: kind)
        for (pattern, value) in pairs { try builder.add(pattern, value: value) }
        self.init(storage: try builder.build(userData: userData))
    }
}

/// Turns patterns into the double array. Internal: the public face is `PatternMatcher.init`.
struct AutomatonBuilder {
    let kind: MatchKind
    /// Code points of all patterns, back to back.
    private var scalars: [UInt32] = []
    /// `offsets[i]..<offsets[i+1]` are pattern i's scalars.
    private var offsets: [Int] = [0]
    private var byteLengths: [UInt32] = []
    private var values: [UInt32] = []

    init(kind: MatchKind) { self.kind = kind }

    mutating func add<P: StringProtocol>(_ pattern: P, value: UInt32) throws {
        let index = values.count
        var n = 0
        for s in pattern.unicodeScalars {
            scalars.append(s.value)
            n += 1
        }
        if n == 0 { throw PatternMatcherError.emptyPattern(index: index) }
        let bytes = pattern.utf8.count
        guard n <= OutputRecord.maxCharLength, bytes - n <= OutputRecord.maxExtraBytes else {
            throw PatternMatcherError.patternTooLong(index: index)
        }
        guard index < Int(Int32.max) - 1 else { throw PatternMatcherError.tooLarge }
        offsets.append(scalars.count)
        byteLengths.append(UInt32(bytes))
        values.append(value)
    }

    func build(userData: [UInt8]) throws -> Storage {
        let patternCount = values.count
        // 1. Number the characters by frequency: frequent characters get small codes, so the
        //    children of busy states sit close together and the double array stays dense.
        var alphabet: [(scalar: UInt32, count: Int32)] = []
        if scalars.count < 1 << 14 {
            var counts: [UInt32: Int32] = [:]
            for s in scalars { counts[s, default: 0] += 1 }
            for (s, c) in counts { alphabet.append((s, c)) }
        } else {
            var bmpCounts = [Int32](repeating: 0, count: 0x10000)
            var astralCounts: [UInt32: Int32] = [:]
            for s in scalars {
                if s < 0x10000 { bmpCounts[Int(s)] &+= 1 } else { astralCounts[s, default: 0] += 1 }
            }
            for (s, c) in bmpCounts.enumerated() where c > 0 { alphabet.append((UInt32(s), c)) }
            for (s, c) in astralCounts { alphabet.append((s, c)) }
        }
        alphabet.sort { $0.count != $1.count ? $0.count > $1.count : $0.scalar < $1.scalar }
        let alphabetSize = alphabet.count
        var maxBMP: UInt32 = 0x7F
        for a in alphabet where a.scalar < 0x10000 { maxBMP = max(maxBMP, a.scalar) }
        let tableCount = Int(maxBMP) + 1
        var table = [UInt32](repeating: 0, count: tableCount)
        var astral: [(UInt32, UInt32)] = []
        for (i, a) in alphabet.enumerated() {
            if Int(a.scalar) < tableCount { table[Int(a.scalar)] = UInt32(i + 1) } else { astral.append((a.scalar, UInt32(i + 1))) }
        }
        astral.sort { $0.0 < $1.0 }
        var codes = scalars
        for i in codes.indices {
            let s = codes[i]
            codes[i] = Int(s) < tableCount ? table[Int(s)] : astral[astral.binarySearchIndex(of: s)].1
        }

        // 2. Sort the patterns by their code sequences (ties: the earlier pattern first), then
        //    drop duplicates (the first keeps its value) and, for leftmost-first, patterns that
        //    have an earlier pattern as a prefix: they can never match.
        let kept: [Int32] = codes.withUnsafeBufferPointer { cp in
            offsets.withUnsafeBufferPointer { off in
                var order = (0..<Int32(patternCount)).map { $0 }
                order.sort { a, b in
                    let (a0, a1) = (off[Int(a)], off[Int(a) + 1])
                    let (b0, b1) = (off[Int(b)], off[Int(b) + 1])
                    let n = min(a1 - a0, b1 - b0)
                    var k = 0
                    while k < n {
                        let x = cp[a0 + k], y = cp[b0 + k]
                        if x != y { return x < y }
                        k += 1
                    }
                    if a1 - a0 != b1 - b0 { return a1 - a0 < b1 - b0 }
                    return a < b
                }
                func isPrefix(_ a: Int32, _ b: Int32) -> Bool {
                    let (a0, a1) = (off[Int(a)], off[Int(a) + 1])
                    let (b0, b1) = (off[Int(b)], off[Int(b) + 1])
                    if a1 - a0 > b1 - b0 { return false }
                    var k = 0
                    while k < a1 - a0 {
                        if cp[a0 + k] != cp[b0 + k] { return false }
                        k += 1
                    }
                    return true
                }
                func length(_ a: Int32) -> Int { off[Int(a) + 1] - off[Int(a)] }
                var kept: [Int32] = []
                kept.reserveCapacity(patternCount)
                // Patterns that are prefixes of the current one, with the smallest index so far.
                var stack: [(pattern: Int32, minIndex: Int32)] = []
                for p in order {
                    while let top = stack.last, !isPrefix(top.pattern, p) { stack.removeLast() }
                    if let top = stack.last {
                        if length(top.pattern) == length(p) { continue }  // duplicate: first wins
                        if kind == .leftmostFirst && top.minIndex < p {
                            stack.append((p, top.minIndex))
                            continue
                        }
                    }
                    kept.append(p)
                    stack.append((p, min(p, stack.last?.minIndex ?? p)))
                }
                return kept
            }
        }

        // 3. Build the trie breadth first over the sorted patterns: node ids are breadth-first,
        //    the children of a node have consecutive ids.
        var nodeOwn: [Int32] = [-1]            // pattern ending at each node, -1 if none
        var nodeFirstChild: [Int32] = [0]
        var nodeChildCount: [Int32] = [0]
        var nodeLabel: [UInt32] = [0]          // code on the edge from the parent
        var nodeParent: [Int32] = [-1]
        var ranges: [(lo: Int32, hi: Int32)] = [(0, Int32(kept.count))]
        var nodeDepth: [Int32] = [0]
        codes.withUnsafeBufferPointer { cp in
            offsets.withUnsafeBufferPointer { off in
                var node = 0
                while node < ranges.count {
                    var i = Int(ranges[node].lo)
                    let hi = Int(ranges[node].hi)
                    let depth = Int(nodeDepth[node])
                    if i < hi && off[Int(kept[i]) + 1] - off[Int(kept[i])] == depth {
                        nodeOwn[node] = kept[i]
                        i += 1
                    }
                    nodeFirstChild[node] = Int32(ranges.count)
                    var last: UInt32 = 0
                    while i < hi {
                        let c = cp[off[Int(kept[i])] + depth]
                        if c != last {
                            if last != 0 { ranges[ranges.count - 1].hi = Int32(i) }
                            ranges.append((Int32(i), Int32(hi)))
                            nodeOwn.append(-1)
                            nodeFirstChild.append(0)
                            nodeChildCount.append(0)
                            nodeLabel.append(c)
                            nodeParent.append(Int32(node))
                            nodeDepth.append(Int32(depth + 1))
                            nodeChildCount[node] += 1
                            last = c
                        }
                        i += 1
                    }
                    node += 1
                }
            }
        }
        ranges = []
        let nodeCount = nodeOwn.count

        // 4. Place the nodes' children in the double array, the nodes with most children first
        //    (first-fit decreasing): the narrow nodes then fill the gaps the wide ones leave.
        var array = DoubleArrayLayout()
        array.claimRoot()
        var nodeBase = [Int](repeating: 0, count: nodeCount)
        var wide = (0..<Int32(nodeCount)).filter { nodeChildCount[Int($0)] > 0 }
        wide.sort { nodeChildCount[Int($0)] != nodeChildCount[Int($1)] ? nodeChildCount[Int($0)] > nodeChildCount[Int($1)] : $0 < $1 }
        var labels: [UInt32] = []
        for n in wide {
            let first = Int(nodeFirstChild[Int(n)])
            labels.removeAll(keepingCapacity: true)
            for c in first..<(first + Int(nodeChildCount[Int(n)])) { labels.append(nodeLabel[c]) }
            let base = array.place(labels)
            guard base + alphabetSize + 1 < Int(Int32.max) else { throw PatternMatcherError.tooLarge }
            nodeBase[Int(n)] = base
        }
        wide = []
        // Slots follow from the bases, top down.
        var slotOf = [UInt32](repeating: 0, count: nodeCount)
        var own: [Int32] = []
        var order: [(state: UInt32, parent: UInt32, code: UInt32)] = []
        order.reserveCapacity(nodeCount)
        for n in 1..<max(nodeCount, 1) {
            let parentSlot = slotOf[Int(nodeParent[n])]
            let slot = UInt32(nodeBase[Int(nodeParent[n])] + Int(nodeLabel[n]))
            slotOf[n] = slot
            array.check[Int(slot)] = parentSlot
            array.base[Int(slot)] = UInt32(nodeBase[n])
            own.setSlot(Int(slot), to: nodeOwn[n])
            order.append((slot, parentSlot, nodeLabel[n]))
        }
        array.base[0] = UInt32(nodeBase[0])

        // 5. Size the array so that base + any code stays in bounds, then compute fail links
        //    and outputs in breadth-first order.
        var maxBase = 0
        var used = 1
        for s in order {
            used = max(used, Int(s.state) + 1)
            maxBase = max(maxBase, Int(array.base[Int(s.state)]))
        }
        maxBase = max(maxBase, Int(array.base[0]))
        let stateCount = max(used, maxBase + alphabetSize + 1)
        guard stateCount < Int(Int32.max), kept.count < Int(Int32.max) else { throw PatternMatcherError.tooLarge }

        let storage = Storage(kind: kind, stateCount: stateCount, outputCount: kept.count,
                              tableCount: tableCount, astralCount: astral.count,
                              alphabetSize: alphabetSize, patternCount: kept.count, userData: userData)
        let st = storage.states
        for i in 0..<min(stateCount, array.check.count) {
            st[i].base = array.base[i]
            st[i].check = array.check[i]
        }
        st[0].check = Sentinel.rootCheck
        st[0].fail = Sentinel.root
        for (i, c) in table.enumerated() { storage.table[i] = c }
        for (i, a) in astral.enumerated() {
            storage.astralPoints[i] = a.0
            storage.astralCodes[i] = a.1
        }

        var outputCount = 0
        let leftmost = kind != .overlapping
        func newOutput(_ pattern: Int32, next: UInt32) -> UInt32 {
            let p = Int(pattern)
            storage.outputs[outputCount] = OutputRecord(
                value: values[p], charLength: offsets[p + 1] - offsets[p], byteLength: Int(byteLengths[p]))
            if let nexts = storage.nexts { nexts[outputCount] = next }
            outputCount += 1
            return UInt32(outputCount - 1)
        }
        for (s, parent, code) in order {
            let pattern = own.slot(Int(s))
            if leftmost && pattern >= 0 {
                st[Int(s)].fail = Sentinel.dead
                st[Int(s)].output = newOutput(pattern, next: Sentinel.none)
                continue
            }
            var f: UInt32 = Sentinel.root
            if parent != Sentinel.root {
                f = st[Int(parent)].fail
                while true {
                    if f == Sentinel.dead { break }
                    let t = st[Int(f)].base &+ code
                    if st[Int(t)].check == f { f = t; break }
                    if f == Sentinel.root { break }
                    f = st[Int(f)].fail
                }
            }
            st[Int(s)].fail = f
            let inherited = f == Sentinel.dead ? Sentinel.none : st[Int(f)].output
            st[Int(s)].output = pattern >= 0 ? newOutput(pattern, next: inherited) : inherited
        }
        precondition(outputCount == kept.count)
        return storage
    }
}

extension Array where Element == Int32 {
    fileprivate func slot(_ i: Int) -> Int32 { i < count ? self[i] : -1 }
    fileprivate mutating func setSlot(_ i: Int, to v: Int32) {
        if i >= count { append(contentsOf: repeatElement(-1, count: i - count + 1)) }
        self[i] = v
    }
}

extension Array where Element == (UInt32, UInt32) {
    fileprivate func binarySearchIndex(of key: UInt32) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if self[mid].0 < key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// The growing double array, used only while building.
///
/// Placement is first-fit over an occupancy bitset: a candidate base is tried only where the
/// first child's slot is free, and full 64-slot words are skipped at once, so a node with many
/// children can afford to test thousands of bases and fill the gaps left by earlier ones.
struct DoubleArrayLayout {
    var base: [UInt32] = []
    var check: [UInt32] = []
    /// One bit per slot, set when the slot is taken.
    private var used: [UInt64] = []
    /// One bit per word of `used`, set while that word has a free slot: lets a search skip
    /// 4,096 taken slots at a time.
    private var open: [UInt64] = []
    /// Every slot below this one is taken.
    private var firstFree = 0
    /// Per number of children (capped), where the last node that wide was placed (see `place`).
    private var widthFloor = [Int](repeating: 0, count: 65)
    private static let block = 1 << 12

    mutating func claimRoot() {
        ensure(Self.block)
        mark(0)
        check[0] = Sentinel.rootCheck
    }

    private mutating func ensure(_ size: Int) {
        guard size > check.count else { return }
        let newSize = (size + Self.block - 1) / Self.block * Self.block
        base.append(contentsOf: repeatElement(0, count: newSize - base.count))
        check.append(contentsOf: repeatElement(Sentinel.empty, count: newSize - check.count))
        let oldWords = used.count
        used.append(contentsOf: repeatElement(0, count: newSize / 64 - used.count))
        let words = used.count
        if open.count < (words + 63) / 64 { open.append(contentsOf: repeatElement(0, count: (words + 63) / 64 - open.count)) }
        for w in oldWords..<words { open[w >> 6] |= 1 << UInt64(w & 63) }
    }

    @inline(__always)
    private func isFree(_ i: Int) -> Bool {
        i >= check.count || used[i >> 6] & (1 << UInt64(i & 63)) == 0
    }

    @inline(__always)
    private mutating func mark(_ i: Int) {
        let w = i >> 6
        used[w] |= 1 << UInt64(i & 63)
        if used[w] == ~0 { open[w >> 6] &= ~(1 << UInt64(w & 63)) }
    }

    /// The first free slot at or after `i` (possibly past the end of the array).
    private func nextFree(from i: Int) -> Int {
        var w = i >> 6
        if w >= used.count { return i }
        let bits = ~used[w] & (~0 << UInt64(i & 63))
        if bits != 0 { return w << 6 + bits.trailingZeroBitCount }
        // The next word with a free slot, 64 words at a time.
        w += 1
        var g = w >> 6
        guard g < open.count else { return w << 6 }
        var summary = open[g] & (~0 << UInt64(w & 63))
        while summary == 0 {
            g += 1
            if g >= open.count { return max(w, used.count) << 6 }
            summary = open[g]
        }
        let next = g << 6 + summary.trailingZeroBitCount
        if next >= used.count { return used.count << 6 }
        return next << 6 + (~used[next]).trailingZeroBitCount
    }

    /// Bit j is set when slot `start + j` is free (slots past the end are free).
    @inline(__always)
    private static func freeWindow(_ u: UnsafeBufferPointer<UInt64>, _ start: Int) -> UInt64 {
        let w = start >> 6
        let sh = UInt64(start & 63)
        let lo = w < u.count ? ~u[w] : ~0
        if sh == 0 { return lo }
        let hi = w + 1 < u.count ? ~u[w + 1] : ~0
        return lo >> sh | hi << (64 - sh)
    }

    /// Finds a base >= 1 at which every `base + label` slot is free, claims those slots and
    /// returns the base. `labels` are ascending and non-zero.
    ///
    /// Tests 64 consecutive bases at a time: the AND of each label's free-slot window, shifted by
    /// the label, has a bit set exactly for the bases where all children fit.
    mutating func place(_ labels: [UInt32]) -> Int {
        let first = Int(labels[0])
        let last = Int(labels[labels.count - 1])
        if labels.count == 1 {
            let f = nextFree(from: max(firstFree, first + 1))
            claim(base: f - first, labels, last: last)
            return f - first
        }
        // Nodes come widest first: a node as wide as the last one placed starts its search a
        // little before where that one went (the slots before were too full for it).
        let width = min(labels.count, widthFloor.count - 1)
        var start = max(1, max(firstFree, widthFloor[width] - 32768) - first)
        while true {
            // Skip taken slots under the first label at once.
            let f = nextFree(from: start + first)
            if f > start + first { start = f - first }
            let mask = used.withUnsafeBufferPointer { u in
                labels.withUnsafeBufferPointer { ls in
                    var m: UInt64 = ~0
                    for l in ls {
                        m &= Self.freeWindow(u, start + Int(l))
                        if m == 0 { break }
                    }
                    return m
                }
            }
            if mask != 0 {
                let b = start + mask.trailingZeroBitCount
                claim(base: b, labels, last: last)
                // A search that had to go far: the region behind is too fragmented for nodes with
                // several children; later ones start nearer (the holes left go to single children).
                widthFloor[width] = b + first
                return b
            }
            start += 64
        }
    }

    private mutating func claim(base b: Int, _ labels: [UInt32], last: Int) {
        if b + last + 1 > check.count { ensure(b + last + 1) }
        for l in labels { mark(b + Int(l)) }
        firstFree = nextFree(from: firstFree)
    }
}
