/// The obvious, slow dictionary matcher the automaton is checked against. It works on arrays
/// of code points and shares no code with ZhMatch.
public struct NaiveMatcher {
    public enum Kind: Sendable { case leftmostLongest, leftmostFirst, overlapping }

    /// Distinct patterns with the value of their first occurrence, in the order first given.
    public let patterns: [(scalars: [UInt32], value: UInt32)]

    public init(_ pairs: [([UInt32], UInt32)]) {
        var seen = Set<[UInt32]>()
        var list: [([UInt32], UInt32)] = []
        for (p, v) in pairs where seen.insert(p).inserted { list.append((p, v)) }
        patterns = list.map { (scalars: $0.0, value: $0.1) }
    }

    /// Matches as (start, end, value) in code points, in the order the kind reports them.
    public func matches(in text: [UInt32], kind: Kind) -> [(start: Int, end: Int, value: UInt32)] {
        func occurs(_ p: [UInt32], at s: Int) -> Bool {
            s + p.count <= text.count && Array(text[s..<(s + p.count)]) == p
        }
        switch kind {
        case .overlapping:
            var out: [(Int, Int, UInt32)] = []
            for e in 0...text.count {
                let here = patterns.filter { $0.scalars.count <= e && occurs($0.scalars, at: e - $0.scalars.count) }
                for p in here.sorted(by: { $0.scalars.count > $1.scalars.count }) {
                    out.append((e - p.scalars.count, e, p.value))
                }
            }
            return out.map { (start: $0.0, end: $0.1, value: $0.2) }
        case .leftmostLongest, .leftmostFirst:
            var out: [(start: Int, end: Int, value: UInt32)] = []
            var pos = 0
            search: while pos < text.count {
                for s in pos..<text.count {
                    let here = patterns.filter { occurs($0.scalars, at: s) }
                    guard !here.isEmpty else { continue }
                    let pick = kind == .leftmostFirst
                        ? here[0]
                        : here.max(by: { $0.scalars.count < $1.scalars.count })!
                    out.append((s, s + pick.scalars.count, pick.value))
                    pos = s + pick.scalars.count
                    continue search
                }
                break
            }
            return out
        }
    }
}
