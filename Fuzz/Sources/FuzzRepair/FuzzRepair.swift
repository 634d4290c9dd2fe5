// Fuzzes encoding detection and repair: any bytes decode to some text, normalization with the
// repair stages never crashes, and every range of the result maps back inside the input.
import ZhKit

nonisolated(unsafe) private let normalizer = try! Normalizer(target: .simplified, repairStages: [GBKMisalignmentRepairer(), MojibakeRepairer(), PinyinAnnotationRemover()])
private let detector = EncodingDetector()

func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let decoded = detector.decode(bytes)
    let raw = decoded.text
    let rawCount = raw.unicodeScalars.count
    let result = normalizer.normalize(raw)
    let count = result.text.unicodeScalars.count
    for (a, b) in [(0, count), (0, 0), (count / 2, count), (count / 3, count / 2)] where a <= b {
        let back = result.offsets.inputRange(of: a..<b)
        precondition(back.lowerBound >= 0 && back.upperBound <= rawCount, "offset map left the input: \(back) of \(rawCount)")
    }
    for r in result.repairs {
        precondition(r.start >= 0 && r.start <= r.end && r.end <= rawCount, "repair outside the input")
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM enters an executable through `<module>_main`; hand over to libFuzzer's driver.
@_cdecl("FuzzRepair_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runDriver(&argc, &argv) { fuzzOne($0, $1) }
}
