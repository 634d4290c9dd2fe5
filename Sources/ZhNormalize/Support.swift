#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A mutex for the ICU handles (which ICU does not make thread-safe).
final class Lock: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}

/// Why normalization or conversion could not be done.
public enum NormalizationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// ICU reported an error (its message included).
    case icu(String)
    /// A conversion rule or phrase table line could not be read; `line` is 1-based.
    case badRule(source: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .icu(let m): return "ICU: \(m)"
        case .badRule(let source, let line, let reason): return "\(source):\(line): \(reason)"
        }
    }
}

/// Decodes the code point at `j` of valid UTF-8 and advances `j` past it.
@inline(__always)
func decodeScalar(_ p: UnsafeBufferPointer<UInt8>, _ j: inout Int) -> UInt32 {
    let b0 = UInt32(p[j])
    if b0 < 0x80 { j += 1; return b0 }
    let len = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
    var v = b0 & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
    for k in 1..<len where j + k < p.count { v = v << 6 | (UInt32(p[j + k]) & 0x3F) }
    j += len
    return v
}
