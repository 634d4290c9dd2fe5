/// Maps positions of a processed text back to the text it came from, through every stage.
///
/// Each stage records only its *edits*: output ranges whose length in code points differs from
/// the input range they replace. Between edits, positions map one to one. Maps of successive
/// stages compose (``composed(after:)``), so a range of the final text maps back to the exact
/// code point range of the raw input.
public struct OffsetMap: Sendable, Equatable {
    struct Edit: Sendable, Equatable {
        var outStart: Int, outEnd: Int, inStart: Int, inEnd: Int
    }

    /// Stages from the last (nearest the output) to the first (nearest the raw input).
    var stages: [[Edit]]

    /// The identity map.
    public init() { stages = [] }

    init(edits: [Edit]) { stages = edits.isEmpty ? [] : [edits] }

    /// This map applied after `earlier`: positions of this map's output, back to `earlier`'s input.
    public func composed(after earlier: OffsetMap) -> OffsetMap {
        var m = OffsetMap()
        m.stages = stages + earlier.stages
        return m
    }

    /// The edits of each stage, from the last stage to the first, as
    /// (output start, output end, input start, input end) in code points.
    public var stageEdits: [[(Int, Int, Int, Int)]] {
        stages.map { $0.map { ($0.outStart, $0.outEnd, $0.inStart, $0.inEnd) } }
    }

    /// Whether the map changes no position.
    public var isIdentity: Bool { stages.isEmpty }

    /// The input range a range of the output comes from.
    ///
    /// - Complexity: O(*s* log *e*) for *s* stages of *e* edits.
    public func inputRange(of range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound
        var hi = range.upperBound
        for edits in stages {
            let newLo = Self.mapStart(lo, edits)
            hi = max(newLo, Self.mapEnd(hi, edits, isEmpty: range.isEmpty))
            lo = newLo
        }
        return lo..<hi
    }

    /// Last edit whose output starts at or before `p` (or strictly before, with `strict`).
    private static func lastEdit(_ edits: [Edit], _ p: Int, strict: Bool) -> Edit? {
        var lo = 0, hi = edits.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if strict ? edits[mid].outStart < p : edits[mid].outStart <= p { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : edits[lo - 1]
    }

    static func mapStart(_ p: Int, _ edits: [Edit]) -> Int {
        guard let e = lastEdit(edits, p, strict: false) else { return p }
        return p < e.outEnd ? e.inStart : e.inEnd + (p - e.outEnd)
    }

    static func mapEnd(_ p: Int, _ edits: [Edit], isEmpty: Bool) -> Int {
        guard let e = lastEdit(edits, p, strict: !isEmpty) else { return p }
        return p <= e.outEnd && p > e.outStart ? e.inEnd : e.inEnd + (p - e.outEnd)
    }

    /// Collects one stage's edits as it runs; adjacent edits merge.
    struct Builder {
        private(set) var edits: [Edit] = []
        let enabled: Bool

        init(enabled: Bool = true) { self.enabled = enabled }

        /// Output `[outStart, outEnd)` replaces input `[inStart, inEnd)`. Same-length
        /// replacements map one to one and are not recorded.
        @inline(__always)
        mutating func replace(inStart: Int, inEnd: Int, outStart: Int, outEnd: Int) {
            guard enabled, inEnd - inStart != outEnd - outStart else { return }
            if var last = edits.last, last.outEnd == outStart, last.inEnd == inStart {
                last.outEnd = outEnd
                last.inEnd = inEnd
                edits[edits.count - 1] = last
            } else {
                edits.append(Edit(outStart: outStart, outEnd: outEnd, inStart: inStart, inEnd: inEnd))
            }
        }

        var map: OffsetMap { OffsetMap(edits: edits) }
    }
}
