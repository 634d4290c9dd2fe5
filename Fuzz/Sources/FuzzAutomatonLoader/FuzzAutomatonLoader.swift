// Fuzzes PatternMatcher(serialized:): any bytes must load or throw, never crash, and a loaded
// automaton must search any text without crashing or looping.
//
// Inputs are taken as the payload of a compiled automaton whose header checksums this target
// recomputes, so that mutations reach the structural checks behind them (a checksum mismatch
// alone would stop almost every input at the door).
import ZhMatch

private let probes = ["贵州省毕节市威宁县", "abcabcab", "𠀀𠀁a\u{0301}", String(repeating: "市委书记", count: 20)]

/// The format's checksum (the header comment of PatternMatcher+Serialization.swift gives the
/// layout): recomputed here so that mutated payloads pass it.
private func formatChecksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(bytes.count)
    let words = bytes.count / 8
    for i in 0..<words {
        let w = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
        h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
    }
    var tail: UInt64 = 0
    for k in (words * 8)..<bytes.count { tail = tail << 8 | UInt64(bytes[k]) }
    h = (h ^ tail) &* 0xBF58_476D_1CE4_E5B9
    h ^= h >> 31
    return h
}

func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Odd first byte: fix the checksums; even: load the bytes as they are.
    if size > 64 && bytes[0] & 1 == 1 {
        bytes.withUnsafeMutableBytes { raw in
            let payload = formatChecksum(UnsafeRawBufferPointer(rebasing: raw[64...]))
            raw.storeBytes(of: payload.littleEndian, toByteOffset: 48, as: UInt64.self)
            let header = formatChecksum(UnsafeRawBufferPointer(rebasing: raw[0..<56]))
            raw.storeBytes(of: header.littleEndian, toByteOffset: 56, as: UInt64.self)
        }
    }
    guard let m = try? PatternMatcher(serialized: bytes) else { return 0 }
    for text in probes {
        var n = 0
        m.forEachMatch(in: text) { _ in n += 1; return n < 10_000 }
    }
    bytes.withUnsafeBufferPointer { b in
        var n = 0
        m.forEachMatch(inUTF8: b) { _ in n += 1; return n < 10_000 }
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM enters an executable through `<module>_main`; hand over to libFuzzer's driver.
@_cdecl("FuzzAutomatonLoader_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runDriver(&argc, &argv) { fuzzOne($0, $1) }
}
