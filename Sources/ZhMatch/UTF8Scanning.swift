// Decoding UTF-8 one code point at a time, on raw bytes. Two flavours: `trusted` for bytes
// known to be valid UTF-8 (the contents of a Swift String), `validating` for anything else.

/// Returned for a byte that does not start a well-formed UTF-8 sequence. It is in no alphabet,
/// so such a byte never takes part in a match; it counts as one code point.
@usableFromInline let invalidScalar: UInt32 = 0xFFFF_FFFF

/// Decodes the code point at `i` of valid UTF-8 and advances `i` past it.
@inlinable @inline(__always)
func decodeTrusted(_ p: UnsafePointer<UInt8>, _ i: inout Int) -> UInt32 {
    let b0 = UInt32(p[i])
    if b0 < 0x80 {
        i &+= 1
        return b0
    }
    if b0 < 0xE0 {
        let v = (b0 & 0x1F) << 6 | (UInt32(p[i &+ 1]) & 0x3F)
        i &+= 2
        return v
    }
    if b0 < 0xF0 {
        let v = (b0 & 0x0F) << 12 | (UInt32(p[i &+ 1]) & 0x3F) << 6 | (UInt32(p[i &+ 2]) & 0x3F)
        i &+= 3
        return v
    }
    let v = (b0 & 0x07) << 18 | (UInt32(p[i &+ 1]) & 0x3F) << 12 | (UInt32(p[i &+ 2]) & 0x3F) << 6
        | (UInt32(p[i &+ 3]) & 0x3F)
    i &+= 4
    return v
}

/// Decodes the code point at `i` of arbitrary bytes ending at `n` and advances `i`. An
/// ill-formed, overlong, surrogate or truncated sequence yields `invalidScalar` for its first
/// byte alone, so decoding resumes at the next byte.
@inlinable @inline(__always)
func decodeValidating(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ n: Int) -> UInt32 {
    let b0 = UInt32(p[i])
    if b0 < 0x80 {
        i &+= 1
        return b0
    }
    @inline(__always) func cont(_ k: Int) -> UInt32? {
        guard i &+ k < n else { return nil }
        let b = UInt32(p[i &+ k])
        return b & 0xC0 == 0x80 ? b & 0x3F : nil
    }
    if b0 >= 0xC2 && b0 < 0xE0 {
        if let b1 = cont(1) {
            i &+= 2
            return (b0 & 0x1F) << 6 | b1
        }
    } else if b0 >= 0xE0 && b0 < 0xF0 {
        if let b1 = cont(1), let b2 = cont(2) {
            let v = (b0 & 0x0F) << 12 | b1 << 6 | b2
            if v >= 0x800 && (v < 0xD800 || v > 0xDFFF) {
                i &+= 3
                return v
            }
        }
    } else if b0 >= 0xF0 && b0 < 0xF5 {
        if let b1 = cont(1), let b2 = cont(2), let b3 = cont(3) {
            let v = (b0 & 0x07) << 18 | b1 << 12 | b2 << 6 | b3
            if v >= 0x10000 && v <= 0x10FFFF {
                i &+= 4
                return v
            }
        }
    }
    i &+= 1
    return invalidScalar
}

/// How the search loops read code points; a type parameter, so each loop is compiled twice
/// with the decoder inlined rather than choosing per character.
@usableFromInline
protocol ScalarDecoder {
    static func decode(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ n: Int) -> UInt32
}

/// For the bytes of a Swift `String`, valid UTF-8 by construction.
@usableFromInline
enum TrustedDecoder: ScalarDecoder {
    @inlinable @inline(__always)
    static func decode(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ n: Int) -> UInt32 { decodeTrusted(p, &i) }
}

/// For raw bytes from outside.
@usableFromInline
enum ValidatingDecoder: ScalarDecoder {
    @inlinable @inline(__always)
    static func decode(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ n: Int) -> UInt32 { decodeValidating(p, &i, n) }
}
