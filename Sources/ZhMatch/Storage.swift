// The one place that owns raw memory in ZhMatch. Every pointer below is allocated and freed
// here; the search code reads through them, the builder and the loader fill them.

/// One state of the double array: 16 bytes, so a transition touches one cache line.
@usableFromInline
struct StateRecord {
    /// Children of this state live at `base + code`. Zero for leaves (never for inner states).
    @usableFromInline var base: UInt32
    /// The parent of the state at this slot; `Sentinel.empty` for an unused slot.
    @usableFromInline var check: UInt32
    /// Where to go when no child matches; `Sentinel.dead` ends a leftmost match.
    @usableFromInline var fail: UInt32
    /// Index of the first output of this state in the output table, or `Sentinel.none`.
    @usableFromInline var output: UInt32

    @inlinable
    init(base: UInt32, check: UInt32, fail: UInt32, output: UInt32) {
        self.base = base
        self.check = check
        self.fail = fail
        self.output = output
    }
}

/// One pattern reported at a state: its value and its length in code points and in bytes.
@usableFromInline
struct OutputRecord {
    @usableFromInline var value: UInt32
    /// Code points in the low 16 bits, bytes beyond one per code point in the high 16 bits.
    @usableFromInline var lengths: UInt32

    static let maxCharLength = 0xFFFF
    static let maxExtraBytes = 0xFFFF

    @inlinable
    init(value: UInt32, lengths: UInt32) {
        self.value = value
        self.lengths = lengths
    }

    init(value: UInt32, charLength: Int, byteLength: Int) {
        self.value = value
        self.lengths = UInt32(charLength) | UInt32(byteLength - charLength) << 16
    }

    @inlinable var charLength: Int { Int(lengths & 0xFFFF) }
    @inlinable var byteLength: Int { Int(lengths & 0xFFFF) + Int(lengths >> 16) }
}

@usableFromInline
enum Sentinel {
    /// `check` of an unused slot.
    @usableFromInline static let empty: UInt32 = 0xFFFF_FFFF
    /// `check` of the root slot (the root has no parent).
    @usableFromInline static let rootCheck: UInt32 = 0xFFFF_FFFE
    /// `fail` of a state after which a leftmost search stops.
    @usableFromInline static let dead: UInt32 = 0xFFFF_FFFF
    /// `output` of a state that reports nothing, `next` of the last output of a chain.
    @usableFromInline static let none: UInt32 = 0xFFFF_FFFF
    /// The root state's index.
    @usableFromInline static let root: UInt32 = 0
}

/// The automaton's memory. Immutable after initialization, hence safe to share.
@usableFromInline
final class Storage: @unchecked Sendable {
    @usableFromInline let kind: MatchKind
    @usableFromInline let states: UnsafeMutablePointer<StateRecord>
    @usableFromInline let stateCount: Int
    @usableFromInline let outputs: UnsafeMutablePointer<OutputRecord>
    @usableFromInline let outputCount: Int
    /// Overlapping automata only: the next (shorter) output of each output's chain, always a
    /// smaller index, or `Sentinel.none`.
    @usableFromInline let nexts: UnsafeMutablePointer<UInt32>?
    /// Code of each code point below `tableCount` (0: not in any pattern).
    @usableFromInline let table: UnsafeMutablePointer<UInt32>
    @usableFromInline let tableCount: Int
    /// Code points at or above `tableCount`, ascending, with their codes.
    @usableFromInline let astralPoints: UnsafeMutablePointer<UInt32>
    @usableFromInline let astralCodes: UnsafeMutablePointer<UInt32>
    @usableFromInline let astralCount: Int
    @usableFromInline let alphabetSize: Int
    let patternCount: Int
    let userData: [UInt8]

    /// Allocates zero-filled arrays of the given sizes (sizes of at least one element each).
    init(kind: MatchKind, stateCount: Int, outputCount: Int, tableCount: Int, astralCount: Int,
         alphabetSize: Int, patternCount: Int, userData: [UInt8]) {
        self.kind = kind
        self.stateCount = stateCount
        self.outputCount = outputCount
        self.tableCount = tableCount
        self.astralCount = astralCount
        self.alphabetSize = alphabetSize
        self.patternCount = patternCount
        self.userData = userData
        states = .allocate(capacity: max(stateCount, 1))
        states.initialize(repeating: StateRecord(base: 0, check: Sentinel.empty, fail: 0, output: Sentinel.none),
                          count: max(stateCount, 1))
        outputs = .allocate(capacity: max(outputCount, 1))
        outputs.initialize(repeating: OutputRecord(value: 0, lengths: 0), count: max(outputCount, 1))
        if kind == .overlapping {
            let n = UnsafeMutablePointer<UInt32>.allocate(capacity: max(outputCount, 1))
            n.initialize(repeating: Sentinel.none, count: max(outputCount, 1))
            nexts = n
        } else {
            nexts = nil
        }
        table = .allocate(capacity: max(tableCount, 1))
        table.initialize(repeating: 0, count: max(tableCount, 1))
        astralPoints = .allocate(capacity: max(astralCount, 1))
        astralPoints.initialize(repeating: 0, count: max(astralCount, 1))
        astralCodes = .allocate(capacity: max(astralCount, 1))
        astralCodes.initialize(repeating: 0, count: max(astralCount, 1))
    }

    deinit {
        states.deallocate()
        outputs.deallocate()
        nexts?.deallocate()
        table.deallocate()
        astralPoints.deallocate()
        astralCodes.deallocate()
    }

    var memoryFootprint: Int {
        stateCount * MemoryLayout<StateRecord>.stride + outputCount * MemoryLayout<OutputRecord>.stride
            + (nexts == nil ? 0 : outputCount * 4)
            + tableCount * 4 + astralCount * 8 + userData.count
    }

    /// The dense code of a code point, 0 when the code point is in no pattern.
    @inlinable @inline(__always)
    func code(of scalar: UInt32) -> UInt32 {
        if scalar < UInt32(truncatingIfNeeded: tableCount) { return table[Int(scalar)] }
        return astralCode(of: scalar)
    }

    @usableFromInline
    func astralCode(of scalar: UInt32) -> UInt32 {
        var lo = 0
        var hi = astralCount
        while lo < hi {
            let mid = (lo + hi) >> 1
            let p = astralPoints[mid]
            if p == scalar { return astralCodes[mid] }
            if p < scalar { lo = mid + 1 } else { hi = mid }
        }
        return 0
    }
}
