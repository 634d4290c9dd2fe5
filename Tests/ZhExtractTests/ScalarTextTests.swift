import Testing
@testable import ZhExtract
import ZhTestSupport

@Suite("Scalar text")
struct ScalarTextTests {
    @Test("scalarArray and String(scalars:) decode and encode like the standard library, for every length of UTF-8 sequence")
    func scalarArrayMatchesStandardLibrary() {
        var r = SeededRandom(seed: 5)
        let ranges: [ClosedRange<UInt32>] = [0x00...0x7F, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFF, 0x4E00...0x9FFF, 0x10000...0x10FFFF]
        for _ in 0..<3000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0..<60, using: &r) {
                s.append(Unicode.Scalar(UInt32.random(in: ranges.randomElement(using: &r)!, using: &r))!)
            }
            var text = String(s)
            if Bool.random(using: &r) { text += "é\u{301}" }  // combining marks are separate scalars
            #expect(text.scalarArray == Array(text.unicodeScalars))
            let scalars = Array(text.unicodeScalars)
            #expect(String(scalars: scalars[...]) == text)
            if scalars.count > 2 { #expect(String(scalars: scalars[1..<(scalars.count - 1)]) == String(String.UnicodeScalarView(scalars[1..<(scalars.count - 1)]))) }
        }
        #expect("".scalarArray.isEmpty)
    }
}
