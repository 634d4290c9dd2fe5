import CZhICU

/// An ICU character set converter behind one lock: the only Swift code that calls `zh_codec_*`.
final class ICUCodec: @unchecked Sendable {
    private let handle: OpaquePointer
    private let lock = Lock()
    let name: String

    init(name: String) throws {
        var error = [CChar](repeating: 0, count: 256)
        guard let h = zh_codec_open(name, &error, Int32(error.count)) else {
            throw NormalizationError.icu(String(nulTerminated: error))
        }
        handle = h
        self.name = name
    }

    deinit { zh_codec_close(handle) }

    enum Outcome {
        case done([UInt8])
        /// Strict mode met an undecodable (or unencodable) unit at this byte offset of the input.
        case invalid(at: Int)
    }

    /// Bytes in this encoding to UTF-8.
    func decode(_ bytes: [UInt8], strict: Bool) throws -> Outcome {
        try run(bytes, strict: strict, zh_codec_decode)
    }

    /// UTF-8 to bytes in this encoding.
    func encode(_ utf8: [UInt8], strict: Bool) throws -> Outcome {
        try run(utf8, strict: strict, zh_codec_encode)
    }

    private typealias CodecCall = (OpaquePointer?, UnsafePointer<CChar>?, Int64, Int32, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                   UnsafeMutablePointer<Int64>?, UnsafeMutablePointer<CChar>?, Int32) -> Int64

    private func run(_ bytes: [UInt8], strict: Bool, _ call: CodecCall) throws -> Outcome {
        try lock.withLock {
            var error = [CChar](repeating: 0, count: 256)
            var out: UnsafeMutablePointer<CChar>?
            var offset: Int64 = 0
            let input = bytes.isEmpty ? [0] : bytes
            let n = input.withUnsafeBufferPointer { b in
                b.withMemoryRebound(to: CChar.self) { c in
                    call(handle, c.baseAddress, Int64(bytes.count), strict ? 1 : 0, &out, &offset, &error, Int32(error.count))
                }
            }
            if n == -2 { return .invalid(at: Int(offset)) }
            guard n >= 0, let out else { throw NormalizationError.icu(String(nulTerminated: error)) }
            defer { zh_free(out) }
            return .done(Array(UnsafeRawBufferPointer(start: out, count: Int(n))))
        }
    }

    /// ICU's charset detector's best guess and its confidence (0-100), or nil.
    static func detect(_ bytes: [UInt8]) -> (name: String, confidence: Int)? {
        var name = [CChar](repeating: 0, count: 64)
        let c = bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { zh_detect_charset($0.baseAddress, Int64(b.count), &name, Int32(name.count)) }
        }
        return c < 0 ? nil : (String(nulTerminated: name), Int(c))
    }
}

extension String {
    /// The UTF-8 text of a C buffer up to its first NUL (ICU's error and charset names).
    init(nulTerminated buffer: [CChar]) {
        self = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
