/// Why a ``PatternMatcher`` could not be built or loaded.
public enum PatternMatcherError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pattern at `index` (in the order given) is the empty string, which cannot be matched.
    case emptyPattern(index: Int)
    /// The pattern at `index` is longer than 65,535 code points (or its UTF-8 form has more than
    /// 65,535 bytes beyond one per code point).
    case patternTooLong(index: Int)
    /// The automaton would need more states or outputs than the 32-bit layout can address.
    case tooLarge
    /// The serialized data is shorter than its header says (`expected` bytes, `actual` given).
    case truncated(expected: Int, actual: Int)
    /// The data does not start with the ZhMatch magic bytes: it is not a compiled automaton.
    case notAnAutomaton
    /// The data was written by an unsupported version of the format.
    case unsupportedVersion(UInt32)
    /// A checksum does not match: the header or the payload was damaged.
    case checksumMismatch(part: String)
    /// The data passed the checksum but is internally inconsistent; `reason` says what is wrong.
    case corrupt(reason: String)

    public var description: String {
        switch self {
        case .emptyPattern(let index): return "pattern \(index + 1) is empty"
        case .patternTooLong(let index): return "pattern \(index + 1) is longer than 65,535 characters"
        case .tooLarge: return "too many patterns or states for the 32-bit automaton layout"
        case .truncated(let expected, let actual):
            return "truncated automaton: \(actual) bytes where \(expected) were expected"
        case .notAnAutomaton: return "not a compiled ZhMatch automaton (bad magic bytes)"
        case .unsupportedVersion(let v): return "unsupported automaton format version \(v)"
        case .checksumMismatch(let part): return "damaged automaton: \(part) checksum mismatch"
        case .corrupt(let reason): return "corrupt automaton: \(reason)"
        }
    }
}
