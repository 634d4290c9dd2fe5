import Foundation

/// Runs the debug `zhkit` binary of this checkout, for command-line tests.
public enum CommandRunner {
    /// Runs `zhkit` with `arguments`, feeding `input` on standard input; nil (the test then
    /// skips, saying so) when the binary is not built.
    public static func zhkit(_ arguments: [String], input: String = "") throws -> (status: Int32, out: String, err: String)? {
        let binary = SharedData.packageRoot + "/.build/debug/zhkit"
        guard FileManager.default.fileExists(atPath: binary) else {
            print("skipped: \(binary) not built")
            return nil
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        let i = Pipe(), o = Pipe(), e = Pipe()
        p.standardInput = i
        p.standardOutput = o
        p.standardError = e
        try p.run()
        i.fileHandleForWriting.write(Data(input.utf8))
        try i.fileHandleForWriting.close()
        let out = String(decoding: o.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: e.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, out, err)
    }
}
