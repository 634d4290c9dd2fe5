import Foundation

/// Runs the `zhkit` binary of this checkout, for command-line tests.
public enum CommandRunner {
    /// What one run gave.
    public struct Result: Sendable {
        public var status: Int32
        public var out: String
        public var err: String
        /// True when the run was killed for taking longer than the time limit.
        public var timedOut: Bool
        /// The process's peak resident memory in bytes (Linux `VmHWM`, read while it ran), or
        /// nil where /proc is not there.
        public var peakMemory: Int?
    }

    /// The binary: `ZHKIT_BINARY` when set (CI may point it at a release build), else the debug
    /// build of this checkout.
    public static var binary: String {
        ProcessInfo.processInfo.environment["ZHKIT_BINARY"] ?? SharedData.packageRoot + "/.build/debug/zhkit"
    }

    /// Runs `zhkit` with `arguments`, feeding `input` on standard input; nil (the test then
    /// skips, saying so) when the binary is not built.
    public static func zhkit(_ arguments: [String], input: String = "") throws -> (status: Int32, out: String, err: String)? {
        guard let r = try run(arguments, input: Data(input.utf8)) else { return nil }
        return (r.status, r.out, r.err)
    }

    /// Runs `zhkit` with `arguments` and raw `input` bytes on standard input, reading standard
    /// output and error as they come (no pipe deadlock on large output), and killing it after
    /// `timeLimit` seconds; nil when the binary is not built.
    public static func run(_ arguments: [String], input: Data = Data(), timeLimit: Double = 300) throws -> Result? {
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
        let group = DispatchGroup()
        let box = OutputBox()
        for (handle, isOut) in [(o.fileHandleForReading, true), (e.fileHandleForReading, false)] {
            group.enter()
            DispatchQueue.global().async {
                let data = handle.readDataToEndOfFile()
                box.set(data, out: isOut)
                group.leave()
            }
        }
        group.enter()
        DispatchQueue.global().async {
            // A command that refuses its input may exit before reading it: ignore EPIPE.
            signal(SIGPIPE, SIG_IGN)
            try? i.fileHandleForWriting.write(contentsOf: input)
            try? i.fileHandleForWriting.close()
            group.leave()
        }
        var timedOut = false
        var peak: Int?
        let pid = p.processIdentifier
        let deadline = Date().addingTimeInterval(timeLimit)
        // Read the high-water mark every 20 ms until the pipes close: it only grows, so the
        // last reading before exit is the peak.
        while group.wait(timeout: .now() + 0.02) == .timedOut && Date() < deadline {
            if let hwm = Self.highWaterMark(pid) { peak = max(peak ?? 0, hwm) }
        }
        if group.wait(timeout: .now()) == .timedOut {
            timedOut = true
            p.terminate()
            _ = group.wait(timeout: .now() + 10)
        }
        p.waitUntilExit()
        let (out, err) = box.get()
        return Result(status: p.terminationStatus, out: String(decoding: out, as: UTF8.self),
                      err: String(decoding: err, as: UTF8.self), timedOut: timedOut, peakMemory: peak)
    }

    /// `VmHWM` of a running process, in bytes.
    static func highWaterMark(_ pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        let kb = line.split(separator: " ").compactMap { Int($0) }.first
        return kb.map { $0 * 1024 }
    }
}

private final class OutputBox: @unchecked Sendable {
    private let lock = NSLock()
    private var out = Data(), err = Data()
    func set(_ d: Data, out isOut: Bool) { lock.withLock { if isOut { out = d } else { err = d } } }
    func get() -> (Data, Data) { lock.withLock { (out, err) } }
}
