import Foundation

/// A user-facing failure: printed as one line naming the file and the reason, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ file: String?, _ reason: String) {
        description = file.map { "\($0): \(reason)" } ?? reason
    }
}

/// One input document as read from a file or standard input.
struct InputFile {
    var name: String
    var bytes: [UInt8]
}

enum InputReader {
    /// Reads the named files, or standard input when `paths` is empty or `-`.
    static func read(_ path: String) throws -> InputFile {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return InputFile(name: "-", bytes: [UInt8](data))
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw CommandFailure(path, "no such file")
        }
        guard !isDir.boolValue else { throw CommandFailure(path, "is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(path, "cannot be read")
        }
        return InputFile(name: path, bytes: [UInt8](data))
    }

    static func paths(_ files: [String]) -> [String] { files.isEmpty ? ["-"] : files }
}

/// Buffered standard output: one write per 64 KiB.
struct OutputBuffer {
    private var buffer: [UInt8] = []
    init() { buffer.reserveCapacity(1 << 16) }

    mutating func write(_ s: String) {
        var s = s
        s.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func write(bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { raw in
            var off = 0
            while off < raw.count {
                let n = Foundation.write(1, raw.baseAddress! + off, raw.count - off)
                if n <= 0 { break }
                off += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Times a run and prints the contract's `--stats` line on standard error.
struct Stats {
    var bytes = 0
    var documents = 0
    var loadSeconds = 0.0
    var seconds = 0.0

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    func print() {
        let mbps = seconds > 0 ? Double(bytes) / seconds / 1e6 : 0
        printError(#"{"bytes": \#(bytes), "documents": \#(documents), "load_seconds": \#(round6(loadSeconds)), "seconds": \#(round6(seconds)), "mb_per_s": \#(round6(mbps))}"#)
    }

    private func round6(_ x: Double) -> String { String(format: "%.6f", x) }
}
