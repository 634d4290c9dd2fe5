/// Where a search stands between two matches; what lets the iterators resume without allocating.
@usableFromInline
struct SearchCursor {
    /// Next byte to read.
    @usableFromInline var byte: Int = 0
    /// Code points read so far.
    @usableFromInline var char: Int = 0
    /// Overlapping search: the current state and the output still to report there.
    @usableFromInline var state: UInt32 = Sentinel.root
    @usableFromInline var pendingOutput: UInt32 = Sentinel.none

    @inlinable init() {}
}

extension Storage {
    /// Finds the next non-overlapping (leftmost) match at or after the cursor and moves the cursor
    /// past it; returns nil, with the cursor at the end, when there is none.
    @inlinable @inline(__always)
    func nextLeftmost<D: ScalarDecoder>(_ p: UnsafePointer<UInt8>, _ n: Int, _ cursor: inout SearchCursor,
                                        _: D.Type) -> Match? {
        let st = states
        var i = cursor.byte
        var c = cursor.char
        var state = Sentinel.root
        var lastOut = Sentinel.none
        var lastByte = 0
        var lastChar = 0
        while i < n {
            let scalar = D.decode(p, &i, n)
            c &+= 1
            let code = self.code(of: scalar)
            if code == 0 {
                if lastOut != Sentinel.none { break }
                state = Sentinel.root
                continue
            }
            var s = state
            while true {
                let t = st[Int(s)].base &+ code
                if st[Int(t)].check == s {
                    s = t
                    break
                }
                if s == Sentinel.root { break }
                s = st[Int(s)].fail
                if s == Sentinel.dead {
                    if lastOut != Sentinel.none { break }
                    s = Sentinel.root  // only in a damaged automaton: start over
                }
            }
            if s == Sentinel.dead { break }
            state = s
            let o = st[Int(s)].output
            if o != Sentinel.none {
                lastOut = o
                lastByte = i
                lastChar = c
                // A leaf can only be left through its dead fail link: report it now.
                if st[Int(s)].base == 0 { break }
            }
        }
        guard lastOut != Sentinel.none else {
            cursor.byte = n
            cursor.char = c
            return nil
        }
        let out = outputs[Int(lastOut)]
        cursor.byte = lastByte
        cursor.char = lastChar
        return Match(value: out.value,
                     start: max(0, lastChar &- out.charLength), end: lastChar,
                     startByte: max(0, lastByte &- out.byteLength), endByte: lastByte)
    }

    /// Finds the next overlapping match after the cursor (standard Aho-Corasick semantics).
    @inlinable @inline(__always)
    func nextOverlapping<D: ScalarDecoder>(_ p: UnsafePointer<UInt8>, _ n: Int, _ cursor: inout SearchCursor,
                                           _: D.Type) -> Match? {
        let st = states
        if cursor.pendingOutput != Sentinel.none {
            let o = cursor.pendingOutput
            cursor.pendingOutput = nexts.unsafelyUnwrapped[Int(o)]
            return makeMatch(outputs[Int(o)], cursor.byte, cursor.char)
        }
        var i = cursor.byte
        var c = cursor.char
        var state = cursor.state
        while i < n {
            let scalar = D.decode(p, &i, n)
            c &+= 1
            let code = self.code(of: scalar)
            if code == 0 {
                state = Sentinel.root
                continue
            }
            var s = state
            while true {
                let t = st[Int(s)].base &+ code
                if st[Int(t)].check == s {
                    s = t
                    break
                }
                if s == Sentinel.root { break }
                s = st[Int(s)].fail
                if s == Sentinel.dead { s = Sentinel.root }  // only in a damaged automaton
            }
            state = s
            let o = st[Int(s)].output
            if o != Sentinel.none {
                let out = outputs[Int(o)]
                cursor.byte = i
                cursor.char = c
                cursor.state = state
                cursor.pendingOutput = nexts.unsafelyUnwrapped[Int(o)]
                return makeMatch(out, i, c)
            }
        }
        cursor.byte = n
        cursor.char = c
        cursor.state = state
        return nil
    }

    @inlinable @inline(__always)
    func makeMatch(_ out: OutputRecord, _ endByte: Int, _ endChar: Int) -> Match {
        Match(value: out.value, start: max(0, endChar &- out.charLength), end: endChar,
              startByte: max(0, endByte &- out.byteLength), endByte: endByte)
    }

    @inlinable @inline(__always)
    func next<D: ScalarDecoder>(_ p: UnsafePointer<UInt8>, _ n: Int, _ cursor: inout SearchCursor, _ d: D.Type) -> Match? {
        kind == .overlapping ? nextOverlapping(p, n, &cursor, d) : nextLeftmost(p, n, &cursor, d)
    }

    /// Calls `body` for each match; stops early when `body` returns false.
    @inlinable
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, validating: Bool, _ body: (Match) throws -> Bool) rethrows {
        guard let p = bytes.baseAddress, bytes.count > 0 else { return }
        var cursor = SearchCursor()
        if kind == .overlapping {
            if validating {
                while let m = nextOverlapping(p, bytes.count, &cursor, ValidatingDecoder.self) { if try !body(m) { return } }
            } else {
                while let m = nextOverlapping(p, bytes.count, &cursor, TrustedDecoder.self) { if try !body(m) { return } }
            }
        } else {
            if validating {
                while let m = nextLeftmost(p, bytes.count, &cursor, ValidatingDecoder.self) { if try !body(m) { return } }
            } else {
                while let m = nextLeftmost(p, bytes.count, &cursor, TrustedDecoder.self) { if try !body(m) { return } }
            }
        }
    }

    @usableFromInline
    func count(_ bytes: UnsafeBufferPointer<UInt8>, validating: Bool) -> Int {
        var n = 0
        scan(bytes, validating: validating) { _ in
            n += 1
            return true
        }
        return n
    }
}

extension PatternMatcher {
    /// Calls `body` with every match in `text`, in order (see ``MatchKind`` for which matches).
    ///
    /// - Parameters:
    ///   - text: the text to search; offsets are relative to its start.
    ///   - body: called once per match; return `false` to stop the search.
    /// - Complexity: O(*n* + *k*) for a text of *n* bytes and *k* matches; allocates nothing.
    @inlinable
    public func forEachMatch<T: StringProtocol>(in text: T, _ body: (Match) throws -> Bool) rethrows {
        if let r = try text.utf8.withContiguousStorageIfAvailable({ try storage.scan($0, validating: false, body) }) {
            return r
        }
        var copy = String(text)
        copy.makeContiguousUTF8()
        try copy.utf8.withContiguousStorageIfAvailable { try storage.scan($0, validating: false, body) }
    }

    /// Calls `body` with every match in raw UTF-8 bytes, in order.
    ///
    /// Bytes that are not well-formed UTF-8 never take part in a match and each counts as one
    /// code point in the offsets.
    ///
    /// - Parameters:
    ///   - bytes: the text as UTF-8 bytes; offsets are relative to their start.
    ///   - body: called once per match; return `false` to stop the search.
    /// - Complexity: O(*n* + *k*) for *n* bytes and *k* matches; allocates nothing.
    @inlinable
    public func forEachMatch(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (Match) throws -> Bool) rethrows {
        try storage.scan(bytes, validating: true, body)
    }

    /// All matches in `text`, in order.
    ///
    /// - Complexity: O(*n* + *k*) for *n* bytes and *k* matches.
    public func findAll<T: StringProtocol>(in text: T) -> [Match] {
        var result: [Match] = []
        forEachMatch(in: text) {
            result.append($0)
            return true
        }
        return result
    }

    /// All matches in raw UTF-8 bytes, in order.
    public func findAll(inUTF8 bytes: [UInt8]) -> [Match] {
        var result: [Match] = []
        bytes.withUnsafeBufferPointer { buffer in
            forEachMatch(inUTF8: buffer) {
                result.append($0)
                return true
            }
        }
        return result
    }

    /// The number of matches in `text`.
    ///
    /// - Complexity: O(*n* + *k*); allocates nothing.
    public func countMatches<T: StringProtocol>(in text: T) -> Int {
        if let r = text.utf8.withContiguousStorageIfAvailable({ storage.count($0, validating: false) }) { return r }
        return String(text).utf8.withContiguousStorageIfAvailable { storage.count($0, validating: false) } ?? 0
    }

    /// The number of matches in raw UTF-8 bytes.
    ///
    /// - Complexity: O(*n* + *k*); allocates nothing.
    public func countMatches(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        storage.count(bytes, validating: true)
    }

    /// The matches in `text` as a lazy sequence whose iterator allocates nothing per match.
    public func matches(in text: String) -> Matches {
        var copy = text
        copy.makeContiguousUTF8()
        return Matches(storage: storage, text: copy)
    }

    /// The matches in `text` as a lazy sequence whose iterator allocates nothing per match.
    public func matches(in text: Substring) -> Matches {
        matches(in: String(text))
    }

    /// The matches in a text, in order, found lazily.
    public struct Matches: Sequence, Sendable {
        @usableFromInline let storage: Storage
        @usableFromInline let text: String

        @usableFromInline
        init(storage: Storage, text: String) {
            self.storage = storage
            self.text = text
        }

        public func makeIterator() -> Iterator { Iterator(storage: storage, text: text) }

        /// Yields one match per call to `next()`, resuming where the last one ended.
        public struct Iterator: IteratorProtocol {
            @usableFromInline let storage: Storage
            @usableFromInline let text: String
            @usableFromInline var cursor = SearchCursor()

            @usableFromInline
            init(storage: Storage, text: String) {
                self.storage = storage
                self.text = text
            }

            @inlinable
            public mutating func next() -> Match? {
                let storage = self.storage
                var c = cursor
                let m = text.utf8.withContiguousStorageIfAvailable { buffer -> Match? in
                    guard let p = buffer.baseAddress else { return nil }
                    return storage.next(p, buffer.count, &c, TrustedDecoder.self)
                } ?? nil
                cursor = c
                return m
            }
        }
    }
}
