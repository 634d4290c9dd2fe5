import Foundation
import Testing
import ZhTestSupport

private func zhkit(_ args: [String], input: String = "") throws -> (status: Int32, out: String, err: String)? {
    try CommandRunner.zhkit(args, input: input)
}

@Suite("Command line errors")
struct CommandLineTests {
    @Test("a damaged compiled automaton is named, not loaded")
    func damagedAutomaton() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zhkit-cli-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let words = dir.appendingPathComponent("w.txt"), compiled = dir.appendingPathComponent("w.zhm")
        try "毕节\n贵州\n".write(to: words, atomically: true, encoding: .utf8)
        guard let c = try zhkit(["compile", "--dict", words.path, "-o", compiled.path]) else { return }
        #expect(c.status == 0)
        var bytes = try Data(contentsOf: compiled)
        bytes[bytes.count - 5] ^= 0xFF
        try bytes.write(to: compiled)
        let r = try zhkit(["match", "--dict", compiled.path], input: "贵州毕节")!
        #expect(r.status == 1)
        #expect(r.err.hasPrefix("zhkit match: \(compiled.path): damaged automaton"))
        #expect(r.err.split(separator: "\n").count == 1)
    }

    // Missing files and every odd input given as a file: ReliabilityTests. These go through
    // standard input.
    @Test("empty, punctuation-only and ill-formed inputs on standard input give output, never a crash")
    func oddInputs() throws {
        for input in ["", "，。、", "中国\u{0}人", String(repeating: "中", count: 200_000)] {
            guard let r = try zhkit(["extract"], input: input) else { return }
            #expect(r.status == 0)
            #expect(r.out.hasPrefix("{\"id\""))
        }
    }
}
