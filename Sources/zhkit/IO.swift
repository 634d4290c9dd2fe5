import Foundation
import ZhKit

/// A user-facing failure: printed as one line naming the file and the reason, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ file: String?, _ reason: String) {
        description = file.map { "\($0): \(reason)" } ?? reason
    }
}

/// One input document as read from a file or standard input: regular files are mapped into
/// memory (no copy), pipes and standard input are read.
final class InputFile {
    let name: String
    private let mapped: UnsafeMutableRawPointer?
    private let mappedCount: Int
    private let array: [UInt8]

    init(name: String, bytes: [UInt8]) {
        self.name = name
        array = bytes
        mapped = nil
        mappedCount = 0
    }

    private init(name: String, mapped: UnsafeMutableRawPointer, count: Int) {
        self.name = name
        self.mapped = mapped
        mappedCount = count
        array = []
    }

    deinit { if let mapped { munmap(mapped, mappedCount) } }

    var count: Int { mapped == nil ? array.count : mappedCount }

    /// The raw bytes, valid during `body`.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let mapped {
            return try body(UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: mappedCount))
        }
        return try array.withUnsafeBufferPointer(body)
    }

    var bytes: [UInt8] { mapped == nil ? array : withBytes { Array($0) } }

    /// The file mapped into memory when it is a regular, non-empty file; nil for standard input,
    /// pipes and empty files (read those as a stream).
    static func openMapped(_ path: String) throws -> InputFile? {
        if path == "-" { return nil }
        let fd = Foundation.open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
            throw CommandFailure(path, reason)
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw CommandFailure(path, String(cString: strerror(errno))) }
        if st.st_mode & S_IFMT == S_IFDIR { throw CommandFailure(path, "is a directory") }
        guard st.st_mode & S_IFMT == S_IFREG && st.st_size > 0 else { return nil }
        let size = Int(st.st_size)
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        madvise(p, size, MADV_SEQUENTIAL)
        return InputFile(name: path, mapped: p, count: size)
    }

    static func open(_ path: String) throws -> InputFile {
        if path == "-" { return InputFile(name: "-", bytes: readAll(fd: 0)) }
        let fd = Foundation.open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
            throw CommandFailure(path, reason)
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw CommandFailure(path, String(cString: strerror(errno))) }
        if st.st_mode & S_IFMT == S_IFDIR { throw CommandFailure(path, "is a directory") }
        if st.st_mode & S_IFMT == S_IFREG && st.st_size > 0 {
            let size = Int(st.st_size)
            if let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED {
                madvise(p, size, MADV_SEQUENTIAL)
                return InputFile(name: path, mapped: p, count: size)
            }
        }
        return InputFile(name: path, bytes: readAll(fd: fd))
    }

    private static func readAll(fd: Int32) -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }
}

extension InputFile {
    /// Whether the bytes start with a UTF-16 byte order mark (FF FE or FE FF: bytes that never
    /// occur in UTF-8).
    var isUTF16WithByteOrderMark: Bool {
        withBytes { $0.starts(with: [0xFF, 0xFE]) || $0.starts(with: [0xFE, 0xFF]) }
    }

    /// Throws when the file is not text: ill-formed as UTF-8 and more than 5% control bytes
    /// (NUL and the C0 controls but tab, line feed, form feed, carriage return and escape) in
    /// its first 64 KiB. Valid UTF-8 is always text, whatever it holds; UTF-16 with a byte
    /// order mark is text.
    func rejectBinary() throws {
        if isUTF16WithByteOrderMark { return }  // UTF-16 is full of NULs
        try withBytes { b in
            let head = UnsafeBufferPointer(rebasing: b.prefix(1 << 16))
            var controls = 0
            for byte in head where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D && byte != 0x1B {
                controls += 1
            }
            guard controls * 20 > head.count, String(validating: b, as: UTF8.self) == nil else { return }
            throw CommandFailure(name, "binary data, not text (\(controls * 100 / max(head.count, 1))% control bytes)")
        }
    }
}

/// Decodes an input file as text: UTF-16 when it starts with a byte order mark (by
/// ``EncodingDetector``, the mark dropped), else UTF-8 with each ill-formed sequence replaced by
/// U+FFFD; either is said on standard error. Binary data is refused (see
/// ``InputFile/rejectBinary()``).
func decodeText(_ file: InputFile, command: String) throws -> String {
    try file.rejectBinary()
    if file.isUTF16WithByteOrderMark {
        let decoded = file.withBytes { EncodingDetector().decode($0) }
        let replaced = decoded.text.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : 0) }
        printError("zhkit \(command): \(file.name): read as \(decoded.encoding) (byte order mark)"
                   + (replaced > 0 ? "; \(replaced) ill-formed unit\(replaced == 1 ? "" : "s") replaced by U+FFFD" : ""))
        return decoded.text
    }
    return file.withBytes { b in
        if let s = String(validating: b, as: UTF8.self) { return s }
        var replaced = 0, iterator = b.makeIterator(), decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .error: replaced += 1
            case .emptyInput: break decoding
            }
        }
        printError("zhkit \(command): \(file.name): not valid UTF-8; \(replaced) ill-formed sequence\(replaced == 1 ? "" : "s") replaced by U+FFFD (zhkit repair detects other encodings)")
        return String(decoding: b, as: UTF8.self)
    }
}

enum InputReader {
    /// Opens a named file, or standard input for `-`.
    static func read(_ path: String) throws -> InputFile { try InputFile.open(path) }

    static func paths(_ files: [String]) -> [String] { files.isEmpty ? ["-"] : files }
}

/// Buffered standard output: one write per 64 KiB.
struct OutputBuffer {
    private var buffer: [UInt8] = []
    init() { buffer.reserveCapacity(1 << 16) }

    mutating func write(_ s: String) {
        var s = s
        s.withUTF8 { write(bytes: $0) }
    }

    mutating func write(bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.count >= 1 << 16 {
            // Large output goes out directly, without a copy.
            flush()
            Self.writeAll(UnsafeRawBufferPointer(bytes))
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { Self.writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private static func writeAll(_ raw: UnsafeRawBufferPointer) {
        var off = 0
        while off < raw.count {
            let n = Foundation.write(1, raw.baseAddress! + off, raw.count - off)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            off += n
        }
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

/// Reads a file or standard input line by line without holding more than one chunk and one line:
/// regular files through the memory map, pipes in 1 MiB reads. A line is handed over without
/// its `\n` (a trailing `\r` is kept; callers trim it).
enum LineReader {
    /// Calls `body` with each line's bytes and its 1-based number.
    static func forEachLine(_ path: String, _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws -> Int {
        let file = try InputFile.openMapped(path)
        if let file {
            return try file.withBytes { bytes in
                var line = 0
                var start = 0
                var released = 0
                while start < bytes.count {
                    var end = start
                    if let nl = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start) {
                        end = UnsafePointer(nl.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress!
                    } else {
                        end = bytes.count
                    }
                    line += 1
                    try body(UnsafeBufferPointer(rebasing: bytes[start..<end]), line)
                    start = end + 1
                    // Pages already read are handed back, so memory stays flat however long
                    // the file (MAP_PRIVATE, never written: they are re-read if touched again).
                    if start - released >= 1 << 22 {
                        let upTo = start & ~(Int(sysconf(Int32(_SC_PAGESIZE))) - 1)
                        madvise(UnsafeMutableRawPointer(mutating: bytes.baseAddress! + released), upTo - released, MADV_DONTNEED)
                        released = upTo
                    }
                }
                return bytes.count
            }
        }
        let fd: Int32 = path == "-" ? 0 : Foundation.open(path, O_RDONLY)
        guard fd >= 0 else { throw CommandFailure(path, errno == ENOENT ? "no such file" : String(cString: strerror(errno))) }
        defer { if fd != 0 { close(fd) } }
        var total = 0
        var line = 0
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw CommandFailure(path, String(cString: strerror(errno))) }
            if n == 0 { break }
            total += n
            try chunk.withUnsafeBufferPointer { buffer in
                var start = 0
                while start < n {
                    guard let nl = memchr(buffer.baseAddress! + start, 0x0A, n - start) else {
                        pending.append(contentsOf: buffer[start..<n])
                        break
                    }
                    let end = UnsafePointer(nl.assumingMemoryBound(to: UInt8.self)) - buffer.baseAddress!
                    line += 1
                    if pending.isEmpty {
                        try body(UnsafeBufferPointer(rebasing: buffer[start..<end]), line)
                    } else {
                        pending.append(contentsOf: buffer[start..<end])
                        try pending.withUnsafeBufferPointer { try body($0, line) }
                        pending.removeAll(keepingCapacity: pending.capacity < 1 << 24)
                    }
                    start = end + 1
                }
            }
        }
        if !pending.isEmpty {
            line += 1
            try pending.withUnsafeBufferPointer { try body($0, line) }
        }
        return total
    }
}

/// A progress line on standard error, only when it is a terminal and the run lasts: documents,
/// megabytes and speed, rewritten at most twice a second and cleared at the end.
struct Progress {
    private let enabled = isatty(2) != 0
    private let start = Stats.now()
    private var last = 0.0
    private var shown = false

    mutating func update(documents: Int, bytes: Int) {
        guard enabled else { return }
        let now = Stats.now()
        guard now - start >= 1, now - last >= 0.5 else { return }
        last = now
        shown = true
        let mb = Double(bytes) / 1e6
        let line = String(format: "\r\u{1B}[Kzhkit: %d documents, %.1f MB, %.1f MB/s", documents, mb, mb / (now - start))
        FileHandle.standardError.write(Data(line.utf8))
    }

    mutating func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}
