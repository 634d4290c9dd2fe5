extension PatternMatcher {
    /// Calls `body` with each pattern that starts exactly at `byteOffset` of valid UTF-8 `bytes`,
    /// shortest first: its value, its length in bytes and its length in code points.
    ///
    /// This is the anchored walk that rule-based rewriting needs (all keys at one position);
    /// it follows only trie edges, never fail links.
    ///
    /// - Parameters:
    ///   - bytes: valid UTF-8 text (for instance a String's `utf8` storage).
    ///   - byteOffset: where the patterns must start; must be on a code point boundary.
    ///   - body: return `false` to stop.
    /// - Complexity: O(length of the longest pattern found).
    @inlinable
    public func forEachPrefix(inUTF8 bytes: UnsafeBufferPointer<UInt8>, at byteOffset: Int,
                              _ body: (_ value: UInt32, _ byteLength: Int, _ charLength: Int) -> Bool) {
        guard let p = bytes.baseAddress, byteOffset >= 0 else { return }
        let st = storage.states
        let n = bytes.count
        var i = byteOffset
        var s = Sentinel.root
        var depth = 0
        while i < n {
            let scalar = decodeValidating(p, &i, n)
            let code = storage.code(of: scalar)
            if code == 0 { return }
            let t = st[Int(s)].base &+ code
            if st[Int(t)].check != s { return }
            s = t
            depth &+= 1
            let o = st[Int(s)].output
            if o != Sentinel.none {
                let out = storage.outputs[Int(o)]
                // The state's own pattern is as long as the path; a shorter output is a suffix's.
                if out.charLength == depth {
                    if !body(out.value, i &- byteOffset, depth) { return }
                }
            }
        }
    }
}
