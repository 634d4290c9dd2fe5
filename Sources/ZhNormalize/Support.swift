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
