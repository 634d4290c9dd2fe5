extension Array where Element == Unicode.Scalar {
    /// Whether `word` starts at `i`, compared in place (no allocation: this runs per position).
    @inline(__always)
    func hasWord(_ word: [Unicode.Scalar], at i: Int) -> Bool {
        guard i >= 0, i + word.count <= count else { return false }
        var k = 0
        while k < word.count {
            if self[i + k] != word[k] { return false }
            k += 1
        }
        return true
    }
}

extension String {
    /// The scalars of the string, for `hasWord`.
    var scalars: [Unicode.Scalar] { Array(unicodeScalars) }
}
