/// Whether `bytes` are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
/// above U+10FFFF), checking eight ASCII bytes at a time.
///
/// Shared with the package's other modules (the JSON Lines reader).
///
/// - Complexity: O(*n*).
package func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let p = bytes.baseAddress else { return true }
    let n = bytes.count
    var i = 0
    while i < n {
        // Runs of ASCII, a word at a time.
        while i + 8 <= n && UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
        guard i < n else { break }
        let b = p[i]
        if b < 0x80 { i += 1; continue }
        @inline(__always) func continuation(_ k: Int) -> Bool { k < n && p[k] & 0xC0 == 0x80 }
        if b < 0xC2 { return false }
        if b < 0xE0 {
            guard continuation(i + 1) else { return false }
            i += 2
        } else if b < 0xF0 {
            guard i + 2 < n, continuation(i + 1), continuation(i + 2) else { return false }
            let c = p[i + 1]
            if b == 0xE0 && c < 0xA0 { return false }      // overlong
            if b == 0xED && c > 0x9F { return false }      // surrogates
            i += 3
        } else if b < 0xF5 {
            guard i + 3 < n, continuation(i + 1), continuation(i + 2), continuation(i + 3) else { return false }
            let c = p[i + 1]
            if b == 0xF0 && c < 0x90 { return false }      // overlong
            if b == 0xF4 && c > 0x8F { return false }      // above U+10FFFF
            i += 4
        } else {
            return false
        }
    }
    return true
}
