/// A minimal, fast JSON writer for the command line's one-object-per-line output.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() { bytes.reserveCapacity(4096) }

    public mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// Appends `s` as a JSON string literal.
    ///
    /// - Complexity: O(*n*); runs of bytes that need no escape are copied in one piece.
    public mutating func string(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { p in
            var run = 0
            for i in 0..<p.count {
                let b = p[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                if run < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<i])) }
                run = i + 1
                bytes.append(0x5C)
                switch b {
                case 0x22, 0x5C: bytes.append(b)
                case 0x0A: bytes.append(0x6E)
                case 0x0D: bytes.append(0x72)
                case 0x09: bytes.append(0x74)
                default:
                    let hex: StaticString = "0123456789abcdef"
                    bytes.append(0x75); bytes.append(0x30); bytes.append(0x30)
                    bytes.append(hex.utf8Start[Int(b >> 4)]); bytes.append(hex.utf8Start[Int(b & 15)])
                }
            }
            if run < p.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[run...])) }
        }
        bytes.append(0x22)
    }

    public mutating func optionalString(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    public mutating func number(_ n: Int) { raw(String(n)) }

    public mutating func number(_ x: Double) {
        if x == x.rounded() && abs(x) < 1e15 { raw(String(Int(x))) } else { raw(String(x)) }
    }

    /// `"key":` with a leading comma unless `first`.
    public mutating func key(_ k: String, first: Bool = false) {
        if !first { bytes.append(0x2C) }
        string(k)
        bytes.append(0x3A)
    }

    /// A JSON array of the elements, each written by `body`.
    public mutating func array<C: Collection>(_ c: C, _ body: (inout JSONWriter, C.Element) -> Void) {
        bytes.append(0x5B)
        var first = true
        for e in c {
            if !first { bytes.append(0x2C) }
            first = false
            body(&self, e)
        }
        bytes.append(0x5D)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Hands the bytes written so far to `emit` and starts empty again (capacity kept).
    public mutating func drain(_ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.withUnsafeBufferPointer(emit)
        bytes.removeAll(keepingCapacity: true)
    }
}
