import CZhICU

/// ICU's transliterator behind one lock: the only Swift code that calls `zh_translit_*`.
final class ICUTransliterator: @unchecked Sendable {
    private let handle: OpaquePointer
    private let lock = Lock()
    let id: String

    /// Opens ICU's transliterator `id` (for example "Hant-Hans").
    init(id: String) throws {
        var error = [CChar](repeating: 0, count: 256)
        guard let h = zh_translit_open(id, &error, Int32(error.count)) else {
            throw NormalizationError.icu(String(nulTerminated: error))
        }
        handle = h
        self.id = id
    }

    deinit { zh_translit_close(handle) }

    /// ICU's own output for `text`.
    func transliterate(_ text: String) throws -> String {
        try lock.withLock {
            var error = [CChar](repeating: 0, count: 256)
            var out: UnsafeMutablePointer<CChar>?
            var text = text
            let n = text.withUTF8 { zh_translit_utf8(handle, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), Int64($0.count), &out, &error, Int32(error.count)) }
            guard n >= 0, let out else { throw NormalizationError.icu(String(nulTerminated: error)) }
            defer { zh_free(out) }
            return String(decoding: UnsafeRawBufferPointer(start: out, count: Int(n)), as: UTF8.self)
        }
    }

    /// The transliterator's rules as source text.
    func rules() throws -> String {
        try lock.withLock {
            var error = [CChar](repeating: 0, count: 256)
            var out: UnsafeMutablePointer<CChar>?
            let n = zh_translit_rules(handle, &out, &error, Int32(error.count))
            guard n >= 0, let out else { throw NormalizationError.icu(String(nulTerminated: error)) }
            defer { zh_free(out) }
            return String(decoding: UnsafeRawBufferPointer(start: out, count: Int(n)), as: UTF8.self)
        }
    }
}
