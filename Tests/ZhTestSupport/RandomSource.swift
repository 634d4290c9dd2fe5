/// A seeded generator (SplitMix64), so a failing property test can be replayed from its seed.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Where `../shared` is, when the project sits beside it (a developer's or CI's checkout).
public enum SharedData {
    /// The shared folder, or nil for a user's clone without it (tests then skip, saying so).
    public static var root: String? {
        var dir = #filePath
        for _ in 0..<3 { dir = String(dir[..<(dir.lastIndex(of: "/") ?? dir.startIndex)]) }
        // dir is the package root; ../shared sits beside it.
        let candidate = String(dir[..<(dir.lastIndex(of: "/") ?? dir.startIndex)]) + "/shared"
        return fileExists(candidate + "/CONTRACT.md") ? candidate : nil
    }

    /// The package root (the folder holding Package.swift).
    public static var packageRoot: String {
        var dir = #filePath
        for _ in 0..<3 { dir = String(dir[..<(dir.lastIndex(of: "/") ?? dir.startIndex)]) }
        return dir
    }

    private static func fileExists(_ path: String) -> Bool {
        guard let f = fopen(path, "r") else { return false }
        fclose(f)
        return true
    }

    /// The bytes of a file, or nil when it cannot be read.
    public static func read(_ path: String) -> [UInt8]? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = fread(&buf, 1, buf.count, f)
            if n <= 0 { break }
            out.append(contentsOf: buf[0..<n])
        }
        return out
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
