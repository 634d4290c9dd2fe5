/// A set of patterns compiled for fast dictionary matching over Unicode text.
///
/// `PatternMatcher` is a character-wise double-array Aho-Corasick automaton: characters are
/// numbered by their frequency in the patterns so the alphabet stays dense, every state is
/// packed into one 16-byte record (base, check, fail link, output), and patterns that share a
/// suffix share their output chain. It finds every pattern in one pass over the text, in time
/// linear in the text (plus the matches reported), whatever the number of patterns.
///
/// ```swift
/// let matcher = try PatternMatcher(patterns: ["毕节", "毕节市", "贵州省"])
/// for m in matcher.matches(in: "贵州省毕节市") { print(m.range, m.value) }
/// // 0..<3 2
/// // 3..<6 1
/// ```
///
/// The matching mode is fixed when the matcher is built (see ``MatchKind``). Every match reports
/// its value and its range both in code points (``Match/range``) and in UTF-8 bytes
/// (``Match/byteRange``) without a second pass over the text.
///
/// A matcher is immutable and `Sendable`: build it once and share it between tasks.
public struct PatternMatcher: Sendable {
    @usableFromInline
    let storage: Storage

    init(storage: Storage) {
        self.storage = storage
    }

    /// The matching mode the matcher was built for.
    public var kind: MatchKind { storage.kind }

    /// The number of distinct patterns in the automaton (duplicates and, for leftmost-first,
    /// patterns that can never match are not counted).
    public var patternCount: Int { storage.patternCount }

    /// The number of states of the automaton, including unused slots of the double array.
    public var stateCount: Int { storage.stateCount }

    /// The number of distinct characters in the patterns.
    public var alphabetSize: Int { storage.alphabetSize }

    /// The bytes of memory the automaton occupies (states, outputs, character map and user data).
    public var memoryFootprint: Int { storage.memoryFootprint }

    /// Opaque bytes stored with the automaton by whoever built it, kept through serialization.
    public var userData: [UInt8] { storage.userData }
}

/// How a ``PatternMatcher`` reports matches; chosen when it is built.
public enum MatchKind: UInt32, Sendable, CaseIterable, CustomStringConvertible {
    /// Non-overlapping matches: at each position the match that starts first, and of those the
    /// longest. What dictionaries want (the default).
    case leftmostLongest = 1
    /// Non-overlapping matches: at each position the match that starts first, and of those the
    /// pattern given first. Patterns that have an earlier pattern as a prefix can never match.
    case leftmostFirst = 2
    /// Every occurrence of every pattern, overlapping, ordered by end position and, at one end
    /// position, from the longest to the shortest.
    case overlapping = 3

    public var description: String {
        switch self {
        case .leftmostLongest: return "leftmost-longest"
        case .leftmostFirst: return "leftmost-first"
        case .overlapping: return "overlapping"
        }
    }
}

/// One occurrence of a pattern in a text.
///
/// Offsets are relative to the start of the text searched: ``range`` counts Unicode code
/// points (Python's `text[start:end]`), ``byteRange`` counts UTF-8 bytes.
public struct Match: Hashable, Sendable {
    /// The value given with the pattern when the matcher was built.
    public var value: UInt32
    /// Code point offset of the first character of the match.
    public var start: Int
    /// Code point offset just past the last character of the match.
    public var end: Int
    /// UTF-8 byte offset of the first byte of the match.
    public var startByte: Int
    /// UTF-8 byte offset just past the last byte of the match.
    public var endByte: Int

    /// Creates a match.
    @inlinable
    public init(value: UInt32, start: Int, end: Int, startByte: Int, endByte: Int) {
        self.value = value
        self.start = start
        self.end = end
        self.startByte = startByte
        self.endByte = endByte
    }

    /// The code point range of the match.
    @inlinable public var range: Range<Int> { start..<end }
    /// The UTF-8 byte range of the match.
    @inlinable public var byteRange: Range<Int> { startByte..<endByte }
}
