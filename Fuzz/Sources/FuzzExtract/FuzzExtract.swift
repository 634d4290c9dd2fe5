// Fuzzes the whole pipeline: any text extracts without crashing, every offset points inside the
// raw input, and the JSON line is one line.
import ZhKit

private let pipeline = try! Pipeline()

func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let raw = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let n = raw.unicodeScalars.count
    let doc = pipeline.extract(raw, id: "fuzz")
    let ranges = doc.facts.persons.flatMap(\.mentions) + doc.facts.places.flatMap(\.mentions)
        + doc.facts.organizations.flatMap(\.mentions) + doc.facts.dates.flatMap(\.mentions)
        + doc.facts.amounts.flatMap(\.mentions) + doc.boilerplate
    for r in ranges { precondition(r.lowerBound >= 0 && r.upperBound <= n, "offset \(r) outside \(n)") }
    let line = doc.jsonLine()
    precondition(!line.contains("\n"), "a JSON line with a line break")
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM enters an executable through `<module>_main`; hand over to libFuzzer's driver.
@_cdecl("FuzzExtract_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return runDriver(&argc, &argv) { fuzzOne($0, $1) }
}
